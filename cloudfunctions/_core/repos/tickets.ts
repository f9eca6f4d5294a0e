import { createHash } from 'crypto'
import type { Paged, TicketDoc, TicketState } from '../../../types'
import { OPEN_STATES, UNACCEPTED_STATES } from '../domain/ticketRules'
import {
  MAX_PAGE,
  addOnce,
  collection,
  command,
  defined,
  findAll,
  findFirst,
  findPage,
  getById,
  keysetPages,
  runTransaction,
  saveIfVersion,
  txGet,
  txPut,
} from './base'
import { recordTransition } from './counters'

/** The only code that builds ticket queries. */

/** A retried submit computes the same id, so its `add` collides instead of making a second ticket. */
export const ticketIdFor = (openid: string, requestId: string): string => createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 32)

export const findTicket = (id: string) => getById<TicketDoc>('tickets', id)

/** Inserts a new ticket; when its id exists (a retry), answers the stored one instead. */
export async function insertTicket(doc: TicketDoc): Promise<{ ticket: TicketDoc; created: boolean }> {
  const { doc: ticket, created } = await addOnce('tickets', doc)
  if (created) await recordTransition(null, ticket)
  return { ticket, created }
}

/** Writes `next` only if the stored ticket is still `before` (same version); the caller re-decides when it is not. */
export async function saveTicket(before: TicketDoc, next: TicketDoc): Promise<boolean> {
  if (!(await saveIfVersion('tickets', before, next))) return false
  await recordTransition(before, next)
  return true
}

/**
 * Two tickets changed together (merge: the duplicate and its target) in one transaction, each decided on the
 * copy read inside it, so neither can land without the other.
 */
export async function saveTwo(
  ids: [string, string],
  change: (a: TicketDoc | null, b: TicketDoc | null) => [TicketDoc, TicketDoc],
): Promise<{ before: [TicketDoc, TicketDoc]; after: [TicketDoc, TicketDoc] }> {
  const out = await runTransaction(async (tx) => {
    const a = await txGet<TicketDoc>(tx, 'tickets', ids[0])
    const b = await txGet<TicketDoc>(tx, 'tickets', ids[1])
    const [na, nb] = change(a, b)
    await txPut(tx, 'tickets', na)
    await txPut(tx, 'tickets', nb)
    return { before: [a, b] as [TicketDoc, TicketDoc], after: [na, nb] as [TicketDoc, TicketDoc] }
  })
  await recordTransition(out.before[0], out.after[0])
  await recordTransition(out.before[1], out.after[1])
  return out
}

/** Open tickets each person has on their desk, for routing. */
export async function openCountsOf(openids: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const o of new Set(openids)) {
    const res = await collection('tickets')
      .where({ assigneeOpenid: o, state: command().in([...OPEN_STATES]) })
      .count()
    out[o] = res.total ?? 0
  }
  return out
}

/** How many open tickets `similar` offers to join. */
export const SIMILAR_MAX = 50

/**
 * Open tickets of a category a reporter may join instead of filing again: the stairwell's own, then the rest of the
 * building, the newest SIMILAR_MAX of each. A prompt, not a register — it shows no total and the newest are the ones
 * worth joining — so the limit is the list's intent, not a ceiling it runs into.
 */
export async function openNear(unitId: string, buildingId: string, category: string): Promise<TicketDoc[]> {
  const state = command().in([...OPEN_STATES])
  const newest = (where: Record<string, unknown>) => findFirst<TicketDoc>('tickets', where, [{ field: 'createdAt', order: 'desc' }], SIMILAR_MAX)
  const [unit, building] = await Promise.all([newest({ ...defined({ unitId, category }), state }), newest({ ...defined({ buildingId, category }), state })])
  const seen = new Set(unit.map((t) => t._id))
  return [...unit, ...building.filter((t) => !seen.has(t._id))]
}

const STATUS: Record<'open' | 'done', readonly TicketState[]> = { open: [...OPEN_STATES, 'resolved'], done: ['closed', 'withdrawn', 'merged'] }

/** Tickets a person reported or follows. */
export const followedPage = (openid: string, status: 'open' | 'done' | 'all', paging: { page: number; pageSize: number }) =>
  findPage<TicketDoc>(
    'tickets',
    { ...defined({ followers: openid }), ...(status === 'all' ? {} : { state: command().in([...STATUS[status]]) }) },
    [{ field: 'createdAt', order: 'desc' }],
    paging,
  )

/** Overdue by the clock: unanswered past respondBy, or open past resolveBy (ISO strings in UTC compare as times). */
const overdueCond = (now: string) => {
  const _ = command()
  return _.or([
    { state: _.in([...UNACCEPTED_STATES]), respondBy: _.lt(now) },
    { state: _.in([...OPEN_STATES]), resolveBy: _.lt(now) },
  ])
}

