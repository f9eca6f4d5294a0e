import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Dashboard from '../../src/packages/staff/pages/dashboard/index'
import StaffTickets from '../../src/packages/staff/pages/tickets/index'
import Register from '../../src/packages/staff/pages/register/index'
import PaperVotes from '../../src/packages/council/pages/paper/index'
import { base64Ascii, heatLevel, lineChartSvg, svgDataUri, weeklySeries } from '../../src/packages/staff/pages/dashboard/charts'
import { fakeBackend } from './support/fakeTransport'
import { buildStaffMe, buildTree } from './support/factories'
import { renderPage } from './support/render'
import { buildDashboard, buildFigures, buildSummary, buildTicket, categories, onTickets, ticketCalls, typeInto } from './support/tickets'

const rate = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator ? numerator / denominator : null })

/** A window as wide as an office PC's (or a phone's): what the page's media query and useWide read. */
function screenWidth(px: number) {
  const mq = (query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query)
    return {
      matches: !!min && px >= Number(min[1]),
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    } as unknown as MediaQueryList
  }
  Object.defineProperty(window, 'matchMedia', { configurable: true, writable: true, value: mq })
}

/** Taro's H5 views carry their role as `aria-role` until its web components run (the browser journeys check `role`). */
const ofRole = (el: Element, role: string) => Array.from(el.querySelectorAll(`[aria-role="${role}"]`))

afterEach(() => {
  delete (window as { matchMedia?: unknown }).matchMedia
})

