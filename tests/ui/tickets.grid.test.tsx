import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Inbox from '../../src/packages/grid/pages/inbox/index'
import Handle from '../../src/packages/grid/pages/handle/index'
import { expectOnlyButtons, omissions } from './support/can'
import { fakeBackend } from './support/fakeTransport'
import { buildMe } from './support/factories'
import { renderPage } from './support/render'
import { buildSummary, buildTicket, onTickets, ticketCalls, typeInto } from './support/tickets'

jest.mock('../../src/api/upload', () => ({
  pickPhotos: jest.fn(async () => ['after-1.jpg']),
  uploadPhoto: jest.fn(async () => ({ ok: true, fileID: 'cloud://local.local-bucket/uploads/after-1.jpg' })),
  photoSrc: (id: string) => id,
}))

const gridMe = (role: 'grid_member' | 'grid_leader' = 'grid_member') =>
  buildMe({ openid: 'o-grid-1', name: '李网格', roles: [{ role, communityId: 'c1', communityName: '幸福社区', streetId: 'st1', streetName: '锦江街道' }] })

describe('grid member inbox', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => backend.restore())

  it('when the inbox opens, then the counts are on top and overdue tickets come first', async () => {
    backend = fakeBackend().ok('users', 'me', gridMe())
    onTickets(backend, 'inbox', () => ({
      ok: true,
      data: {
        items: [
          buildSummary({ id: 'a', state: 'accepted', stateLabel: '处理中', excerpt: '处理中的事' }),
          buildSummary({ id: 'b', excerpt: '新来的事' }),
          buildSummary({ id: 'c', overdue: true, excerpt: '超期的事' }),
        ],
        page: 1,
        pageSize: 20,
        total: 3,
        counts: { overdue: 1, new: 4, inProgress: 7 },
      },
    }))
    renderPage(Inbox, {}, '/packages/grid/pages/inbox/index')

    await screen.findByText('超期的事')
    const counts = screen.getByLabelText('超期1件，新报事4件，处理中7件')
    expect(within(counts).getByText('1')).toBeTruthy()
    expect(within(counts).getByText('4')).toBeTruthy()
    expect(within(counts).getByText('7')).toBeTruthy()
    const order = Array.from(document.querySelectorAll('.ticket-excerpt')).map((el) => el.textContent)
    expect(order).toEqual(['超期的事', '新来的事', '处理中的事'])
    expect(ticketCalls(backend, 'inbox')).toEqual([{ communityId: 'c1', page: 1, pageSize: 20 }])
  })

  it('when the person holds no grid role, then no inbox is read', async () => {
    backend = fakeBackend().ok('users', 'me', buildMe())
    renderPage(Inbox, {}, '/packages/grid/pages/inbox/index')
    expect(await screen.findByText('您还不是网格员，请联系社区')).toBeTruthy()
    expect(ticketCalls(backend, 'inbox')).toEqual([])
  })
})

