import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { TicketState } from '../../types/ticketLabels'
import { formatSpan } from './format'
import './tickets.css'

const RESPOND: TicketState[] = ['submitted', 'assigned']
const RESOLVE: TicketState[] = ['accepted']

/** Time left to respond (before acceptance) or to resolve (after); 已超时 in red. Nothing once resolved or closed. */
export function DeadlineClock({ state, dueAt, overdue }: { state: TicketState; dueAt: string | null; overdue: boolean }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(t)
  }, [])
  const what = RESPOND.includes(state) ? '响应' : RESOLVE.includes(state) ? '办结' : null
  if (!what || !dueAt) return null
  const left = new Date(dueAt).getTime() - now
  const late = overdue || left <= 0
  const text = late ? `已超时${left < 0 ? ` ${formatSpan(left)}` : ''}（${what}时限）` : `距${what}时限还剩 ${formatSpan(left)}`
  return (
    <View className={`clock ${late ? 'clock-late' : ''}`} ariaRole='timer' ariaLabel={text}>
      <Text>{text}</Text>
    </View>
  )
}
