import { useEffect, useState } from 'react'
import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { MatterView, ObjectionView, VoteView } from '../../../../../types'
import { call, newRequestId } from '../../../../api'
import { askToSubscribe, prefetchSubscriptions } from '../../../../api/subscribe'
import { useRemote } from '../../../../hooks/useRemote'
import { useAction } from '../../../../hooks/useAction'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { PhotoGrid } from '../../../../components/PhotoPicker'
import { ErrorState, Pending } from '../../../../components/States'
import { OUTCOME_LABELS, roleLabel, when } from '../../components/format'
import { OpenVoteForm, StageForm, TextForm, type StageInput, type VoteSetup } from '../../components/StageForms'
import { VoteCard } from '../../components/VoteCard'
import { PrintPapers } from '../../components/PrintPapers'
import { isOwnersMatter } from '../../../../../types/councilLabels'
import { Page } from '../../../../components/Page'
import '../../components/council.css'

type Form = 'deliberation' | 'review' | 'openVote' | 'publish' | 'result' | 'withdraw' | null
const NO_ID = { code: 'NOT_FOUND', message: '没有找到这个议题' }
/** Someone else moved the matter first: read it again. */
const STALE = ['COUNCIL.INVALID_STAGE', 'CONFLICT'] as const

function Objection({ o, canAnswer, busy, onAnswer }: { o: ObjectionView; canAnswer: boolean; busy: boolean; onAnswer: (text: string) => void }) {
  const [text, setText] = useState('')
  return (
    <View className='objection'>
      <Text>{`${o.byName}${o.mine ? '（我）' : ''}：${o.text}`}</Text>
      <Text className='muted'>{when(o.at)}</Text>
      {o.answer ? (
        <View className='answer'>
          <Text>{`社区答复：${o.answer.text}`}</Text>
        </View>
      ) : canAnswer ? (
        <View>
          <Textarea
            className='textarea'
            value={text}
            maxlength={1000}
            ariaLabel={`答复${o.byName}的异议`}
            placeholder='答复内容'
            onInput={(e) => setText(e.detail.value)}
          />
          <Button className='btn btn-secondary btn-block' disabled={busy || !text.trim()} onClick={() => onAnswer(text.trim())}>
            答复
          </Button>
        </View>
      ) : (
        <Text className='muted'>等待社区答复</Text>
      )}
    </View>
  )
}

