import fc from 'fast-check'
import { applyDeltas, cellId, counterDeltas, figuresOf, isoWeek, weekLabel, zeroCounts, type Counts } from '../../cloudfunctions/_core/domain/counters'
import type { TicketDoc } from '../../types/models'
import type { DashboardFigures, TicketLevel, TicketState } from '../../types/tickets'

const T0 = '2026-11-20T02:00:00.000Z'
const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString()

function ticket(over: Partial<TicketDoc> = {}): TicketDoc {
  return {
    _id: 't1',
    communityId: 'c-1',
    streetId: 's-1',
    gridId: 'g-1',
    buildingId: 'b-1',
    unitId: 'u-1',
    placeCode: 'ABCD1234',
    placeLabel: '1栋 1单元',
    category: 'repair',
    categoryLabel: '设施报修',
    text: '',
    photos: [],
    reporterOpenid: 'r',
    reporterName: '王',
    reporterPhone: null,
    reporterHouseholdId: null,
    anonymous: false,
    filedBy: null,
    state: 'assigned',
    level: 'grid',
    assigneeOpenid: 'm',
    followers: ['r'],
    followerHouseholds: [],
    respondBy: hours(T0, 4),
    resolveBy: hours(T0, 72),
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
    createdAt: T0,
    updatedAt: T0,
    ...over,
  }
}

/** Applies a sequence of writes of one ticket and returns the counts of the community's `all` cell. */
function run(...docs: TicketDoc[]): Counts {
  const cells = new Map<string, Counts>()
  let before: TicketDoc | null = null
  for (const d of docs) {
    applyDeltas(cells, counterDeltas(before, d))
    before = d
  }
  return cells.get(cellId('community:c-1', 'all')) ?? zeroCounts()
}

