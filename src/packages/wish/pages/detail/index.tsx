import { useState } from 'react'
import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { WishAction, WishView } from '../../../../../types'
import { call } from '../../../../api'
import { useRemote } from '../../../../hooks/useRemote'
import { useAction, type Act as PageAct } from '../../../../hooks/useAction'
import { usePullToReload, useReloadOnReturn } from '../../../../hooks/useRefresh'
import { ChoiceList } from '../../../../components/ChoiceList'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { PhotoGrid, PhotoPicker } from '../../../../components/PhotoPicker'
import { ErrorState, Pending } from '../../../../components/States'
import { Page } from '../../../../components/Page'
import { HOUR_CHOICES, callLabel, hours, when } from '../../components/format'
import '../../components/wish.css'

const NO_ID = { code: 'NOT_FOUND', message: '没有找到这个心愿' }

type Act = PageAct<WishView>
/** Someone else moved the wish first: read it again. */
const STALE = ['WISH.INVALID_STATE'] as const
const CLAIMED = ['WISH.ALREADY_CLAIMED', 'WISH.INVALID_STATE'] as const

/** The claimant's report: a line or photos, and the hours it took. */
function CompleteForm({ busy, act, w }: { busy: boolean; act: Act; w: WishView }) {
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [h, setH] = useState('1')
  const submit = async () => {
    if (!note.trim() && !photos.length) return toast('请写一句完成情况，或拍一张照片')
    if (!(await confirm('标记已完成', `服务时长 ${hours(Number(h))}。心愿人确认后计入您的志愿服务记录，确定吗？`, '已完成'))) return
    await act(() => call('wishes', 'complete', { wishId: w.id, note: note.trim(), photos, hours: Number(h) }), '已告诉心愿人，等待确认', STALE)
  }
  return (
    <View className='card form'>
      <Text className='wish-section'>完成后填写</Text>
      <Text className='field-label'>完成情况</Text>
      <Textarea
        className='textarea'
        value={note}
        maxlength={300}
        ariaLabel='完成情况'
        placeholder='比如：灯泡已换好，试过能亮'
        onInput={(e) => setNote(e.detail.value)}
      />
      <PhotoPicker photos={photos} onChange={setPhotos} max={3} label='完成照片' />
      <Text className='field-label'>服务时长</Text>
      <ChoiceList label='服务时长' choices={HOUR_CHOICES} selectedId={h} onChoose={(c) => setH(c.id)} />
      <Button className='btn btn-primary btn-big btn-block' disabled={busy} onClick={() => void submit()}>
        标记已完成
      </Button>
    </View>
  )
}

/** The requester confirms as reported; staff may credit other hours, with a reason. */
function ConfirmPanel({ busy, act, w, staff }: { busy: boolean; act: Act; w: WishView; staff: boolean }) {
  const entered = w.done?.hours ?? 1
  const [h, setH] = useState(String(entered))
  const [reason, setReason] = useState('')
  const changed = Number(h) !== entered
  const submit = async () => {
    if (changed && !reason.trim()) return toast('更改服务时长请说明理由')
    const text = `确认心愿已完成？志愿者的 ${hours(Number(h))} 服务时长将计入其志愿服务记录，确认后不能撤回。`
    if (!(await confirm('确认完成', text, '确认完成'))) return
    await act(() => call('wishes', 'confirm', { wishId: w.id, ...(changed ? { hours: Number(h), reason: reason.trim() } : {}) }), '已确认，谢谢您', STALE)
  }
  return (
    <View className='card form'>
      {staff && w.mine !== 'requester' ? (
        <View>
          <Text className='field-label'>{`计入的服务时长（志愿者填写的是 ${hours(entered)}）`}</Text>
          <ChoiceList label='计入的服务时长' choices={HOUR_CHOICES} selectedId={h} onChoose={(c) => setH(c.id)} />
          {changed ? (
            <Input
              className='input'
              value={reason}
              maxlength={200}
              ariaLabel='更改时长的理由'
              placeholder='更改时长的理由'
              onInput={(e) => setReason(e.detail.value)}
            />
          ) : null}
        </View>
      ) : null}
      <Button className='btn btn-primary btn-big btn-block' disabled={busy} onClick={() => void submit()}>
        确认已完成
      </Button>
    </View>
  )
}