/** 议题详情: the stage record, the ballot, the publicity notice with objections, the result; staff act on the stage due. */
export default function Matter() {
  const router = useRouter()
  const id = router?.params?.id ? decodeURIComponent(router.params.id) : ''
  const { state, reload, setData } = useRemote(() => (id ? call('council', 'get', { matterId: id }) : null), [id])
  const [form, setForm] = useState<Form>(null)
  const [objection, setObjection] = useState('')
  const [reason, setReason] = useState('')
  const { act, busy, run, error, setError } = useAction<MatterView>({ setData, reload, onDone: () => setForm(null) })
  useEffect(() => void prefetchSubscriptions(), [])

  if (!id || state.status !== 'ok') return <Pending missing={id ? null : NO_ID} state={state} onRetry={reload} />
  const m = state.data
  const can = (a: MatterView['can'][number]) => m.can.includes(a)
  const organiser = can('closeVote')
  // the vote that still takes ballots, whose papers organisers can print
  const taking = organiser ? m.votes.find((v) => v.status !== 'closed') : undefined

  const castVote = (v: VoteView, choice: string, key?: string) =>
    run(async () => {
      setError(null)
      const res = await call('council', 'vote', { voteId: v.id, choice, ...(key ? { key } : {}) })
      if (!res.ok) return setError(res.error)
      setData({ ...m, votes: m.votes.map((x) => (x.id === v.id ? res.data : x)) })
      toast('投票成功')
    })
  const record = (stage: 'deliberation' | 'review', s: StageInput) =>
    act(() => call('council', 'recordStage', { matterId: m.id, stage, ...s }), '已保存会议记录', STALE)
  const openVote = (s: VoteSetup) => {
    const now = new Date()
    const closesAt = new Date(now.getTime() + s.days * 86_400_000)
    return act(
      () =>
        call('council', 'openVote', {
          matterId: m.id,
          rollKind: s.rollKind,
          unit: s.unit,
          secret: s.secret,
          opensAt: now.toISOString(),
          closesAt: closesAt.toISOString(),
        }),
      '表决已开始',
      STALE,
    )
  }
  const withdraw = async () => {
    if (!reason.trim()) return setError({ code: 'INPUT.INVALID', message: '请填写撤回理由' })
    if (!(await confirm('撤回议题', '撤回后议题终止，不能恢复，确定撤回吗？', '确定撤回'))) return
    await act(() => call('council', 'withdraw', { matterId: m.id, reason: reason.trim() }), '议题已撤回', STALE)
  }
  const object = () => {
    if (objection.trim()) void askToSubscribe(['matterChanged']) // inside the tap: be told when staff answer
    return objection.trim()
      ? act(() => call('council', 'object', { matterId: m.id, requestId: newRequestId(), text: objection.trim() }), '异议已提交，社区会答复您').then(() =>
          setObjection(''),
        )
      : setError({ code: 'INPUT.INVALID', message: '请填写异议内容' })
  }

  return (
    <Page className='matter'>
      <View className='card'>
        <Text className='title'>{m.title}</Text>
        <View className='row'>
          <Text className='tag'>{m.stateLabel}</Text>
          <Text className='muted'>{`${m.kindLabel} · ${m.scopeLabel}`}</Text>
        </View>
        <Text className='field-label line'>提议背景</Text>
        <Text className='line'>{m.background}</Text>
        {m.options.length ? (
          <View>
            <Text className='field-label'>方案</Text>
            {m.options.map((o, i) => (
              <Text key={o} className='list-item-meta'>{`${i + 1}. ${o}`}</Text>
            ))}
          </View>
        ) : null}
        {m.attachments.length ? <PhotoGrid photos={m.attachments} label='附件' /> : null}
        {m.evidence.length ? (
          <View>
            <Text className='field-label'>{`依据：居民报事 ${m.evidence.length} 件`}</Text>
            {m.evidence.map((t) => (
              <View
                key={t.id}
                className='list-item'
                ariaRole='link'
                onClick={() => void Taro.navigateTo({ url: `/pages/ticket/index?id=${encodeURIComponent(t.id)}` })}
              >
                <Text>{`${t.placeLabel} ${t.categoryLabel}：${t.excerpt}（${t.stateLabel}）`}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>

      {m.votes.map((v) => (
        <VoteCard
          key={v.id}
          v={v}
          busy={busy}
          organiser={organiser}
          onCast={(choice, key) => void castVote(v, choice, key)}
          onClose={() => void act(() => call('council', 'closeVote', { voteId: v.id }), '表决已结束，已计票')}
        />
      ))}
      {taking ? <PrintPapers matterId={m.id} secret={taking.secret} rollCount={taking.rollCount} /> : null}

      {m.publication ? (
        <View className='card'>
          <Text className='subtitle'>{m.publication.open ? `决议公示（至 ${when(m.publication.until)}）` : '决议公示（已期满）'}</Text>
          <Text>{m.publication.text}</Text>
          {can('object') ? (
            <View>
              <Text className='field-label'>对决议有异议？</Text>
              <Textarea
                className='textarea'
                value={objection}
                maxlength={500}
                ariaLabel='异议内容'
                placeholder='请写下您的意见，社区会答复'
                onInput={(e) => setObjection(e.detail.value)}
              />
              <Text className='counter'>{`${objection.length}/500`}</Text>
              <Button className='btn btn-secondary btn-block' disabled={busy} onClick={() => void object()}>
                提交异议
              </Button>
            </View>
          ) : null}
          {m.objections.length ? <Text className='field-label'>{`居民异议（${m.objections.length}）`}</Text> : null}
          {m.objections.map((o) => (
            <Objection
              key={o.id}
              o={o}
              busy={busy}
              canAnswer={can('answerObjection')}
              onAnswer={(text) => void act(() => call('council', 'answerObjection', { objectionId: o.id, text }), '已答复')}
            />
          ))}
        </View>
      ) : null}

      {m.result ? (
        <View className='card'>
          <Text className='subtitle'>实施结果公开</Text>
          <Text className='line'>{m.result.text}</Text>
          {m.result.photos.length ? <PhotoGrid photos={m.result.photos} label='实施结果照片' /> : null}
          <Text className='muted line'>{when(m.result.at)}</Text>
        </View>
      ) : null}

      {error ? <ErrorState error={error} /> : null}

      {form === null ? (
        <View className='card actions'>
          {can('recordDeliberation') ? (
            <Button className='btn btn-primary btn-block' onClick={() => setForm('deliberation')}>
              记录两委商议
            </Button>
          ) : null}
          {can('recordReview') ? (
            <Button className='btn btn-primary btn-block' onClick={() => setForm('review')}>
              记录党员大会审议
            </Button>
          ) : null}
          {can('openVote') ? (
            <Button className='btn btn-secondary btn-block' onClick={() => setForm('openVote')}>
              {m.state === 'review' ? '发起党员表决' : isOwnersMatter(m.kind) ? '发起业主表决' : '发起居民表决'}
            </Button>
          ) : null}
          {can('publish') ? (
            <Button className='btn btn-primary btn-block' onClick={() => setForm('publish')}>
              决议公开
            </Button>
          ) : null}
          {can('publishResult') ? (
            <Button className='btn btn-primary btn-block' onClick={() => setForm('result')}>
              公开实施结果
            </Button>
          ) : null}
          {can('withdraw') ? (
            <Button className='btn btn-plain btn-block' onClick={() => setForm('withdraw')}>
              撤回议题
            </Button>
          ) : null}
        </View>
      ) : null}
      {form === 'deliberation' || form === 'review' ? (
        <StageForm
          title={form === 'deliberation' ? '两委商议' : '党员大会审议'}
          busy={busy}
          onSubmit={(s) => void record(form, s)}
          onCancel={() => setForm(null)}
        />
      ) : null}
      {form === 'openVote' ? (
        <OpenVoteForm
          stage={m.state === 'review' ? 'review' : 'resolution'}
          kind={m.kind}
          busy={busy}
          onSubmit={(s) => void openVote(s)}
          onCancel={() => setForm(null)}
        />
      ) : null}
      {form === 'publish' ? (
        <TextForm
          title='决议公开'
          label='公示内容'
          placeholder='表决结果和决议内容'
          withDays
          busy={busy}
          onSubmit={(text, days) => void act(() => call('council', 'publish', { matterId: m.id, text, days }), '决议已公示', STALE)}
          onCancel={() => setForm(null)}
        />
      ) : null}
      {form === 'result' ? (
        <TextForm
          title='实施结果公开'
          label='实施结果'
          placeholder='做了什么、花了多少、效果如何'
          withPhotos
          busy={busy}
          onSubmit={(text, _days, photos) => void act(() => call('council', 'publishResult', { matterId: m.id, text, photos }), '实施结果已公开', STALE)}
          onCancel={() => setForm(null)}
        />
      ) : null}
      {form === 'withdraw' ? (
        <View className='card form'>
          <Text className='field-label'>撤回理由</Text>
          <Textarea className='textarea' value={reason} maxlength={500} ariaLabel='撤回理由' onInput={(e) => setReason(e.detail.value)} />
          <Button className='btn btn-primary btn-block' disabled={busy} onClick={() => void withdraw()}>
            撤回议题
          </Button>
          <Button className='btn btn-plain btn-block' onClick={() => setForm(null)}>
            取消
          </Button>
        </View>
      ) : null}

      <View className='card matter-records'>
        <Text className='subtitle'>四议两公开记录</Text>
        {m.records.map((r, i) => (
          <View key={`${r.stage}-${i}`} className='record'>
            <Text className='record-title line'>{`${r.stageLabel}：${OUTCOME_LABELS[r.outcome]}`}</Text>
            <Text className='muted line'>{`${r.date ?? when(r.at)} · ${r.by.name}（${roleLabel(r.by.role)}）`}</Text>
            {r.attendance ? <Text className='muted line'>{`应到 ${r.attendance.expected} 人，实到 ${r.attendance.present} 人`}</Text> : null}
            {r.minutes && (r.stage === 'deliberation' || r.stage === 'review') ? <Text className='line'>{r.minutes}</Text> : null}
            {r.reason ? <Text className='line'>{`理由：${r.reason}`}</Text> : null}
          </View>
        ))}
      </View>
    </Page>
  )
}
