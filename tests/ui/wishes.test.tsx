import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import WishDetail from '../../src/packages/wish/pages/detail/index'
import WishBoard from '../../src/packages/wish/pages/board/index'
import PostWish from '../../src/packages/wish/pages/post/index'
import { beijing } from '../../src/lib/time'
import type { MeView, WishAction, WishSummary, WishView } from '../../types'
import { fakeBackend } from './support/fakeTransport'
import { buildMe } from './support/factories'
import { renderPage } from './support/render'
import { typeInto } from './support/tickets'

const summary = (over: Partial<WishSummary> = {}): WishSummary => ({
  id: 'w1',
  communityId: 'c1',
  title: '帮忙换一下厨房的灯泡',
  excerpt: '灯泡已经买好了',
  place: '4栋',
  near: null,
  nearLabel: null,
  wantedAt: '2026-11-23T02:00:00.000Z',
  state: 'open',
  stateLabel: '待认领',
  createdAt: '2026-11-22T01:00:00.000Z',
  mine: null,
  ...over,
})
const wish = (over: Partial<WishView> = {}): WishView => ({
  ...summary(),
  description: '老人独居，够不着。',
  placeDetail: null,
  requesterName: null,
  claimantName: null,
  claimedAt: null,
  claimExpiresAt: null,
  done: null,
  creditedHours: null,
  creditedBy: null,
  adjusted: null,
  rejectReason: null,
  cancelReason: null,
  postedByStaff: false,
  flagged: null,
  releases: null,
  can: [],
  ...over,
})
const resident: MeView = buildMe({
  roles: [{ role: 'resident', communityId: 'c1', communityName: '幸福社区', streetId: 'st1', streetName: '锦江街道' }],
  households: [{ householdId: 'h502', communityId: 'c1', communityName: '幸福社区', buildingName: '4栋', unitName: '2单元', room: '502' }],
})

const modal = (confirm: boolean) => jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'showModal:ok' } as never)
const ACTION_BUTTONS = ['认领这个心愿', '打电话给心愿人', '打电话给志愿者', '标记已完成', '确认已完成', '放弃认领', '撤销心愿', '通过', '不通过']

