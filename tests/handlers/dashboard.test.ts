import { collection, findAll } from '../../cloudfunctions/_core/repos/base'
import { recordTransition } from '../../cloudfunctions/_core/repos/counters'
import { parseCsv } from '../../cloudfunctions/_core/tables/csv'
import { demoIds } from '../../local/demo'
import type { DashboardView, Envelope, TicketDoc } from '../../types'
import { expectDashboardsToEqualRecount } from './recount.helpers'
import { HEPING, NOW, P, XINGFU, as, errorCode, ok, raw, snapshot, useWorld } from '../support/world'

const world = useWorld()

// Through the tickets function as the platform calls it (identity in the context; the union input is sent as is).
const call = (openid: string, action: 'dashboard' | 'export', data: unknown) => raw(openid, 'tickets', { action, data }) as Promise<Envelope<never>>
const dash = async (openid: string, data: unknown) => (await call(openid, 'dashboard', data)) as Envelope<DashboardView>

const iso = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString()
let seq = 0

/** A ticket as the workflow would have left it, written with its counters (as the ticket repo's save does). */
async function put(over: Partial<TicketDoc> & { communityId?: string; b?: number }): Promise<TicketDoc> {
  const { b = 1, ...rest } = over
  const communityId = rest.communityId ?? XINGFU
  const t = {
    _id: `t-${String(++seq).padStart(5, '0')}`,
    communityId,
    streetId: 'st-chunhui',
    gridId: demoIds.grid(communityId, communityId === XINGFU && b > 3 ? 1 : 0),
    buildingId: demoIds.building(communityId, b),
    unitId: demoIds.unit(communityId, b, 1),
    placeCode: demoIds.unitCode(communityId, b, 1),
    placeLabel: `${b}栋 1单元`,
    category: 'repair',
    categoryLabel: '设施报修',
    text: '楼道灯坏了',
    photos: [],
    reporterOpenid: P.resident,
    reporterName: '王秀英',
    reporterPhone: null,
    reporterHouseholdId: null,
    anonymous: false,
    filedBy: null,
    state: 'assigned',
    level: 'grid',
    assigneeOpenid: P.gridMember,
    followers: [P.resident],
    followerHouseholds: [],
    respondBy: iso(-40),
    resolveBy: iso(24),
    respondedAt: null,
    resolvedAt: null,
    closedAt: null,
    overdueRespond: false,
    overdueResolve: false,
    resolution: null,
    confirmation: null,
    rating: null,
    reopenCount: 0,
    mergedInto: null,
    maxLevel: 'grid',
    timeline: [],
    version: 1,
    createdAt: iso(-48),
    updatedAt: iso(-48),
    ...rest,
  } as TicketDoc
  await collection('tickets').add(t)
  await recordTransition(null, t)
  return t
}

async function seedFigures() {
  // 1栋 (grid 1): confirmed and rated 5, on time
  await put({
    state: 'closed',
    respondedAt: iso(-47),
    resolvedAt: iso(-30),
    confirmation: 'confirmed',
    closedAt: iso(-20),
    rating: { score: 5, comment: null, at: iso(-20) },
  })
  // 2栋 (grid 1): closed unconfirmed by the sweeper, rated 2, resolved late
  await put({
    b: 2,
    state: 'closed',
    respondedAt: iso(-47),
    resolvedAt: iso(30),
    resolveBy: iso(-1),
    confirmation: 'unconfirmed',
    rating: { score: 2, comment: null, at: iso(-1) },
  })
  // 5栋 (grid 2): escalated to community, still open and overdue, reopened once, noise
  await put({
    b: 5,
    category: 'noise',
    categoryLabel: '噪音扰民',
    state: 'accepted',
    level: 'community',
    maxLevel: 'community',
    respondedAt: iso(-30),
    resolveBy: iso(-2),
    overdueResolve: true,
    reopenCount: 1,
  })
  // 5栋: just submitted, not yet answered, created the week before
  await put({ b: 5, state: 'submitted', createdAt: '2026-11-10T02:00:00.000Z' })
  // and one in the other community of the street
  await put({ communityId: HEPING, state: 'submitted' })
}

