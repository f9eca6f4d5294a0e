import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import TicketDetail from '../../src/pages/ticket/index'
import MyTickets from '../../src/pages/tickets/index'
import { expectOnlyButtons, omissions } from './support/can'
import { fakeBackend } from './support/fakeTransport'
import { renderPage } from './support/render'
import { buildSummary, buildTicket, onTickets, ticketCalls, typeInto } from './support/tickets'

const openDetail = () => renderPage(TicketDetail, { id: 't1' }, '/pages/ticket/index')
const modal = (confirm: boolean) => jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'showModal:ok' } as never)

describe('ticket detail for the resident', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
  })

  it('when the ticket is resolved and the view allows confirm and reopen, then only those actions are shown', async () => {
    backend = fakeBackend()
    onTickets(backend, 'get', () => ({
      ok: true,
      data: buildTicket({
        state: 'resolved',
        stateLabel: '已办结待确认',
        can: ['confirm', 'reopen'],
        resolution: { note: '已更换灯泡', photos: [], at: '2026-11-22T05:00:00.000Z' },
      }),
    }))
    openDetail()

    expect(await screen.findByText('已解决')).toBeTruthy()
    expect(screen.getByText('未解决')).toBeTruthy()
    expect(screen.getByText('已更换灯泡')).toBeTruthy()
    expect(screen.queryByText('撤回报事')).toBeNull()
    expect(screen.queryByText('提交评价')).toBeNull()
    expect(screen.queryByText('我也遇到')).toBeNull()
    expect(ticketCalls(backend, 'get')).toEqual([{ ticketId: 't1' }])
  })

  it('when the view allows nothing, then no action button is shown but the timeline is', async () => {
    backend = fakeBackend()
    onTickets(backend, 'get', () => ({ ok: true, data: buildTicket({ can: [] }) }))
    openDetail()

    expect(await screen.findByText('办理过程')).toBeTruthy()
    expect(screen.getByText('提交报事')).toBeTruthy()
    expect(screen.getByText('分派给网格员：李*')).toBeTruthy()
    for (const label of ['已解决', '未解决', '提交评价', '撤回报事', '我也遇到']) expect(screen.queryByText(label)).toBeNull()
  })

  it('when four stars are tapped and the rating is submitted, then rate is called with score 4 and the comment', async () => {
    backend = fakeBackend()
    onTickets(backend, 'get', () => ({ ok: true, data: buildTicket({ state: 'closed', stateLabel: '已关闭', can: ['rate'] }) }))
    onTickets(backend, 'rate', ({ score, comment }) => ({
      ok: true,
      data: buildTicket({ state: 'closed', stateLabel: '已关闭', can: [], rating: { score, comment: comment ?? null } }),
    }))
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    openDetail()

    fireEvent.click(await screen.findByLabelText('4星，满意'))
    typeInto(screen.getByLabelText('评价内容，可不填'), '修得很快')
    fireEvent.click(screen.getByText('提交评价'))

    await waitFor(() => expect(ticketCalls(backend, 'rate')).toEqual([{ ticketId: 't1', score: 4, comment: '修得很快' }]))
    expect(await screen.findByText('居民评价：★★★★ 修得很快')).toBeTruthy()
    expect(screen.queryByText('提交评价')).toBeNull()
  })

  it('when withdraw is tapped and the confirmation is cancelled, then nothing is sent', async () => {
    backend = fakeBackend()
    onTickets(backend, 'get', () => ({ ok: true, data: buildTicket({ can: ['withdraw'] }) }))
    onTickets(backend, 'withdraw', () => ({ ok: true, data: buildTicket({ state: 'withdrawn', stateLabel: '已撤回' }) }))
    const ask = modal(false)
    openDetail()

    fireEvent.click(await screen.findByText('撤回报事'))

    await waitFor(() => expect(ask).toHaveBeenCalled())
    expect(ticketCalls(backend, 'withdraw')).toEqual([])
  })

  it('when withdraw is confirmed, then withdraw is sent and the new state is shown', async () => {
    backend = fakeBackend()
    onTickets(backend, 'get', () => ({ ok: true, data: buildTicket({ can: ['withdraw'] }) }))
    onTickets(backend, 'withdraw', () => ({ ok: true, data: buildTicket({ state: 'withdrawn', stateLabel: '已撤回', can: [] }) }))
    modal(true)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    openDetail()

    fireEvent.click(await screen.findByText('撤回报事'))

    await waitFor(() => expect(ticketCalls(backend, 'withdraw')).toEqual([{ ticketId: 't1' }]))
    expect(await screen.findByText('已撤回')).toBeTruthy()
  })

  it('when 未解决 is chosen without a reason, then reopen is not sent; with a reason it is', async () => {
    backend = fakeBackend()
    onTickets(backend, 'get', () => ({ ok: true, data: buildTicket({ state: 'resolved', stateLabel: '已办结待确认', can: ['confirm', 'reopen'] }) }))
    onTickets(backend, 'reopen', () => ({ ok: true, data: buildTicket({ state: 'assigned', level: 'community', can: [] }) }))
    modal(true)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    openDetail()

    fireEvent.click(await screen.findByText('未解决'))
    fireEvent.click(screen.getByText('提交，重新办理'))
    expect(await screen.findByText('请说明哪里还没解决')).toBeTruthy()
    expect(ticketCalls(backend, 'reopen')).toEqual([])

    typeInto(screen.getByLabelText('未解决的原因'), '灯又坏了')
    fireEvent.click(screen.getByText('提交，重新办理'))
    await waitFor(() => expect(ticketCalls(backend, 'reopen')).toEqual([{ ticketId: 't1', reason: '灯又坏了' }]))
  })
})

describe('my tickets', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => backend.restore())

  it('when the 已完成 tab is tapped, then the finished tickets are read page by page', async () => {
    backend = fakeBackend()
    onTickets(backend, 'mine', ({ status, page }) => ({
      ok: true,
      data: {
        items: status === 'done' ? [buildSummary({ id: 't7', state: 'closed', stateLabel: '已关闭', excerpt: '垃圾清走了' })] : [buildSummary()],
        page: page ?? 1,
        pageSize: 20,
        total: 1,
      },
    }))
    renderPage(MyTickets, {}, '/pages/tickets/index')

    expect(await screen.findByText('楼道灯不亮了')).toBeTruthy()
    fireEvent.click(screen.getByText('已完成'))

    expect(await screen.findByText('垃圾清走了')).toBeTruthy()
    expect(ticketCalls(backend, 'mine')).toEqual([
      { page: 1, pageSize: 20, status: 'open' },
      { page: 1, pageSize: 20, status: 'done' },
    ])
  })
})

describe('ticket detail shows only what the view can', () => {
  const BUTTONS = { confirm: '已解决', reopen: '未解决', rate: '提交评价', join: '我也遇到', withdraw: '撤回报事' } as const
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => backend.restore())

  it.each(omissions(BUTTONS))('when can leaves out %s, then its button is absent and the others are there', async (_left, listed) => {
    backend = fakeBackend()
    onTickets(backend, 'get', () => ({ ok: true, data: buildTicket({ state: 'resolved', stateLabel: '已办结待确认', can: [...listed] }) }))
    openDetail()
    await expectOnlyButtons(BUTTONS, listed)
  })
})
