import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Callbacks from '../../src/packages/staff/pages/callbacks/index'
import Dashboard from '../../src/packages/staff/pages/dashboard/index'
import type { CallbackItem, CallbackQueueView } from '../../types/tickets'
import { fakeBackend } from './support/fakeTransport'
import { buildMe, buildStaffMe } from './support/factories'
import { renderPage } from './support/render'
import { buildDashboard, buildFigures, onTickets, ticketCalls, typeInto } from './support/tickets'

const PHONE = '13800000001'

const buildCallback = (overrides: Partial<CallbackItem> = {}): CallbackItem => ({
  ticketId: 't1',
  round: 1,
  status: 'open',
  statusLabel: '待回访',
  reason: 'lowRating',
  reasonLabel: '居民评价不满意',
  categoryLabel: '设施报修',
  placeLabel: '3栋 2单元',
  gridName: '第一网格',
  excerpt: '楼道灯不亮了',
  resolutionNote: '已更换灯泡',
  closedAt: '2026-11-21T02:00:00.000Z',
  confirmation: 'confirmed',
  selfRating: 1,
  residentName: '王秀英',
  hasPhone: true,
  unreached: [],
  triesLeft: 3,
  dueAt: '2026-11-21T02:00:00.000Z',
  takenBy: null,
  result: null,
  can: ['take', 'dial', 'record'],
  blocked: null,
  ...overrides,
})

const queueOf = (items: CallbackItem[], counts = { open: items.length, done: 0, unreachable: 0 }): CallbackQueueView => ({
  items,
  page: 1,
  pageSize: 20,
  total: items.length,
  counts,
})