describe('tickets.dashboard', () => {
  it('when community staff open the dashboard, then the three rates, on-time, in-grid share and repeats come from the counters', async () => {
    await seedFigures()
    const v = ok(await dash(P.staff, { communityId: XINGFU }))
    expect(v.scope).toEqual({ kind: 'community', id: XINGFU, name: '幸福社区' })
    expect(v.figures).toEqual({
      total: 4,
      open: 2,
      // the escalated one past its deadline to resolve
      overdue: 1,
      responseRate: { numerator: 3, denominator: 4, rate: 0.75 },
      resolutionRate: { confirmed: { numerator: 1, denominator: 4, rate: 0.25 }, markedResolved: { numerator: 1, denominator: 4, rate: 0.25 } },
      satisfactionRate: { numerator: 1, denominator: 2, rate: 0.5 },
      // on time: the confirmed one; late: the one resolved after its deadline and the open overdue one
      onTimeRate: { numerator: 1, denominator: 3, rate: 1 / 3 },
      closedInGridShare: { numerator: 2, denominator: 2, rate: 1 },
      repeatComplaints: 1,
      // no callback has been sampled among these (callbacks: tests/handlers/callbacks.test.ts)
      callback: {
        satisfactionRate: { numerator: 0, denominator: 0, rate: null },
        notFixedShare: { numerator: 0, denominator: 0, rate: null },
        completionRate: { numerator: 0, denominator: 0, rate: null },
        unreachable: 0,
      },
    })
  })

  it('when a resident submits through the tickets function and the grid member accepts, then the dashboard moves with each step', async () => {
    const submitted = ok(
      await as(P.resident)('tickets', 'submit', {
        requestId: 'req-dash-0001',
        placeCode: demoIds.unitCode(XINGFU, 1, 1),
        category: 'repair',
        text: '楼道灯坏了',
        photos: [],
        anonymous: false,
      }),
    )
    let v = ok(await dash(P.staff, { communityId: XINGFU }))
    expect([v.figures.total, v.figures.open, v.figures.responseRate.rate]).toEqual([1, 1, 0])
    ok(await as(P.gridMember)('tickets', 'accept', { ticketId: submitted.id }))
    v = ok(await dash(P.staff, { communityId: XINGFU }))
    expect([v.figures.total, v.figures.responseRate.rate]).toEqual([1, 1])
    expect(v.byGrid.find((g) => g.label === '第一网格')?.figures.responseRate.numerator).toBe(1)
  })

  it('when the dashboard is broken down, then grids, buildings, categories and weeks carry their Chinese labels and own figures', async () => {
    await seedFigures()
    const v = ok(await dash(P.secretary, { communityId: XINGFU }))
    expect(v.byGrid.map((g) => [g.label, g.figures.total])).toEqual([
      ['第一网格', 2],
      ['第二网格', 2],
    ])
    expect(v.byBuilding.map((b) => [b.label, b.figures.total])).toEqual([
      ['1栋', 1],
      ['2栋', 1],
      ['3栋', 0],
      ['4栋', 0],
      ['5栋', 2],
      ['6栋', 0],
    ])
    expect(v.byCategory.map((c) => [c.key, c.label, c.figures.total])).toEqual([
      ['repair', '设施报修', 3],
      ['noise', '噪音扰民', 1],
    ])
    expect(v.byWeek.map((w) => [w.key, w.label, w.figures.total])).toEqual([
      ['2026-W46', '11月9日–15日', 1],
      ['2026-W47', '11月16日–22日', 3],
    ])
    expect(v.byGrid[1].figures.closedInGridShare.rate).toBeNull()
  })

  it('when the dashboard draws its pictures, then open and overdue by grid and categories by building equal a recount of the stored tickets', async () => {
    await seedFigures()
    const v = ok(await dash(P.staff, { communityId: XINGFU }))
    expect(v.byGrid.map((g) => [g.label, g.figures.open, g.figures.overdue])).toEqual([
      ['第一网格', 0, 0],
      ['第二网格', 2, 1],
    ])
    expect(v.buildingCategory).toEqual({
      buildings: [
        { key: demoIds.building(XINGFU, 1), label: '1栋' },
        { key: demoIds.building(XINGFU, 2), label: '2栋' },
        { key: demoIds.building(XINGFU, 5), label: '5栋' },
      ],
      categories: [
        { key: 'repair', label: '设施报修' },
        { key: 'noise', label: '噪音扰民' },
      ],
      counts: [
        [1, 0],
        [1, 0],
        [1, 1],
      ],
    })
    // the same numbers counted again from the ticket documents, for the community and the street
    const tickets = await findAll<TicketDoc>('tickets', { communityId: XINGFU })
    const count = (p: (t: TicketDoc) => boolean) => tickets.filter(p).length
    v.buildingCategory.buildings.forEach((b, i) =>
      v.buildingCategory.categories.forEach((c, j) =>
        expect(v.buildingCategory.counts[i][j]).toBe(count((t) => t.buildingId === b.key && t.category === c.key)),
      ),
    )
    await expectDashboardsToEqualRecount()
  })

  it('when every ticket document is gone, then the dashboard still reads the same: it never scans tickets', async () => {
    await seedFigures()
    const before = ok(await dash(P.staff, { communityId: XINGFU }))
    await collection('tickets').where({ communityId: XINGFU }).remove()
    expect(ok(await dash(P.staff, { communityId: XINGFU }))).toEqual(before)
  })

  it('when street staff open the street dashboard, then both communities count and places are prefixed with their community', async () => {
    await seedFigures()
    const v = ok(await dash(P.street, { streetId: 'st-chunhui' }))
    expect(v.scope).toEqual({ kind: 'street', id: 'st-chunhui', name: '春晖街道' })
    expect(v.figures.total).toBe(5)
    expect(v.byGrid.map((g) => g.label)).toEqual(expect.arrayContaining(['幸福社区 第一网格', '和平社区 第一网格']))
    expect(v.byGrid.find((g) => g.label === '和平社区 第一网格')?.figures.total).toBe(1)
  })

  it('when anyone but the community staff, its grid leader or the street asks, then AUTH.FORBIDDEN and nothing changes', async () => {
    await seedFigures()
    const before = await snapshot()
    expect(errorCode(await dash(P.staffHeping, { communityId: XINGFU }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await dash(P.resident, { communityId: XINGFU }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await dash(P.gridMember, { communityId: XINGFU }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await dash(P.staff, { streetId: 'st-chunhui' }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await dash(P.gridLeader, { streetId: 'st-chunhui' }))).toBe('AUTH.FORBIDDEN')
    expect(ok(await dash(P.gridLeader, { communityId: XINGFU })).figures.total).toBe(4)
    expect(await snapshot()).toEqual(before)
  })

  it('when the input names both a community and a street, or neither, then INPUT.INVALID', async () => {
    expect(errorCode(await dash(P.street, { communityId: XINGFU, streetId: 'st-chunhui' }))).toBe('INPUT.INVALID')
    expect(errorCode(await dash(P.street, {}))).toBe('INPUT.INVALID')
  })
})

describe('tickets.export', () => {
  it('when staff export, then a BOM-prefixed CSV lists each ticket with the assignee masked, followed by the figures', async () => {
    await seedFigures()
    const res = ok((await call(P.staff, 'export', { communityId: XINGFU })) as Envelope<{ fileID: string; url: string; rows: number }>)
    expect(res.rows).toBe(4)
    expect(res.fileID).toMatch(/\/private\/exports\/c-xingfu\/[0-9a-f]{32}\.csv$/)
    expect(res.url).toMatch(/^https?:\/\//)
    const bytes = world.stored(res.fileID)!
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(bytes.toString('utf8')).map((r) => r.cells)
    expect(rows[0]).toEqual(['编号', '提交时间', '地点', '类别', '状态', '层级', '办理人', '受理时间', '办结时间', '居民确认', '满意度', '是否超期'])
    const body = rows.slice(1, 5)
    // newest first; the ticket created on 11-10 is last
    expect(body[3][1]).toBe('2026-11-10 10:00')
    expect(body.map((r) => r[6])).toEqual(['张*', '张*', '张*', '张*'])
    expect(body.find((r) => r[9] === '未确认（自动关闭）')?.[10]).toBe('2')
    expect(body.find((r) => r[5] === '社区')?.[11]).toBe('是')
    expect(rows.find((r) => r[0] === '指标')).toEqual(['指标', '分子', '分母', '比率', '说明'])
    expect(rows.find((r) => r[0] === '响应率')).toEqual(['响应率', '3', '4', '75.0%', '已受理 3 件 / 共 4 件'])
    // the confirmed ticket is not counted among those marked resolved without confirmation
    expect(rows.find((r) => r[0] === '办结未获居民确认')).toEqual([
      '办结未获居民确认',
      '1',
      '4',
      '25.0%',
      '已办结但居民未确认（含超时自动关闭） 1 件 / 共 4 件',
    ])
    expect(rows.find((r) => r[0] === '未关闭')).toEqual(['未关闭', '2', '', '', '2 件（含已办结待居民确认）'])
    expect(bytes.toString('utf8')).not.toContain(P.gridMember)
  })

  it('when a community has more than one page of tickets, then every ticket is exported exactly once', async () => {
    const base = { ...({} as Partial<TicketDoc>), state: 'submitted' as const }
    for (let i = 0; i < 1205; i += 100) {
      await Promise.all(Array.from({ length: Math.min(100, 1205 - i) }, () => collection('tickets').add({ ...stub(), ...base })))
    }
    const res = ok((await call(P.staff, 'export', { communityId: XINGFU })) as Envelope<{ fileID: string; rows: number }>)
    expect(res.rows).toBe(1205)
    const ids = parseCsv(world.stored(res.fileID)!.toString('utf8'))
      .map((r) => r.cells[0])
      .filter((x) => x.startsWith('bulk-'))
    expect(new Set(ids).size).toBe(1205)
  })

  it('when a grid leader or another community asks for the export, then AUTH.FORBIDDEN and nothing is written', async () => {
    const before = await snapshot()
    expect(errorCode(await call(P.gridLeader, 'export', { communityId: XINGFU }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await call(P.staffHeping, 'export', { communityId: XINGFU }))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot()).toEqual(before)
  })
})

let bulk = 0
const stub = () => ({
  _id: `bulk-${String(++bulk).padStart(6, '0')}`,
  communityId: XINGFU,
  streetId: 'st-chunhui',
  gridId: demoIds.grid(XINGFU, 0),
  buildingId: demoIds.building(XINGFU, 1),
  placeLabel: '1栋 1单元',
  category: 'repair',
  categoryLabel: '设施报修',
  level: 'grid',
  assigneeOpenid: null,
  respondedAt: null,
  resolvedAt: null,
  confirmation: null,
  rating: null,
  overdueRespond: false,
  overdueResolve: false,
  createdAt: iso(-bulk),
})
