import { useEffect, useState } from 'react'
import { View, Text, Button, Textarea } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { ReplyTemplate, TicketAction, TicketView } from '../../../../../types/tickets'
import { call } from '../../../../api'
import { askToSubscribe, prefetchSubscriptions } from '../../../../api/subscribe'
import { useRemote } from '../../../../hooks/useRemote'
import { useAction } from '../../../../hooks/useAction'
import { ErrorState, Loading, Pending } from '../../../../components/States'
import { confirm } from '../../../../components/ConfirmModal'
import { ChoiceList } from '../../../../components/ChoiceList'
import { Chip } from '../../../../components/Chip'
import { PhotoPicker } from '../../../../components/PhotoPicker'
import { TicketHeader } from '../../../../components/TicketHeader'
import { Timeline } from '../../../../components/Timeline'
import { Page } from '../../../../components/Page'
import '../../../../components/tickets.css'

type Mode = 'progress' | 'resolve' | 'escalate' | 'transfer' | null

const NO_ID = { code: 'NOT_FOUND', message: '没有找到这件报事' }
const MAX_NOTE = 500
/** Someone else moved the ticket first: read it again. */
const STALE = ['TICKET.INVALID_TRANSITION', 'CONFLICT'] as const

/** Reply templates of the ticket's category: a tap puts the text into the note being written. */
function Templates({ communityId, category, onPick }: { communityId: string; category: string; onPick: (text: string) => void }) {
  const { state } = useRemote(() => call('tickets', 'templates', { communityId, category }), [communityId, category])
  if (state.status !== 'ok' || !state.data.length) return null
  return (
    <View className='templates'>
      <Text className='field-label'>常用回复（点一下填入）</Text>
      {state.data.map((t: ReplyTemplate) => (
        <View key={t.id} className='template' ariaRole='button' ariaLabel={`填入常用回复：${t.text}`} onClick={() => onPick(t.text)}>
          <Text>{t.text}</Text>
        </View>
      ))}
    </View>
  )
}

/** The other members and the leader of the ticket's grid, to hand it over to. */
function TransferPicker({ ticket, onPick }: { ticket: TicketView; onPick: (m: { openid: string; name: string }) => void }) {
  const { state, reload } = useRemote(() => call('tickets', 'gridMembers', { ticketId: ticket.id }), [ticket.id])
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />
  if (state.status !== 'ok') return <Loading text='正在加载网格员…' />
  const members = state.data
  if (!members.length) return <Text className='muted'>本网格没有其他网格员可以转交</Text>
  return (
    <ChoiceList
      choices={members.map((m) => ({ id: m.openid, label: m.isLeader ? `${m.name}（网格长）` : m.name }))}
      onChoose={(c) => onPick(members.find((m) => m.openid === c.id)!)}
    />
  )
}

