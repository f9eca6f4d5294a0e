import { useState } from 'react'
import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { TicketView } from '../../../types/tickets'
import { call } from '../../api'
import { useRemote } from '../../hooks/useRemote'
import { useAction } from '../../hooks/useAction'
import { ErrorState, Pending } from '../../components/States'
import { confirm } from '../../components/ConfirmModal'
import { TicketHeader } from '../../components/TicketHeader'
import { Timeline } from '../../components/Timeline'
import { StarRating } from '../../components/StarRating'
import { Page } from '../../components/Page'
import '../../components/tickets.css'

const NO_ID = { code: 'NOT_FOUND', message: '没有找到这件报事' }

/** 报事详情: state, handler, deadline, photos, timeline, and only the actions the view's `can` lists. */
export default function TicketDetail() {
  const router = useRouter()
  const id = router?.params?.id ? decodeURIComponent(router.params.id) : ''
  const { state, reload, setData } = useRemote(() => (id ? call('tickets', 'get', { ticketId: id }) : null), [id])
  const [reason, setReason] = useState('')
  const [reopening, setReopening] = useState(false)
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const { act, busy, error, setError } = useAction<TicketView>({ setData })

  if (!id || state.status !== 'ok') return <Pending missing={id ? null : NO_ID} state={state} onRetry={reload} />
  const t = state.data
  const can = (a: TicketView['can'][number]) => t.can.includes(a)

  const withdraw = async () => {
    if (!(await confirm('撤回报事', '撤回后这件报事将不再办理，确定撤回吗？', '确定撤回'))) return
    await act(() => call('tickets', 'withdraw', { ticketId: t.id }), '已撤回')
  }
  const confirmFixed = async () => {
    if (!(await confirm('确认已解决', '确认问题已经解决了吗？确认后这件报事将办结。', '已解决'))) return
    await act(() => call('tickets', 'confirm', { ticketId: t.id }), '感谢您的确认')
  }
  const reopen = async () => {
    if (!reason.trim()) return setError({ code: 'INPUT.INVALID', message: '请说明哪里还没解决' })
    if (!(await confirm('重新办理', '将退回重新办理，并上报上一级跟进，确定吗？', '确定'))) return
    await act(() => call('tickets', 'reopen', { ticketId: t.id, reason: reason.trim() }), '已退回重新办理')
    setReopening(false)
    setReason('')
  }
  const rate = async () => {
    if (!score) return setError({ code: 'INPUT.INVALID', message: '请先点星星打分' })
    await act(() => call('tickets', 'rate', { ticketId: t.id, score, ...(comment.trim() ? { comment: comment.trim() } : {}) }), '感谢您的评价')
  }
  const join = () => act(() => call('tickets', 'join', { ticketId: t.id }), '已关注，有进展会通知您')

  const hasActions = t.can.some((a) => ['withdraw', 'confirm', 'reopen', 'rate', 'join'].includes(a))

  return (
    <Page className='ticket-detail'>
      <TicketHeader ticket={t} />
      {t.mergedInto ? (
        <View className='card'>
          <Text>这件报事与另一件重复，已合并办理。</Text>
          <Button
            className='btn btn-secondary btn-block'
            onClick={() => void Taro.redirectTo({ url: `/pages/ticket/index?id=${encodeURIComponent(t.mergedInto!)}` })}
          >
            查看合并后的报事
          </Button>
        </View>
      ) : null}

      {hasActions ? (
        <View className='card actions'>
          {can('confirm') || can('reopen') ? <Text className='subtitle'>问题解决了吗？</Text> : null}
          {can('confirm') ? (
            <Button className='btn btn-primary btn-block' disabled={busy} onClick={() => void confirmFixed()}>
              已解决
            </Button>
          ) : null}
          {can('reopen') && !reopening ? (
            <Button className='btn btn-secondary btn-block' disabled={busy} onClick={() => setReopening(true)}>
              未解决
            </Button>
          ) : null}
          {can('reopen') && reopening ? (
            <View>
              <Text className='field-label'>哪里还没解决？</Text>
              <Textarea
                className='textarea'
                value={reason}
                maxlength={200}
                ariaLabel='未解决的原因'
                placeholder='比如：灯修了两天又不亮了'
                onInput={(e) => setReason(e.detail.value)}
              />
              <Text className='counter'>{`${reason.length}/200`}</Text>
              <Button className='btn btn-primary btn-block' disabled={busy} onClick={() => void reopen()}>
                提交，重新办理
              </Button>
              <Button className='btn btn-plain btn-block' onClick={() => setReopening(false)}>
                取消
              </Button>
            </View>
          ) : null}
          {can('rate') ? (
            <View className='rate'>
              <Text className='subtitle'>给这次办理打个分</Text>
              <StarRating value={score} onChange={setScore} />
              <Textarea
                className='textarea'
                value={comment}
                maxlength={200}
                ariaLabel='评价内容，可不填'
                placeholder='想说的话（可不填）'
                onInput={(e) => setComment(e.detail.value)}
              />
              <Button className='btn btn-primary btn-block' disabled={busy} onClick={() => void rate()}>
                提交评价
              </Button>
            </View>
          ) : null}
          {can('join') ? (
            <Button className='btn btn-secondary btn-block' disabled={busy} onClick={() => void join()}>
              我也遇到
            </Button>
          ) : null}
          {can('withdraw') ? (
            <Button className='btn btn-plain btn-block' disabled={busy} onClick={() => void withdraw()}>
              撤回报事
            </Button>
          ) : null}
        </View>
      ) : null}
      {error ? <ErrorState error={error} /> : null}

      <View className='card'>
        <Text className='subtitle'>办理过程</Text>
        <Timeline entries={t.timeline} />
      </View>
    </Page>
  )
}
