import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Report from '../../src/pages/report/index'
import { fakeBackend } from './support/fakeTransport'
import { buildPlace } from './support/factories'
import { renderPage } from './support/render'
import { buildSubmitted, buildTicket, categories, onTickets, ticketCalls, typeInto } from './support/tickets'

const similarOne = {
  id: 't9',
  categoryLabel: '设施报修',
  placeLabel: '3栋 2单元',
  excerpt: '楼道灯坏了三天',
  stateLabel: '处理中',
  createdAt: '2026-11-21T02:00:00.000Z',
  followers: 2,
  sameUnit: true,
}

function scanned() {
  const backend = fakeBackend().ok('places', 'resolveCode', buildPlace({ code: 'AB12CD34' }))
  onTickets(backend, 'categories', () => ({ ok: true, data: categories }))
  return backend
}

const openReport = () => renderPage(Report, { code: 'AB12CD34' }, '/pages/report/index')

describe('scan-to-report form', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
    // drafts and queued reports live in storage (localStorage on H5): each test starts with none
    localStorage.clear()
  })

  it('when a category is chosen, then similar open tickets are offered, and submit sends the request id, place code, category and text', async () => {
    backend = scanned()
    onTickets(backend, 'similar', () => ({ ok: true, data: [similarOne] }))
    onTickets(backend, 'submit', () => ({ ok: true, data: buildSubmitted({ id: 't100' }) }))
    openReport()

    fireEvent.click(await screen.findByText('设施报修'))
    expect(await screen.findByText('邻居已经报过类似的事')).toBeTruthy()
    expect(screen.getByText('楼道灯坏了三天')).toBeTruthy()
    expect(ticketCalls(backend, 'similar')).toEqual([{ placeCode: 'AB12CD34', category: 'repair' }])

    typeInto(screen.getByLabelText('问题描述，可不填，最多500字'), '2楼楼道灯不亮')
    expect(screen.getByText('7/500')).toBeTruthy()
    fireEvent.click(screen.getByText('提交'))

    expect(await screen.findByText('提交成功')).toBeTruthy()
    const [sent] = ticketCalls(backend, 'submit')
    expect(sent).toMatchObject({ placeCode: 'AB12CD34', category: 'repair', text: '2楼楼道灯不亮', photos: [], anonymous: false })
    expect(sent.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })

  it('when nothing is chosen yet, then tapping submit sends nothing', async () => {
    backend = scanned()
    openReport()
    fireEvent.click(await screen.findByText('请先选择问题类型'))
    await screen.findByText('设施报修')
    expect(ticketCalls(backend, 'submit')).toEqual([])
  })

  it('when a submit is retried after a network error, then the report is kept and the retry reuses the same request id', async () => {
    backend = scanned()
    onTickets(backend, 'similar', () => ({ ok: true, data: [] }))
    let attempts = 0
    onTickets(backend, 'submit', () =>
      ++attempts === 1 ? { ok: false, error: { code: 'NETWORK', message: '网络不太好，请稍后重试' } } : { ok: true, data: buildSubmitted({ id: 't100' }) },
    )
    openReport()

    fireEvent.click(await screen.findByText('环境卫生'))
    fireEvent.click(screen.getByText('提交'))
    // no network: the report waits on the phone instead of asking the resident to tap again
    expect(await screen.findByText('已保存，有网络后自动提交')).toBeTruthy()
    fireEvent.click(screen.getByText('现在重试'))

    expect(await screen.findByText('提交成功')).toBeTruthy()
    const sent = ticketCalls(backend, 'submit')
    expect(sent).toHaveLength(2)
    expect(sent[1].requestId).toBe(sent[0].requestId)
  })

  it('when the anonymous switch is turned on, then submit asks for anonymity', async () => {
    backend = scanned()
    onTickets(backend, 'similar', () => ({ ok: true, data: [] }))
    onTickets(backend, 'submit', () => ({ ok: true, data: buildSubmitted() }))
    openReport()

    fireEvent.click(await screen.findByText('噪音扰民'))
    const anonymous = screen.getByLabelText('匿名（仅社区工作人员可见姓名）')
    fireEvent.click(anonymous)
    expect(anonymous.getAttribute('aria-checked')).toBe('true')
    fireEvent.click(screen.getByText('提交'))

    await screen.findByText('提交成功')
    expect(ticketCalls(backend, 'submit')[0]).toMatchObject({ category: 'noise', anonymous: true })
  })

  it('when "我也遇到" is tapped on a similar ticket, then join is called instead of submit and the ticket can be opened', async () => {
    backend = scanned()
    onTickets(backend, 'similar', () => ({ ok: true, data: [similarOne] }))
    onTickets(backend, 'join', ({ ticketId }) => ({ ok: true, data: buildTicket({ id: ticketId, followers: 3 }) }))
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    openReport()

    fireEvent.click(await screen.findByText('设施报修'))
    fireEvent.click(await screen.findByText('我也遇到'))

    expect(await screen.findByText('已关注这件事')).toBeTruthy()
    expect(ticketCalls(backend, 'join')).toEqual([{ ticketId: 't9' }])
    expect(ticketCalls(backend, 'submit')).toEqual([])
    fireEvent.click(screen.getByText('查看这件报事'))
    expect(nav).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=t9' })
  })

  it('when the submit succeeds, then the confirmation says what happens next and links to the ticket', async () => {
    backend = scanned()
    onTickets(backend, 'similar', () => ({ ok: true, data: [] }))
    onTickets(backend, 'submit', () => ({ ok: true, data: buildSubmitted({ id: 't100', assignee: { openid: 'o-grid-1', name: '李*' } }) }))
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    openReport()

    fireEvent.click(await screen.findByText('设施报修'))
    fireEvent.click(screen.getByText('提交'))

    expect(await screen.findByText('您反映的“设施报修”问题已转给网格员李*。')).toBeTruthy()
    expect(screen.getByText('一般会在4小时内受理，3天内办结。')).toBeTruthy()
    fireEvent.click(screen.getByText('查看这件报事'))
    await waitFor(() => expect(nav).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=t100' }))
  })
})
