import type { TicketDoc } from '../../../types/models'
import type { DashboardFigures, RateFigure } from '../../../types/tickets'
import { calendar, shanghaiDay, type Dayjs } from '../time'

/**
 * Dashboard counters: every figure of the dashboard is a ratio of counts, and every count is a sum over tickets of a
 * 0/1 measure of ONE ticket document. So a transition before → after moves each counter by
 * measure(after) − measure(before) in every cell the ticket belongs to, and reading the figures never scans tickets.
 *
 * Cells: scope × dimension.
 *   scope      `community:<communityId>` and `street:<streetId>` (a ticket belongs to exactly one of each)
 *   dimension  `all`, `grid:<gridId|none>`, `building:<buildingId>`, `category:<key>`, `week:<ISO week of createdAt,
 *              Asia/Shanghai>` (e.g. `week:2026-W47`), and `buildingCategory:<buildingId>/<key>` (the dashboard's
 *              heat table of categories by building; a building id never holds a `/`)
 *
 * Which tickets count: every ticket except `withdrawn` (taken back by the reporter before anyone acted) and `merged`
 * (a duplicate; its followers now count on the surviving ticket). Moving into one of those states removes the ticket
 * from every count.
 *
 * Measures (each 0 or 1 per counted ticket):
 *   total              1
 *   open               state is submitted, assigned, accepted or resolved (not yet closed)
 *   responded          respondedAt set (someone accepted it)
 *   respondedOnTime    responded and respondedAt ≤ respondBy
 *   resolved           state resolved or closed ("marked resolved" by the handler)
 *   confirmed          closed with confirmation 'confirmed' (the reporter said "fixed")
 *   unconfirmedClosed  closed with confirmation 'unconfirmed' (no answer in N days: auto-closed, counted apart)
 *   closed             state closed
 *   closedInGrid       closed and maxLevel still 'grid' (小事不出网格)
 *   rated              a rating is present
 *   satisfied          rating score ≥ 4
 *   resolvedOnTime     resolved and resolvedAt ≤ resolveBy
 *   resolvedLate       resolved and resolvedAt > resolveBy
 *   openOverdue        not yet resolved (submitted/assigned/accepted) and flagged overdueResolve by the sweeper
 *   overdue            open and flagged overdue (to respond or to resolve)
 *   repeat             reopenCount ≥ 1 (a repeat complaint, counted once per ticket however often it reopens)
 * Callbacks (回访, domain/callbacks.ts) count one per callback the ticket holds (a ticket reopened by a callback and
 * closed again may hold two), so these measures may exceed 1 on one ticket:
 *   callbacks              callbacks sampled
 *   callbacksReached       the resident answered and the result was recorded
 *   callbacksSatisfied     reached, satisfaction ≥ 4 (as the self-rating's "satisfied")
 *   callbacksNotFixed      reached, and the resident said it was not really fixed
 *   callbacksUnreachable   ended after three unanswered days
 *
 * Figures:
 *   responseRate             responded / total
 *   resolutionRate.confirmed confirmed / total
 *   resolutionRate.markedResolved (resolved − confirmed) / total: marked resolved but NOT confirmed by the reporter
 *                            (awaiting an answer, or auto-closed unconfirmed); the two parts are disjoint and add up
 *                            to resolved / total
 *   satisfactionRate         satisfied / rated
 *   onTimeRate               resolvedOnTime / (resolvedOnTime + resolvedLate + openOverdue): among tickets whose
 *                            punctuality is already decided, the share resolved by the deadline; an open ticket past
 *                            its deadline is late already, an open ticket not yet due is undecided and left out
 *   closedInGridShare        closedInGrid / closed
 *   overdue                  overdue (open tickets past a deadline, as a count)
 *   repeatComplaints         repeat
 *   callback.satisfactionRate  callbacksSatisfied / callbacksReached (beside satisfactionRate, the self-rating)
 *   callback.notFixedShare     callbacksNotFixed / callbacksReached
 *   callback.completionRate    callbacksReached / callbacks
 *   callback.unreachable       callbacksUnreachable
 * Grid and week are the ticket's, as for every other figure: a callback counts where its ticket was reported.
 * The words the page and the export show for each figure (its numerator and denominator) are in
 * types/dashboardLabels.ts: a change of definition here is a change of wording there.
 */