export interface ListFilter {
  communityId: string
  /** a grid leader sees only the grids they serve */
  gridIds?: string[]
  state?: TicketState
  gridId?: string
  buildingId?: string
  category?: string
  overdue?: boolean
}

export async function listPage(f: ListFilter, now: string, paging: { page: number; pageSize: number }): Promise<Paged<TicketDoc>> {
  const _ = command()
  const where: Record<string, unknown> = defined({ communityId: f.communityId })
  if (f.gridId && f.gridIds && !f.gridIds.includes(f.gridId)) return { items: [], ...paging, total: 0 }
  if (f.gridId) where.gridId = f.gridId
  else if (f.gridIds) where.gridId = _.in(f.gridIds)
  if (f.buildingId) where.buildingId = f.buildingId
  if (f.category) where.category = f.category
  if (f.state) where.state = f.state
  // overdue tickets are open ones: said outright, reads and counts of the overdue walk the community's few open
  // tickets (index community_state_created_id_filters, which also holds the other filters' fields and the deadlines)
  // instead of testing every ticket. The where object goes in whole; findPage's undefined guard reads plain filters,
  // not a command tree
  const overdue = _.and([f.state ? where : { ...where, state: _.in([...OPEN_STATES]) }, overdueCond(now)])
  const filter = f.overdue === undefined ? where : f.overdue ? overdue : _.and([where, _.nor([overdueCond(now)])])
  const count = async (w: object) => (await collection('tickets').where(w).count()).total ?? 0
  const [rows, total] = await Promise.all([
    // ties (one import, one instant) by id, so a ticket is on exactly one page however the pages are read
    collection('tickets')
      .where(filter as object)
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .skip((paging.page - 1) * paging.pageSize)
      .limit(paging.pageSize)
      .get(),
    // "not overdue" is most of the community: counted as all minus the overdue, two counts an index answers, rather
    // than by testing every ticket
    f.overdue === false ? Promise.all([count(where), count(overdue)]).then(([all, late]) => all - late) : count(filter),
  ])
  return { items: (rows.data ?? []) as TicketDoc[], ...paging, total }
}

/** What ordering the inbox needs of each open ticket: a few dozen bytes instead of the whole ticket and its timeline. */
type InboxKey = Pick<TicketDoc, '_id' | 'state' | 'respondBy' | 'resolveBy'>
const INBOX_KEY_FIELDS = { _id: true, state: true, respondBy: true, resolveBy: true }
type Deadline = 'respondBy' | 'resolveBy'

/** One sorted read of the inbox: the tickets `where` selects, by `by` then `_id`, and how many there are. */
interface Run {
  where: Record<string, unknown>
  by: Deadline
  count: number
}
/** Runs that follow one another in the stream's order (each run's deadlines all before the next run's). */
type Stream = Run[]

const streamSize = (s: Stream) => s.reduce((n, r) => n + r.count, 0)

/** Keys `[skip, skip + limit)` of a run, in the database's order, a CloudBase page at a time. */
async function readRun(run: Run, skip: number, limit: number): Promise<InboxKey[]> {
  const out: InboxKey[] = []
  while (out.length < limit) {
    const want = Math.min(MAX_PAGE, limit - out.length)
    const res = await collection('tickets')
      .where(run.where)
      .orderBy(run.by, 'asc')
      .orderBy('_id', 'asc')
      .field(INBOX_KEY_FIELDS)
      .skip(skip + out.length)
      .limit(want)
      .get()
    const rows = (res.data ?? []) as InboxKey[]
    out.push(...rows)
    if (rows.length < want) break
  }
  return out
}

/** Keys `[skip, skip + limit)` of a stream: the runs' counts say which runs the window falls in. */
async function readStream(stream: Stream, skip: number, limit: number): Promise<InboxKey[]> {
  const reads: Promise<InboxKey[]>[] = []
  let from = 0
  for (const run of stream) {
    const lo = Math.max(skip, from)
    const hi = Math.min(skip + limit, from + run.count)
    if (lo < hi) reads.push(readRun(run, lo - from, hi - lo))
    from += run.count
  }
  return (await Promise.all(reads)).flat()
}

/**
 * Keys `[lo, hi)` of a group whose streams are ordered by different deadlines (or come from different scopes):
 * one stream is read at the window itself; several are merged, each read from its start to at most `hi`, so the cost
 * follows the page asked for, never the number of open tickets.
 */
