import type { CommunityDoc, TicketDoc, TicketState } from '../../types'
import { OPEN_STATES, UNACCEPTED_STATES, ticketSettings, type TicketSettings } from '../_core/domain/ticket'
import { collection, command, findAll } from '../_core/repos/base'
import { addNotifications, findTicket, saveTicket } from '../_core/repos/tickets'
import { planSweep, type TimerEvent } from './plan'

const PAGE = 500
const DAY = 86_400_000

export interface SweepReport {
  /** tickets read by the deadline queries */
  scanned: number
  /** tickets written (one save each, whatever number of events applied) */
  changed: number
  events: Record<TimerEvent, number>
  /** saves lost to a concurrent write twice in a row: left for the next run */
  skipped: number
  /** the run stopped at its ticket or time budget; the next run continues */
  truncated?: boolean
}

interface Candidates {
  /** a deadline field with an index led by `state` (indexes.json: state_respondBy, state_overdueResolve_resolveBy, state_resolvedAt) */
  field: 'respondBy' | 'resolveBy' | 'resolvedAt'
  state: TicketState
  /** only tickets whose field is before this instant */
  before: string
  /** extra, non-indexed conditions (a query object or command), checked after the index has narrowed the rows */
  extra?: object
}

/**
 * Tickets of one state whose deadline field has passed, oldest first, a page at a time. Every condition the index
 * serves is a plain top-level conjunct (equality on `state`, range on the field) so the local database pushes it
 * down to SQLite, as CloudBase uses the index. Keyset paging on (field, _id) keeps each page cheap however many
 * tickets were already handled, and moves on even when more than a page share one deadline (a bulk import).
 */
async function* candidates(c: Candidates, seen: Set<string>): AsyncGenerator<TicketDoc[]> {
  const _ = command()
  let after: { value: string; id: string } | null = null
  for (;;) {
    // top-level conjuncts only (a field-level `.and()` would not be pushed down)
    const conds: object[] = [{ state: c.state, [c.field]: _.lt(c.before) }]
    if (after !== null) conds.push({ [c.field]: _.gte(after.value) }, _.or([{ [c.field]: _.gt(after.value) }, { _id: _.gt(after.id) }]))
    if (c.extra) conds.push(c.extra)
    const res = await collection('tickets')
      .where(conds.length === 1 ? conds[0] : _.and(conds))
      .orderBy(c.field, 'asc')
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get()
    const rows = (res.data ?? []) as TicketDoc[]
    const fresh = rows.filter((t) => !seen.has(t._id))
    fresh.forEach((t) => seen.add(t._id))
    if (fresh.length) yield fresh
    if (rows.length < PAGE) return
    const last = rows[rows.length - 1]
    after = { value: String(last[c.field]), id: last._id }
  }
}

/**
 * One sweep at `now`: marks overdue tickets, escalates tickets nobody accepted in time one level up, closes resolved
 * tickets the reporter left unanswered for the community's `autoCloseDays` as "unconfirmed". Each ticket is planned
 * with the workflow's `decide` (as the system), saved with the ticket repo's conditional save (so the dashboard
 * counters move with it), and its notifications go to the outbox. Idempotent: a second sweep at the same time finds
 * nothing the workflow still allows.
 */
export async function sweep(now: Date, opts: { maxTickets?: number; budgetMs?: number } = {}): Promise<SweepReport> {
  // a run stays well inside the function's 60 s timeout; whatever is left waits 5 minutes for the next run
  const max = opts.maxTickets ?? 2000
  const deadline = Date.now() + (opts.budgetMs ?? 40_000)
  const at = now.toISOString()
  const report: SweepReport = { scanned: 0, changed: 0, events: { markOverdue: 0, autoEscalate: 0, autoClose: 0 }, skipped: 0 }

  // One environment serves one deployment (a street, a district, a city: a few thousand communities at most), so
  // 100 000 is never reached; if it were, the sweep fails loudly rather than skipping communities' settings.
  const communities = await findAll<Pick<CommunityDoc, '_id' | 'settings'>>('communities', {}, [], 100_000, { _id: true, settings: true })
  const settingsOf = new Map<string, TicketSettings>(communities.map((c) => [c._id, ticketSettings(c.settings)]))
  const defaults = ticketSettings(null)
  const settings = (t: TicketDoc) => settingsOf.get(t.communityId) ?? defaults
  // resolved tickets older than the shortest auto-close period are the only ones any community may close now
  const minCloseDays = Math.min(defaults.autoCloseDays, ...[...settingsOf.values()].map((s) => s.autoCloseDays))

  const sources: Candidates[] = [
    // unanswered: still to be flagged, or still below the street (a street-level flagged ticket has nothing left to do)
    ...UNACCEPTED_STATES.map((state) => ({
      field: 'respondBy' as const,
      state,
      before: at,
      extra: command().or([{ overdueRespond: false }, { level: command().neq('street') }]),
    })),
    ...OPEN_STATES.map((state) => ({ field: 'resolveBy' as const, state, before: at, extra: { overdueResolve: false } })),
    { field: 'resolvedAt', state: 'resolved', before: new Date(now.getTime() - minCloseDays * DAY).toISOString() },
  ]

  const seen = new Set<string>()
  for (const source of sources) {
    for await (const page of candidates(source, seen)) {
      for (const ticket of page) {
        if (report.scanned >= max || Date.now() > deadline) return { ...report, truncated: true }
        report.scanned++
        await sweepOne(ticket, now, settings(ticket), report)
      }
    }
  }
  return report
}

async function sweepOne(ticket: TicketDoc, now: Date, settings: TicketSettings, report: SweepReport): Promise<void> {
  let current: TicketDoc | null = ticket
  for (let attempt = 0; attempt < 2 && current; attempt++) {
    const plan = planSweep(current, now, settings)
    if (!plan) return
    const next = plan.steps[plan.steps.length - 1]
    if (await saveTicket(current, next)) {
      report.changed++
      for (const e of plan.events) report.events[e]++
      await addNotifications(plan.effects, next, now.toISOString())
      return
    }
    // someone wrote first (an accept at this very moment): decide again on the fresh ticket
    current = await findTicket(ticket._id)
  }
  report.skipped++
}
