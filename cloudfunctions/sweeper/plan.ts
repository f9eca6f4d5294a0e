import type { TicketDoc } from '../../types'
import { decide, SYSTEM_ACTOR, type TicketEffect, type TicketSettings } from '../_core/domain/ticket'
import { shanghai } from '../_core/time'

/** The events the sweeper may apply, in the order it tries them on one ticket. */
export const TIMER_EVENTS = ['markOverdue', 'autoEscalate', 'autoClose'] as const
export type TimerEvent = (typeof TIMER_EVENTS)[number]

export interface SweepPlan {
  events: TimerEvent[]
  /** each step's document, in order: steps[i] is the ticket after events[i] */
  steps: TicketDoc[]
  effects: TicketEffect[]
}

/**
 * Pure: what the sweeper does to one ticket at `now`. Each timer event is offered to the workflow's `decide` as the
 * system, in order, on the result of the previous one; the workflow's own preconditions (`TICKET.NOT_DUE`, the state
 * table) say which apply. Overdue flags are set once, escalation happens once per level (the new level gets a fresh
 * respondBy), and a closed ticket is never touched again, so planning the result once more yields nothing.
 */
export function planSweep(ticket: TicketDoc, now: Date, settings: TicketSettings): SweepPlan | null {
  const plan: SweepPlan = { events: [], steps: [], effects: [] }
  let t = ticket
  for (const type of TIMER_EVENTS) {
    const d = decide(t, { type }, SYSTEM_ACTOR, now, settings)
    if (!d.ok) continue
    plan.events.push(type)
    plan.steps.push(d.next)
    plan.effects.push(...d.effects)
    t = d.next
  }
  return plan.events.length ? plan : null
}

/**
 * The nightly recount of the dashboard counters (see _core/workflows/recount.ts) rides on this same 5-minute timer (a
 * function has one timer trigger in WeChat's cloud development): it runs in the hour from 03:00 Asia/Shanghai, when
 * reports are rarest, spread over that hour's twelve runs so no run carries every street within its timeout.
 */
export const RECOUNT_HOUR = 3
const RUN_MINUTES = 5
export const RECOUNT_SLOTS = 60 / RUN_MINUTES

/** This run's slot of the nightly recount, or null outside its hour: the clock alone decides, so other runs read nothing. */
export function recountSlot(now: Date): number | null {
  const clock = shanghai(now)
  if (clock.hour() !== RECOUNT_HOUR) return null
  return Math.floor(clock.minute() / RUN_MINUTES)
}

/** The streets a slot recounts: by id, every twelfth from the slot's own, so each street comes up once a night. */
export const streetsDue = (streetIds: readonly string[], slot: number): string[] => [...streetIds].sort().filter((_, i) => i % RECOUNT_SLOTS === slot)