describe('counter deltas of single transitions', () => {
  it('a new ticket adds one to total and open in all twelve cells (2 scopes × 6 dimensions) and nothing else', () => {
    const deltas = counterDeltas(null, ticket())
    expect(deltas).toHaveLength(12)
    expect(deltas.map((d) => d.key).sort()).toEqual(
      ['all', 'building:b-1', 'buildingCategory:b-1/repair', 'category:repair', 'grid:g-1', 'week:2026-W47'].flatMap((k) => [k, k]).sort(),
    )
    for (const d of deltas) expect(d.inc).toEqual({ total: 1, open: 1 })
  })

  it('a write that changes no measure (a progress note) produces no delta at all', () => {
    const a = ticket({ state: 'accepted', respondedAt: hours(T0, 1) })
    expect(counterDeltas(a, { ...a, version: 2, timeline: [], text: 'x' })).toEqual([])
  })

  it('accepting in time counts responded and respondedOnTime; accepting late counts only responded', () => {
    expect(run(ticket(), ticket({ state: 'accepted', respondedAt: hours(T0, 1) }))).toMatchObject({ responded: 1, respondedOnTime: 1 })
    expect(run(ticket(), ticket({ state: 'accepted', respondedAt: hours(T0, 5) }))).toMatchObject({ responded: 1, respondedOnTime: 0 })
  })

  it('an overdue open ticket counts late until it is resolved, and then moves to resolvedLate without double counting', () => {
    const overdue = ticket({ state: 'accepted', respondedAt: hours(T0, 1), overdueResolve: true })
    const mid = run(ticket(), overdue)
    expect(mid).toMatchObject({ openOverdue: 1, resolvedLate: 0, overdue: 1 })
    expect(figuresOf(mid).onTimeRate).toEqual({ numerator: 0, denominator: 1, rate: 0 })
    const resolved = { ...overdue, state: 'resolved' as TicketState, resolvedAt: hours(T0, 80) }
    const end = run(ticket(), overdue, resolved)
    expect(end).toMatchObject({ openOverdue: 0, resolvedLate: 1, resolvedOnTime: 0, resolved: 1, open: 1 })
    expect(figuresOf(end).onTimeRate).toEqual({ numerator: 0, denominator: 1, rate: 0 })
  })

  it('confirmed and auto-closed-unconfirmed tickets are counted apart, and the two resolution rates are disjoint', () => {
    const resolved = ticket({ state: 'resolved', respondedAt: hours(T0, 1), resolvedAt: hours(T0, 10) })
    const confirmed = run(ticket(), resolved, { ...resolved, state: 'closed', confirmation: 'confirmed', closedAt: hours(T0, 20) })
    expect(confirmed).toMatchObject({ confirmed: 1, unconfirmedClosed: 0, closed: 1, open: 0, closedInGrid: 1 })
    expect(figuresOf(confirmed).resolutionRate).toEqual({
      confirmed: { numerator: 1, denominator: 1, rate: 1 },
      markedResolved: { numerator: 0, denominator: 1, rate: 0 },
    })
    const auto = run(ticket(), resolved, { ...resolved, state: 'closed', confirmation: 'unconfirmed', closedAt: hours(T0, 200) })
    expect(auto).toMatchObject({ confirmed: 0, unconfirmedClosed: 1, closed: 1 })
    expect(figuresOf(auto).resolutionRate.markedResolved).toEqual({ numerator: 1, denominator: 1, rate: 1 })
  })

  it('a ticket escalated above the grid is not counted as closed inside the grid', () => {
    const c = run(ticket(), ticket({ state: 'closed', level: 'community', maxLevel: 'community', resolvedAt: hours(T0, 3), confirmation: 'confirmed' }))
    expect(figuresOf(c).closedInGridShare).toEqual({ numerator: 0, denominator: 1, rate: 0 })
  })

  it('a ticket reopened twice is one repeat complaint', () => {
    expect(run(ticket(), ticket({ reopenCount: 1 }), ticket({ reopenCount: 2 })).repeat).toBe(1)
  })

  it('satisfaction counts scores of 4 and 5 among rated tickets, and a re-rating moves the count', () => {
    const rated = (score: number) => ticket({ state: 'closed', resolvedAt: hours(T0, 3), confirmation: 'confirmed', rating: { score, comment: null, at: T0 } })
    expect(run(ticket(), rated(5))).toMatchObject({ rated: 1, satisfied: 1 })
    expect(run(ticket(), rated(5), rated(3))).toMatchObject({ rated: 1, satisfied: 0 })
  })

  it('withdrawing or merging a ticket removes it from every count', () => {
    expect(run(ticket(), ticket({ state: 'withdrawn' }))).toEqual(zeroCounts())
    expect(run(ticket(), ticket({ state: 'merged', mergedInto: 't2' }))).toEqual(zeroCounts())
  })

  it('a ticket moved to another grid leaves the old grid cell and enters the new one', () => {
    const cells = new Map<string, Counts>()
    applyDeltas(cells, counterDeltas(null, ticket()))
    applyDeltas(cells, counterDeltas(ticket(), ticket({ gridId: 'g-2' })))
    expect(cells.get(cellId('community:c-1', 'grid:g-1'))?.total).toBe(0)
    expect(cells.get(cellId('community:c-1', 'grid:g-2'))?.total).toBe(1)
    expect(cells.get(cellId('street:s-1', 'all'))?.total).toBe(1)
  })
})

describe('weeks', () => {
  it('the ISO week follows the Shanghai calendar: Sunday 23:30 and Monday 00:30 in Shanghai fall in different weeks', () => {
    expect(isoWeek('2026-11-22T15:30:00.000Z')).toBe('2026-W47') // Sunday 23:30 in Shanghai
    expect(isoWeek('2026-11-22T16:30:00.000Z')).toBe('2026-W48') // Monday 00:30 in Shanghai
    expect(isoWeek('2027-01-01T04:00:00.000Z')).toBe('2026-W53')
    expect(isoWeek('2025-12-29T04:00:00.000Z')).toBe('2026-W01')
  })

  it('week labels name Monday to Sunday in Chinese, across months and years', () => {
    expect(weekLabel('2026-W47')).toBe('11月16日–22日')
    expect(weekLabel('2026-W49')).toBe('11月30日–12月6日')
    expect(weekLabel('2026-W01')).toBe('2025年12月29日–2026年1月4日')
  })
})

