import { useState } from 'react'
import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import { EVALUATION_GRADES, EVALUATION_GRADE_LABELS, RECORD_NOTE_KIND_LABELS } from '../../../../types/certificateLabels'
import type { ErrorBody, EvaluationGrade, RecordNoteKind, RecordNoteView, RecordNotesView } from '../../../../types'
import { call, newRequestId } from '../../../api'
import { useRemote, useSubmit } from '../../../hooks/useRemote'
import { ChoiceList } from '../../../components/ChoiceList'
import { confirm, toast } from '../../../components/ConfirmModal'
import { ErrorState, Loading } from '../../../components/States'
import { isoDay, typedDay } from './certificateFormat'
import './certificates.css'

const KINDS: { id: RecordNoteKind; label: string }[] = [
  { id: 'training', label: '培训经历' },
  { id: 'commendation', label: '表彰奖励' },
  { id: 'evaluation', label: '组织评价' },
]

const lineOf = (n: RecordNoteView) =>
  n.kind === 'evaluation' ? `${n.gradeLabel ?? ''}：${n.text}` : `${n.title}（${[n.organisation, n.hours ? `${n.hours}学时` : ''].filter(Boolean).join('，')}）`

function Section({
  title,
  notes,
  canEdit,
  busy,
  onRemove,
}: {
  title: string
  notes: RecordNoteView[]
  canEdit: boolean
  busy: boolean
  onRemove: (n: RecordNoteView) => void
}) {
  return (
    <View className='card'>
      <Text className='subtitle line'>{title}</Text>
      {notes.length ? (
        notes.map((n) => (
          <View key={n.id} className='cert-row'>
            <Text className='line'>{lineOf(n)}</Text>
            <Text className='list-item-meta line'>{`${n.date} · ${n.byName}记录`}</Text>
            {canEdit ? (
              <Button className='btn btn-plain' disabled={busy} ariaLabel={`删除这条${title}：${lineOf(n)}`} onClick={() => onRemove(n)}>
                删除
              </Button>
            ) : null}
          </View>
        ))
      ) : (
        <Text className='muted line'>暂无</Text>
      )}
    </View>
  )
}

