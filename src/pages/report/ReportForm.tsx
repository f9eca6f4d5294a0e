import { useCallback, useEffect, useRef, useState } from 'react'
import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ErrorBody, PlaceView } from '../../../types'
import type { GridContact, SimilarTicket, SubmittedTicketView, TicketCategory, TicketView } from '../../../types/tickets'
import { call, newRequestId } from '../../api'
import { askToSubscribe, prefetchSubscriptions } from '../../api/subscribe'
import { useRemote, useSubmit } from '../../hooks/useRemote'
import { ErrorState, Loading, goHome } from '../../components/States'
import { PhotoPicker } from '../../components/PhotoPicker'
import { Toggle, checkedAttr } from '../../components/Chip'
import { formatTime } from '../../components/format'
import { clearDraft, loadDraft, saveDraft } from '../../lib/reportDraft'
import { forgetLocalPhotos, hasLocalPhoto, keepLocalPhoto, reportOutbox, startOutbox, taroStore } from '../../lib/reportOutbox'
import { Queued } from './Queued'
import '../../components/tickets.css'

const MAX_TEXT = 500

const openTicket = (id: string) => void Taro.navigateTo({ url: `/pages/ticket/index?id=${encodeURIComponent(id)}` })

/** The assigned grid member, to phone about the report (their name and phone hang on the grid's notice board). */
function CallGridMember({ handler }: { handler: GridContact }) {
  if (!handler.phone) return null
  const phoneNumber = handler.phone
  return (
    <View className='grid-contact'>
      <Text className='ticket-excerpt'>{`着急的话，可以直接给网格员${handler.name}打电话：${phoneNumber}`}</Text>
      <Button className='btn btn-secondary btn-block' onClick={() => void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)}>
        {`打电话给${handler.name}`}
      </Button>
    </View>
  )
}

function Done({
  ticket,
  category,
  joined,
  onAnother,
}: {
  ticket: TicketView | SubmittedTicketView
  category: TicketCategory | null
  joined: boolean
  onAnother: () => void
}) {
  // the submit's answer names the grid member in full unless the community hides it; otherwise the ticket's own view
  const handler = 'handler' in ticket ? ticket.handler : null
  const who = handler ? `网格员${handler.name}` : ticket.assignee ? `网格员${ticket.assignee.name}` : '所在网格的网格员'
  return (
    <View className='card success' ariaRole='alert'>
      <Text className='success-title'>{joined ? '已关注这件事' : '提交成功'}</Text>
      {joined ? (
        <Text>{`您已加入“${ticket.categoryLabel}”这件报事，不用重复提交。处理有进展时会通知您，结果出来后您也可以评价。`}</Text>
      ) : (
        <View>
          <Text className='ticket-excerpt'>{`您反映的“${ticket.categoryLabel}”问题已转给${who}。`}</Text>
          {category ? <Text className='ticket-excerpt'>{`一般会在${category.respondHours}小时内受理，${category.resolveDays}天内办结。`}</Text> : null}
          <Text className='ticket-excerpt'>办理进展可以在“我的报事”里随时查看，办好后请您确认并评价。</Text>
          {handler ? <CallGridMember handler={handler} /> : null}
        </View>
      )}
      <Button className='btn btn-primary btn-block' onClick={() => openTicket(ticket.id)}>
        查看这件报事
      </Button>
      <Button className='btn btn-secondary btn-block' onClick={onAnother}>
        再报一件事
      </Button>
      <Button className='btn btn-plain btn-block' onClick={goHome}>
        回到首页
      </Button>
    </View>
  )
}