export const MEASURES = [
  'total',
  'open',
  'responded',
  'respondedOnTime',
  'resolved',
  'confirmed',
  'unconfirmedClosed',
  'closed',
  'closedInGrid',
  'rated',
  'satisfied',
  'resolvedOnTime',
  'resolvedLate',
  'openOverdue',
  'overdue',
  'repeat',
  'callbacks',
  'callbacksReached',
  'callbacksSatisfied',
  'callbacksNotFixed',
  'callbacksUnreachable',
] as const
export type Measure = (typeof MEASURES)[number]
export type Counts = Record<Measure, number>

export type Scope = `community:${string}` | `street:${string}`

export interface Delta {
  scope: Scope
  /** `all`, `grid:<id>`, `building:<id>`, `category:<key>`, `week:<YYYY-Www>`, `buildingCategory:<buildingId>/<key>` */
  key: string
  inc: Partial<Counts>
}

export const zeroCounts = (): Counts => Object.fromEntries(MEASURES.map((m) => [m, 0])) as Counts

const ms = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : NaN)

/**
 * Every field of a ticket the measures and cells read. A recount reads only these (a few dozen bytes instead of the
 * whole ticket and its timeline); typing measuresOf and cellsOf by them makes the compiler catch a measure that starts
 * reading a field the recount would not fetch.
 */
export const COUNTED_FIELDS = [
  'communityId',
  'streetId',
  'gridId',
  'buildingId',
  'category',
  'createdAt',
  'state',
  'maxLevel',
  'respondBy',
  'resolveBy',
  'respondedAt',
  'resolvedAt',
  'overdueRespond',
  'overdueResolve',
  'confirmation',
  'rating',
  'reopenCount',
  'callbacks',
] as const satisfies readonly (keyof TicketDoc)[]
export type CountedTicket = Pick<TicketDoc, (typeof COUNTED_FIELDS)[number]>

/** The 0/1 measures of one ticket document (all zero for a ticket that does not count). */
export function measuresOf(t: CountedTicket): Counts {
  const c = zeroCounts()
  if (t.state === 'withdrawn' || t.state === 'merged') return c
  const unresolved = t.state === 'submitted' || t.state === 'assigned' || t.state === 'accepted'
  const resolved = t.state === 'resolved' || t.state === 'closed'
  const closed = t.state === 'closed'
  c.total = 1
  c.open = closed ? 0 : 1
  if (t.respondedAt) {
    c.responded = 1
    if (ms(t.respondedAt) <= ms(t.respondBy)) c.respondedOnTime = 1
  }
  if (resolved) {
    c.resolved = 1
    // a resolved ticket without resolvedAt cannot have been on time
    if (t.resolvedAt && ms(t.resolvedAt) <= ms(t.resolveBy)) c.resolvedOnTime = 1
    else c.resolvedLate = 1
  }
  if (closed) {
    c.closed = 1
    if (t.confirmation === 'confirmed') c.confirmed = 1
    if (t.confirmation === 'unconfirmed') c.unconfirmedClosed = 1
    if (t.maxLevel === 'grid') c.closedInGrid = 1
  }
  if (t.rating) {
    c.rated = 1
    if (t.rating.score >= 4) c.satisfied = 1
  }
  if (unresolved && t.overdueResolve) c.openOverdue = 1
  if (!closed && (t.overdueResolve || (unresolved && t.overdueRespond))) c.overdue = 1
  if ((t.reopenCount ?? 0) >= 1) c.repeat = 1
  for (const cb of t.callbacks ?? []) {
    c.callbacks += 1
    if (cb.status === 'unreachable') c.callbacksUnreachable += 1
    if (cb.status === 'done' && cb.result) {
      c.callbacksReached += 1
      if (cb.result.satisfaction >= 4) c.callbacksSatisfied += 1
      if (!cb.result.fixed) c.callbacksNotFixed += 1
    }
  }
  return c
}

