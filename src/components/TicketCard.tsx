import { View, Text } from '@tarojs/components'
import type { TicketSummary } from '../../types/tickets'
import { formatTime } from './format'
import './tickets.css'

const DONE = ['closed', 'withdrawn', 'merged', 'resolved']

export function StateTag({ state, label }: { state: string; label: string }) {
  return <Text className={`state-tag ${DONE.includes(state) ? 'state-tag-done' : ''}`}>{label}</Text>
}

/** One ticket in a list: category, state, place, first line, when; overdue in red. */
export function TicketCard({ ticket, onOpen, extra }: { ticket: TicketSummary; onOpen: (t: TicketSummary) => void; extra?: string }) {
  const t = ticket
  return (
    <View
      className='card ticket-card'
      // named by its words, as the eye reads them (category, state, text, place, overdue)
      ariaRole='button'
      onClick={() => onOpen(t)}
    >
      <View className='ticket-card-head'>
        <Text className='ticket-card-title'>{t.categoryLabel}</Text>
        <StateTag state={t.state} label={t.stateLabel} />
      </View>
      <Text className='ticket-excerpt'>{t.excerpt || '（未填写文字说明）'}</Text>
      <Text className='list-item-meta'>{`${t.placeLabel} · ${formatTime(t.createdAt)}${extra ? ` · ${extra}` : ''}`}</Text>
      <View>
        {t.overdue ? <Text className='tag tag-overdue'>已超时</Text> : null}
        {t.followers > 1 ? <Text className='tag'>{`${t.followers}户遇到`}</Text> : null}
      </View>
    </View>
  )
}