// Property: counters built from deltas equal figures recomputed from the final documents --------------------------

const STATES: TicketState[] = ['submitted', 'assigned', 'accepted', 'resolved', 'closed', 'withdrawn', 'merged']
const LEVELS: TicketLevel[] = ['grid', 'community', 'street']
const maybeTime = fc.option(
  fc.integer({ min: 0, max: 200 }).map((h) => hours(T0, h)),
  { nil: null },
)

/** A ticket's callbacks: none, or up to two (a callback that found it not fixed, then one after it closed again). */
const callbackArb = fc.record({
  status: fc.constantFrom('open' as const, 'done' as const, 'unreachable' as const),
  fixed: fc.boolean(),
  satisfaction: fc.integer({ min: 1, max: 5 }),
})
const callbacksArb = fc.option(
  fc.array(callbackArb, { minLength: 1, maxLength: 2 }).map((list) =>
    list.map(({ status, fixed, satisfaction }) => ({
      closedAt: T0,
      sampledAt: T0,
      reason: 'share' as const,
      share: 20,
      status,
      dueAt: T0,
      takenBy: null,
      unreached: [],
      result: status === 'done' ? { at: T0, byOpenid: 'x', fixed, satisfaction, note: null } : null,
      endedAt: status === 'open' ? null : T0,
    })),
  ),
  { nil: undefined },
)

const docArb = (id: string) =>
  fc
    .record({
      communityId: fc.constantFrom('c-1', 'c-2'),
      gridId: fc.constantFrom('g-1', 'g-2', null),
      buildingId: fc.constantFrom('b-1', 'b-2', 'b-3'),
      category: fc.constantFrom('repair', 'noise'),
      createdAt: fc.constantFrom(T0, hours(T0, 24 * 7), hours(T0, 24 * 30)),
      state: fc.constantFrom(...STATES),
      maxLevel: fc.constantFrom(...LEVELS),
      respondedAt: maybeTime,
      resolvedAt: maybeTime,
      overdueRespond: fc.boolean(),
      overdueResolve: fc.boolean(),
      confirmation: fc.constantFrom('confirmed' as const, 'unconfirmed' as const, null),
      rating: fc.option(
        fc.integer({ min: 1, max: 5 }).map((score) => ({ score, comment: null, at: T0 })),
        { nil: null },
      ),
      reopenCount: fc.integer({ min: 0, max: 3 }),
      callbacks: callbacksArb,
    })
    .map(({ callbacks, ...f }) => ticket({ _id: id, streetId: 's-1', ...f, ...(callbacks ? { callbacks } : {}) }))