/** A grid member handles one ticket: accept, progress with photos, resolve with an after photo, escalate, transfer. */
export default function Handle() {
  const router = useRouter()
  const id = router?.params?.id ? decodeURIComponent(router.params.id) : ''
  const { state, reload, setData } = useRemote(() => (id ? call('tickets', 'get', { ticketId: id }) : null), [id])
  const [mode, setMode] = useState<Mode>(null)
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [to, setTo] = useState<'community' | 'street'>('community')
  const { act, busy, error, setError } = useAction<TicketView>({
    setData,
    reload,
    onDone: () => {
      setMode(null)
      setNote('')
      setPhotos([])
    },
  })
  useEffect(() => void prefetchSubscriptions(), [])

  if (!id || state.status !== 'ok') return <Pending missing={id ? null : NO_ID} state={state} onRetry={reload} />
  const t = state.data
  const can = (a: TicketAction) => t.can.includes(a)

  const open = (m: Mode) => {
    setMode(m)
    setNote('')
    setPhotos([])
    setError(null)
  }
  const invalid = (message: string) => setError({ code: 'INPUT.INVALID', message })

  const accept = () => {
    void askToSubscribe(['assigned']) // inside the tap: be told of the next ticket routed to me
    return act(() => call('tickets', 'accept', { ticketId: t.id }), '已受理，请尽快处理', STALE)
  }
  const progress = () =>
    note.trim() ? act(() => call('tickets', 'progress', { ticketId: t.id, note: note.trim(), photos }), '已记录进展', STALE) : invalid('请填写办理进展')
  const resolve = async () => {
    if (!note.trim()) return invalid('请填写办理结果')
    if (!photos.length) return invalid('请上传至少一张处理后的照片')
    if (!(await confirm('办结报事', '办结后将请居民确认结果，确定办结吗？', '确定办结'))) return
    await act(() => call('tickets', 'resolve', { ticketId: t.id, note: note.trim(), photos }), '已办结，等待居民确认', STALE)
  }
  const escalate = async () => {
    if (!note.trim()) return invalid('请说明上报原因')
    const where = to === 'community' ? '社区' : '街道'
    if (!(await confirm('上报（吹哨）', `将这件报事上报给${where}处理，确定吗？`, '确定上报'))) return
    await act(() => call('tickets', 'escalate', { ticketId: t.id, to, reason: note.trim() }), `已上报${where}`, STALE)
  }
  const transfer = async (m: { openid: string; name: string }) => {
    if (!(await confirm('转交报事', `转交给${m.name}办理，确定吗？`, '确定转交'))) return
    await act(
      () => call('tickets', 'transfer', { ticketId: t.id, toOpenid: m.openid, ...(note.trim() ? { note: note.trim() } : {}) }),
      `已转交给${m.name}`,
      STALE,
    )
  }

  const noteBox = (label: string, placeholder: string) => (
    <View>
      <Text className='field-label'>{label}</Text>
      <Textarea
        className='textarea'
        value={note}
        maxlength={MAX_NOTE}
        ariaLabel={label}
        placeholder={placeholder}
        onInput={(e) => setNote(e.detail.value.slice(0, MAX_NOTE))}
      />
      <Text className='counter'>{`${note.length}/${MAX_NOTE}`}</Text>
      <Templates communityId={t.communityId} category={t.category} onPick={(text) => setNote((n) => (n ? `${n}${text}` : text).slice(0, MAX_NOTE))} />
    </View>
  )
  const cancel = (
    <Button className='btn btn-plain btn-block' onClick={() => open(null)}>
      取消
    </Button>
  )

  return (
    <Page className='grid-handle'>
      <TicketHeader ticket={t} />
      <View className='card actions'>
        {can('accept') ? (
          <Button className='btn btn-primary btn-big btn-block' disabled={busy} loading={busy} onClick={() => void accept()}>
            受理
          </Button>
        ) : null}
        {mode === null ? (
          <View>
            {can('progress') ? (
              <Button className='btn btn-secondary btn-block' onClick={() => open('progress')}>
                记录进展
              </Button>
            ) : null}
            {can('resolve') ? (
              <Button className='btn btn-primary btn-block' onClick={() => open('resolve')}>
                办结
              </Button>
            ) : null}
            {can('escalate') ? (
              <Button className='btn btn-secondary btn-block' onClick={() => open('escalate')}>
                上报社区/街道（吹哨）
              </Button>
            ) : null}
            {can('transfer') ? (
              <Button className='btn btn-secondary btn-block' onClick={() => open('transfer')}>
                转给其他网格员
              </Button>
            ) : null}
          </View>
        ) : null}
        {mode === 'progress' ? (
          <View>
            <Text className='subtitle'>记录进展</Text>
            {noteBox('办理进展', '比如：已联系物业，明天上午维修')}
            <PhotoPicker photos={photos} onChange={setPhotos} label='进展照片' />
            <Button className='btn btn-primary btn-block' disabled={busy} onClick={() => void progress()}>
              提交进展
            </Button>
            {cancel}
          </View>
        ) : null}
        {mode === 'resolve' ? (
          <View>
            <Text className='subtitle'>办结</Text>
            {noteBox('办理结果', '比如：楼道灯已更换，恢复照明')}
            <Text className='field-label'>处理后照片（至少1张）</Text>
            <PhotoPicker photos={photos} onChange={setPhotos} label='处理后照片' />
            <Button className='btn btn-primary btn-block' disabled={busy} onClick={() => void resolve()}>
              确认办结
            </Button>
            {cancel}
          </View>
        ) : null}
        {mode === 'escalate' ? (
          <View>
            <Text className='subtitle'>上报（吹哨）</Text>
            <View className='filter-row' ariaRole='radiogroup' ariaLabel='上报给'>
              {(['community', 'street'] as const).map((k) => (
                <Chip key={k} on={to === k} label={k === 'community' ? '上报社区' : '上报街道'} onClick={() => setTo(k)} />
              ))}
            </View>
            {noteBox('上报原因', '比如：涉及管道改造，网格内无法解决')}
            <Button className='btn btn-primary btn-block' disabled={busy} onClick={() => void escalate()}>
              确认上报
            </Button>
            {cancel}
          </View>
        ) : null}
        {mode === 'transfer' ? (
          <View>
            <Text className='subtitle'>转给谁？</Text>
            <TransferPicker ticket={t} onPick={(m) => void transfer(m)} />
            {cancel}
          </View>
        ) : null}
        {!t.can.some((a) => ['accept', 'progress', 'resolve', 'escalate', 'transfer'].includes(a)) ? (
          <Text className='muted'>这件报事当前不需要您办理。</Text>
        ) : null}
      </View>
      {error ? <ErrorState error={error} /> : null}
      <View className='card'>
        <Text className='subtitle'>办理过程</Text>
        <Timeline entries={t.timeline} />
      </View>
    </Page>
  )
}