describe('the dashboard as pictures', () => {
  let backend: ReturnType<typeof fakeBackend>
  beforeEach(() => Taro.clearStorageSync())
  afterEach(() => backend.restore())

  const weeks = [
    {
      key: '2026-W46',
      label: '11月9日–15日',
      figures: buildFigures({
        responseRate: rate(1, 2),
        resolutionRate: { confirmed: rate(1, 4), markedResolved: rate(0, 4) },
        satisfactionRate: rate(0, 0),
        onTimeRate: rate(3, 4),
      }),
    },
    {
      key: '2026-W47',
      label: '11月16日–22日',
      figures: buildFigures({
        responseRate: rate(4, 4),
        resolutionRate: { confirmed: rate(2, 4), markedResolved: rate(0, 4) },
        satisfactionRate: rate(1, 2),
        onTimeRate: rate(1, 3),
      }),
    },
  ]
  const dashboard = () =>
    buildDashboard({
      byWeek: weeks,
      byGrid: [
        { key: 'g1', label: '第一网格', figures: buildFigures({ open: 6, overdue: 2 }) },
        { key: 'g2', label: '第二网格', figures: buildFigures({ open: 3, overdue: 0 }) },
      ],
      buildingCategory: {
        buildings: [
          { key: 'b3', label: '3栋' },
          { key: 'b5', label: '5栋' },
        ],
        categories: [
          { key: 'repair', label: '设施报修' },
          { key: 'noise', label: '噪音扰民' },
        ],
        counts: [
          [8, 1],
          [0, 3],
        ],
      },
    })

  it('when the dashboard opens, then the weekly lines are an image whose text alternative reads every week with its four rates', async () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    onTickets(backend, 'dashboard', () => ({ ok: true, data: dashboard() }))
    renderPage(Dashboard, {}, '/packages/staff/pages/dashboard/index')

    const chart = await screen.findByLabelText(/^按周趋势折线图/)
    expect(chart.getAttribute('aria-role')).toBe('img')
    expect(chart.getAttribute('aria-label')).toBe(
      '按周趋势折线图，共2周。11月9日–15日：响应率50%，解决率（居民确认）25%，满意率暂无，按期办结率75%；11月16日–22日：响应率100%，解决率（居民确认）50%，满意率50%，按期办结率33.3%。',
    )
    // the picture itself is an SVG data URI (weapp draws no inline svg), hidden from the screen reader
    const img = chart.querySelector('img')!
    expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(img.getAttribute('alt')).toBe('')
    // the tables with the same numbers stay below
    expect(screen.getByLabelText('按周').getAttribute('aria-role')).toBe('table')
  })

  it('when grids have open and overdue tickets, then each bar says its grid and both counts in words', async () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    onTickets(backend, 'dashboard', () => ({ ok: true, data: dashboard() }))
    renderPage(Dashboard, {}, '/packages/staff/pages/dashboard/index')

    const list = await screen.findByLabelText('各网格未关闭与超时报事')
    expect(list.getAttribute('aria-role')).toBe('list')
    expect(ofRole(list, 'listitem').map((li) => li.getAttribute('aria-label'))).toEqual([
      '第一网格：未关闭 6 件，其中超时 2 件',
      '第二网格：未关闭 3 件，其中超时 0 件',
    ])
    expect(within(list).getByText('第一网格 未关闭 6 · 超时 2')).toBeTruthy()
  })

  it('when categories are counted by building, then the heat table is a table of numbers with its headers and a shade per count', async () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    onTickets(backend, 'dashboard', () => ({ ok: true, data: dashboard() }))
    renderPage(Dashboard, {}, '/packages/staff/pages/dashboard/index')

    const table = await screen.findByLabelText('各楼栋报事类别（件）')
    expect(table.getAttribute('aria-role')).toBe('table')
    const rows = ofRole(table, 'row').map((r) => Array.from(r.children, (c) => c.textContent))
    expect(rows).toEqual([
      ['楼栋', '设施报修', '噪音扰民'],
      ['3栋', '8', '1'],
      ['5栋', '0', '3'],
    ])
    expect(ofRole(table, 'rowheader').map((h) => h.textContent)).toEqual(['3栋', '5栋'])
    expect(ofRole(table, 'columnheader').map((h) => h.textContent)).toEqual(['楼栋', '设施报修', '噪音扰民'])
    expect(within(table).getByText('8').className).toContain('heat-4')
    expect(within(table).getAllByText('0')[0].className).toContain('heat-0')
    expect(screen.getByText('颜色越深件数越多；最多的是3栋的设施报修，8 件。')).toBeTruthy()
  })

  it('draws the lines as a self-contained SVG without text, breaking a line where a week has nothing to rate', () => {
    const series = weeklySeries(buildDashboard({ byWeek: weeks }))
    const svg = lineChartSvg(series, 2)
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(svg).not.toMatch(/<text/)
    // four series: satisfaction has one point only (the first week has no rating), so three polylines
    expect(svg.match(/<polyline/g)).toHaveLength(3)
    expect(Buffer.from(svgDataUri(svg).split(',')[1], 'base64').toString('ascii')).toBe(svg)
    expect(base64Ascii('ab')).toBe(Buffer.from('ab').toString('base64'))
    expect([0, 1, 2, 3, 4, 8].map((n) => heatLevel(n, 8))).toEqual([0, 1, 1, 2, 2, 4])
  })
})

