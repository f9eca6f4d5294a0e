import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Toggle } from '../../components/Chip'
import { largeTypeOn, setLargeType } from '../../lib/largeType'

/** 大字模式 on 我的: kept on this phone; until chosen, weapp follows WeChat's own font size (lib/largeType). */
export function LargeTypeCard() {
  const [on, setOn] = useState(largeTypeOn)
  return (
    <View className='card large-type-card'>
      <Toggle
        on={on}
        label='大字模式'
        onChange={(next) => {
          setLargeType(next)
          setOn(next)
        }}
      />
      <Text className='muted line'>字和按钮都更大，看得清、点得准。只在这台手机上生效。</Text>
    </View>
  )
}
