import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { TICKET_STATE_LABELS, type TicketState } from '../../../types/ticketLabels'
import { fetchDevOutbox, type OutboxItem } from '../../api/dev'
import { Empty, Loading } from '../../components/States'
import { formatTime } from '../../components/format'
import { Page } from '../../components/Page'

const KIND_LABELS: Record<string, string> = { assigned: '派给您办理', stateChanged: '办理状态更新', progress: '办理有新进展' }

/**
 * Local H5 only: the notifications the functions recorded, i.e. the subscription messages phones would receive
 * in production (to whom, about which ticket, sent or only recorded).
 */
export default function DevOutbox() {
  const [answer, setAnswer] = useState<Awaited<ReturnType<typeof fetchDevOutbox>> | null>(null)
  const load = () => {
    setAnswer(null)
    void fetchDevOutbox().then((a) => {
      setAnswer(a)
      Taro.stopPullDownRefresh()
    })
  }
  useEffect(load, [])
  usePullDownRefresh(load)

  if (!answer) return <Loading />
  if (!answer.ok)
    return (
      <Page>
        <Text className='muted'>{answer.message}</Text>
      </Page>
    )
  return (
    <Page className='dev-outbox'>
      <Button className='btn btn-secondary btn-block' onClick={load}>
        刷新
      </Button>
      {answer.data.length === 0 ? <Empty text='还没有消息' /> : null}
      {answer.data.map((m: OutboxItem) => (
        <View key={m._id} className='card'>
          <Text className='subtitle'>{`${KIND_LABELS[m.kind] ?? m.kind} → ${m.to}`}</Text>
          <Text className='muted'>{`${m.payload.category} · ${m.payload.place} · ${TICKET_STATE_LABELS[m.payload.state as TicketState] ?? m.payload.state}`}</Text>
          <Text className='muted'>{`${formatTime(m.createdAt)} · ${m.sentAt ? '已发送' : '仅记录（未配置订阅消息模板）'}`}</Text>
        </View>
      ))}
    </Page>
  )
}
