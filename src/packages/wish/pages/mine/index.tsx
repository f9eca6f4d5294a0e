import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { call } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { usePullToReload, useReloadOnReturn } from '../../../../hooks/useRefresh'
import { MemberGate, useMemberCommunity } from '../../../../hooks/useMemberCommunity'
import { ChoiceList } from '../../../../components/ChoiceList'
import { PagedFooter } from '../../../../components/PagedFooter'
import { Tabs } from '../../../../components/Chip'
import { Page } from '../../../../components/Page'
import { ORGANISERS } from '../../../../lib/roles'
import { WishCard } from '../../components/WishCard'
import '../../components/wish.css'

type Tab = 'requester' | 'claimant'
const TABS: { key: Tab; label: string; empty: string }[] = [
  { key: 'requester', label: '我发布的', empty: '您还没有发布过微心愿' },
  { key: 'claimant', label: '我认领的', empty: '您还没有认领微心愿' },
]

const go = (url: string) => void Taro.navigateTo({ url })

/** 微心愿: the wishes I asked for and the ones I claimed; from here I post one, look for one to claim, or (staff) review. */
export default function MyWishes() {
  const member = useMemberCommunity()
  const { communities, communityId } = member
  const [tab, setTab] = useState<Tab>('requester')
  const list = usePaged((page) => (communityId ? call('wishes', 'mine', { communityId, as: tab, page, pageSize: 20 }) : null), [communityId, tab])
  useReloadOnReturn(list.reload)
  usePullToReload(list.reload)
  const current = TABS.find((t) => t.key === tab) ?? TABS[0]

  return (
    <MemberGate member={member} needsHousehold='绑定住户后，就能发布和认领社区的微心愿。'>
      <Page className='wish-mine'>
        {communities.length > 1 ? (
          <ChoiceList choices={communities.map((c) => ({ id: c.id, label: c.name }))} selectedId={communityId} onChoose={(c) => member.pick(c.id)} />
        ) : null}
        <View className='card'>
          <Text className='line'>换灯泡、陪同看病、教用手机……生活中的小困难，说出来，社区的志愿者和党员来帮您。</Text>
        </View>
        <Button className='btn btn-primary btn-big btn-block' onClick={() => go(`/packages/wish/pages/post/index?communityId=${communityId}`)}>
          发布微心愿
        </Button>
        <Button className='btn btn-secondary btn-big btn-block' onClick={() => go(`/packages/wish/pages/board/index?communityId=${communityId}`)}>
          认领微心愿（志愿者、党员）
        </Button>
        {member.has(ORGANISERS) ? (
          <Button className='btn btn-secondary btn-block' onClick={() => go(`/packages/wish/pages/review/index?communityId=${communityId}`)}>
            微心愿审核与管理
          </Button>
        ) : null}
        <Tabs tabs={TABS} value={tab} onChange={setTab} />
        {list.items.map((w) => (
          <WishCard key={w.id} w={w} />
        ))}
        <PagedFooter list={list} emptyText={current.empty} />
      </Page>
    </MemberGate>
  )
}
