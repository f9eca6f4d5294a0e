import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Activity from '../../src/packages/volunteer/pages/activity/index'
import CheckinCode from '../../src/packages/volunteer/pages/code/index'
import type { ActivityView, CheckinCodeView, MySignupView, RosterEntryView } from '../../types'
import { expectOnlyButtons, omissions } from './support/can'
import { fakeBackend } from './support/fakeTransport'
import { renderPage } from './support/render'
import { typeInto } from './support/tickets'

const mine = (over: Partial<MySignupView> = {}): MySignupView => ({
  status: 'confirmed',
  statusLabel: '已报名',
  waitlistPosition: null,
  checkinAt: null,
  checkoutAt: null,
  hours: null,
  ...over,
})

const activity = (over: Partial<ActivityView> = {}): ActivityView => ({
  id: 'a1',
  communityId: 'c-xingfu',
  title: '周末楼道清扫',
  place: '3栋楼下',
  startAt: '2099-11-22T01:00:00.000Z',
  endAt: '2099-11-22T03:00:00.000Z',
  deadline: '2099-11-22T01:00:00.000Z',
  capacity: 1,
  organiser: '幸福社区党委',
  skills: [],
  confirmed: 1,
  waitlisted: 0,
  remaining: 0,
  phase: 'open',
  phaseLabel: '报名中',
  me: null,
  description: '带上手套',
  publishedBy: '陈静',
  createdAt: '2026-11-20T01:00:00.000Z',
  can: ['signup'],
  roster: null,
  ...over,
})

const person = (over: Partial<RosterEntryView> = {}): RosterEntryView => ({
  openid: 'dev-resident-2',
  name: '李建国',
  phone: '138****0002',
  status: 'confirmed',
  statusLabel: '已报名',
  seq: 1,
  waitlistPosition: null,
  signedUpAt: '2026-11-21T01:00:00.000Z',
  checkinAt: '2099-11-22T00:50:00.000Z',
  checkoutAt: '2099-11-22T03:05:00.000Z',
  hours: 2,
  recorderName: '陈静',
  adjustments: [],
  ...over,
})

const code = (c: string, secondsLeft: number): CheckinCodeView => ({
  activityId: 'a1',
  code: c,
  period: 30,
  secondsLeft,
  validUntil: '2099-11-22T01:00:30.000Z',
  qr: 'data:image/png;base64,iVBORw0KGgo=',
})

const modal = (confirm: boolean) => jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'showModal:ok' } as never)

describe('a volunteer activity', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
    jest.useRealTimers()
  })

  it('when the activity is full, then the button offers the waitlist and signing up shows the place on it', async () => {
    backend = fakeBackend().ok('volunteers', 'get', activity())
    backend.ok(
      'volunteers',
      'signup',
      activity({ waitlisted: 1, can: ['cancel'], me: mine({ status: 'waitlisted', statusLabel: '候补中', waitlistPosition: 1 }) }),
    )
    renderPage(Activity, { id: 'a1' }, '/packages/volunteer/pages/activity/index')
    expect(await screen.findByText('已报名 1/1')).toBeTruthy()
    fireEvent.click(screen.getByText('报名候补'))
    await waitFor(() => expect(backend.callsOf('volunteers', 'signup').map((c) => c.data)).toEqual([{ activityId: 'a1' }]))
    expect(await screen.findByText('我的报名：候补第1位')).toBeTruthy()
    expect(screen.getByText('取消候补')).toBeTruthy()
    expect(screen.queryByText('报名候补')).toBeNull()
  })

  it('when a place is free, then the button says 报名 and the person holds a place after tapping it', async () => {
    backend = fakeBackend().ok('volunteers', 'get', activity({ confirmed: 0, remaining: 1 }))
    backend.ok('volunteers', 'signup', activity({ can: ['cancel'], me: mine() }))
    renderPage(Activity, { id: 'a1' }, '/packages/volunteer/pages/activity/index')
    fireEvent.click(await screen.findByText('报名'))
    expect(await screen.findByText('我的报名：已报名')).toBeTruthy()
  })

  it('when the person declines the confirmation, then the sign-up is not cancelled', async () => {
    backend = fakeBackend().ok('volunteers', 'get', activity({ can: ['cancel'], me: mine() }))
    const ask = modal(false)
    renderPage(Activity, { id: 'a1' }, '/packages/volunteer/pages/activity/index')
    fireEvent.click(await screen.findByText('取消报名'))
    await waitFor(() => expect(ask).toHaveBeenCalled())
    expect(ask.mock.calls[0][0]?.confirmText).toBe('取消报名')
    expect(backend.callsOf('volunteers', 'cancel')).toEqual([])
  })

  it('when the person confirms cancelling, then the sign-up is cancelled and sign-up is offered again', async () => {
    backend = fakeBackend().ok('volunteers', 'get', activity({ can: ['cancel'], me: mine() }))
    backend.ok('volunteers', 'cancel', activity({ confirmed: 0, remaining: 1, can: ['signup'], me: mine({ status: 'cancelled', statusLabel: '已取消' }) }))
    modal(true)
    renderPage(Activity, { id: 'a1' }, '/packages/volunteer/pages/activity/index')
    fireEvent.click(await screen.findByText('取消报名'))
    await waitFor(() => expect(backend.callsOf('volunteers', 'cancel')).toHaveLength(1))
    expect(await screen.findByText('报名')).toBeTruthy()
    expect(screen.queryByText(/我的报名/)).toBeNull()
  })

  it('when check-in is open, then the typed six digits are sent and the check-in time shows', async () => {
    backend = fakeBackend().ok('volunteers', 'get', activity({ phase: 'closed', phaseLabel: '报名已截止', can: ['checkin'], me: mine() }))
    backend.on('volunteers', 'checkin', () => ({ ok: true, data: activity({ can: ['checkout'], me: mine({ checkinAt: '2099-11-22T00:50:00.000Z' }) }) }))
    renderPage(Activity, { id: 'a1' }, '/packages/volunteer/pages/activity/index')
    typeInto(await screen.findByLabelText('签到码'), '123456')
    fireEvent.click(screen.getByText('签到'))
    await waitFor(() => expect(backend.callsOf('volunteers', 'checkin').map((c) => c.data)).toEqual([{ activityId: 'a1', code: '123456' }]))
    expect(await screen.findByText('我的报名：已签到')).toBeTruthy()
    expect(screen.getByText('现场签退')).toBeTruthy()
  })

  it('when the person has checked out, then the times and the credited hours show', async () => {
    backend = fakeBackend().ok(
      'volunteers',
      'get',
      activity({
        phase: 'ended',
        phaseLabel: '已结束',
        can: [],
        me: mine({ checkinAt: '2099-11-22T00:50:00.000Z', checkoutAt: '2099-11-22T03:05:00.000Z', hours: 2 }),
      }),
    )
    renderPage(Activity, { id: 'a1' }, '/packages/volunteer/pages/activity/index')
    expect(await screen.findByText('我的报名：已签退')).toBeTruthy()
    expect(screen.getByText('服务时长：2 小时')).toBeTruthy()
  })

  it('when an organiser corrects a volunteer’s hours, then the hours and the reason are sent', async () => {
    backend = fakeBackend().ok('volunteers', 'get', activity({ phase: 'ended', phaseLabel: '已结束', can: ['adjustHours'], roster: [person()] }))
    backend.on('volunteers', 'adjustHours', ({ hours }) => ({
      ok: true,
      data: activity({ phase: 'ended', can: ['adjustHours'], roster: [person({ hours })] }),
    }))
    renderPage(Activity, { id: 'a1' }, '/packages/volunteer/pages/activity/index')
    fireEvent.click(await screen.findByText('调整时长'))
    typeInto(screen.getByLabelText('李建国的服务时长，单位小时'), '1.5')
    typeInto(screen.getByLabelText('更正理由'), '提前半小时离开')
    fireEvent.click(screen.getByText('保存时长'))
    await waitFor(() =>
      expect(backend.callsOf('volunteers', 'adjustHours').map((c) => c.data)).toEqual([
        { activityId: 'a1', openid: 'dev-resident-2', hours: 1.5, reason: '提前半小时离开' },
      ]),
    )
    expect(await screen.findByText('服务时长 1.5 小时（陈静确认）')).toBeTruthy()
  })
})