describe('回访 page', () => {
  let backend: ReturnType<typeof fakeBackend>
  beforeEach(() => Taro.clearStorageSync())
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
  })

  it('when the queue opens, then each callback says why it was picked and what the resident said, with big named buttons and no phone number', async () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    onTickets(backend, 'callbackQueue', () => ({ ok: true, data: queueOf([buildCallback()], { open: 1, done: 4, unreachable: 2 }) }))
    renderPage(Callbacks, {}, '/packages/staff/pages/callbacks/index')

    expect(await screen.findByText('回访原因：居民评价不满意')).toBeTruthy()
    expect(screen.getByText('居民已确认解决，自评1星（很不满意）')).toBeTruthy()
    expect(screen.getByText('办理结果：已更换灯泡')).toBeTruthy()
    expect(screen.getByLabelText('给王秀英打电话回访')).toBeTruthy()
    expect(screen.getByLabelText('记录王秀英的回访结果')).toBeTruthy()
    expect(screen.getByLabelText('回访状态：已回访 4 件')).toBeTruthy()
    expect(document.body.textContent).not.toContain(PHONE)
    expect(ticketCalls(backend, 'callbackQueue')).toEqual([{ communityId: 'c1', status: 'open', page: 1, pageSize: 20 }])
  })

  it('when 拨打电话 is tapped, then the number asked for at that moment goes to makePhoneCall and never onto the page', async () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    onTickets(backend, 'callbackQueue', () => ({ ok: true, data: queueOf([buildCallback()]) }))
    onTickets(backend, 'callbackDial', () => ({
      ok: true,
      data: { phone: PHONE, item: buildCallback({ takenBy: { name: '张社工', mine: true, at: '2026-11-22T01:00:00.000Z' }, can: ['dial', 'record'] }) },
    }))
    const dial = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' } as never)
    renderPage(Callbacks, {}, '/packages/staff/pages/callbacks/index')

    fireEvent.click(await screen.findByLabelText('给王秀英打电话回访'))
    await waitFor(() => expect(dial).toHaveBeenCalledWith({ phoneNumber: PHONE }))
    expect(await screen.findByText('您已认领这条回访')).toBeTruthy()
    expect(ticketCalls(backend, 'callbackDial')).toEqual([{ ticketId: 't1' }])
    expect(document.body.textContent).not.toContain(PHONE)
    // taken: no 由我回访 any more
    expect(screen.queryByText('由我回访')).toBeNull()
  })

  it('when the viewer handled the ticket, then the page says why and shows none of the buttons `can` leaves out', async () => {
    const handled = buildCallback({ can: [], blocked: { code: 'CALLBACK.OWN_TICKET', message: '您办理过这条报事，回访须由办理人以外的人员进行' } })
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    onTickets(backend, 'callbackQueue', () => ({ ok: true, data: queueOf([handled]) }))
    renderPage(Callbacks, {}, '/packages/staff/pages/callbacks/index')

    expect(await screen.findByText('您办理过这条报事，回访须由办理人以外的人员进行')).toBeTruthy()
    expect(screen.queryByText('拨打电话')).toBeNull()
    expect(screen.queryByText('由我回访')).toBeNull()
    expect(screen.queryByText('记录回访结果')).toBeNull()
  })

  it('when the reporter left no phone, then there is no call button, only 由我回访 and recording the visit', async () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    onTickets(backend, 'callbackQueue', () => ({ ok: true, data: queueOf([buildCallback({ hasPhone: false, can: ['take', 'record'] })]) }))
    renderPage(Callbacks, {}, '/packages/staff/pages/callbacks/index')

    expect(await screen.findByText('报事人没有留电话，请上门回访后记录结果。')).toBeTruthy()
    expect(screen.queryByText('拨打电话')).toBeNull()
    expect(screen.getByText('由我回访')).toBeTruthy()
  })

  it('when "not fixed" is recorded, then the page asks first, because the ticket reopens; on 确定 the outcome is sent and shown', async () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    onTickets(backend, 'callbackQueue', () => ({ ok: true, data: queueOf([buildCallback()]) }))
    onTickets(backend, 'callbackRecord', () => ({
      ok: true,
      data: buildCallback({
        status: 'done',
        statusLabel: '已回访',
        can: [],
        result: { fixed: false, satisfaction: 2, note: '灯又坏了', at: '2026-11-22T01:00:00.000Z', byName: '张社工' },
      }),
    }))
    const ask = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
    renderPage(Callbacks, {}, '/packages/staff/pages/callbacks/index')

    fireEvent.click(await screen.findByLabelText('记录王秀英的回访结果'))
    fireEvent.click(screen.getByLabelText('电话接通了'))
    fireEvent.click(screen.getByLabelText('居民说没有解决'))
    fireEvent.click(screen.getByLabelText('2星，不满意'))
    typeInto(screen.getByLabelText('哪里还没解决'), '灯又坏了')
    fireEvent.click(screen.getByText('保存回访结果'))
    await waitFor(() => expect(ask).toHaveBeenCalledWith(expect.objectContaining({ title: '居民说没有解决', confirmText: '重新办理' })))
    // cancelled: nothing sent, and the form is ready again
    expect(ticketCalls(backend, 'callbackRecord')).toEqual([])
    await act(() => new Promise((done) => setTimeout(done, 0)))

    ask.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    fireEvent.click(screen.getByText('保存回访结果'))
    await waitFor(() =>
      expect(ticketCalls(backend, 'callbackRecord')).toEqual([{ ticketId: 't1', reached: true, fixed: false, satisfaction: 2, note: '灯又坏了' }]),
    )
    expect(await screen.findByText('居民说没有解决，已重新办理，满意度 2 分（不满意）')).toBeTruthy()
  })

  it('when nobody answers, then 记录未接通 sends it without asking and the page says to call another day', async () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    onTickets(backend, 'callbackQueue', () => ({ ok: true, data: queueOf([buildCallback()]) }))
    onTickets(backend, 'callbackRecord', () => ({
      ok: true,
      data: buildCallback({
        unreached: [{ at: '2026-11-22T01:00:00.000Z', byName: '张社工' }],
        triesLeft: 2,
        dueAt: '2099-11-23T00:00:00.000Z',
        can: [],
        blocked: { code: 'CALLBACK.NOT_DUE', message: '今天已经打过电话了，未接通的回访请改天再打' },
      }),
    }))
    const ask = jest.spyOn(Taro, 'showModal')
    renderPage(Callbacks, {}, '/packages/staff/pages/callbacks/index')

    fireEvent.click(await screen.findByLabelText('记录王秀英的回访结果'))
    fireEvent.click(screen.getByLabelText('电话没接通'))
    fireEvent.click(screen.getByText('记录未接通'))
    await waitFor(() => expect(ticketCalls(backend, 'callbackRecord')).toEqual([{ ticketId: 't1', reached: false }]))
    expect(ask).not.toHaveBeenCalled()
    expect(await screen.findByText(/已打 1 次未接通.*还可再打 2 次/)).toBeTruthy()
    expect(screen.getByText('今天已经打过电话了，未接通的回访请改天再打')).toBeTruthy()
    expect(screen.queryByText('记录回访结果')).toBeNull()
  })

  it('when the queue is empty, loading fails, or a status chip is chosen, then the page says so and asks for that status', async () => {
    const gridMember = buildMe({
      openid: 'o-grid-2',
      roles: [{ role: 'grid_member', communityId: 'c1', communityName: '幸福社区', streetId: 'st1', streetName: '锦江街道' }],
    })
    backend = fakeBackend().ok('users', 'me', gridMember)
    let fail = true
    onTickets(backend, 'callbackQueue', () =>
      fail
        ? { ok: false, error: { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' } }
        : { ok: true, data: queueOf([], { open: 0, done: 0, unreachable: 0 }) },
    )
    renderPage(Callbacks, {}, '/packages/staff/pages/callbacks/index')

    expect(await screen.findByText('服务暂时出了点问题，请稍后再试')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('暂时没有需要回访的报事')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('回访状态：联系不上 0 件'))
    expect(await screen.findByText('没有联系不上的回访')).toBeTruthy()
    expect(ticketCalls(backend, 'callbackQueue').at(-1)).toEqual(expect.objectContaining({ status: 'unreachable' }))
    const group = screen.getByLabelText('回访状态')
    for (const chip of ['待回访 0', '已回访 0', '联系不上 0']) expect(within(group).getByText(chip)).toBeTruthy()
  })
})