async function readGroup(streams: Stream[], lo: number, hi: number): Promise<InboxKey[]> {
  const live = streams.filter((s) => streamSize(s) > 0)
  if (live.length === 0 || lo >= hi) return []
  if (live.length === 1) return readStream(live[0], lo, hi - lo)
  const heads = await Promise.all(live.map(async (s) => (await readStream(s, 0, Math.min(hi, streamSize(s)))).map((k) => ({ k, due: k[s[0].by] }))))
  // plain comparison, as the database orders strings (ISO times, hex ids)
  const merged = heads.flat().sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.k._id < b.k._id ? -1 : a.k._id > b.k._id ? 1 : 0))
  return merged.slice(lo, hi).map((x) => x.k)
}

/**
 * The inbox in three groups, in this order: overdue, new (not yet accepted), in progress — each by the deadline
 * that applies (`isOverdue`, `dueAt`), ties by id. Every group is a few indexed, sorted reads per scope whose sizes
 * come from `count()`, so totals and group counts are exact at any number of open tickets, and a page reads at most
 * `page × pageSize` keys per read:
 *   overdue      unaccepted past respondBy, then unaccepted still within respondBy but past resolveBy (an
 *                escalation restarts respondBy, not resolveBy), both by respondBy; merged with accepted past
 *                resolveBy, by resolveBy
 *   new          unaccepted within both deadlines, by respondBy
 *   in progress  accepted within resolveBy, by resolveBy
 * Then the page's tickets whole, by id.
 */
export async function inboxPage(
  scope: { gridIds: string[]; communityLevelOf: string | null },
  now: string,
  paging: { page: number; pageSize: number },
): Promise<Paged<TicketDoc> & { counts: { overdue: number; new: number; inProgress: number } }> {
  const _ = command()
  const unaccepted = _.in([...UNACCEPTED_STATES])
  const accepted = _.in(OPEN_STATES.filter((s) => !UNACCEPTED_STATES.includes(s)))
  const scopes: Record<string, unknown>[] = []
  if (scope.gridIds.length) scopes.push({ gridId: _.in(scope.gridIds), level: 'grid' })
  if (scope.communityLevelOf) scopes.push({ ...defined({ communityId: scope.communityLevelOf }), level: 'community' })

  // every condition a plain top-level conjunct, so the index (scope, level, state, deadline) serves it
  const run = async (where: Record<string, unknown>, by: Deadline): Promise<Run> => ({
    where,
    by,
    count: (await collection('tickets').where(where).count()).total ?? 0,
  })
  const perScope = await Promise.all(
    scopes.map(async (s) => {
      const [lateToRespond, lateOnlyToResolve, lateWorking, fresh, working] = await Promise.all([
        run({ ...s, state: unaccepted, respondBy: _.lt(now) }, 'respondBy'),
        run({ ...s, state: unaccepted, respondBy: _.gte(now), resolveBy: _.lt(now) }, 'respondBy'),
        run({ ...s, state: accepted, resolveBy: _.lt(now) }, 'resolveBy'),
        run({ ...s, state: unaccepted, respondBy: _.gte(now), resolveBy: _.gte(now) }, 'respondBy'),
        run({ ...s, state: accepted, resolveBy: _.gte(now) }, 'resolveBy'),
      ])
      return { overdue: [[lateToRespond, lateOnlyToResolve], [lateWorking]], fresh: [[fresh]], working: [[working]] }
    }),
  )
  const groups: Stream[][] = [perScope.flatMap((p) => p.overdue), perScope.flatMap((p) => p.fresh), perScope.flatMap((p) => p.working)]
  const sizes = groups.map((g) => g.reduce((n, s) => n + streamSize(s), 0))

  const from = (paging.page - 1) * paging.pageSize
  const to = from + paging.pageSize
  const reads: Promise<InboxKey[]>[] = []
  let start = 0
  groups.forEach((g, i) => {
    reads.push(readGroup(g, Math.max(0, from - start), Math.min(sizes[i], to - start)))
    start += sizes[i]
  })
  const pageIds = (await Promise.all(reads)).flat().map((k) => k._id)
  const whole = pageIds.length
    ? ((
        await collection('tickets')
          .where({ _id: _.in(pageIds) })
          .limit(pageIds.length)
          .get()
      ).data as TicketDoc[])
    : []
  const byId = new Map(whole.map((t) => [t._id, t]))
  return {
    // a ticket closed between the reads drops out of the page rather than showing stale
    items: pageIds.flatMap((id) => {
      const t = byId.get(id)
      return t && OPEN_STATES.includes(t.state) ? [t] : []
    }),
    ...paging,
    total: sizes[0] + sizes[1] + sizes[2],
    counts: { overdue: sizes[0], new: sizes[1], inProgress: sizes[2] },
  }
}

// reply templates ------------------------------------------------------------------------------------------------

export interface ReplyTemplateDoc {
  _id: string
  communityId: string
  category: string
  text: string
  createdBy: string
  createdAt: string
  updatedAt: string
}