/** The figures of a set of documents, computed directly from them (no counters), as the dashboard defines them. */
function recompute(docs: TicketDoc[]): DashboardFigures {
  const live = docs.filter((d) => d.state !== 'withdrawn' && d.state !== 'merged')
  const count = (p: (d: TicketDoc) => boolean) => live.filter(p).length
  const r = (n: number, d: number) => ({ numerator: n, denominator: d, rate: d ? n / d : null })
  const isResolved = (d: TicketDoc) => d.state === 'resolved' || d.state === 'closed'
  const onTime = count((d) => isResolved(d) && !!d.resolvedAt && d.resolvedAt <= d.resolveBy)
  const late = count((d) => isResolved(d) && !(d.resolvedAt && d.resolvedAt <= d.resolveBy))
  const openLate = count((d) => ['submitted', 'assigned', 'accepted'].includes(d.state) && d.overdueResolve)
  const closed = count((d) => d.state === 'closed')
  const confirmed = count((d) => d.state === 'closed' && d.confirmation === 'confirmed')
  const callbacks = live.flatMap((d) => d.callbacks ?? [])
  const reached = callbacks.filter((c) => c.status === 'done' && c.result)
  return {
    total: live.length,
    open: count((d) => d.state !== 'closed'),
    overdue: count((d) => d.state !== 'closed' && (d.overdueResolve || (['submitted', 'assigned', 'accepted'].includes(d.state) && d.overdueRespond))),
    responseRate: r(
      count((d) => !!d.respondedAt),
      live.length,
    ),
    resolutionRate: { confirmed: r(confirmed, live.length), markedResolved: r(count(isResolved) - confirmed, live.length) },
    satisfactionRate: r(
      count((d) => !!d.rating && d.rating.score >= 4),
      count((d) => !!d.rating),
    ),
    onTimeRate: r(onTime, onTime + late + openLate),
    closedInGridShare: r(
      count((d) => d.state === 'closed' && d.maxLevel === 'grid'),
      closed,
    ),
    repeatComplaints: count((d) => d.reopenCount >= 1),
    callback: {
      satisfactionRate: r(reached.filter((c) => c.result!.satisfaction >= 4).length, reached.length),
      notFixedShare: r(reached.filter((c) => !c.result!.fixed).length, reached.length),
      completionRate: r(reached.length, callbacks.length),
      unreachable: callbacks.filter((c) => c.status === 'unreachable').length,
    },
  }
}

describe('counters against recomputation', () => {
  it('for random sequences of ticket writes, summing the deltas gives exactly the figures recomputed from the final documents, in every cell', () => {
    const ids = ['t1', 't2', 't3', 't4']
    const stepArb = fc.constantFrom(...ids).chain((id) => docArb(id))
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 40 }), (steps) => {
        const cells = new Map<string, Counts>()
        const current = new Map<string, TicketDoc>()
        for (const doc of steps) {
          applyDeltas(cells, counterDeltas(current.get(doc._id) ?? null, doc))
          current.set(doc._id, doc)
        }
        const finals = [...current.values()]
        const groups: [string, (d: TicketDoc) => boolean][] = []
        for (const scope of ['community:c-1', 'community:c-2', 'street:s-1']) {
          const inScope = (d: TicketDoc) => scope === `community:${d.communityId}` || scope === `street:${d.streetId}`
          groups.push([cellId(scope, 'all'), inScope])
          for (const g of ['g-1', 'g-2', 'none']) groups.push([cellId(scope, `grid:${g}`), (d) => inScope(d) && (d.gridId ?? 'none') === g])
          for (const b of ['b-1', 'b-2', 'b-3']) groups.push([cellId(scope, `building:${b}`), (d) => inScope(d) && d.buildingId === b])
          for (const c of ['repair', 'noise']) groups.push([cellId(scope, `category:${c}`), (d) => inScope(d) && d.category === c])
          for (const b of ['b-1', 'b-2', 'b-3'])
            for (const c of ['repair', 'noise'])
              groups.push([cellId(scope, `buildingCategory:${b}/${c}`), (d) => inScope(d) && d.buildingId === b && d.category === c])
          for (const w of ['2026-W47', '2026-W48', '2026-W51']) groups.push([cellId(scope, `week:${w}`), (d) => inScope(d) && isoWeek(d.createdAt) === w])
        }
        const known = new Set(groups.map((g) => g[0]))
        for (const id of cells.keys()) expect(known.has(id)).toBe(true)
        for (const [id, p] of groups) expect(figuresOf(cells.get(id) ?? zeroCounts())).toEqual(recompute(finals.filter(p)))
        // no counter ever goes negative
        for (const c of cells.values()) for (const v of Object.values(c)) expect(v).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 200 },
    )
  })
})
