import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MyTickets from '../../src/pages/tickets/index'
import { OUTBOX_KEY, type ReportToSend } from '../../src/lib/outbox'
import { reportOutbox } from '../../src/lib/reportOutbox'
import { fakeBackend } from './support/fakeTransport'
import { renderPage } from './support/render'
import { buildSubmitted, buildSummary, onTickets, ticketCalls } from './support/tickets'

type SubmitAnswer = { ok: false; error: { code: string; message: string } } | { ok: true; data: ReturnType<typeof buildSubmitted> }
const NETWORK: SubmitAnswer = { ok: false, error: { code: 'NETWORK', message: '网络不太好，请稍后重试' } }

const waiting: ReportToSend = {
  requestId: 'req-queued-0001',
  placeCode: 'AB12CD34',
  placeLabel: '幸福社区 3栋 2单元',
  category: 'repair',
  categoryLabel: '设施报修',
  text: '2楼楼道灯不亮',
  photos: [],
  anonymous: false,
}

/** A backend whose submit answers what `answer` says now; 我的报事 lists one filed ticket. */
function backendWith(answer: { current: SubmitAnswer }) {
  const backend = fakeBackend()
  onTickets(backend, 'mine', () => ({ ok: true, data: { items: [buildSummary({ id: 't1', excerpt: '早先报的事' })], page: 1, pageSize: 20, total: 1 } }))
  onTickets(backend, 'submit', () => answer.current)
  return backend
}

const openMine = () => renderPage(MyTickets, {}, '/pages/tickets/index')

describe('我的报事 with reports still on the phone', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
    localStorage.clear()
  })

  it('when a report waits for the network, then it is listed as 等待网络，将自动提交 above the filed ones, and cancelling it means it is never sent', async () => {
    const answer: { current: SubmitAnswer } = { current: NETWORK }
    backend = backendWith(answer)
    // the report page's send without network: the report is queued
    await reportOutbox.send(waiting)
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    openMine()

    expect(await screen.findByText('等待网络，将自动提交')).toBeTruthy()
    expect(screen.getByText('2楼楼道灯不亮')).toBeTruthy()
    expect(await screen.findByText('早先报的事')).toBeTruthy()

    fireEvent.click(screen.getByText('取消报事'))
    await waitFor(() => expect(screen.queryByText('等待网络，将自动提交')).toBeNull())
    expect(Taro.getStorageSync(OUTBOX_KEY)).toBe('')

    const before = ticketCalls(backend, 'submit').length
    answer.current = { ok: true, data: buildSubmitted({ id: 't2' }) }
    act(() => void window.dispatchEvent(new Event('online')))
    await act(() => reportOutbox.flush())
    expect(ticketCalls(backend, 'submit')).toHaveLength(before)
  })

  it('when the network comes back while the list is open, then the waiting report is filed once, leaves the list and the list is read again', async () => {
    const answer: { current: SubmitAnswer } = { current: NETWORK }
    backend = backendWith(answer)
    await reportOutbox.send(waiting)
    openMine()
    await screen.findByText('等待网络，将自动提交')
    await waitFor(() => expect(backend.callsOf('tickets', 'mine')).toHaveLength(1))
    const triesOffline = ticketCalls(backend, 'submit').length

    answer.current = { ok: true, data: buildSubmitted({ id: 't2' }) }
    act(() => void window.dispatchEvent(new Event('online')))

    await waitFor(() => expect(screen.queryByText('等待网络，将自动提交')).toBeNull())
    expect(ticketCalls(backend, 'submit')).toHaveLength(triesOffline + 1)
    expect(ticketCalls(backend, 'submit').every((s) => s.requestId === waiting.requestId)).toBe(true)
    await waitFor(() => expect(backend.callsOf('tickets', 'mine')).toHaveLength(2))
  })

  it('when a waiting report is refused by the function, then the list says why and 再试一次 sends it again with the same request id', async () => {
    const answer: { current: SubmitAnswer } = { current: NETWORK }
    backend = backendWith(answer)
    await reportOutbox.send(waiting)
    answer.current = { ok: false, error: { code: 'TICKET.CATEGORY_UNKNOWN', message: '本社区没有这个问题类型，请重新选择' } }
    openMine()

    expect(await screen.findByText('没有提交成功')).toBeTruthy()
    expect(screen.getByText('本社区没有这个问题类型，请重新选择')).toBeTruthy()
    const refused = ticketCalls(backend, 'submit').length
    // a refusal is not retried by itself
    act(() => void window.dispatchEvent(new Event('online')))
    await act(() => reportOutbox.flush())
    expect(ticketCalls(backend, 'submit')).toHaveLength(refused)

    answer.current = { ok: true, data: buildSubmitted({ id: 't2' }) }
    fireEvent.click(screen.getByText('再试一次'))
    await waitFor(() => expect(screen.queryByText('没有提交成功')).toBeNull())
    expect(ticketCalls(backend, 'submit')).toHaveLength(refused + 1)
    expect(ticketCalls(backend, 'submit').at(-1)?.requestId).toBe(waiting.requestId)
  })
})