describe('the staff ticket list on a wide screen', () => {
  let backend: ReturnType<typeof fakeBackend>
  beforeEach(() => Taro.clearStorageSync())
  afterEach(() => backend.restore())

  const items = [
    buildSummary({ id: 't1', excerpt: '楼道灯坏了', placeLabel: '3栋 1单元', createdAt: '2026-11-20T02:00:00.000Z', categoryLabel: '设施报修' }),
    buildSummary({ id: 't2', excerpt: '垃圾没清', placeLabel: '5栋 1单元', createdAt: '2026-11-21T02:00:00.000Z', categoryLabel: '环境卫生' }),
    buildSummary({ id: 't3', excerpt: '半夜装修', placeLabel: '6栋 2单元', createdAt: '2026-11-19T02:00:00.000Z', categoryLabel: '噪音扰民' }),
  ]
  const setup = (width: number) => {
    screenWidth(width)
    backend = fakeBackend().ok('users', 'me', buildStaffMe()).ok('places', 'tree', buildTree())
    onTickets(backend, 'categories', () => ({ ok: true, data: categories }))
    onTickets(backend, 'list', () => ({ ok: true, data: { items, page: 1, pageSize: 20, total: 3 } }))
    onTickets(backend, 'get', (input) => ({
      ok: true,
      data: buildTicket({ id: input.ticketId, text: `详情：${items.find((t) => t.id === input.ticketId)!.excerpt}` }),
    }))
    renderPage(StaffTickets, {}, '/packages/staff/pages/tickets/index')
  }
  const bodyRows = () => within(screen.getByRole('grid')).getAllByRole('row').slice(1)
  const firstCells = () => bodyRows().map((r) => r.children[0].textContent)

  it('when the console is 1280 px wide, then tickets are rows of a table and the filters stand open in a side panel', async () => {
    setup(1280)
    await screen.findByText('楼道灯坏了')
    const grid = screen.getByRole('grid', { name: /^报事列表：共 3 件/ })
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((h) => h.textContent?.replace(/[▲▼↕\s]/g, '')),
    ).toEqual(['内容', '类别', '地点', '状态', '提交时间', '期限'])
    const side = screen.getByLabelText('筛选条件')
    expect(side.getAttribute('aria-role')).toBe('region')
    // open without a tap: no folding on a wide screen
    fireEvent.click(within(side).getByLabelText('状态：处理中'))
    fireEvent.click(within(side).getByLabelText('网格：第一网格'))
    await waitFor(() => expect(ticketCalls(backend, 'list').at(-1)).toEqual({ communityId: 'c1', page: 1, pageSize: 20, state: 'accepted', gridId: 'g1' }))
    expect(screen.queryByLabelText('展开筛选条件')).toBeNull()
  })

  it('when a column header is pressed, then the rows sort by it and the header says which way; pressed again, the other way', async () => {
    setup(1280)
    await screen.findByText('楼道灯坏了')
    // the list's own order: newest first
    expect(firstCells()).toEqual(['垃圾没清', '楼道灯坏了', '半夜装修'])
    const submitted = screen.getByRole('button', { name: /提交时间/ })
    expect(submitted.closest('th')!.getAttribute('aria-sort')).toBe('descending')
    fireEvent.click(submitted)
    expect(firstCells()).toEqual(['半夜装修', '楼道灯坏了', '垃圾没清'])
    expect(submitted.closest('th')!.getAttribute('aria-sort')).toBe('ascending')
    fireEvent.click(screen.getByRole('button', { name: /地点/ }))
    // 3栋, 5栋, 6栋
    expect(firstCells()).toEqual(['楼道灯坏了', '垃圾没清', '半夜装修'])
    expect(screen.getByRole('button', { name: /地点/ }).closest('th')!.getAttribute('aria-sort')).toBe('ascending')
    expect(submitted.closest('th')!.getAttribute('aria-sort')).toBe('none')
  })

  it('when arrow keys move through the rows and Enter is pressed, then that ticket opens beside the list with its actions', async () => {
    setup(1280)
    await screen.findByText('楼道灯坏了')
    const rows = bodyRows()
    // one row in the tab order at a time
    expect(rows.map((r) => r.getAttribute('tabindex'))).toEqual(['0', '-1', '-1'])
    act(() => rows[0].focus())
    fireEvent.keyDown(rows[0], { key: 'ArrowDown' })
    expect(document.activeElement).toBe(rows[1])
    fireEvent.keyDown(rows[1], { key: 'ArrowDown' })
    fireEvent.keyDown(rows[2], { key: 'ArrowUp' })
    expect(document.activeElement).toBe(rows[1])
    expect(bodyRows().map((r) => r.getAttribute('tabindex'))).toEqual(['-1', '0', '-1'])
    fireEvent.keyDown(rows[1], { key: 'Enter' })

    const pane = await screen.findByLabelText('报事详情')
    expect(await within(pane).findByText('详情：楼道灯坏了')).toBeTruthy()
    expect(within(pane).getByText('查看与办理')).toBeTruthy()
    expect(within(pane).getByText('改派')).toBeTruthy()
    expect(ticketCalls(backend, 'get')).toEqual([{ ticketId: 't1' }])
    expect(bodyRows()[1].getAttribute('aria-selected')).toBe('true')
    // the list is still there beside it
    expect(screen.getByText('垃圾没清')).toBeTruthy()
  })

  it('when the screen is a phone, then the list stays cards with folded filters and no table', async () => {
    setup(390)
    await screen.findByText('楼道灯坏了')
    expect(screen.queryByRole('grid')).toBeNull()
    expect(screen.getByLabelText('展开筛选条件')).toBeTruthy()
    expect(screen.queryByLabelText('筛选条件')).toBeNull()
  })
})

