import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Dashboard from '../../src/packages/staff/pages/dashboard/index'
import StaffTickets from '../../src/packages/staff/pages/tickets/index'
import OnBehalf from '../../src/packages/staff/pages/tickets/onbehalf'
import { fakeBackend } from './support/fakeTransport'
import { buildStaffMe, buildTree } from './support/factories'
import { renderPage } from './support/render'
import { buildDashboard, buildSummary, buildTicket, categories, onTickets, ticketCalls, typeInto } from './support/tickets'
import { figuresOf, measuresOf, type CountedTicket } from '../../cloudfunctions/_core/domain/counters'

const resolvedAndConfirmed: CountedTicket = {
  communityId: 'c1',
  streetId: 'st1',
  gridId: 'g1',
  buildingId: 'b3',
  category: 'repair',
  createdAt: '2026-11-20T01:00:00.000Z',
  state: 'closed',
  maxLevel: 'grid',
  respondBy: '2026-11-20T05:00:00.000Z',
  resolveBy: '2026-11-23T01:00:00.000Z',
  respondedAt: '2026-11-20T02:00:00.000Z',
  resolvedAt: '2026-11-21T01:00:00.000Z',
  overdueRespond: false,
  overdueResolve: false,
  confirmation: 'confirmed',
  rating: null,
  reopenCount: 0,
}

describe('staff dashboard', () => {
  let backend: ReturnType<typeof fakeBackend>
  beforeEach(() => Taro.clearStorageSync())
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
  })

  it('when a community worker opens it, then each rate is a big number with its numerator and denominator, and the breakdowns are listed', async () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    onTickets(backend, 'dashboard', () => ({ ok: true, data: buildDashboard() }))
    renderPage(Dashboard, {}, '/packages/staff/pages/dashboard/index')

    expect(await screen.findByLabelText('响应率 90%，已受理 36 件 / 共 40 件')).toBeTruthy()
    expect(screen.getByText('已受理 36 件 / 共 40 件')).toBeTruthy()
    expect(screen.getByLabelText('满意率 80%，评价满意（4–5星） 20 件 / 已评价 25 件')).toBeTruthy()
    expect(screen.getByText('40 件（不含已撤回、已合并的报事）')).toBeTruthy()
    expect(screen.getByText('6 件（含已办结待居民确认）')).toBeTruthy()
    // grids and weeks appear again in the callback tables below
    for (const row of ['第一网格', '3栋', '设施报修', '11月17日–23日']) expect(screen.getAllByText(row).length).toBeGreaterThan(0)
    expect(ticketCalls(backend, 'dashboard')).toEqual([{ communityId: 'c1' }])
  })

  it('when the only ticket was resolved and confirmed by its reporter, then every label says what its number counts', async () => {
    // the figures as the functions compute them for that one ticket, not written by hand
    const figures = figuresOf(measuresOf(resolvedAndConfirmed))
    const row = { key: 'g1', label: '第一网格', figures }
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    onTickets(backend, 'dashboard', () => ({ ok: true, data: buildDashboard({ figures, byGrid: [row], byBuilding: [], byCategory: [], byWeek: [] }) }))
    renderPage(Dashboard, {}, '/packages/staff/pages/dashboard/index')

    expect(await screen.findByLabelText('解决率（居民确认） 100%，居民确认已解决 1 件 / 共 1 件')).toBeTruthy()
    // marked resolved but not confirmed: none, and the words say so (they once read "0 / 1 件已办结")
    expect(screen.getByLabelText('办结未获居民确认 0%，已办结但居民未确认（含超时自动关闭） 0 件 / 共 1 件')).toBeTruthy()
    expect(screen.getByLabelText('响应率 100%，已受理 1 件 / 共 1 件')).toBeTruthy()
    expect(screen.getByLabelText('按期办结率 100%，按期办结 1 件 / 已办结或已超期未办结 1 件')).toBeTruthy()
    expect(screen.getByLabelText('小事不出网格 100%，未上报、在网格内关闭 1 件 / 已关闭 1 件')).toBeTruthy()
    expect(screen.getByLabelText('满意率 —，评价满意（4–5星） 0 件 / 已评价 0 件')).toBeTruthy()
    expect(screen.getByText('0 件（含已办结待居民确认）')).toBeTruthy()
    expect(screen.queryByText(/件已办结/)).toBeNull()

    // the breakdown's columns name their rates; the confirmed one reads 100%, as the figure above
    const header = screen.getByText('居民确认解决率').parentElement!
    const cells = Array.from(header.parentElement!.children, (r) => Array.from(r.children, (c) => c.textContent))
    expect(cells).toEqual([
      ['名称', '报事数', '响应率', '居民确认解决率', '满意率', '按期办结率'],
      ['第一网格', '1', '100%', '100%', '—', '100%'],
    ])
  })

  it('when a grid leader without a staff role opens it, then the dashboard of the community they lead is read', async () => {
    const leader = buildStaffMe({ roles: [{ role: 'grid_leader', communityId: 'c1', communityName: '幸福社区', streetId: 'st1', streetName: '锦江街道' }] })
    backend = fakeBackend().ok('users', 'me', leader)
    onTickets(backend, 'dashboard', () => ({ ok: true, data: buildDashboard() }))
    renderPage(Dashboard, {}, '/packages/staff/pages/dashboard/index')

    expect(await screen.findByText('已受理 36 件 / 共 40 件')).toBeTruthy()
    expect(ticketCalls(backend, 'dashboard')).toEqual([{ communityId: 'c1' }])
  })

  it('when 导出 Excel is tapped in a browser, then the dashboard is exported and the workbook downloads under its name', async () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    onTickets(backend, 'dashboard', () => ({ ok: true, data: buildDashboard() }))
    backend.ok('sheets', 'exportDashboard', {
      fileID: 'cloud://x/e.xlsx',
      url: 'http://localhost/files/e.xlsx',
      filename: '三率看板-幸福社区-20261122.xlsx',
      rows: 12,
    })
    const clicked: { href: string; download: string }[] = []
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download })
    })
    renderPage(Dashboard, {}, '/packages/staff/pages/dashboard/index')

    fireEvent.click(await screen.findByText('导出 Excel'))
    await waitFor(() => expect(clicked).toEqual([{ href: 'http://localhost/files/e.xlsx', download: '三率看板-幸福社区-20261122.xlsx' }]))
    expect(backend.callsOf('sheets', 'exportDashboard').map((c) => c.data)).toEqual([{ communityId: 'c1' }])
  })
})

