import { useEffect } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ActivityView, VolunteerAction } from '../../../../../types'
import { call } from '../../../../api'
import { askToSubscribe, prefetchSubscriptions } from '../../../../api/subscribe'
import { useRemote } from '../../../../hooks/useRemote'
import { useAction } from '../../../../hooks/useAction'
import { usePullToReload, useReloadOnReturn } from '../../../../hooks/useRefresh'
import { confirm } from '../../../../components/ConfirmModal'
import { ErrorState, Pending } from '../../../../components/States'
import { CodeEntry } from '../../components/CodeEntry'
import { Roster } from '../../components/Roster'
import { hours, myStatus, seats, span, when } from '../../components/format'
import { Page } from '../../../../components/Page'
import '../../components/volunteer.css'

const NO_ID = { code: 'NOT_FOUND', message: '没有找到这个活动' }

/** What the person is told after signing up: a place, or a place on the waitlist. */
const signedUp = (a: ActivityView) => (a.me?.status === 'waitlisted' ? `名额已满，您是候补第${a.me.waitlistPosition ?? 1}位，有人取消会自动递补` : '报名成功')

/** 活动详情: the activity, my place (or the waitlist), sign-up and cancelling, check-in and out; organisers get the code and the roster. */
export default function Activity() {
  const router = useRouter()
  const id = router?.params?.id ? decodeURIComponent(router.params.id) : ''
  const { state, reload, setData } = useRemote(() => (id ? call('volunteers', 'get', { activityId: id }) : null), [id])
  const { act, busy, error } = useAction<ActivityView>({ setData })
  useReloadOnReturn(reload)
  usePullToReload(reload)
  useEffect(() => void prefetchSubscriptions(), [])

  if (!id || state.status !== 'ok') return <Pending missing={id ? null : NO_ID} state={state} onRetry={reload} />
  const a = state.data
  const can = (x: VolunteerAction) => a.can.includes(x)
  const me = a.me && a.me.status !== 'cancelled' ? a.me : null
  const status = myStatus(a.me)

  const signup = () => {
    // inside the tap: be told when a waitlisted place turns into a place
    void askToSubscribe(['volunteerPromoted'])
    return act(() => call('volunteers', 'signup', { activityId: a.id }), signedUp)
  }
  const cancel = async () => {
    const content = me?.status === 'waitlisted' ? '取消后将失去候补位置，确定取消吗？' : '取消后名额会让给候补的人，确定取消报名吗？'
    if (!(await confirm('取消报名', content, '取消报名'))) return
    await act(() => call('volunteers', 'cancel', { activityId: a.id }), '已取消报名')
  }
  const checkin = (code: string) => act(() => call('volunteers', 'checkin', { activityId: a.id, code }), '签到成功')
  const checkout = (code: string) =>
    act(
      () => call('volunteers', 'checkout', { activityId: a.id, code }),
      (next) => (next.me?.hours !== null && next.me?.hours !== undefined ? `签退成功，服务 ${hours(next.me.hours)}` : '签退成功'),
    )
  const adjust = async (openid: string, h: number, reason: string) =>
    (await act(() => call('volunteers', 'adjustHours', { activityId: a.id, openid, hours: h, reason }), '时长已更正')) ?? false

  return (
    <Page className='volunteer-activity'>
      <View className='card'>
        <Text className='title line'>{a.title}</Text>
        <View className='row'>
          <Text className='tag'>{a.phaseLabel}</Text>
          {a.skills.map((s) => (
            <Text key={s} className='tag'>
              {s}
            </Text>
          ))}
        </View>
        <Text className='line'>{`时间：${span(a.startAt, a.endAt)}`}</Text>
        <Text className='line'>{`地点：${a.place}`}</Text>
        <Text className='line'>{`组织：${a.organiser}`}</Text>
        <Text className='line'>{seats(a)}</Text>
        <Text className='muted line'>
          {a.remaining > 0 ? `还剩 ${a.remaining} 个名额，${when(a.deadline)} 截止报名` : `名额已满，可报名候补，${when(a.deadline)} 截止`}
        </Text>
        {a.description ? <Text className='vol-desc'>{a.description}</Text> : null}
      </View>

      {status ? (
        <View className='card my-signup' ariaRole='status'>
          <Text className={`vol-status ${me?.status === 'waitlisted' ? 'vol-waiting' : ''}`}>{`我的报名：${status}`}</Text>
          {me?.status === 'waitlisted' ? <Text className='muted line'>有人取消时按候补顺序自动递补，递补后会通知您。</Text> : null}
          {me?.checkinAt ? <Text className='line'>{`签到时间：${when(me.checkinAt)}`}</Text> : null}
          {me?.checkoutAt ? <Text className='line'>{`签退时间：${when(me.checkoutAt)}`}</Text> : null}
          {me?.hours !== null && me?.hours !== undefined ? <Text className='line'>{`服务时长：${hours(me.hours)}`}</Text> : null}
          {me?.status === 'confirmed' && !me.checkinAt && !can('checkin') && a.phase !== 'ended' ? (
            <Text className='muted line'>活动开始前1小时起可以现场签到。</Text>
          ) : null}
        </View>
      ) : null}

      {error ? <ErrorState error={error} /> : null}

      {can('checkin') ? <CodeEntry verb='签到' busy={busy} onSubmit={(code) => void checkin(code)} /> : null}
      {can('checkout') ? <CodeEntry verb='签退' busy={busy} onSubmit={(code) => void checkout(code)} /> : null}

      {can('signup') ? (
        <Button className='btn btn-primary btn-big btn-block' disabled={busy} onClick={() => void signup()}>
          {a.remaining > 0 ? '报名' : '报名候补'}
        </Button>
      ) : null}
      {can('cancel') ? (
        <Button className='btn btn-plain btn-block' disabled={busy} onClick={() => void cancel()}>
          {me?.status === 'waitlisted' ? '取消候补' : '取消报名'}
        </Button>
      ) : null}

      {can('showCode') ? (
        <Button
          className='btn btn-primary btn-big btn-block'
          onClick={() => void Taro.navigateTo({ url: `/packages/volunteer/pages/code/index?id=${encodeURIComponent(a.id)}` })}
        >
          显示签到码
        </Button>
      ) : null}
      {a.roster ? <Roster roster={a.roster} communityId={a.communityId} canAdjust={can('adjustHours')} busy={busy} onAdjust={adjust} /> : null}
    </Page>
  )
}