describe('回访 on the staff dashboard', () => {
  let backend: ReturnType<typeof fakeBackend>
  beforeEach(() => Taro.clearStorageSync())
  afterEach(() => backend.restore())

  it('when the dashboard opens, then callback satisfaction stands beside self-rated satisfaction, with the not-fixed share and completion, by grid and week', async () => {
    const r = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator ? numerator / denominator : null })
    const grid = buildFigures({
      satisfactionRate: r(9, 10),
      callback: { satisfactionRate: r(1, 2), notFixedShare: r(1, 2), completionRate: r(2, 4), unreachable: 1 },
    })
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    onTickets(backend, 'dashboard', () => ({ ok: true, data: buildDashboard({ byGrid: [{ key: 'g1', label: '第一网格', figures: grid }], byWeek: [] }) }))
    renderPage(Dashboard, {}, '/packages/staff/pages/dashboard/index')

    expect(await screen.findByLabelText('满意率（居民自评） 80%，评价满意（4–5星） 20 件 / 已评价 25 件')).toBeTruthy()
    expect(screen.getByLabelText('回访满意率 75%，回访时满意（4–5分） 6 件 / 回访接通 8 件')).toBeTruthy()
    expect(screen.getByLabelText('回访发现未解决 12.5%，回访时居民说未解决 1 件 / 回访接通 8 件')).toBeTruthy()
    expect(screen.getByLabelText('回访完成率 80%，回访接通并记录 8 件 / 抽中回访 10 件')).toBeTruthy()
    expect(screen.getByText('1 件（三天各打一次都未接通）')).toBeTruthy()
    const table = screen.getByLabelText('回访 · 按网格')
    const cells = Array.from(table.children, (row) => Array.from(row.children, (c) => c.textContent))
    expect(cells).toEqual([
      ['名称', '居民自评满意率', '回访满意率', '回访未解决', '回访完成率'],
      ['第一网格', '90%', '50%', '50%', '50%'],
    ])
    expect(within(screen.getByText('回访 · 按周').parentElement!).getByText('暂无数据')).toBeTruthy()
  })
})