/**
 * ISO-8601 week (`2026-W47`) of an instant, on the Asia/Shanghai calendar (UTC+8, no daylight saving). Taken from
 * the calendar date, not the zoned time: dayjs counts a zoned time's week from 1 January in the process's own zone.
 */
export const isoWeek = (iso: string | Date): string => calendar(shanghaiDay(iso)).format('GGGG-[W]WW')

/** Monday of an ISO week, as a calendar date (4 January is always in week 1). */
function mondayOf(week: string): Dayjs {
  const m = /^(\d{4})-W(\d{2})$/.exec(week)
  if (!m) throw new Error(`not an ISO week: ${week}`)
  return calendar(`${m[1]}-01-04`).isoWeek(Number(m[2])).isoWeekday(1)
}

/** '11月16日–22日' for 2026-W47; '11月30日–12月6日' across months; the year is prefixed across years. */
export function weekLabel(week: string): string {
  const mon = mondayOf(week)
  const sun = mon.add(6, 'day')
  if (mon.year() !== sun.year()) return `${mon.format('YYYY年M月D日')}–${sun.format('YYYY年M月D日')}`
  return `${mon.format('M月D日')}–${sun.format(mon.month() === sun.month() ? 'D日' : 'M月D日')}`
}

/** The cells a ticket counts in: both scopes × every dimension. */
export function cellsOf(t: CountedTicket): { scope: Scope; key: string }[] {
  const keys = [
    'all',
    `grid:${t.gridId ?? 'none'}`,
    `building:${t.buildingId}`,
    `category:${t.category}`,
    `week:${isoWeek(t.createdAt)}`,
    `buildingCategory:${t.buildingId}/${t.category}`,
  ]
  const scopes: Scope[] = [`community:${t.communityId}`, `street:${t.streetId}`]
  return scopes.flatMap((scope) => keys.map((key) => ({ scope, key })))
}

export const cellId = (scope: string, key: string) => `${scope}|${key}`

/**
 * The increments that move the counters from `before` to `after` (null before: a new ticket). Only non-zero
 * increments are returned; a transition that changes no measure returns []. A ticket whose cells change (moved to
 * another grid) is subtracted from the old cells and added to the new ones.
 */
export function counterDeltas<T extends CountedTicket>(before: T | null, after: T): Delta[] {
  const acc = new Map<string, Delta>()
  const apply = (t: CountedTicket, sign: 1 | -1) => {
    const m = measuresOf(t)
    for (const cell of cellsOf(t)) {
      const id = cellId(cell.scope, cell.key)
      let d = acc.get(id)
      if (!d) acc.set(id, (d = { scope: cell.scope, key: cell.key, inc: {} }))
      for (const k of MEASURES) if (m[k]) d.inc[k] = (d.inc[k] ?? 0) + sign * m[k]
    }
  }
  if (before) apply(before, -1)
  apply(after, 1)
  const out: Delta[] = []
  for (const d of acc.values()) {
    for (const k of Object.keys(d.inc) as Measure[]) if (d.inc[k] === 0) delete d.inc[k]
    if (Object.keys(d.inc).length) out.push(d)
  }
  return out
}

export const rate = (numerator: number, denominator: number): RateFigure => ({
  numerator,
  denominator,
  rate: denominator > 0 ? numerator / denominator : null,
})

/** The dashboard figures of one cell's counts (see the header for each definition). */
export function figuresOf(c: Partial<Counts>): DashboardFigures {
  const n = (k: Measure) => Number(c[k] ?? 0)
  return {
    total: n('total'),
    open: n('open'),
    overdue: n('overdue'),
    responseRate: rate(n('responded'), n('total')),
    resolutionRate: {
      confirmed: rate(n('confirmed'), n('total')),
      markedResolved: rate(n('resolved') - n('confirmed'), n('total')),
    },
    satisfactionRate: rate(n('satisfied'), n('rated')),
    onTimeRate: rate(n('resolvedOnTime'), n('resolvedOnTime') + n('resolvedLate') + n('openOverdue')),
    closedInGridShare: rate(n('closedInGrid'), n('closed')),
    repeatComplaints: n('repeat'),
    callback: {
      satisfactionRate: rate(n('callbacksSatisfied'), n('callbacksReached')),
      notFixedShare: rate(n('callbacksNotFixed'), n('callbacksReached')),
      completionRate: rate(n('callbacksReached'), n('callbacks')),
      unreachable: n('callbacksUnreachable'),
    },
  }
}

