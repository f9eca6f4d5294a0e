import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ErrorBody, WishSummary } from '../../../../../types'
import { call } from '../../../../api'
import { useMemberCommunity, MemberGate } from '../../../../hooks/useMemberCommunity'
import { usePullToReload, useReloadOnReturn } from '../../../../hooks/useRefresh'
import { usePaged } from '../../../../hooks/usePaged'
import { PagedFooter } from '../../../../components/PagedFooter'
import { Page } from '../../../../components/Page'
import { WishCard } from '../../components/WishCard'
import '../../components/wish.css'

const go = (url: string) => void Taro.navigateTo({ url })

/** Why someone cannot claim yet, and the two ways to become someone who can. */
function NotYet({ communityId }: { communityId: string }) {
  return (
    <View className='card' ariaRole='note'>
      <Text className='subtitle line'>认领微心愿需是本社区的志愿者或党员</Text>
      <Text className='line'>报名参加一次社区的志愿服务活动，或作为在职党员到社区报到，就可以认领居民的微心愿了。</Text>
      <Button className='btn btn-secondary btn-block' onClick={() => go('/packages/volunteer/pages/list/index')}>
        去看志愿服务活动
      </Button>
      <Button className='btn btn-secondary btn-block' onClick={() => go(`/packages/volunteer/pages/party/index?communityId=${communityId}`)}>
        在职党员报到
      </Button>
    </View>
  )
}

/** 认领微心愿: approved wishes nobody holds, those near my home first (same unit, building, grid), soonest wanted first. */
export default function WishBoard() {
  const member = useMemberCommunity()
  const picked = useRouter()?.params?.communityId
  const communityId = picked || member.communityId
  const [volunteer, setVolunteer] = useState<boolean | null>(null)
  const list = usePaged<WishSummary>(
    (page) =>
      communityId
        ? call('wishes', 'nearby', { communityId, page, pageSize: 20 }).then((res) => {
            if (res.ok) setVolunteer(res.data.volunteer)
            return res
          })
        : null,
    [communityId],
  )
  useReloadOnReturn(list.reload)
  usePullToReload(list.reload)
  const error: ErrorBody | null = list.error

  return (
    <MemberGate member={member} needsHousehold='绑定住户后，就能认领社区的微心愿。'>
      <Page className='wish-board'>
        {volunteer === false && communityId ? (
          <NotYet communityId={communityId} />
        ) : (
          <>
            <View className='card'>
              <Text className='line'>离您家近的排在前面。认领后请和心愿人电话约好时间，在规定天数内完成。</Text>
            </View>
            {list.items.map((w) => (
              <WishCard key={w.id} w={w} />
            ))}
            <PagedFooter list={list} error={error} emptyText='现在没有待认领的微心愿，过几天再来看看' />
          </>
        )}
      </Page>
    </MemberGate>
  )
}
