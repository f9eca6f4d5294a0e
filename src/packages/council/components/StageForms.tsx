import { useState } from 'react'
import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import { Toggle } from '../../../components/Chip'
import type { MatterKind, RollKind, VoteUnit } from '../../../../types'
import { ROLL_KIND_LABELS, VOTE_RULE_LABELS, VOTE_UNIT_LABELS, ruleFor, rollsFor, unitsFor } from '../../../../types/councilLabels'
import { ChoiceList } from '../../../components/ChoiceList'
import { PhotoPicker } from '../../../components/PhotoPicker'
import { beijing } from '../../../lib/time'

const today = () => beijing().format('YYYY-MM-DD')

export interface StageInput {
  date: string
  minutes: string
  attendance: { present: number; expected: number }
  attendees: string
  outcome: 'agreed' | 'rejected'
  reason: string
}

/** 两委商议 / 党员大会审议 recorded as a meeting: date, minutes, attendance and the conclusion. */
export function StageForm({ title, busy, onSubmit, onCancel }: { title: string; busy: boolean; onSubmit: (s: StageInput) => void; onCancel: () => void }) {
  const [date, setDate] = useState(today())
  const [minutes, setMinutes] = useState('')
  const [present, setPresent] = useState('')
  const [expected, setExpected] = useState('')
  const [attendees, setAttendees] = useState('')
  const [outcome, setOutcome] = useState<'agreed' | 'rejected'>('agreed')
  const [reason, setReason] = useState('')
  return (
    <View className='card form'>
      <Text className='subtitle'>{title}</Text>
      <Text className='field-label'>会议日期</Text>
      <Input className='input' value={date} ariaLabel='会议日期，格式如 2026-11-20' placeholder='2026-11-20' onInput={(e) => setDate(e.detail.value)} />
      <Text className='field-label'>会议记录</Text>
      <Textarea
        className='textarea'
        value={minutes}
        maxlength={5000}
        ariaLabel='会议记录'
        placeholder='讨论的主要内容和意见'
        onInput={(e) => setMinutes(e.detail.value)}
      />
      <View className='row'>
        <View className='field'>
          <Text className='field-label'>实到人数</Text>
          <Input className='input' type='number' value={present} ariaLabel='实到人数' onInput={(e) => setPresent(e.detail.value)} />
        </View>
        <View className='field'>
          <Text className='field-label'>应到人数</Text>
          <Input className='input' type='number' value={expected} ariaLabel='应到人数' onInput={(e) => setExpected(e.detail.value)} />
        </View>
      </View>
      <Text className='field-label'>出席人员（可不填）</Text>
      <Input className='input' value={attendees} maxlength={500} ariaLabel='出席人员，可不填' onInput={(e) => setAttendees(e.detail.value)} />
      <Text className='field-label'>会议结论</Text>
      <ChoiceList
        choices={[
          { id: 'agreed', label: '同意，进入下一环节' },
          { id: 'rejected', label: '不同意，议题终止' },
        ]}
        selectedId={outcome}
        onChoose={(c) => setOutcome(c.id as 'agreed' | 'rejected')}
      />
      {outcome === 'rejected' ? (
        <Textarea
          className='textarea'
          value={reason}
          maxlength={500}
          ariaLabel='不同意的理由'
          placeholder='请填写理由'
          onInput={(e) => setReason(e.detail.value)}
        />
      ) : null}
      <Button
        className='btn btn-primary btn-block'
        disabled={busy}
        onClick={() =>
          onSubmit({
            date,
            minutes: minutes.trim(),
            attendance: { present: Number(present) || 0, expected: Number(expected) || 0 },
            attendees: attendees.trim(),
            outcome,
            reason: reason.trim(),
          })
        }
      >
        保存记录
      </Button>
      <Button className='btn btn-plain btn-block' onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}

export interface VoteSetup {
  rollKind: RollKind
  unit: VoteUnit
  secret: boolean
  days: number
}

const DAYS = [1, 3, 7, 14]

/**
 * Who votes, secret or open, and for how long. The counting rule is not offered: it follows from the matter (the
 * residents' meeting rule, or Civil Code art. 278 for the item the matter names) and is shown for staff to read.
 */
export function OpenVoteForm({
  stage,
  kind,
  busy,
  onSubmit,
  onCancel,
}: {
  stage: 'review' | 'resolution'
  kind: MatterKind
  busy: boolean
  onSubmit: (s: VoteSetup) => void
  onCancel: () => void
}) {
  const kinds = rollsFor(kind, stage)
  const [rollKind, setRollKind] = useState<RollKind>(kinds[0])
  const [unit, setUnit] = useState<VoteUnit>(unitsFor(kinds[0])[0])
  const [secret, setSecret] = useState(true)
  const [days, setDays] = useState(7)
  const units = unitsFor(rollKind)
  const chooseKind = (k: RollKind) => {
    setRollKind(k)
    setUnit(unitsFor(k)[0])
  }
  return (
    <View className='card form'>
      <Text className='subtitle'>发起表决</Text>
      <Text className='field-label'>参加范围</Text>
      <ChoiceList choices={kinds.map((k) => ({ id: k, label: ROLL_KIND_LABELS[k] }))} selectedId={rollKind} onChoose={(c) => chooseKind(c.id as RollKind)} />
      {units.length > 1 ? (
        <View>
          <Text className='field-label'>计票单位</Text>
          <ChoiceList choices={units.map((u) => ({ id: u, label: VOTE_UNIT_LABELS[u] }))} selectedId={unit} onChoose={(c) => setUnit(c.id as VoteUnit)} />
        </View>
      ) : null}
      <Text className='field-label'>表决规则（由议题类别决定）</Text>
      <Text className='line'>{VOTE_RULE_LABELS[ruleFor(kind, stage)]}</Text>
      <Text className='muted line'>名单从住户名册生成：没有使用小程序的居民，由工作人员录入纸质票或到会表决。</Text>
      <Toggle on={secret} label='无记名投票' onChange={setSecret} />
      <Text className='field-label'>投票时间</Text>
      <ChoiceList choices={DAYS.map((d) => ({ id: String(d), label: `从现在起 ${d} 天` }))} selectedId={String(days)} onChoose={(c) => setDays(Number(c.id))} />
      <Button className='btn btn-primary btn-block' disabled={busy} onClick={() => onSubmit({ rollKind, unit, secret, days })}>
        开始表决
      </Button>
      <Button className='btn btn-plain btn-block' onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}

/** A text to publish, with the publicity's days or with photos (the implementation result). */
export function TextForm({
  title,
  label,
  placeholder,
  withDays,
  withPhotos,
  busy,
  onSubmit,
  onCancel,
}: {
  title: string
  label: string
  placeholder: string
  withDays?: boolean
  withPhotos?: boolean
  busy: boolean
  onSubmit: (text: string, days: number, photos: string[]) => void
  onCancel: () => void
}) {
  const [text, setText] = useState('')
  const [days, setDays] = useState(7)
  const [photos, setPhotos] = useState<string[]>([])
  return (
    <View className='card form'>
      <Text className='subtitle'>{title}</Text>
      <Text className='field-label'>{label}</Text>
      <Textarea className='textarea' value={text} maxlength={5000} ariaLabel={label} placeholder={placeholder} onInput={(e) => setText(e.detail.value)} />
      {withDays ? (
        <View>
          <Text className='field-label'>公示期</Text>
          <ChoiceList
            choices={[5, 7, 10, 15].map((d) => ({ id: String(d), label: `${d} 天` }))}
            selectedId={String(days)}
            onChoose={(c) => setDays(Number(c.id))}
          />
        </View>
      ) : null}
      {withPhotos ? <PhotoPicker photos={photos} onChange={setPhotos} max={9} label='照片' /> : null}
      <Button className='btn btn-primary btn-block' disabled={busy} onClick={() => onSubmit(text.trim(), days, photos)}>
        发布
      </Button>
      <Button className='btn btn-plain btn-block' onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}