/** The add form organisers see on someone's record: one kind at a time, its own fields. */
function AddNote({ communityId, openid, name, onAdded }: { communityId: string; openid: string; name: string; onAdded: (v: RecordNotesView) => void }) {
  const [kind, setKind] = useState<RecordNoteKind>('training')
  const [date, setDate] = useState(isoDay(new Date()))
  const [title, setTitle] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [hours, setHours] = useState('')
  const [grade, setGrade] = useState<EvaluationGrade>('good')
  const [text, setText] = useState('')
  const [requestId, setRequestId] = useState(newRequestId)
  const [error, setError] = useState<ErrorBody | null>(null)
  const { busy, run } = useSubmit()

  const save = () =>
    run(async () => {
      setError(null)
      const day = typedDay(date)
      if (!day) return toast('日期请写成 2026-03-08 这样')
      const base = { communityId, openid, requestId, date: day }
      let input
      if (kind === 'evaluation') {
        if (!text.trim()) return toast('请填写评价内容')
        input = { ...base, kind, grade, text: text.trim() }
      } else {
        if (!title.trim() || !organisation.trim()) return toast(kind === 'training' ? '请填写培训内容和培训单位' : '请填写表彰名称和授予单位')
        if (kind === 'training') {
          const h = hours.trim() ? Number(hours) : null
          if (h !== null && !(h >= 0.5 && h <= 200)) return toast('学时请填0.5到200之间的数字，或不填')
          input = { ...base, kind, title: title.trim(), organisation: organisation.trim(), hours: h }
        } else input = { ...base, kind, title: title.trim(), organisation: organisation.trim() }
      }
      const res = await call('volunteers', 'addRecordNote', input)
      if (!res.ok) return setError(res.error)
      setTitle('')
      setText('')
      setHours('')
      setRequestId(newRequestId())
      toast('已记录')
      onAdded(res.data)
    })

  return (
    <View className='card form'>
      <Text className='subtitle line'>{`为${name}添加记录`}</Text>
      <ChoiceList label='记录哪一类' choices={KINDS} selectedId={kind} onChoose={(c) => setKind(c.id as RecordNoteKind)} />
      <Text className='field-label'>日期</Text>
      <Input className='input' value={date} maxlength={10} ariaLabel='日期，如 2026-03-08' placeholder='2026-03-08' onInput={(e) => setDate(e.detail.value)} />
      {kind === 'evaluation' ? (
        <>
          <Text className='field-label'>评价等级</Text>
          <ChoiceList
            label='评价等级'
            choices={EVALUATION_GRADES.map((g) => ({ id: g, label: EVALUATION_GRADE_LABELS[g] }))}
            selectedId={grade}
            onChoose={(c) => setGrade(c.id as EvaluationGrade)}
          />
          <Text className='field-label'>评价内容</Text>
          <Textarea
            className='textarea'
            value={text}
            maxlength={200}
            ariaLabel='评价内容'
            placeholder='比如：服务认真，深受老人信任'
            onInput={(e) => setText(e.detail.value)}
          />
        </>
      ) : (
        <>
          <Text className='field-label'>{kind === 'training' ? '培训内容' : '表彰名称'}</Text>
          <Input
            className='input'
            value={title}
            maxlength={40}
            ariaLabel={kind === 'training' ? '培训内容' : '表彰名称'}
            placeholder={kind === 'training' ? '比如：应急救护培训' : '比如：优秀志愿者'}
            onInput={(e) => setTitle(e.detail.value)}
          />
          <Text className='field-label'>{kind === 'training' ? '培训单位' : '授予单位'}</Text>
          <Input
            className='input'
            value={organisation}
            maxlength={40}
            ariaLabel={kind === 'training' ? '培训单位' : '授予单位'}
            placeholder={kind === 'training' ? '比如：区红十字会' : '比如：春晖街道'}
            onInput={(e) => setOrganisation(e.detail.value)}
          />
          {kind === 'training' ? (
            <>
              <Text className='field-label'>学时（可不填）</Text>
              <Input className='input' type='digit' value={hours} maxlength={5} ariaLabel='培训学时，可不填' onInput={(e) => setHours(e.detail.value)} />
            </>
          ) : null}
        </>
      )}
      <Text className='muted line'>培训经历和表彰奖励会印在志愿者申请的服务证明上；组织评价只有志愿者本人和社区工作人员能看到。</Text>
      {error ? <ErrorState error={error} /> : null}
      <Button className='btn btn-primary btn-block' disabled={busy} onClick={() => void save()}>{`保存${RECORD_NOTE_KIND_LABELS[kind]}`}</Button>
    </View>
  )
}

/**
 * The record beyond hours: training, commendations and organisers' evaluations. The volunteer reads them; the
 * community's organisers (on someone else's record) add and remove them.
 */
export function RecordNotes({ communityId, openid }: { communityId: string; openid?: string }) {
  const notes = useRemote(() => call('volunteers', 'recordNotes', { communityId, ...(openid ? { openid } : {}) }), [communityId, openid])
  const { busy, run } = useSubmit()
  const [error, setError] = useState<ErrorBody | null>(null)
  if (notes.state.status === 'loading' || notes.state.status === 'idle') return <Loading text='正在读取培训和表彰…' />
  if (notes.state.status === 'error') return <ErrorState error={notes.state.error} onRetry={notes.reload} />
  const v = notes.state.data

  const remove = (n: RecordNoteView) =>
    run(async () => {
      if (!(await confirm('删除记录', `确定删除“${lineOf(n)}”吗？已出具的证明不受影响。`, '删除'))) return
      setError(null)
      const res = await call('volunteers', 'removeRecordNote', { noteId: n.id })
      if (!res.ok) return setError(res.error)
      notes.setData(res.data)
      toast('已删除')
    })

  const sections = (
    <>
      <Section title='培训经历' notes={v.training} canEdit={v.canEdit} busy={busy} onRemove={(n) => void remove(n)} />
      <Section title='表彰奖励' notes={v.commendations} canEdit={v.canEdit} busy={busy} onRemove={(n) => void remove(n)} />
      <Section title='组织评价' notes={v.evaluations} canEdit={v.canEdit} busy={busy} onRemove={(n) => void remove(n)} />
    </>
  )
  return (
    <View className='record-notes'>
      {sections}
      {error ? <ErrorState error={error} /> : null}
      {v.canEdit ? <AddNote communityId={communityId} openid={v.openid} name={v.name} onAdded={notes.setData} /> : null}
    </View>
  )
}