describe('wish detail', () => {
  let backend: ReturnType<typeof fakeBackend>
  beforeEach(() => jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never))
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
  })
  const open = () => renderPage(WishDetail, { id: 'w1' }, '/packages/wish/pages/detail/index')

  it('when the view allows nothing (another volunteer looks at a claimed wish), then no action button is shown, nor anyone’s name', async () => {
    backend = fakeBackend().ok('wishes', 'get', wish({ state: 'claimed', stateLabel: '已认领', can: [] }))
    open()

    expect(await screen.findByText('帮忙换一下厨房的灯泡')).toBeTruthy()
    expect(screen.getByText('地点：4栋附近')).toBeTruthy()
    for (const label of ACTION_BUTTONS) expect(screen.queryByText(label)).toBeNull()
    expect(screen.queryByText(/心愿人：|认领人：/)).toBeNull()
  })

  it.each<[WishAction[], string[]]>([
    [['claim'], ['认领这个心愿']],
    [
      ['withdraw', 'complete', 'call'],
      ['放弃认领', '标记已完成', '打电话给心愿人'],
    ],
    [['cancel'], ['撤销心愿']],
  ])('when the view allows %j, then exactly those buttons are shown', async (can, shown) => {
    backend = fakeBackend().ok('wishes', 'get', wish({ can, mine: can.includes('complete') ? 'claimant' : null }))
    open()

    await screen.findByText('帮忙换一下厨房的灯泡')
    for (const label of ACTION_BUTTONS) expect(!!screen.queryByText(label)).toBe(shown.includes(label))
  })

  it('when a volunteer taps 认领 and confirms, then claim is called and the masked requester and the deadline show', async () => {
    modal(true)
    backend = fakeBackend()
      .ok('wishes', 'get', wish({ can: ['claim'] }))
      .ok(
        'wishes',
        'claim',
        wish({
          state: 'claimed',
          stateLabel: '已认领',
          mine: 'claimant',
          requesterName: '李**',
          claimantName: '王秀英',
          placeDetail: '4栋 2单元',
          claimExpiresAt: '2026-11-25T01:00:00.000Z',
          can: ['withdraw', 'complete', 'call'],
        }),
      )
    open()

    fireEvent.click(await screen.findByText('认领这个心愿'))
    await waitFor(() => expect(backend.callsOf('wishes', 'claim')).toEqual([expect.objectContaining({ data: { wishId: 'w1' } })]))
    expect(await screen.findByText('心愿人：李**')).toBeTruthy()
    expect(screen.getByText(/前完成，逾期自动释放$/)).toBeTruthy()
    expect(screen.getByText('地点：4栋 2单元附近')).toBeTruthy()
  })

  it('when the volunteer declines the confirmation, then nothing is claimed', async () => {
    modal(false)
    backend = fakeBackend().ok('wishes', 'get', wish({ can: ['claim'] }))
    open()

    fireEvent.click(await screen.findByText('认领这个心愿'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(backend.callsOf('wishes', 'claim')).toEqual([])
  })

  it('when the claimant taps to call, then the number is dialled and never shown on the page', async () => {
    const dial = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' } as never)
    backend = fakeBackend()
      .ok('wishes', 'get', wish({ state: 'claimed', mine: 'claimant', requesterName: '李**', claimantName: '王秀英', can: ['withdraw', 'complete', 'call'] }))
      .ok('wishes', 'contact', { phone: '13800000002', name: '李**' })
    open()

    fireEvent.click(await screen.findByText('打电话给心愿人'))
    await waitFor(() => expect(dial).toHaveBeenCalledWith({ phoneNumber: '13800000002' }))
    expect(document.body.textContent).not.toContain('13800000002')
  })

  it('when the claimant marks it done without a word or photo, then nothing is sent; with a line and 1.5 hours, complete is sent', async () => {
    modal(true)
    backend = fakeBackend()
      .ok('wishes', 'get', wish({ state: 'claimed', mine: 'claimant', can: ['withdraw', 'complete', 'call'] }))
      .ok(
        'wishes',
        'complete',
        wish({
          state: 'done',
          stateLabel: '待确认',
          mine: 'claimant',
          done: { note: '灯泡换好了', photos: [], hours: 1.5, at: '2026-11-22T03:00:00.000Z' },
          can: ['call'],
        }),
      )
    open()

    fireEvent.click(await screen.findByText('标记已完成'))
    expect(backend.callsOf('wishes', 'complete')).toEqual([])
    typeInto(screen.getByLabelText('完成情况'), '灯泡换好了')
    fireEvent.click(screen.getByLabelText('1.5 小时'))
    fireEvent.click(screen.getByText('标记已完成'))

    await waitFor(() =>
      expect(backend.callsOf('wishes', 'complete').map((c) => c.data)).toEqual([{ wishId: 'w1', note: '灯泡换好了', photos: [], hours: 1.5 }]),
    )
    expect(await screen.findByText('志愿者填写的服务时长：1.5 小时')).toBeTruthy()
    expect(screen.queryByText('标记已完成')).toBeNull()
  })

  it('when the requester confirms, then confirm is sent without hours and the credited hours show', async () => {
    modal(true)
    const done = { note: '灯泡换好了', photos: [], hours: 1, at: '2026-11-22T03:00:00.000Z' }
    backend = fakeBackend()
      .ok(
        'wishes',
        'get',
        wish({ state: 'done', stateLabel: '待确认', mine: 'requester', requesterName: '李建国', claimantName: '王**', done, can: ['confirm', 'call'] }),
      )
      .ok('wishes', 'confirm', wish({ state: 'confirmed', stateLabel: '已完成', mine: 'requester', done, creditedHours: 1, creditedBy: 'requester', can: [] }))
    open()

    expect(await screen.findByText('认领人：王**')).toBeTruthy()
    expect(screen.queryByLabelText('计入的服务时长')).toBeNull()
    fireEvent.click(screen.getByText('确认已完成'))
    await waitFor(() => expect(backend.callsOf('wishes', 'confirm').map((c) => c.data)).toEqual([{ wishId: 'w1' }]))
    expect(await screen.findByText('已计入志愿服务时长 1 小时')).toBeTruthy()
    expect(screen.queryByText('确认已完成')).toBeNull()
  })

  it('when staff confirm other hours than entered, then a reason is asked for and sent with the hours', async () => {
    modal(true)
    const done = { note: '陪同就医', photos: [], hours: 2, at: '2026-11-22T03:00:00.000Z' }
    backend = fakeBackend()
      .ok(
        'wishes',
        'get',
        wish({ state: 'done', flagged: false, releases: [], requesterName: '李建国', claimantName: '王秀英', done, can: ['confirm', 'cancel'] }),
      )
      .ok(
        'wishes',
        'confirm',
        wish({ state: 'confirmed', flagged: false, done, creditedHours: 1, creditedBy: 'staff', adjusted: { fromHours: 2, reason: '实际1小时' } }),
      )
    open()

    fireEvent.click(await screen.findByLabelText('1 小时'))
    fireEvent.click(screen.getByText('确认已完成'))
    expect(backend.callsOf('wishes', 'confirm')).toEqual([])
    typeInto(screen.getByLabelText('更改时长的理由'), '实际1小时')
    fireEvent.click(screen.getByText('确认已完成'))
    await waitFor(() => expect(backend.callsOf('wishes', 'confirm').map((c) => c.data)).toEqual([{ wishId: 'w1', hours: 1, reason: '实际1小时' }]))
  })

  it('when someone else claimed it first, then the error shows and the wish is read again', async () => {
    modal(true)
    backend = fakeBackend()
      .ok('wishes', 'get', wish({ can: ['claim'] }))
      .fail('wishes', 'claim', { code: 'WISH.ALREADY_CLAIMED', message: '这个心愿已经有志愿者认领了，看看别的心愿吧' })
    open()

    fireEvent.click(await screen.findByText('认领这个心愿'))
    await waitFor(() => expect(backend.callsOf('wishes', 'get').length).toBeGreaterThanOrEqual(2))
    expect(await screen.findByText('这个心愿已经有志愿者认领了，看看别的心愿吧')).toBeTruthy()
  })
})

