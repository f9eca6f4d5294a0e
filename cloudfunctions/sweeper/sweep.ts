import type { TicketDoc } from '../../types'
import { OPEN_STATES, UNACCEPTED_STATES, DEFAULT_TICKET_SETTINGS, ticketSettings, type TicketSettings } from '../_core/domain/ticket'
import { allCommunitySettings } from '../_core/repos/places'
import { findTicket, pastDeadline, saveTicket, type SweepDeadline } from '../_core/repos/tickets'
import { notifyTicket } from '../_core/workflows/tickets'
import { planSweep, type TimerEvent } from './plan'

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

  const communities = await allCommunitySettings()
  const settingsOf = new Map<string, TicketSettings>(communities.map((c) => [c._id, ticketSettings(c.settings)]))
  const defaults = DEFAULT_TICKET_SETTINGS
  const settings = (t: TicketDoc) => settingsOf.get(t.communityId) ?? defaults
  // resolved tickets older than the shortest auto-close period are the only ones any community may close now
  const minCloseDays = Math.min(defaults.autoCloseDays, ...[...settingsOf.values()].map((s) => s.autoCloseDays))

  const sources: SweepDeadline[] = [
    ...UNACCEPTED_STATES.map((state) => ({ kind: 'respond' as const, state, before: at })),
    ...OPEN_STATES.map((state) => ({ kind: 'resolve' as const, state, before: at })),
    { kind: 'autoClose', before: new Date(now.getTime() - minCloseDays * DAY).toISOString() },
  ]

  const seen = new Set<string>()
  for (const source of sources) {
    for await (const page of pastDeadline(source, seen)) {
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
      await notifyTicket(plan.effects, next, now.toISOString())
      return
    }
    // someone wrote first (an accept at this very moment): decide again on the fresh ticket
    current = await findTicket(ticket._id)
  }
  report.skipped++
}
