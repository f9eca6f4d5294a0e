import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { WishSummary } from '../../../../types'
import { when } from './format'

/** A wish in a list: what, near which building, when wanted — never who. A tap opens it. */
export function WishCard({ w }: { w: WishSummary }) {
  return (
    <View
      className='card list-item'
      // named by its words (title, state, nearness, place, time), as the eye reads them
      ariaRole='button'
      onClick={() => void Taro.navigateTo({ url: `/packages/wish/pages/detail/index?id=${encodeURIComponent(w.id)}` })}
    >
      <Text className='list-item-title line'>{w.title}</Text>
      <View className='row'>
        <Text className='tag'>{w.stateLabel}</Text>
        {w.nearLabel ? <Text className='wish-near'>{w.nearLabel}</Text> : null}
      </View>
      <Text className='list-item-meta line'>{`${w.place}附近 · 希望 ${when(w.wantedAt)}`}</Text>
      {w.excerpt ? <Text className='list-item-meta line'>{w.excerpt}</Text> : null}
    </View>
  )
}
