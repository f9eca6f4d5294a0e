import { View, Text } from '@tarojs/components'
import type { TicketView } from '../../types/tickets'
import { formatTime } from './format'
import { DeadlineClock } from './DeadlineClock'
import { PhotoGrid } from './PhotoPicker'
import { StateTag } from './TicketCard'
import './tickets.css'

const LEVELS: Record<string, string> = { grid: '网格', community: '社区', street: '街道' }

/** What the ticket is, where, who handles it, and how much time is left. */
export function TicketHeader({ ticket }: { ticket: TicketView }) {
  const t = ticket
  return (
    <View className='card'>
      <View className='ticket-card-head'>
        <Text className='title'>{t.categoryLabel}</Text>
        <StateTag state={t.state} label={t.stateLabel} />
      </View>
      <Text className='list-item-meta'>{`${t.placeLabel} · ${formatTime(t.createdAt)}提交`}</Text>
      <DeadlineClock state={t.state} dueAt={t.dueAt} overdue={t.overdue} />
      <Text className='ticket-excerpt'>{t.text || '（未填写文字说明）'}</Text>
      <PhotoGrid photos={t.photos} label='报事照片' />
      <View className='kv'>
        <Text className='kv-key'>办理人</Text>
        <Text>{t.assignee ? t.assignee.name : '等待分派'}</Text>
      </View>
      {t.level !== 'grid' ? (
        <View className='kv'>
          <Text className='kv-key'>办理层级</Text>
          <Text>{`已上报${LEVELS[t.level] ?? t.level}`}</Text>
        </View>
      ) : null}
      {t.reporterName ? (
        <View className='kv'>
          <Text className='kv-key'>报事人</Text>
          <Text>{t.reporterPhone ? `${t.reporterName} ${t.reporterPhone}` : t.reporterName}</Text>
        </View>
      ) : null}
      {t.followers > 1 ? (
        <View className='kv'>
          <Text className='kv-key'>同样遇到</Text>
          <Text>{`${t.followers}户`}</Text>
        </View>
      ) : null}
      {t.resolution ? (
        <View className='resolution'>
          <Text className='subtitle'>办理结果</Text>
          <Text className='ticket-excerpt'>{t.resolution.note}</Text>
          <PhotoGrid photos={t.resolution.photos} label='处理后照片' />
        </View>
      ) : null}
      {t.confirmation === 'unconfirmed' ? <Text className='muted'>居民未确认，超期自动办结</Text> : null}
      {t.rating ? <Text className='ticket-excerpt'>{`居民评价：${'★'.repeat(t.rating.score)}${t.rating.comment ? ` ${t.rating.comment}` : ''}`}</Text> : null}
    </View>
  )
}
