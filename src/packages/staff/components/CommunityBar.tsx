import type { ReactNode } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { ChoiceList } from '../../../components/ChoiceList'
import { Empty, ErrorState, Loading } from '../../../components/States'
import type { useStaffCommunity } from './useStaffCommunity'
import './staff.css'

type Staff = ReturnType<typeof useStaffCommunity>

/** Shows the chosen community with a 切换 button, or the list to choose from. Renders children once chosen. */
export function CommunityBar({ staff, children }: { staff: Staff; children: ReactNode }) {
  if (staff.loading) return <Loading />
  if (staff.error && !staff.choices.length) return <ErrorState error={staff.error} onRetry={staff.me.reload} showHome />
  if (!staff.choices.length) return <Empty text='您还没有社区管理身份，请使用邀请码获得身份' />
  if (!staff.community) {
    return (
      <View className='card'>
        <Text className='subtitle'>请选择社区</Text>
        <ChoiceList choices={staff.choices.map((c) => ({ id: c.id, label: c.name }))} onChoose={(c) => staff.choose(c.id)} />
      </View>
    )
  }
  return (
    <View>
      <View className='card community-bar'>
        <Text className='title'>{staff.community.name}</Text>
        {staff.choices.length > 1 ? (
          <Button className='btn btn-plain' onClick={() => staff.choose(null)}>
            切换社区
          </Button>
        ) : null}
      </View>
      {children}
    </View>
  )
}