/** Staff decide a pending wish: approve, or reject with a reason the requester sees. */
function ReviewPanel({ busy, act, w }: { busy: boolean; act: Act; w: WishView }) {
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const approve = async () => {
    if (!(await confirm('审核通过', '通过后本社区的志愿者和党员都能看到并认领这个心愿，确定吗？', '通过'))) return
    await act(() => call('wishes', 'review', { wishId: w.id, approve: true }), '已通过，等待志愿者认领', STALE)
  }
  const reject = async () => {
    if (!rejecting) return setRejecting(true)
    if (!reason.trim()) return toast('请填写不通过的理由')
    await act(() => call('wishes', 'review', { wishId: w.id, approve: false, reason: reason.trim() }), '已退回', STALE)
  }
  return (
    <View className='card'>
      {w.flagged ? <Text className='wish-warn'>内容安全检测提示这段文字需要人工查看，请仔细核对后再通过。</Text> : null}
      {rejecting ? (
        <Textarea
          className='textarea'
          value={reason}
          maxlength={200}
          ariaLabel='不通过的理由'
          placeholder='心愿人会看到这个理由'
          onInput={(e) => setReason(e.detail.value)}
        />
      ) : null}
      <View className='row'>
        <Button className='btn btn-primary' disabled={busy} onClick={() => void approve()}>
          通过
        </Button>
        <Button className='btn btn-secondary' disabled={busy} onClick={() => void reject()}>
          {rejecting ? '确认不通过' : '不通过'}
        </Button>
      </View>
    </View>
  )
}

/**
 * 心愿详情: the wish and what the caller may do now, exactly the `can` the function answered. The requester and the
 * volunteer see each other's name masked and call each other through the app: the number is dialled, never shown.
 */
