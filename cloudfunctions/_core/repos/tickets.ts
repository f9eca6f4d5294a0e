import { createHash } from 'crypto'
import type { Paged, TicketDoc, TicketState, UserDoc } from '../../../types'
import type { TicketEffect } from '../domain/ticket'
import { OPEN_STATES, UNACCEPTED_STATES, isOverdue } from '../domain/ticketRules'
import { newId } from '../ids'
import { deliver } from '../notify'
import { addOnce, collection, command, defined, findAll, findPage, getById, runTransaction, saveIfVersion, txGet, txPut } from './base'
import { recordTransition } from './counters'

/** The only code that builds ticket queries. */

/** A retried submit computes the same id, so its `add` collides instead of making a second ticket. */
export const ticketIdFor = (openid: string, requestId: string): string =>
  createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 32)

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

/** The outbox: one record per notification, delivered later (subscribeMessage) and shown on the dev page. */
export async function addNotifications(effects: TicketEffect[], ticket: Pick<TicketDoc, 'communityId' | 'categoryLabel' | 'placeLabel'>, at: string): Promise<void> {
  for (const e of effects) {
    const entry = {
      _id: newId(),
      to: e.to,
      kind: e.kind,
      ticketId: e.ticketId,
      communityId: ticket.communityId,
      payload: { state: e.state, category: ticket.categoryLabel, place: ticket.placeLabel },
      createdAt: at,
      sentAt: null as string | null,
      errcode: null as number | null,
    }
    // recorded first, so nothing is lost if sending fails; then sent where a template is configured
    await collection('outbox').add(entry)
    const result = await deliver(entry)
    if (result) await collection('outbox').doc(entry._id).update(result)
  }
}

export const notificationsOf = (ticketId: string) =>
  findAll<{ to: string; kind: string; ticketId: string }>('outbox', defined({ ticketId }), [{ field: 'createdAt', order: 'asc' }])

/** Open tickets each person has on their desk, for routing. */
export async function openCountsOf(openids: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const o of new Set(openids)) {
    const res = await collection('tickets').where({ assigneeOpenid: o, state: command().in([...OPEN_STATES]) }).count()
    out[o] = res.total ?? 0
  }
  return out
}

/** Open tickets of a category in a building (the unit's own first, by the caller). */
export const openInBuilding = (buildingId: string, category: string) =>
  findAll<TicketDoc>('tickets', { ...defined({ buildingId, category }), state: command().in([...OPEN_STATES]) }, [{ field: 'createdAt', order: 'desc' }], 50)

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
  // the where object goes in whole; findPage's undefined guard reads plain filters, not a command tree
  const filter = f.overdue === undefined ? where : _.and([where, f.overdue ? overdueCond(now) : _.nor([overdueCond(now)])])
  const q = collection('tickets').where(filter as object)
  const [rows, count] = await Promise.all([
    q.orderBy('createdAt', 'desc').skip((paging.page - 1) * paging.pageSize).limit(paging.pageSize).get(),
    collection('tickets').where(filter as object).count(),
  ])
  return { items: (rows.data ?? []) as TicketDoc[], ...paging, total: count.total ?? 0 }
}

/** A grid's open tickets are a working set (dozens, a few hundred at the busiest); beyond this the inbox is cut. */
export const INBOX_MAX = 2000

/** What ordering the inbox needs of each open ticket: a few dozen bytes instead of the whole ticket and its timeline. */
type InboxKey = Pick<TicketDoc, '_id' | 'state' | 'respondBy' | 'resolveBy'>
const INBOX_KEY_FIELDS = { _id: true, state: true, respondBy: true, resolveBy: true }

/**
 * The inbox in three groups, in this order: overdue, new (not yet accepted), in progress. One indexed read of the
 * scope's open tickets, only the fields that order them (grid, state and level lead the index, so no document is
 * parsed to filter), grouped and ordered in memory; then the page's tickets whole, by id. A page is cut across the
 * groups, so the order holds on every page, and the cost follows the open tickets of the grid, not all tickets.
 */
export async function inboxPage(
  scope: { gridIds: string[]; communityLevelOf: string | null },
  now: string,
  paging: { page: number; pageSize: number },
): Promise<Paged<TicketDoc> & { counts: { overdue: number; new: number; inProgress: number } }> {
  const _ = command()
  const open = _.in([...OPEN_STATES])
  const keysOf = (filter: Record<string, unknown>) => findAll<InboxKey>('tickets', filter, [], INBOX_MAX, INBOX_KEY_FIELDS)
  const reads: Promise<InboxKey[]>[] = []
  if (scope.gridIds.length) reads.push(keysOf({ gridId: _.in(scope.gridIds), state: open, level: 'grid' }))
  if (scope.communityLevelOf) reads.push(keysOf({ ...defined({ communityId: scope.communityLevelOf }), state: open, level: 'community' }))
  const keys = (await Promise.all(reads)).flat()
  const at = new Date(now)
  const overdue = keys.filter((t) => isOverdue(t, at)).sort((a, b) => dueOf(a).localeCompare(dueOf(b)))
  const fresh = keys.filter((t) => !isOverdue(t, at) && UNACCEPTED_STATES.includes(t.state)).sort((a, b) => a.respondBy.localeCompare(b.respondBy))
  const working = keys.filter((t) => !isOverdue(t, at) && t.state === 'accepted').sort((a, b) => a.resolveBy.localeCompare(b.resolveBy))
  const ordered = [...overdue, ...fresh, ...working]
  const from = (paging.page - 1) * paging.pageSize
  const pageIds = ordered.slice(from, from + paging.pageSize).map((t) => t._id)
  const whole = pageIds.length ? ((await collection('tickets').where({ _id: _.in(pageIds) }).limit(pageIds.length).get()).data as TicketDoc[]) : []
  const byId = new Map(whole.map((t) => [t._id, t]))
  return {
    // a ticket closed between the two reads drops out of the page rather than showing stale
    items: pageIds.flatMap((id) => {
      const t = byId.get(id)
      return t && OPEN_STATES.includes(t.state) ? [t] : []
    }),
    ...paging,
    total: ordered.length,
    counts: { overdue: overdue.length, new: fresh.length, inProgress: working.length },
  }
}

/** The deadline an overdue ticket missed first: to respond while unaccepted, else to resolve. */
const dueOf = (t: InboxKey) => (UNACCEPTED_STATES.includes(t.state) ? t.respondBy : t.resolveBy)

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

export const templatesOf = (communityId: string, category?: string) =>
  findAll<ReplyTemplateDoc>('replyTemplates', { ...defined({ communityId }), ...(category ? { category } : {}) }, [{ field: 'createdAt', order: 'asc' }], 500)
export const findTemplate = (id: string) => getById<ReplyTemplateDoc>('replyTemplates', id)
export const insertTemplate = (doc: ReplyTemplateDoc) => collection('replyTemplates').add(doc)
export const updateTemplate = (id: string, fields: Pick<ReplyTemplateDoc, 'category' | 'text' | 'updatedAt'>) =>
  collection('replyTemplates').doc(id).update(fields)

/** Street staff of a street: who may be given a ticket escalated to the street. */
export const streetStaffOf = (streetId: string) =>
  findAll<UserDoc>('users', { ...defined({ 'roles.streetId': streetId }), 'roles.role': 'street_staff' }, [], 500).then((us) =>
    us.filter((u) => u.roles.some((g) => g.role === 'street_staff' && g.streetId === streetId)),
  )
