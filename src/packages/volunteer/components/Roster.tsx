import { useState } from 'react'
import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RosterEntryView } from '../../../../types'
import { toast } from '../../../components/ConfirmModal'
import { hours, when } from './format'

function Person({
  p,
  communityId,
  canAdjust,
  busy,
  onAdjust,
}: {
  p: RosterEntryView
  communityId: string
  canAdjust: boolean
  busy: boolean
  onAdjust: (hours: number, reason: string) => Promise<boolean>
}) {
  const [open, setOpen] = useState(false)
  const [value, setValue] = useState(p.hours === null ? '' : String(p.hours))
  const [reason, setReason] = useState('')
  const status = p.status === 'waitlisted' && p.waitlistPosition ? `候补第${p.waitlistPosition}位` : p.statusLabel
  const save = async () => {
    const h = Number(value)
    if (value.trim() === '' || !Number.isFinite(h) || h < 0 || h > 24) return toast('请填写0到24之间的时长')
    if (!reason.trim()) return toast('请填写更正理由')
    if (await onAdjust(h, reason.trim())) setOpen(false)
  }
  return (
    <View className='vol-person'>
      <Text className='line'>{`${p.name}${p.phone ? `（${p.phone}）` : ''} · ${status}`}</Text>
      {p.checkinAt ? <Text className='muted line'>{`签到 ${when(p.checkinAt)}${p.checkoutAt ? `，签退 ${when(p.checkoutAt)}` : ''}`}</Text> : null}
      {p.hours !== null ? <Text className='line'>{`服务时长 ${hours(p.hours)}${p.recorderName ? `（${p.recorderName}确认）` : ''}`}</Text> : null}
      {p.adjustments.map((a) => (
        <Text
          key={a.at}
          className='muted line'
        >{`${when(a.at)} ${a.byName}更正：${a.oldHours === null ? '无' : hours(a.oldHours)} → ${hours(a.newHours)}，${a.reason}`}</Text>
      ))}
      <View className='row'>
        {canAdjust && p.status === 'confirmed' && !open ? (
          <Button className='btn btn-secondary' onClick={() => setOpen(true)}>
            调整时长
          </Button>
        ) : null}
        <Button
          className='btn btn-plain'
          onClick={() =>
            void Taro.navigateTo({ url: `/packages/volunteer/pages/record/index?communityId=${communityId}&openid=${encodeURIComponent(p.openid)}` })
          }
        >
          服务记录
        </Button>
      </View>
      {open ? (
        <View className='form'>
          <Text className='field-label'>{`${p.name}的服务时长（小时）`}</Text>
          <Input className='input' type='digit' value={value} ariaLabel={`${p.name}的服务时长，单位小时`} onInput={(e) => setValue(e.detail.value)} />
          <Text className='field-label'>更正理由</Text>
          <Textarea
            className='textarea'
            value={reason}
            maxlength={200}
            ariaLabel='更正理由'
            placeholder='比如：忘记签退，实际服务到活动结束'
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button className='btn btn-primary btn-block' disabled={busy} onClick={() => void save()}>
            保存时长
          </Button>
          <Button className='btn btn-plain btn-block' onClick={() => setOpen(false)}>
            取消
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** Who signed up (confirmed, then the waitlist, then those who cancelled), as organisers see it. */
export function Roster({
  roster,
  communityId,
  canAdjust,
  busy,
  onAdjust,
}: {
  roster: RosterEntryView[]
  communityId: string
  canAdjust: boolean
  busy: boolean
  onAdjust: (openid: string, hours: number, reason: string) => Promise<boolean>
}) {
  return (
    <View className='card roster'>
      <Text className='subtitle line'>{`报名名单（${roster.filter((p) => p.status !== 'cancelled').length} 人）`}</Text>
      {roster.length ? null : <Text className='muted line'>还没有人报名</Text>}
      {roster.map((p) => (
        <Person key={p.openid} p={p} communityId={communityId} canAdjust={canAdjust} busy={busy} onAdjust={(h, r) => onAdjust(p.openid, h, r)} />
      ))}
    </View>
  )
}