describe('staff ticket list', () => {
  let backend: ReturnType<typeof fakeBackend>
  beforeEach(() => Taro.clearStorageSync())
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
  })

  const setup = () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe()).ok('places', 'tree', buildTree())
    onTickets(backend, 'categories', () => ({ ok: true, data: categories }))
    onTickets(backend, 'list', () => ({
      ok: true,
      data: { items: [buildSummary({ id: 't1', excerpt: '灯坏了' }), buildSummary({ id: 't2', excerpt: '灯又坏了' })], page: 1, pageSize: 20, total: 2 },
    }))
    renderPage(StaffTickets, {}, '/packages/staff/pages/tickets/index')
  }

  it('when the folded filters are opened and tapped, then the list is read again with the state, grid and overdue filters', async () => {
    setup()
    await screen.findByText('灯坏了')
    // folded to one row until opened: the first ticket is on the first screen
    expect(screen.queryByLabelText('状态：处理中')).toBeNull()
    fireEvent.click(screen.getByLabelText('展开筛选条件'))
    fireEvent.click(screen.getByLabelText('状态：处理中'))
    fireEvent.click(screen.getByText('只看超时'))
    fireEvent.click(screen.getByLabelText('网格：第一网格'))

    await waitFor(() =>
      expect(ticketCalls(backend, 'list').at(-1)).toEqual({ communityId: 'c1', page: 1, pageSize: 20, state: 'accepted', overdue: true, gridId: 'g1' }),
    )
    expect(ticketCalls(backend, 'list')[0]).toEqual({ communityId: 'c1', page: 1, pageSize: 20 })
  })

  it('when a ticket is merged into another chosen from the list, then merge is sent after confirmation', async () => {
    setup()
    onTickets(backend, 'merge', () => ({ ok: true, data: buildTicket({ id: 't2', state: 'merged', stateLabel: '已合并', mergedInto: 't1' }) }))
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)

    fireEvent.click(await screen.findByText('灯又坏了'))
    fireEvent.click(screen.getByText('合并到其他报事'))
    expect(screen.getByText('请点选要合并到的报事')).toBeTruthy()
    fireEvent.click(screen.getByText('灯坏了'))

    await waitFor(() => expect(ticketCalls(backend, 'merge')).toEqual([{ ticketId: 't2', intoTicketId: 't1' }]))
  })

  it('when a ticket is reassigned, then only grid people are offered and reassign names the chosen one', async () => {
    setup()
    backend.ok('users', 'listMembers', [
      { openid: 'o-grid-2', name: '赵网格', phone: null, roles: ['grid_member'] },
      { openid: 'o-staff-9', name: '钱社工', phone: null, roles: ['community_staff'] },
    ])
    onTickets(backend, 'reassign', () => ({ ok: true, data: buildTicket() }))
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)

    fireEvent.click(await screen.findByText('灯坏了'))
    fireEvent.click(screen.getByText('改派'))
    fireEvent.click(await screen.findByText('赵网格'))

    await waitFor(() => expect(ticketCalls(backend, 'reassign')).toEqual([{ ticketId: 't1', toOpenid: 'o-grid-2' }]))
    expect(screen.queryByText('钱社工')).toBeNull()
  })
})

describe('staff files a ticket on behalf of a resident', () => {
  let backend: ReturnType<typeof fakeBackend>
  beforeEach(() => Taro.clearStorageSync())
  afterEach(() => backend.restore())

  it('when building, unit, category and resident are picked, then fileOnBehalf sends the unit code, channel and a request id', async () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe()).ok('places', 'tree', buildTree())
    onTickets(backend, 'categories', () => ({ ok: true, data: categories }))
    onTickets(backend, 'fileOnBehalf', () => ({ ok: true, data: buildTicket({ id: 't50' }) }))
    renderPage(OnBehalf, {}, '/packages/staff/pages/tickets/onbehalf')

    fireEvent.click(await screen.findByText('3栋'))
    fireEvent.click(screen.getByText('2单元'))
    fireEvent.click(screen.getByText('安全隐患'))
    fireEvent.click(screen.getByText('来访'))
    typeInto(screen.getByLabelText('居民姓名'), '王秀英')
    typeInto(screen.getByLabelText('居民联系电话，可不填'), '13812345678')
    typeInto(screen.getByLabelText('居民反映的问题'), '楼道堆放杂物')
    fireEvent.click(screen.getByText('登记'))

    expect(await screen.findByText('已登记')).toBeTruthy()
    const [sent] = ticketCalls(backend, 'fileOnBehalf')
    expect(sent).toMatchObject({
      placeCode: 'AB12CD32',
      category: 'safety',
      channel: 'visit',
      residentName: '王秀英',
      residentPhone: '13812345678',
      text: '楼道堆放杂物',
    })
    expect(sent.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })
})