/** The scan-to-report form: category (1 tap), optional text and photos, submit (1 tap). */
export function ReportForm({ place }: { place: PlaceView }) {
  const categories = useRemote(() => call('tickets', 'categories', { communityId: place.community.id }), [place.community.id])
  // what was filled in here last time and not sent (photos no longer on the phone left out)
  const [restored] = useState(() => {
    const d = loadDraft(taroStore, place.code)
    return d ? { ...d, photos: d.photos.filter(hasLocalPhoto) } : null
  })
  const [category, setCategory] = useState<TicketCategory | null>(null)
  const [text, setText] = useState(restored?.text ?? '')
  const [photos, setPhotos] = useState<string[]>(restored?.photos ?? [])
  const [anonymous, setAnonymous] = useState(restored?.anonymous ?? false)
  const [similar, setSimilar] = useState<SimilarTicket[]>([])
  const [error, setError] = useState<ErrorBody | null>(null)
  const [done, setDone] = useState<{ ticket: TicketView | SubmittedTicketView; joined: boolean } | null>(null)
  const [queued, setQueued] = useState(false)
  const [showRestored, setShowRestored] = useState(!!restored)
  // One idempotency key per form, kept with its draft: a resend (now, queued, or from the draft) files no second ticket.
  const requestId = useRef(restored?.requestId ?? newRequestId())
  // the restored category's key until the categories are loaded and it is chosen again
  const restoredCategory = useRef(restored?.category ?? null)
  const similarSeq = useRef(0)
  const { busy, run } = useSubmit()
  useEffect(() => void prefetchSubscriptions(), [])
  // opening a report page is also when reports left waiting on the phone go out
  useEffect(() => startOutbox(), [])

  const choose = (c: TicketCategory) => {
    restoredCategory.current = null
    setCategory(c)
    setError(null)
    setSimilar([])
    const mine = ++similarSeq.current
    void call('tickets', 'similar', { placeCode: place.code, category: c.key }).then((res) => {
      if (mine === similarSeq.current && res.ok) setSimilar(res.data)
    })
  }

  const loaded = categories.state.status === 'ok' ? categories.state.data : null
  useEffect(() => {
    const key = restoredCategory.current
    if (!loaded || !key) return
    const c = loaded.find((x) => x.key === key)
    if (c) choose(c)
    else restoredCategory.current = null
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restore the draft's category once the list loads; `choose` is new each render
  }, [loaded])

  // The draft follows every change, so a lost signal or a closed WeChat loses nothing typed, chosen or taken.
  useEffect(() => {
    if (done || queued) return
    saveDraft(taroStore, {
      placeCode: place.code,
      requestId: requestId.current,
      category: category?.key ?? restoredCategory.current,
      text,
      photos,
      anonymous,
      savedAt: new Date().toISOString(),
    })
  }, [place.code, category, text, photos, anonymous, done, queued])

  const submit = () => {
    // the prompt must open inside the tap; the answer does not hold up the report
    if (category) void askToSubscribe(['stateChanged'])
    return run(async () => {
      if (!category) {
        setError({ code: 'INPUT.INVALID', message: '请先选择问题类型' })
        return
      }
      setError(null)
      // photos kept on the phone are uploaded first; without network the report waits in the outbox
      const res = await reportOutbox.send({
        requestId: requestId.current,
        placeCode: place.code,
        placeLabel: `${place.community.name} ${place.building.name} ${place.unit.name}`,
        category: category.key,
        categoryLabel: category.label,
        text: text.trim(),
        photos,
        anonymous,
      })
      if (res.kind === 'failed') {
        setPhotos(res.photos)
        setError(res.error)
        return
      }
      clearDraft(taroStore, place.code)
      if (res.kind === 'sent') setDone({ ticket: res.ticket, joined: false })
      else setQueued(true)
    })
  }

  const sentLater = useCallback((ticket: SubmittedTicketView) => {
    setQueued(false)
    setDone({ ticket, joined: false })
  }, [])

  const join = (t: SimilarTicket) =>
    run(async () => {
      setError(null)
      const res = await call('tickets', 'join', { ticketId: t.id })
      if (res.ok) {
        clearDraft(taroStore, place.code)
        setDone({ ticket: res.data, joined: true })
      } else setError(res.error)
    })

  const another = () => {
    requestId.current = newRequestId()
    restoredCategory.current = null
    setShowRestored(false)
    setQueued(false)
    setError(null)
    setDone(null)
    setCategory(null)
    setText('')
    setPhotos([])
    setAnonymous(false)
    setSimilar([])
  }

  /** 重新填写: the restored draft is thrown away, photos kept only on the phone with it. */
  const startOver = () => {
    forgetLocalPhotos(photos)
    clearDraft(taroStore, place.code)
    another()
  }

  if (done) return <Done ticket={done.ticket} category={category} joined={done.joined} onAnother={another} />
  if (queued) return <Queued requestId={requestId.current} onSent={sentLater} />
  if (categories.state.status === 'loading') return <Loading text='正在加载问题类型…' />
  if (categories.state.status === 'error') return <ErrorState error={categories.state.error} onRetry={categories.reload} showHome />
  const list = categories.state.status === 'ok' ? categories.state.data : []

  return (
    <View className='report-form'>
      {showRestored ? (
        <View className='card restored' ariaRole='status'>
          <Text className='ticket-excerpt'>已恢复您上次在这里没填完的内容，可以接着填。</Text>
          <Button className='btn btn-plain btn-block' onClick={startOver}>
            重新填写
          </Button>
        </View>
      ) : null}
      <View className='card'>
        <Text className='subtitle'>遇到了什么问题？</Text>
        <View className='category-grid' ariaRole='radiogroup' ariaLabel='问题类型'>
          {list.map((c) => (
            <View
              key={c.key}
              className={`category-btn ${category?.key === c.key ? 'category-btn-on' : ''}`}
              ariaRole='radio'
              {...checkedAttr(category?.key === c.key)}
              ariaLabel={category?.key === c.key ? `${c.label}，已选` : c.label}
              onClick={() => choose(c)}
            >
              <Text>{c.label}</Text>
            </View>
          ))}
        </View>
        {category ? <Text className='muted'>{`${category.label}：一般${category.respondHours}小时内受理，${category.resolveDays}天内办结`}</Text> : null}
      </View>

      {similar.length ? (
        <View className='card similar'>
          <Text className='subtitle'>邻居已经报过类似的事</Text>
          <Text className='muted'>如果是同一件事，点“我也遇到”就行，不用重复提交，处理进展同样会通知您。</Text>
          {similar.map((s) => (
            <View key={s.id} className='list-item'>
              <Text className='list-item-title'>{s.excerpt || s.categoryLabel}</Text>
              <Text className='list-item-meta'>{`${s.placeLabel}${s.sameUnit ? '（同单元）' : '（同楼栋）'} · ${formatTime(s.createdAt)} · ${s.stateLabel} · ${s.followers}户遇到`}</Text>
              <Button
                className='btn btn-secondary btn-block'
                disabled={busy}
                ariaLabel={`我也遇到：${s.excerpt || s.categoryLabel}`}
                onClick={() => void join(s)}
              >
                我也遇到
              </Button>
            </View>
          ))}
        </View>
      ) : null}

      <View className='card'>
        <Text className='subtitle'>说一句（可不填）</Text>
        <Textarea
          className='textarea'
          value={text}
          maxlength={MAX_TEXT}
          placeholder='比如：3楼楼道灯不亮了'
          ariaLabel='问题描述，可不填，最多500字'
          onInput={(e) => setText(e.detail.value.slice(0, MAX_TEXT))}
        />
        <Text className='counter'>{`${text.length}/${MAX_TEXT}`}</Text>
        <Text className='subtitle'>拍照（可不拍，最多6张）</Text>
        <PhotoPicker photos={photos} onChange={setPhotos} max={6} keepOffline={keepLocalPhoto} />
        {/* the words and the switch are one target of a row's height (Taro's Switch is 52 × 32 CSS px on H5) */}
        <Toggle on={anonymous} label='匿名（仅社区工作人员可见姓名）' onChange={setAnonymous} />
      </View>

      {error ? (
        <ErrorState error={error.code === 'NETWORK' ? { ...error, message: '网络不太好，没有提交成功。请再点一次“提交”，不会重复提交。' } : error} />
      ) : null}

      {/* fixed to the bottom of the screen over a white bar (index.css): 提交 shows without scrolling however long the form */}
      <View className='report-submit-bar' />
      <Button className='btn btn-primary btn-big btn-block report-submit' disabled={busy || !category} loading={busy} onClick={() => void submit()}>
        {category ? '提交' : '请先选择问题类型'}
      </Button>
    </View>
  )
}