/** Adds a delta's increments into a counts map keyed by cell id (used by tests and by the in-memory bench load). */
export function applyDeltas(cells: Map<string, Counts>, deltas: Delta[]): void {
  for (const d of deltas) {
    const id = cellId(d.scope, d.key)
    let c = cells.get(id)
    if (!c) cells.set(id, (c = zeroCounts()))
    for (const [k, v] of Object.entries(d.inc) as [Measure, number][]) c[k] += v
  }
}

// Recount ---------------------------------------------------------------------------------------------------------

/** One counter cell: where it is and what it counts. */
export interface Cell {
  scope: Scope
  key: string
  counts: Counts
}

/**
 * Adds tickets into the cells they count in, as the transitions' deltas would have (a ticket that does not count is
 * in no cell), keeping only the cells of `scopes`: a community's tickets alone say nothing about its street's cells.
 * Fed a page at a time, so a recount never holds a whole street's tickets.
 */
export function countTickets(cells: Map<string, Cell>, tickets: Iterable<CountedTicket>, scopes: ReadonlySet<Scope>): void {
  for (const t of tickets) {
    const m = measuresOf(t)
    if (!m.total) continue
    for (const { scope, key } of cellsOf(t)) {
      if (!scopes.has(scope)) continue
      const id = cellId(scope, key)
      let cell = cells.get(id)
      if (!cell) cells.set(id, (cell = { scope, key, counts: zeroCounts() }))
      for (const k of MEASURES) cell.counts[k] += m[k]
    }
  }
}

/** A counter document as stored: its cell and whatever measures it holds (a missing measure is 0). */
export interface StoredCell extends Partial<Counts> {
  scope: Scope
  key: string
}

/** One number that drifted: the cell and measure, what the counter holds and what the tickets say. */
export interface Drift {
  scope: Scope
  key: string
  measure: Measure
  stored: number
  recounted: number
}

/**
 * Where stored counters differ from a recount, and the increments (recounted − stored) that bring them level. A
 * stored cell the recount does not know (every ticket left it, or it was never right) is brought to zero; a cell
 * missing from the store gets its recounted values. Increments, not values: applied with `_.inc`, a transition that
 * lands between this comparison and the repair still adds up.
 */
export function counterDrift(recounted: ReadonlyMap<string, Cell>, stored: readonly StoredCell[]): { drifts: Drift[]; deltas: Delta[] } {
  const cells = new Map<string, { scope: Scope; key: string; stored: Partial<Counts>; recounted: Counts }>()
  for (const s of stored) cells.set(cellId(s.scope, s.key), { scope: s.scope, key: s.key, stored: s, recounted: zeroCounts() })
  for (const [id, c] of recounted) {
    const cell = cells.get(id)
    if (cell) cell.recounted = c.counts
    else cells.set(id, { scope: c.scope, key: c.key, stored: {}, recounted: c.counts })
  }
  const drifts: Drift[] = []
  const deltas: Delta[] = []
  const ids = [...cells.keys()].sort()
  for (const id of ids) {
    const c = cells.get(id)!
    const inc: Partial<Counts> = {}
    for (const measure of MEASURES) {
      const stored = Number(c.stored[measure] ?? 0)
      const recounted = c.recounted[measure]
      if (stored === recounted) continue
      drifts.push({ scope: c.scope, key: c.key, measure, stored, recounted })
      inc[measure] = recounted - stored
    }
    if (Object.keys(inc).length) deltas.push({ scope: c.scope, key: c.key, inc })
  }
  return { drifts, deltas }
}