describe('grid member handling a ticket', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
  })

  const accepted = () => buildTicket({ state: 'accepted', stateLabel: '处理中', can: ['progress', 'resolve', 'escalate', 'transfer'] })

  it('when resolve is submitted without an after photo, then it is refused on the phone; with a photo the note and photo are sent', async () => {
    backend = fakeBackend().ok('users', 'me', gridMe())
    onTickets(backend, 'get', () => ({ ok: true, data: accepted() }))
    onTickets(backend, 'templates', () => ({ ok: true, data: [{ id: 'tp1', category: 'repair', text: '已联系物业维修。' }] }))
    onTickets(backend, 'resolve', ({ note, photos }) => ({
      ok: true,
      data: buildTicket({ state: 'resolved', stateLabel: '已办结待确认', resolution: { note, photos: photos ?? [], at: '2026-11-22T06:00:00.000Z' } }),
    }))
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Handle, { id: 't1' }, '/packages/grid/pages/handle/index')

    fireEvent.click(await screen.findByText('办结'))
    fireEvent.click(await screen.findByText('已联系物业维修。'))
    typeInto(screen.getByLabelText('办理结果'), '已联系物业维修。灯已换好')
    fireEvent.click(screen.getByText('确认办结'))

    expect(await screen.findByText('请上传至少一张处理后的照片')).toBeTruthy()
    expect(ticketCalls(backend, 'resolve')).toEqual([])

    fireEvent.click(screen.getByLabelText('添加处理后照片，还可以加6张'))
    await screen.findByLabelText('删除处理后照片第1张')
    fireEvent.click(screen.getByText('确认办结'))

    await waitFor(() =>
      expect(ticketCalls(backend, 'resolve')).toEqual([
        { ticketId: 't1', note: '已联系物业维修。灯已换好', photos: ['cloud://local.local-bucket/uploads/after-1.jpg'] },
      ]),
    )
    expect(await screen.findByText('已办结待确认')).toBeTruthy()
  })

  it('when a template is tapped, then its text goes into the note', async () => {
    backend = fakeBackend().ok('users', 'me', gridMe())
    onTickets(backend, 'get', () => ({ ok: true, data: accepted() }))
    onTickets(backend, 'templates', () => ({ ok: true, data: [{ id: 'tp1', category: 'repair', text: '已到现场查看。' }] }))
    renderPage(Handle, { id: 't1' }, '/packages/grid/pages/handle/index')

    fireEvent.click(await screen.findByText('记录进展'))
    fireEvent.click(await screen.findByText('已到现场查看。'))
    expect(screen.getByText('7/500')).toBeTruthy()
    expect(ticketCalls(backend, 'templates')).toEqual([{ communityId: 'c1', category: 'repair' }])
  })

  it('when the ticket can be accepted, then 受理 sends accept and only the actions in can are offered', async () => {
    backend = fakeBackend().ok('users', 'me', gridMe())
    onTickets(backend, 'get', () => ({ ok: true, data: buildTicket({ can: ['accept'] }) }))
    onTickets(backend, 'accept', () => ({ ok: true, data: accepted() }))
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Handle, { id: 't1' }, '/packages/grid/pages/handle/index')

    fireEvent.click(await screen.findByText('受理'))
    expect(screen.queryByText('办结')).toBeNull()

    await waitFor(() => expect(ticketCalls(backend, 'accept')).toEqual([{ ticketId: 't1' }]))
    expect(await screen.findByText('办结')).toBeTruthy()
    expect(screen.queryByText('受理')).toBeNull()
  })

  it('when another grid member accepted it first, then the refusal shows and the ticket is read again as it now is', async () => {
    backend = fakeBackend().ok('users', 'me', gridMe())
    let reads = 0
    onTickets(backend, 'get', () => ({
      ok: true,
      data: reads++ === 0 ? buildTicket({ can: ['accept'] }) : buildTicket({ state: 'accepted', stateLabel: '处理中', can: [] }),
    }))
    onTickets(backend, 'accept', () => ({ ok: false, error: { code: 'TICKET.INVALID_TRANSITION', message: '当前状态不能进行此操作' } }))
    renderPage(Handle, { id: 't1' }, '/packages/grid/pages/handle/index')

    fireEvent.click(await screen.findByText('受理'))

    expect(await screen.findByText('处理中')).toBeTruthy()
    expect(ticketCalls(backend, 'get')).toHaveLength(2)
    expect(screen.getByText('当前状态不能进行此操作')).toBeTruthy()
    expect(screen.queryByText('受理')).toBeNull()
  })

  it('when accepting fails for another reason, then the error shows and the ticket is not read again', async () => {
    backend = fakeBackend().ok('users', 'me', gridMe())
    onTickets(backend, 'get', () => ({ ok: true, data: buildTicket({ can: ['accept'] }) }))
    onTickets(backend, 'accept', () => ({ ok: false, error: { code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作' } }))
    renderPage(Handle, { id: 't1' }, '/packages/grid/pages/handle/index')

    fireEvent.click(await screen.findByText('受理'))

    expect(await screen.findByText('您没有权限进行此操作')).toBeTruthy()
    expect(ticketCalls(backend, 'get')).toHaveLength(1)
    expect(screen.getByText('受理')).toBeTruthy()
  })

  it('when escalating to the street, then the reason and level are sent after confirmation', async () => {
    backend = fakeBackend().ok('users', 'me', gridMe())
    onTickets(backend, 'get', () => ({ ok: true, data: accepted() }))
    onTickets(backend, 'templates', () => ({ ok: true, data: [] }))
    onTickets(backend, 'escalate', () => ({ ok: true, data: buildTicket({ level: 'street', can: [] }) }))
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Handle, { id: 't1' }, '/packages/grid/pages/handle/index')

    fireEvent.click(await screen.findByText('上报社区/街道（吹哨）'))
    fireEvent.click(screen.getByText('上报街道'))
    typeInto(screen.getByLabelText('上报原因'), '需要燃气公司处理')
    fireEvent.click(screen.getByText('确认上报'))

    await waitFor(() => expect(ticketCalls(backend, 'escalate')).toEqual([{ ticketId: 't1', to: 'street', reason: '需要燃气公司处理' }]))
  })

  it('when a grid member transfers, then the other members of the grid are offered and the chosen one receives the ticket', async () => {
    backend = fakeBackend().ok('users', 'me', gridMe('grid_member'))
    onTickets(backend, 'get', () => ({ ok: true, data: accepted() }))
    onTickets(backend, 'gridMembers', () => ({
      ok: true,
      data: [
        { openid: 'o-huang', name: '黄丽', isLeader: false },
        { openid: 'o-liu', name: '刘芳', isLeader: true },
      ],
    }))
    onTickets(backend, 'transfer', () => ({ ok: true, data: accepted() }))
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    renderPage(Handle, { id: 't1' }, '/packages/grid/pages/handle/index')

    fireEvent.click(await screen.findByText('转给其他网格员'))
    fireEvent.click(await screen.findByText('刘芳（网格长）'))
    await waitFor(() => expect(ticketCalls(backend, 'transfer')).toEqual([{ ticketId: 't1', toOpenid: 'o-liu' }]))
    expect(backend.callsOf('users', 'listMembers')).toEqual([])
  })
})

describe('the grid member’s handling page shows only what the view can', () => {
  const BUTTONS = { accept: '受理', progress: '记录进展', resolve: '办结', escalate: '上报社区/街道（吹哨）', transfer: '转给其他网格员' } as const
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => backend.restore())

  it.each(omissions(BUTTONS))('when can leaves out %s, then its button is absent and the others are there', async (_left, listed) => {
    backend = fakeBackend().ok('users', 'me', gridMe())
    onTickets(backend, 'get', () => ({ ok: true, data: buildTicket({ state: 'accepted', stateLabel: '处理中', can: [...listed] }) }))
    onTickets(backend, 'templates', () => ({ ok: true, data: [] }))
    renderPage(Handle, { id: 't1' }, '/packages/grid/pages/handle/index')
    await expectOnlyButtons(BUTTONS, listed)
  })

  it('when can lists none of them, then the page says there is nothing for the member to do', async () => {
    backend = fakeBackend().ok('users', 'me', gridMe())
    onTickets(backend, 'get', () => ({ ok: true, data: buildTicket({ state: 'accepted', stateLabel: '处理中', can: [] }) }))
    onTickets(backend, 'templates', () => ({ ok: true, data: [] }))
    renderPage(Handle, { id: 't1' }, '/packages/grid/pages/handle/index')
    expect(await screen.findByText('这件报事当前不需要您办理。')).toBeTruthy()
    await expectOnlyButtons(BUTTONS, [])
  })
})
