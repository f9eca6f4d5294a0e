import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MatterSuggestion, MatterSummary } from '../../../../../types'
import { call } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { useRemote } from '../../../../hooks/useRemote'
import { usePullToReload, useReloadOnReturn } from '../../../../hooks/useRefresh'
import { ChoiceList } from '../../../../components/ChoiceList'
import { PagedFooter } from '../../../../components/PagedFooter'
import { MemberGate, useMemberCommunity } from '../../../../hooks/useMemberCommunity'
import { ORGANISERS } from '../../../../lib/roles'
import { when } from '../../components/format'
import { Page } from '../../../../components/Page'
import '../../components/council.css'

const open = (id: string) => void Taro.navigateTo({ url: `/packages/council/pages/matter/index?id=${encodeURIComponent(id)}` })

function MatterCard({ m }: { m: MatterSummary }) {
  return (
    // named by its words (title, state or 表决进行中, my vote), as the eye reads them
    <View className='card list-item' ariaRole='button' onClick={() => open(m.id)}>
      <Text className='list-item-title'>{m.title}</Text>
      <View className='row'>
        {m.openVote && !m.openVote.voted ? <Text className='badge-open'>表决进行中</Text> : <Text className='tag'>{m.stateLabel}</Text>}
        <Text className='muted'>{m.scopeLabel}</Text>
      </View>
      {m.openVote ? <Text className='list-item-meta'>{`${m.openVote.voted ? '您已投票' : '您还没有投票'}，${when(m.openVote.closesAt)} 截止`}</Text> : null}
      {m.publicityUntil && m.state === 'implementation' ? <Text className='list-item-meta'>{`公示至 ${when(m.publicityUntil)}`}</Text> : null}
    </View>
  )
}

/** Tickets piling up in one building: the branch can turn them into a matter with the tickets as evidence. */
function Suggestions({ communityId, canPropose }: { communityId: string; canPropose: boolean }) {
  const { state } = useRemote(() => call('council', 'suggestions', { communityId }), [communityId])
  if (state.status !== 'ok' || !state.data.length) return null
  return (
    <View className='card'>
      <Text className='subtitle'>建议议题（同楼同类报事较多）</Text>
      {state.data.map((s: MatterSuggestion) => (
        <View key={`${s.buildingId}-${s.category}`} className='list-item'>
          <Text>{`${s.buildingName}：${s.categoryLabel} ${s.count} 件（近30天）`}</Text>
          {canPropose ? (
            <Button
              className='btn btn-secondary btn-block'
              onClick={() =>
                void Taro.navigateTo({
                  url: `/packages/council/pages/propose/index?communityId=${communityId}&building=${s.buildingId}&category=${s.category}`,
                })
              }
            >
              据此起草议题
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  )
}

/** 议事协商: matters that concern me, open votes first; the branch drafts new ones here. */
export default function CouncilList() {
  const member = useMemberCommunity()
  const { communities, communityId } = member
  const list = usePaged((page) => (communityId ? call('council', 'list', { communityId, page, pageSize: 20 }) : null), [communityId])
  useReloadOnReturn(list.reload)
  usePullToReload(list.reload)
  const organiser = member.has(ORGANISERS)
  const branch = member.has(['branch_secretary'])

  return (
    <MemberGate member={member} needsHousehold='绑定住户后，就能看到社区的议事协商和表决。'>
      <Page className='council-list'>
        {communities.length > 1 ? (
          <ChoiceList choices={communities.map((c) => ({ id: c.id, label: c.name }))} selectedId={communityId} onChoose={(c) => member.pick(c.id)} />
        ) : null}
        {branch ? (
          <Button
            className='btn btn-primary btn-big btn-block'
            onClick={() => void Taro.navigateTo({ url: `/packages/council/pages/propose/index?communityId=${communityId}` })}
          >
            新建议题（党组织提议）
          </Button>
        ) : null}
        {organiser && communityId ? <Suggestions communityId={communityId} canPropose={branch} /> : null}
        {list.items.map((m) => (
          <MatterCard key={m.id} m={m} />
        ))}
        <PagedFooter list={list} emptyText='目前没有与您有关的议题' />
      </Page>
    </MemberGate>
  )
}
