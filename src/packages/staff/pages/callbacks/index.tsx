import { useState } from 'react'
import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { ErrorBody } from '../../../../../types'
import type { CallbackItem, CallbackStatus } from '../../../../../types/tickets'
import { CALLBACK_STATUSES, CALLBACK_STATUS_LABELS, SATISFACTION_WORDS } from '../../../../../types/callbackLabels'
import { call } from '../../../../api'
import { usePaged } from '../../../../hooks/usePaged'
import { useSubmit } from '../../../../hooks/useRemote'
import { GRID_ROLES, STAFF_ROLES } from '../../../../lib/roles'
import { ErrorState } from '../../../../components/States'
import { PagedFooter } from '../../../../components/PagedFooter'
import { Chip, ChipGroup } from '../../../../components/Chip'
import { StarRating } from '../../../../components/StarRating'
import { confirm, toast } from '../../../../components/ConfirmModal'
import { formatTime } from '../../../../components/format'
import { CommunityBar } from '../../components/CommunityBar'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import { Page } from '../../../../components/Page'
import '../../../../components/tickets.css'

/** Who may call residents back: staff, grid leaders, and grid members (of another grid than the ticket's). */
const CALLERS = [...STAFF_ROLES, ...GRID_ROLES]

const EMPTY: Record<CallbackStatus, string> = {
  open: '暂时没有需要回访的报事',
  done: '还没有完成的回访',
  unreachable: '没有联系不上的回访',
}

const who = (item: CallbackItem) => item.residentName ?? '报事居民'

/** What the resident had said before the callback: confirmed, left it unanswered, and the stars they gave. */
function selfAnswer(item: CallbackItem): string {
  const said = item.confirmation === 'confirmed' ? '居民已确认解决' : item.confirmation === 'unconfirmed' ? '居民未确认，超时自动关闭' : '居民未确认'
  return item.selfRating ? `${said}，自评${item.selfRating}星（${SATISFACTION_WORDS[item.selfRating]}）` : `${said}，未评价`
}

