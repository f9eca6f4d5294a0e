import { View, Text } from '@tarojs/components'
import type { TicketEventType, TimelineEntryView } from '../../types/tickets'
import { ROLE_LABELS } from '../../types/roles'
import { formatTime } from './format'
import { PhotoGrid } from './PhotoPicker'
import './tickets.css'

export const EVENT_LABELS: Record<TicketEventType, string> = {
  submit: '提交报事',
  assign: '分派给网格员',
  join: '邻居也遇到这个问题',
  accept: '已受理',
  progress: '办理进展',
  resolve: '已办结',
  escalate: '上报（吹哨）',
  transfer: '转交他人办理',
  reassign: '改派办理人',
  confirm: '居民确认已解决',
  reopen: '居民反馈未解决，重新办理',
  rate: '居民评价',
  withdraw: '已撤回',
  merge: '合并到其他报事',
  absorb: '合并了重复报事',
  markOverdue: '已超时',
  autoEscalate: '超时未响应，自动上报',
  autoClose: '超时未确认，自动办结',
  callback: '社区回访',
}

const LEVEL_WORDS: Record<string, string> = { community: '社区', street: '街道', grid: '网格' }

/** Who did what and when, oldest first; nothing is ever removed. */
export function Timeline({ entries }: { entries: TimelineEntryView[] }) {
  return (
    <View className='timeline' ariaRole='list' ariaLabel='办理过程'>
      {entries.map((e, i) => {
        const who = e.actor.role === 'system' ? '系统' : `${ROLE_LABELS[e.actor.role] ?? ''} ${e.actor.name}`.trim()
        const detail = e.detail ? (LEVEL_WORDS[e.detail] ?? e.detail) : null
        return (
          <View key={`${e.at}-${i}`} className='timeline-entry' ariaRole='listitem'>
            <Text className='timeline-what'>{detail ? `${EVENT_LABELS[e.event] ?? e.event}：${detail}` : (EVENT_LABELS[e.event] ?? e.event)}</Text>
            <Text className='timeline-meta'>{`${formatTime(e.at)} · ${who}`}</Text>
            {e.note ? <Text className='timeline-note'>{e.note}</Text> : null}
            <PhotoGrid photos={e.photos} label='过程照片' />
          </View>
        )
      })}
    </View>
  )
}