describe('wish board and posting', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
  })

  it('when the person is neither volunteer nor party member, then the board says how to become one instead of a list', async () => {
    backend = fakeBackend().ok('users', 'me', resident).ok('wishes', 'nearby', { items: [], page: 1, pageSize: 20, total: 0, volunteer: false })
    renderPage(WishBoard, { communityId: 'c1' }, '/packages/wish/pages/board/index')

    expect(await screen.findByText('认领微心愿需是本社区的志愿者或党员')).toBeTruthy()
    expect(screen.getByText('在职党员报到')).toBeTruthy()
  })

  it('when a volunteer opens the board, then the wishes show nearest first with how near and the total', async () => {
    backend = fakeBackend()
      .ok('users', 'me', resident)
      .ok('wishes', 'nearby', {
        items: [summary({ id: 'w1', near: 'unit', nearLabel: '同单元' }), summary({ id: 'w2', title: '陪同去医院' })],
        page: 1,
        pageSize: 20,
        total: 2,
        volunteer: true,
      })
    renderPage(WishBoard, { communityId: 'c1' }, '/packages/wish/pages/board/index')

    expect(await screen.findByText('同单元')).toBeTruthy()
    expect(screen.getByText('陪同去医院')).toBeTruthy()
    expect(screen.getByText('共 2 条，已显示 2 条')).toBeTruthy()
  })

  it('when a resident posts, then the place comes from their household and the wish is sent with the chosen day and time', async () => {
    modal(true)
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    backend = fakeBackend()
      .ok('users', 'me', resident)
      .on('wishes', 'post', () => ({ ok: true, data: wish({ state: 'pending' }) }))
    renderPage(PostWish, { communityId: 'c1' }, '/packages/wish/pages/post/index')

    expect(await screen.findByText('4栋 2单元附近')).toBeTruthy()
    typeInto(screen.getByLabelText('需要什么帮助'), '帮忙换灯泡')
    fireEvent.click(screen.getByLabelText('下午（2点左右）'))
    fireEvent.click(screen.getByText('发布微心愿'))

    await waitFor(() => expect(backend.callsOf('wishes', 'post')).toHaveLength(1))
    const sent = backend.callsOf('wishes', 'post')[0].data as { wantedAt: string; title: string; householdId: string; requestId: string }
    expect(sent).toMatchObject({ communityId: 'c1', title: '帮忙换灯泡', householdId: 'h502', description: '' })
    expect(beijing(sent.wantedAt).hour()).toBe(14) // 下午 is 14:00 Beijing time, whatever the phone's zone
    expect(sent.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/packages/wish/pages/detail/index?id=w1' }))
  })

  it('when a resident has no household in the community, then the form is not offered and they are sent to bind one', async () => {
    backend = fakeBackend().ok('users', 'me', buildMe({ roles: resident.roles, households: [] }))
    renderPage(PostWish, { communityId: 'c1' }, '/packages/wish/pages/post/index')

    expect(await screen.findByText('去绑定住户')).toBeTruthy()
    expect(screen.queryByLabelText('需要什么帮助')).toBeNull()
  })
})