describe('rolls as tables on a wide screen', () => {
  let backend: ReturnType<typeof fakeBackend>
  beforeEach(() => Taro.clearStorageSync())
  afterEach(() => backend.restore())

  it('when the household roll is opened on a PC, then households are table rows, and a search reads the roll again', async () => {
    screenWidth(1280)
    const household = (id: string, label: string, holderName: string) => ({
      id,
      communityId: 'c1',
      buildingId: 'b3',
      unitId: 'u31',
      label,
      room: '301',
      holderName,
      phone: null,
      area: 89.5,
      ownerName: holderName,
      ownership: 'owned' as const,
      members: 3,
      adults: 2,
      bindCodeUntil: null,
      boundResidents: 1,
    })
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    backend.on('places', 'households', (input) => ({
      ok: true,
      data: {
        items: input.q ? [household('h2', '3栋1单元302', '李建国')] : [household('h1', '3栋1单元301', '王秀英'), household('h2', '3栋1单元302', '李建国')],
        page: 1,
        pageSize: 20,
        total: input.q ? 1 : 2,
      },
    }))
    renderPage(Register, {}, '/packages/staff/pages/register/index')

    const table = await screen.findByRole('table', { name: /^住户名册：共 2 户/ })
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => Array.from(r.children, (c) => c.textContent))[1],
    ).toEqual(['3栋1单元301', '王秀英', '3', '2', '王秀英', '89.5', '1'])
    expect(within(table).getByRole('button', { name: '3栋1单元301' })).toBeTruthy()
    typeInto(screen.getByLabelText('查找住户，输入房号或户主姓名'), '302')
    fireEvent.click(screen.getByText('查找'))
    expect(await screen.findByRole('table', { name: '住户名册：“302”的查找结果，共 1 户，已显示 1 户' })).toBeTruthy()
    expect(backend.callsOf('places', 'households').map((c) => c.data)).toEqual([
      { communityId: 'c1', page: 1 },
      { communityId: 'c1', page: 1, q: '302' },
    ])
  })

  it('when the vote roll is opened on a PC, then voters are table rows and only those who have not voted have 录入', async () => {
    screenWidth(1280)
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    backend.on('council', 'roll', () => ({
      ok: true,
      data: {
        items: [
          { key: 'k1', ballotNo: '0001', label: '王** 3栋1单元301', area: 0, voted: true, channel: 'online' as const, paperNo: null },
          { key: 'k2', ballotNo: '0002', label: '李** 3栋1单元302', area: 0, voted: false, channel: null, paperNo: null },
        ],
        page: 1,
        pageSize: 50,
        total: 2,
        choices: [{ id: 'yes', label: '同意' }],
      },
    }))
    renderPage(PaperVotes, { voteId: 'v1' }, '/packages/council/pages/paper/index')

    const table = await screen.findByRole('table', { name: /^投票名单：共 2 条/ })
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => Array.from(r.children, (c) => c.textContent)),
    ).toEqual([
      ['0001', '王** 3栋1单元301', '已在线投票', ''],
      ['0002', '李** 3栋1单元302', '未投票', '录入'],
    ])
    fireEvent.click(within(table).getByRole('button', { name: '录入纸质票：票号0002，李** 3栋1单元302' }))
    expect(await screen.findByText('录入：0002 李** 3栋1单元302')).toBeTruthy()
  })
})