/** A community keeps at most this many reply templates: a picker, not an archive. */
export const TEMPLATES_MAX = 100

/**
 * saveTemplate counts before each insert and refuses at TEMPLATES_MAX, so only saves racing at the same instant can
 * pass it, one each — a community's few handlers never make up the margin to 500.
 */
export const templatesOf = (communityId: string, category?: string) =>
  findAll<ReplyTemplateDoc>('replyTemplates', { ...defined({ communityId }), ...(category ? { category } : {}) }, [{ field: 'createdAt', order: 'asc' }], 500)
export const templateCount = async (communityId: string): Promise<number> =>
  (await collection('replyTemplates').where(defined({ communityId })).count()).total ?? 0
export const findTemplate = (id: string) => getById<ReplyTemplateDoc>('replyTemplates', id)
export const insertTemplate = (doc: ReplyTemplateDoc) => collection('replyTemplates').add(doc)
export const updateTemplate = (id: string, fields: Pick<ReplyTemplateDoc, 'category' | 'text' | 'updatedAt'>) =>
  collection('replyTemplates').doc(id).update(fields)

// retention -------------------------------------------------------------------------------------------------------

const FINAL: TicketState[] = ['closed', 'withdrawn', 'merged']

/** Tickets that ended before `before` and still hold (or were never checked for) photos, oldest first: a batch. */
export const endedWithPhotosBefore = (before: string, n: number) =>
  findFirst<TicketDoc>(
    'tickets',
    { photosPurgedAt: null, closedAt: command().lt(before), state: command().in(FINAL) },
    [{ field: 'closedAt', order: 'asc' }],
    n,
  )

// The timer's deadlines ---------------------------------------------------------------------------------------------

/**
 * Tickets whose deadline passed before `before`, for the sweeper:
 *   respond    not accepted in time (`state` one of the unaccepted states), still to be flagged or still below the
 *              street (a street-level flagged ticket has nothing left to do)
 *   resolve    not resolved in time (`state` open), still to be flagged
 *   autoClose  resolved and left unanswered by the reporter since before `before`
 */
export type SweepDeadline = { kind: 'respond' | 'resolve'; state: TicketState; before: string } | { kind: 'autoClose'; before: string }

const DEADLINE_PAGE = 500

/**
 * The tickets of one deadline, oldest first, a page at a time; a ticket already in `seen` is skipped and each one
 * yielded is added to it. Each deadline field has an index led by `state` (indexes.json: state_respondBy,
 * state_overdueResolve_resolveBy, state_resolvedAt), and every condition the index serves is a plain top-level
 * conjunct (equality on `state`, range on the field) so the local database pushes it down to SQLite, as CloudBase
 * uses the index. Keyset paging on (field, _id) keeps each page cheap however many tickets were already handled, and
 * moves on even when more than a page share one deadline (a bulk import).
 */
export async function* pastDeadline(d: SweepDeadline, seen: Set<string>): AsyncGenerator<TicketDoc[]> {
  const _ = command()
  const field = d.kind === 'respond' ? 'respondBy' : d.kind === 'resolve' ? 'resolveBy' : 'resolvedAt'
  const state = d.kind === 'autoClose' ? 'resolved' : d.state
  // extra, non-indexed conditions, checked after the index has narrowed the rows
  const extra = d.kind === 'respond' ? _.or([{ overdueRespond: false }, { level: _.neq('street') }]) : d.kind === 'resolve' ? { overdueResolve: false } : null
  let after: { value: string; id: string } | null = null
  for (;;) {
    // top-level conjuncts only (a field-level `.and()` would not be pushed down)
    const conds: object[] = [{ state, [field]: _.lt(d.before) }]
    if (after !== null) conds.push({ [field]: _.gte(after.value) }, _.or([{ [field]: _.gt(after.value) }, { _id: _.gt(after.id) }]))
    if (extra) conds.push(extra)
    const res = await collection('tickets')
      .where(conds.length === 1 ? conds[0] : _.and(conds))
      .orderBy(field, 'asc')
      .orderBy('_id', 'asc')
      .limit(DEADLINE_PAGE)
      .get()
    const rows = (res.data ?? []) as TicketDoc[]
    const fresh = rows.filter((t) => !seen.has(t._id))
    fresh.forEach((t) => seen.add(t._id))
    if (fresh.length) yield fresh
    if (rows.length < DEADLINE_PAGE) return
    const last = rows[rows.length - 1]
    after = { value: String(last[field]), id: last._id }
  }
}

/** Every ticket of a community, a page at a time, only the given fields (see `keysetPages`). */
export const ticketPagesOf = <T extends Pick<TicketDoc, '_id'>>(communityId: string, fields: Record<string, true>) =>
  keysetPages<T>('tickets', { communityId }, fields)
