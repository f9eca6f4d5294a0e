import { useState } from 'react'
import { Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { call } from '../../api'
import { usePaged } from '../../hooks/usePaged'
import { usePullToReload, useReloadOnReturn } from '../../hooks/useRefresh'
import { PagedFooter } from '../../components/PagedFooter'
import { TicketCard } from '../../components/TicketCard'
import { Tabs } from '../../components/Chip'
import { QueuedReports } from '../../components/QueuedReports'
import { Page } from '../../components/Page'
import '../../components/tickets.css'

type Tab = 'open' | 'done'
const TABS: { key: Tab; label: string }[] = [
  { key: 'open', label: '进行中' },
  { key: 'done', label: '已完成' },
]

/** 我的报事: what I reported or joined, in progress or finished, page by page. */
export default function MyTickets() {
  const [tab, setTab] = useState<Tab>('open')
  const list = usePaged((page) => call('tickets', 'mine', { page, pageSize: 20, status: tab }), [tab])
  // Coming back from a ticket (confirmed, rated, withdrawn): read the list again. The first show is the mount.
  useReloadOnReturn(list.reload)
  usePullToReload(list.reload)

  return (
    <Page className='my-tickets'>
      <Tabs tabs={TABS} value={tab} onChange={setTab} />
      {/* reports still on the phone (no network when they were sent): shown until filed, cancellable */}
      {tab === 'open' ? <QueuedReports onSent={list.reload} /> : null}
      {list.items.map((t) => (
        <TicketCard key={t.id} ticket={t} onOpen={(x) => void Taro.navigateTo({ url: `/pages/ticket/index?id=${encodeURIComponent(x.id)}` })} />
      ))}
      <PagedFooter list={list} emptyText={tab === 'open' ? '没有正在办理的报事' : '还没有办完的报事'} />
      {tab === 'open' && !list.loading && !list.error && list.items.length === 0 ? (
        <Text className='muted state-text'>看到楼道里的问题，扫一扫楼道里的二维码就能报事。</Text>
      ) : null}
      {process.env.TARO_ENV === 'weapp' ? null : (
        <Button className='btn btn-plain btn-block' onClick={list.reload}>
          刷新
        </Button>
      )}
    </Page>
  )
}