/** The form of one call's outcome: reached or not; if reached, fixed or not, satisfaction and a note. */
function RecordForm({ item, onDone, onCancel }: { item: CallbackItem; onDone: (next: CallbackItem) => void; onCancel: () => void }) {
  const [reached, setReached] = useState<boolean | null>(null)
  const [fixed, setFixed] = useState<boolean | null>(null)
  const [score, setScore] = useState(0)
  const [note, setNote] = useState('')
  const [error, setError] = useState<ErrorBody | null>(null)
  const { busy, run } = useSubmit()

  const save = () =>
    run(async () => {
      setError(null)
      if (reached === null) return toast('请选择电话是否接通')
      if (reached && fixed === null) return toast('请选择问题是否真的解决了')
      if (reached && !score) return toast('请选择居民的满意度')
      if (reached && fixed === false) {
        if (!note.trim()) return toast('请写明哪里还没解决')
        // not fixed reopens the ticket one level up, as the resident's own 未解决: said before it happens
        // (WeChat shows at most 4 characters on a modal's button)
        const ok = await confirm('居民说没有解决', '这件报事将重新办理，并升级一级（网格的报事交社区，社区的交街道）。确定吗？', '重新办理')
        if (!ok) return
      }
      const res = await call(
        'tickets',
        'callbackRecord',
        reached
          ? { ticketId: item.ticketId, reached: true, fixed: !!fixed, satisfaction: score, note: note.trim() || undefined }
          : { ticketId: item.ticketId, reached: false, note: note.trim() || undefined },
      )
      if (!res.ok) return setError(res.error)
      toast(
        !reached
          ? res.data.status === 'unreachable'
            ? '已记录：联系不上，回访结束'
            : '已记录未接通，请改天再打'
          : fixed
            ? '回访已记录'
            : '已记录，报事将重新办理',
      )
      onDone(res.data)
    })

  return (
    <View className='card'>
      <ChipGroup label='电话接通了吗'>
        <Chip on={reached === true} label='接通了' name='电话接通了' onClick={() => setReached(true)} />
        <Chip on={reached === false} label='没接通' name='电话没接通' onClick={() => setReached(false)} />
      </ChipGroup>
      {reached ? (
        <View>
          <ChipGroup label='问题真的解决了吗'>
            <Chip on={fixed === true} label='已解决' name='居民说已解决' onClick={() => setFixed(true)} />
            <Chip on={fixed === false} label='没有解决' name='居民说没有解决' onClick={() => setFixed(false)} />
          </ChipGroup>
          <Text className='field-label'>居民的满意度</Text>
          <StarRating value={score} onChange={setScore} />
        </View>
      ) : null}
      {reached !== null ? (
        <View className='field'>
          <Text className='field-label'>{reached && fixed === false ? '哪里还没解决（必填，办理人会看到）' : '回访记录（可不填）'}</Text>
          <Textarea
            className='textarea'
            value={note}
            maxlength={200}
            ariaLabel={reached && fixed === false ? '哪里还没解决' : '回访记录，可不填'}
            placeholder={reached ? '比如：灯修好后一直正常' : '比如：无人接听、关机'}
            onInput={(e) => setNote(e.detail.value)}
          />
          <Text className='counter'>{`${note.length}/200`}</Text>
        </View>
      ) : null}
      {error ? <ErrorState error={error} /> : null}
      <Button className='btn btn-primary btn-big btn-block' disabled={busy || reached === null} loading={busy} onClick={() => void save()}>
        {reached === false ? '记录未接通' : '保存回访结果'}
      </Button>
      <Button className='btn btn-plain btn-block' onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}

function CallbackCard({ item, onChanged }: { item: CallbackItem; onChanged: (next: CallbackItem) => void }) {
  const [recording, setRecording] = useState(false)
  const [error, setError] = useState<ErrorBody | null>(null)
  const { busy, run } = useSubmit()
  const can = (a: CallbackItem['can'][number]) => item.can.includes(a)
  const now = new Date().toISOString()

  // the number comes from the function at the moment of calling and goes straight to the phone: never into the page
  const dial = () =>
    run(async () => {
      setError(null)
      const res = await call('tickets', 'callbackDial', { ticketId: item.ticketId })
      if (!res.ok) return setError(res.error)
      onChanged(res.data.item)
      await Taro.makePhoneCall({ phoneNumber: res.data.phone }).catch(() => undefined)
    })
  const take = () =>
    run(async () => {
      setError(null)
      const res = await call('tickets', 'callbackTake', { ticketId: item.ticketId })
      if (!res.ok) return setError(res.error)
      toast('已认领，请尽快回访')
      onChanged(res.data)
    })

  return (
    <View className='card' ariaRole='group' ariaLabel={`${item.categoryLabel}，${item.placeLabel}`}>
      <View className='ticket-card-head'>
        <Text className='ticket-card-title'>{`${item.categoryLabel} · ${item.placeLabel}`}</Text>
        <Text className={`state-tag ${item.status === 'open' ? '' : 'state-tag-done'}`}>{item.statusLabel}</Text>
      </View>
      <Text className='muted line'>{`回访原因：${item.reasonLabel}${item.round > 1 ? `（第${item.round}次回访）` : ''}`}</Text>
      {item.excerpt ? <Text className='line'>{`居民反映：${item.excerpt}`}</Text> : null}
      {item.resolutionNote ? <Text className='line'>{`办理结果：${item.resolutionNote}`}</Text> : null}
      <Text className='line'>{selfAnswer(item)}</Text>
      <Text className='muted line'>{`${item.gridName ? `${item.gridName} · ` : ''}${formatTime(item.closedAt)} 关闭 · 居民：${who(item)}`}</Text>

      {item.unreached.length ? (
        <Text className='line'>{`已打 ${item.unreached.length} 次未接通（${item.unreached.map((u) => `${formatTime(u.at)} ${u.byName}`).join('；')}）${item.status === 'open' ? `，还可再打 ${item.triesLeft} 次` : ''}`}</Text>
      ) : null}
      {item.status === 'open' && item.dueAt > now ? <Text className='warning line'>{`请在 ${formatTime(item.dueAt)} 以后再打`}</Text> : null}
      {item.takenBy && item.status === 'open' ? <Text className='line'>{item.takenBy.mine ? '您已认领这条回访' : `${item.takenBy.name} 正在回访`}</Text> : null}
      {item.result ? (
        <View ariaRole='status'>
          <Text className={`line ${item.result.fixed ? 'done' : 'warning'}`}>
            {`${item.result.fixed ? '居民说已解决' : '居民说没有解决，已重新办理'}，满意度 ${item.result.satisfaction} 分（${SATISFACTION_WORDS[item.result.satisfaction]}）`}
          </Text>
          {item.result.note ? <Text className='line'>{`回访记录：${item.result.note}`}</Text> : null}
          <Text className='muted line'>{`${item.result.byName} · ${formatTime(item.result.at)}`}</Text>
        </View>
      ) : null}
      {item.blocked ? <Text className='muted line'>{item.blocked.message}</Text> : null}

      {can('dial') ? (
        <Button className='btn btn-primary btn-big btn-block' ariaLabel={`给${who(item)}打电话回访`} disabled={busy} onClick={() => void dial()}>
          拨打电话
        </Button>
      ) : null}
      {can('take') && !item.hasPhone ? <Text className='muted line'>报事人没有留电话，请上门回访后记录结果。</Text> : null}
      {can('take') ? (
        <Button className='btn btn-secondary btn-block' ariaLabel={`认领：由我回访${who(item)}`} disabled={busy} onClick={() => void take()}>
          由我回访
        </Button>
      ) : null}
      {can('record') && !recording ? (
        <Button className='btn btn-secondary btn-big btn-block' ariaLabel={`记录${who(item)}的回访结果`} onClick={() => setRecording(true)}>
          记录回访结果
        </Button>
      ) : null}
      {error ? <ErrorState error={error} /> : null}
      {recording ? (
        <RecordForm
          item={item}
          onCancel={() => setRecording(false)}
          onDone={(next) => {
            setRecording(false)
            onChanged(next)
          }}
        />
      ) : null}
    </View>
  )
}

/**
 * 回访: closed tickets the sampling picked (every low rating, every unconfirmed closing, a share of the rest), called
 * back by someone other than their handlers. The resident's number is never on this page: 拨打电话 asks for it at
 * the moment of calling and hands it to the phone.
 */
export default function Callbacks() {
  const staff = useStaffCommunity(CALLERS)
  const communityId = staff.communityId
  const [status, setStatus] = useState<CallbackStatus>('open')
  const [counts, setCounts] = useState<Record<CallbackStatus, number> | null>(null)
  const list = usePaged(
    (page) =>
      communityId
        ? call('tickets', 'callbackQueue', { communityId, status, page, pageSize: 20 }).then((res) => {
            if (res.ok) setCounts(res.data.counts)
            return res
          })
        : null,
    [communityId, status],
  )

  usePullDownRefresh(() => {
    list.reload()
    void Taro.stopPullDownRefresh()
  })

  return (
    <Page className='staff-callbacks'>
      <CommunityBar staff={staff}>
        {communityId ? (
          <View>
            <View className='card'>
              <Text className='subtitle'>回访</Text>
              <Text className='muted line'>请给居民打个电话，问问事情是不是真的解决了。回访须由办理人以外的人员进行；没接通的改天再打，最多打3天。</Text>
            </View>
            <ChipGroup label='回访状态'>
              {CALLBACK_STATUSES.map((s) => (
                <Chip
                  key={s}
                  on={status === s}
                  label={counts ? `${CALLBACK_STATUS_LABELS[s]} ${counts[s]}` : CALLBACK_STATUS_LABELS[s]}
                  name={`回访状态：${CALLBACK_STATUS_LABELS[s]}${counts ? ` ${counts[s]} 件` : ''}`}
                  onClick={() => setStatus(s)}
                />
              ))}
            </ChipGroup>
            {list.items.map((item) => (
              <CallbackCard
                key={item.ticketId}
                item={item}
                onChanged={(next) => {
                  // an ended callback leaves this status's list at the next load; until then it shows its outcome
                  list.replace((x) => x.ticketId === next.ticketId, next)
                }}
              />
            ))}
            <PagedFooter list={list} emptyText={EMPTY[status]} />
          </View>
        ) : null}
      </CommunityBar>
    </Page>
  )
}