export default function WishDetail() {
  const router = useRouter()
  const id = router?.params?.id ? decodeURIComponent(router.params.id) : ''
  const { state, reload, setData } = useRemote(() => (id ? call('wishes', 'get', { wishId: id }) : null), [id])
  const [cancelReason, setCancelReason] = useState('')
  const { act, busy, run, error, setError } = useAction<WishView>({ setData, reload })
  useReloadOnReturn(reload)
  usePullToReload(reload)

  if (!id || state.status !== 'ok') return <Pending missing={id ? null : NO_ID} state={state} onRetry={reload} />
  const w = state.data
  const can = (x: WishAction) => w.can.includes(x)
  const staffView = w.flagged !== null

  const claim = async () => {
    if (!(await confirm('认领心愿', '认领后请尽快打电话和心愿人约好时间，并在规定天数内完成，逾期会自动释放给其他志愿者。确定认领吗？', '认领'))) return
    await act(() => call('wishes', 'claim', { wishId: w.id }), '认领成功，请联系心愿人', CLAIMED)
  }
  const withdraw = async () => {
    if (!(await confirm('放弃认领', '放弃后心愿会重新开放给其他志愿者，确定放弃吗？', '放弃认领'))) return
    await act(() => call('wishes', 'withdraw', { wishId: w.id }), '已放弃认领', STALE)
  }
  const cancel = async () => {
    const needsReason = staffView && w.mine !== 'requester'
    if (needsReason && !cancelReason.trim()) return toast('请填写撤销的理由')
    if (!(await confirm('撤销心愿', '撤销后志愿者不能再认领或完成这个心愿，确定撤销吗？', '撤销'))) return
    await act(() => call('wishes', 'cancel', { wishId: w.id, ...(cancelReason.trim() ? { reason: cancelReason.trim() } : {}) }), '已撤销', STALE)
  }
  const phone = () =>
    run(async () => {
      setError(null)
      const res = await call('wishes', 'contact', { wishId: w.id })
      if (!res.ok) return setError(res.error)
      // dialled, never shown: the number stays out of the page
      await Taro.makePhoneCall({ phoneNumber: res.data.phone }).catch(() => undefined)
    })

  return (
    <Page className='wish-detail'>
      <View className='card'>
        <Text className='title line'>{w.title}</Text>
        <View className='row'>
          <Text className='tag'>{w.stateLabel}</Text>
          {w.nearLabel ? <Text className='wish-near'>{w.nearLabel}</Text> : null}
        </View>
        <Text className='line'>{`地点：${w.placeDetail ?? w.place}附近`}</Text>
        <Text className='line'>{`希望时间：${when(w.wantedAt)}`}</Text>
        {w.description ? <Text className='wish-desc'>{w.description}</Text> : null}
        {w.rejectReason ? <Text className='wish-warn'>{`未通过：${w.rejectReason}`}</Text> : null}
        {w.cancelReason ? <Text className='wish-warn'>{`撤销理由：${w.cancelReason}`}</Text> : null}
      </View>

      {w.requesterName || w.claimantName ? (
        <View className='card' ariaRole='status'>
          {w.requesterName ? <Text className='line'>{`心愿人：${w.requesterName}${w.postedByStaff ? '（社区代为发布）' : ''}`}</Text> : null}
          {w.claimantName ? <Text className='line'>{`认领人：${w.claimantName}`}</Text> : null}
          {w.claimExpiresAt ? <Text className='muted line'>{`请在 ${when(w.claimExpiresAt)} 前完成，逾期自动释放`}</Text> : null}
          {w.state === 'pending' ? <Text className='muted line'>社区审核通过后，志愿者就能看到并认领。</Text> : null}
        </View>
      ) : null}

      {w.done ? (
        <View className='card'>
          <Text className='wish-section'>完成情况</Text>
          {w.done.note ? <Text className='line'>{w.done.note}</Text> : null}
          <PhotoGrid photos={w.done.photos} label='完成照片' />
          <Text className='line'>{`志愿者填写的服务时长：${hours(w.done.hours)}`}</Text>
          {w.creditedHours !== null ? <Text className='wish-hours'>{`已计入志愿服务时长 ${hours(w.creditedHours)}`}</Text> : null}
          {w.adjusted ? (
            <Text className='muted line'>{`社区将时长由 ${hours(w.adjusted.fromHours)} 更正为 ${hours(w.creditedHours ?? 0)}：${w.adjusted.reason}`}</Text>
          ) : null}
        </View>
      ) : null}

      {w.releases?.length ? (
        <View className='card'>
          <Text className='wish-section'>曾经的认领</Text>
          {w.releases.map((r) => (
            <Text
              key={`${r.at}-${r.name}`}
              className='list-item-meta line'
            >{`${r.name} · ${r.why === 'expired' ? '逾期未完成，已释放' : '已放弃'} · ${when(r.at)}`}</Text>
          ))}
        </View>
      ) : null}

      {error ? <ErrorState error={error} /> : null}

      {can('review') ? <ReviewPanel busy={busy} act={act} w={w} /> : null}
      {can('claim') ? (
        <Button className='btn btn-primary btn-big btn-block' disabled={busy} onClick={() => void claim()}>
          认领这个心愿
        </Button>
      ) : null}
      {can('call') ? (
        <Button className='btn btn-secondary btn-big btn-block' disabled={busy} onClick={() => void phone()}>
          {callLabel(w)}
        </Button>
      ) : null}
      {can('complete') ? <CompleteForm busy={busy} act={act} w={w} /> : null}
      {can('confirm') ? <ConfirmPanel busy={busy} act={act} w={w} staff={staffView} /> : null}
      {can('withdraw') ? (
        <Button className='btn btn-plain btn-block' disabled={busy} onClick={() => void withdraw()}>
          放弃认领
        </Button>
      ) : null}
      {can('cancel') ? (
        <View className='card'>
          {staffView && w.mine !== 'requester' ? (
            <Input
              className='input'
              value={cancelReason}
              maxlength={200}
              ariaLabel='撤销的理由'
              placeholder='撤销的理由（心愿人会看到）'
              onInput={(e) => setCancelReason(e.detail.value)}
            />
          ) : null}
          <Button className='btn btn-plain btn-block' disabled={busy} onClick={() => void cancel()}>
            撤销心愿
          </Button>
        </View>
      ) : null}
    </Page>
  )
}