describe('the organiser’s check-in code', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => {
    backend.restore()
    jest.useRealTimers()
  })

  it('when the seconds run out, then the next code is fetched by itself and the countdown starts again', async () => {
    jest.useFakeTimers()
    const codes = [code('111111', 3), code('222222', 30)]
    backend = fakeBackend().on('volunteers', 'checkinCode', () => ({ ok: true, data: codes.shift() ?? code('333333', 30) }))
    const page = renderPage(CheckinCode, { id: 'a1' }, '/packages/volunteer/pages/code/index')
    expect(await screen.findByText('111111')).toBeTruthy()
    expect(screen.getByText('3秒后更新')).toBeTruthy()
    await act(async () => {
      jest.advanceTimersByTime(1000)
    })
    expect(screen.getByText('2秒后更新')).toBeTruthy()
    await act(async () => {
      jest.advanceTimersByTime(2000)
    })
    expect(await screen.findByText('222222')).toBeTruthy()
    expect(screen.getByText('30秒后更新')).toBeTruthy()
    expect(backend.callsOf('volunteers', 'checkinCode')).toHaveLength(2)

    page.unmount()
    await act(async () => {
      jest.advanceTimersByTime(60_000)
    })
    expect(backend.callsOf('volunteers', 'checkinCode')).toHaveLength(2)
  })

  it('when the code can no longer be shown, then the reason shows and no more codes are asked for', async () => {
    jest.useFakeTimers()
    backend = fakeBackend().fail('volunteers', 'checkinCode', { code: 'VOLUNTEER.CHECKIN_CLOSED', message: '签到已结束' })
    renderPage(CheckinCode, { id: 'a1' }, '/packages/volunteer/pages/code/index')
    expect(await screen.findByText('签到已结束')).toBeTruthy()
    await act(async () => {
      jest.advanceTimersByTime(60_000)
    })
    expect(backend.callsOf('volunteers', 'checkinCode')).toHaveLength(1)
  })
})

describe('an activity shows only what the view can', () => {
  // a place free, the caller holding one, and someone on the roster: every button could show
  const BUTTONS = { signup: '报名', cancel: '取消报名', checkin: '现场签到', checkout: '现场签退', showCode: '显示签到码', adjustHours: '调整时长' } as const
  const everything = (can: ActivityView['can']) => activity({ confirmed: 1, remaining: 1, capacity: 2, me: mine(), can, roster: [person()] })
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => backend.restore())

  it.each(omissions(BUTTONS))('when can leaves out %s, then its button is absent and the others are there', async (_left, listed) => {
    backend = fakeBackend().ok('volunteers', 'get', everything([...listed]))
    renderPage(Activity, { id: 'a1' }, '/packages/volunteer/pages/activity/index')
    await expectOnlyButtons(BUTTONS, listed)
  })
})
