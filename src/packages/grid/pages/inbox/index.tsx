import { useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { InboxView, TicketSummary } from '../../../../../types/tickets'
import { call } from '../../../../api'
import { useMe } from '../../../../hooks/useMe'
import { usePaged } from '../../../../hooks/usePaged'
import { usePullToReload, useReloadOnReturn } from '../../../../hooks/useRefresh'
import { GRID_ROLES, communitiesWithRole } from '../../../../lib/roles'
import { Empty, ErrorState, Loading } from '../../../../components/States'
import { PagedFooter } from '../../../../components/PagedFooter'
import { TicketCard } from '../../../../components/TicketCard'
import { Chip } from '../../../../components/Chip'
import { Page } from '../../../../components/Page'
import '../../../../components/tickets.css'

/** overdue first, then new (not yet accepted), then in progress; the server orders the same way */
const rank = (t: TicketSummary) => (t.overdue ? 0 : t.state === 'submitted' || t.state === 'assigned' ? 1 : 2)

/** The grid member's inbox: counts on top, overdue first, pull down to refresh, page by page. */
export default function Inbox() {
  const me = useMe()
  const meData = me.state.status === 'ok' ? me.state.data : null
  const communities = useMemo(() => communitiesWithRole(meData, GRID_ROLES), [meData])
  const [picked, setPicked] = useState<string | null>(null)
  const communityId = picked ?? communities[0]?.id ?? null
  const [counts, setCounts] = useState<InboxView['counts'] | null>(null)

  const list = usePaged(
    (page) =>
      communityId
        ? call('tickets', 'inbox', { communityId, page, pageSize: 20 }).then((res) => {
            if (res.ok && page === 1) setCounts(res.data.counts)
            return res
          })
        : null,
    [communityId],
  )
  const items = useMemo(
    () =>
      list.items
        .map((t, i) => ({ t, i }))
        .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
        .map((x) => x.t),
    [list.items],
  )

  useReloadOnReturn(list.reload)
  usePullToReload(list.reload)

  if (me.state.status === 'error')
    return (
      <Page>
        <ErrorState error={me.state.error} onRetry={me.reload} showHome />
      </Page>
    )
  if (me.state.status === 'loading') return <Loading />
  if (!communities.length)
    return (
      <Page>
        <Empty text='您还不是网格员，请联系社区' />
      </Page>
    )

  const open = (t: TicketSummary) => void Taro.navigateTo({ url: `/packages/grid/pages/handle/index?id=${encodeURIComponent(t.id)}` })

  return (
    <Page className='grid-inbox'>
      {communities.length > 1 ? (
        <View className='filter-row' ariaRole='radiogroup' ariaLabel='社区'>
          {communities.map((c) => (
            <Chip key={c.id} on={c.id === communityId} label={c.name} onClick={() => setPicked(c.id)} />
          ))}
        </View>
      ) : null}
      <View className='card counts' ariaLabel={counts ? `超期${counts.overdue}件，新报事${counts.new}件，处理中${counts.inProgress}件` : '待办数量'}>
        <View className='count count-overdue'>
          <Text className='count-num'>{counts ? String(counts.overdue) : '-'}</Text>
          <Text className='count-label'>超期</Text>
        </View>
        <View className='count'>
          <Text className='count-num'>{counts ? String(counts.new) : '-'}</Text>
          <Text className='count-label'>新报事</Text>
        </View>
        <View className='count'>
          <Text className='count-num'>{counts ? String(counts.inProgress) : '-'}</Text>
          <Text className='count-label'>处理中</Text>
        </View>
      </View>
      {items.map((t) => (
        <TicketCard key={t.id} ticket={t} onOpen={open} />
      ))}
      <PagedFooter list={list} emptyText='暂时没有待处理的报事' />
    </Page>
  )
}
