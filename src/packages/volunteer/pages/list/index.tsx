import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ActivitySummary } from '../../../../../types'
import { call } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { usePullToReload, useReloadOnReturn } from '../../../../hooks/useRefresh'
import { ChoiceList } from '../../../../components/ChoiceList'
import { PagedFooter } from '../../../../components/PagedFooter'
import { Tabs } from '../../../../components/Chip'
import { myStatus, seats, span } from '../../components/format'
import { MemberGate, useMemberCommunity } from '../../../../hooks/useMemberCommunity'
import { ORGANISERS } from '../../../../lib/roles'
import { Page } from '../../../../components/Page'
import '../../components/volunteer.css'

type Tab = 'upcoming' | 'mine' | 'past'
const TABS: { key: Tab; label: string; empty: string }[] = [
  { key: 'upcoming', label: '即将开始', empty: '近期还没有志愿服务活动' },
  { key: 'mine', label: '我报名的', empty: '您还没有报名活动' },
  { key: 'past', label: '已结束', empty: '还没有已结束的活动' },
]

const go = (url: string) => void Taro.navigateTo({ url })

function ActivityCard({ a }: { a: ActivitySummary }) {
  const status = myStatus(a.me)
  return (
    <View
      className='card list-item'
      // named by its words (title, phase, my status, time, place, places left), as the eye reads them
      ariaRole='button'
      onClick={() => go(`/packages/volunteer/pages/activity/index?id=${encodeURIComponent(a.id)}`)}
    >
      <Text className='list-item-title line'>{a.title}</Text>
      <View className='row'>
        <Text className='tag'>{a.phaseLabel}</Text>
        {status ? <Text className={`vol-status ${a.me?.status === 'waitlisted' ? 'vol-waiting' : ''}`}>{status}</Text> : null}
      </View>
      <Text className='list-item-meta line'>{span(a.startAt, a.endAt)}</Text>
      <Text className='list-item-meta line'>{a.place}</Text>
      <Text className='list-item-meta line'>{seats(a)}</Text>
    </View>
  )
}

/** 志愿服务: the community's activities (soonest first), the ones I signed up for, past ones; organisers publish here. */
export default function VolunteerList() {
  const member = useMemberCommunity()
  const { communities, communityId } = member
  const [tab, setTab] = useState<Tab>('upcoming')
  const list = usePaged(
    (page) =>
      communityId ? call('volunteers', 'list', { communityId, when: tab === 'past' ? 'past' : 'upcoming', mine: tab === 'mine', page, pageSize: 20 }) : null,
    [communityId, tab],
  )
  useReloadOnReturn(list.reload)
  usePullToReload(list.reload)
  const organiser = member.has(ORGANISERS)
  const current = TABS.find((t) => t.key === tab) ?? TABS[0]

  return (
    <MemberGate member={member} needsHousehold='绑定住户后，就能报名社区的志愿服务活动。'>
      <Page className='volunteer-list'>
        {communities.length > 1 ? (
          <ChoiceList choices={communities.map((c) => ({ id: c.id, label: c.name }))} selectedId={communityId} onChoose={(c) => member.pick(c.id)} />
        ) : null}
        {organiser ? (
          <Button className='btn btn-primary btn-big btn-block' onClick={() => go(`/packages/volunteer/pages/publish/index?communityId=${communityId}`)}>
            发布活动
          </Button>
        ) : null}
        {organiser ? (
          <Button className='btn btn-secondary btn-block' onClick={() => go(`/packages/volunteer/pages/issue/index?communityId=${communityId}`)}>
            出具志愿服务证明
          </Button>
        ) : null}
        <View className='row'>
          <Button className='btn btn-secondary' onClick={() => go(`/packages/volunteer/pages/record/index?communityId=${communityId}`)}>
            我的服务记录
          </Button>
          <Button className='btn btn-secondary' onClick={() => go(`/packages/volunteer/pages/party/index?communityId=${communityId}`)}>
            在职党员报到
          </Button>
          <Button className='btn btn-secondary' onClick={() => go(`/packages/wish/pages/board/index?communityId=${communityId}`)}>
            认领微心愿
          </Button>
        </View>
        <Tabs tabs={TABS} value={tab} onChange={setTab} />
        {list.items.map((a) => (
          <ActivityCard key={a.id} a={a} />
        ))}
        <PagedFooter list={list} emptyText={current.empty} />
      </Page>
    </MemberGate>
  )
}
