import { CALLBACK_MAX_TRIES } from '../../../types/callbackLabels'
import { ERROR_MESSAGES, type ErrorCode } from '../../../types/errors'
import type { Role } from '../../../types/roles'
import type { TicketCallback, TicketDoc, TicketTimelineEntry } from '../../../types/models'
import type { TicketEventType } from '../../../types/ticketLabels'
import { withCallbacks } from './callbackSample'
import { effectsOf, reopenChange, roleFor, type TicketActor, type TicketEffect } from './ticket'
import type { TicketSettings } from './ticketRules'
import { SUPERVISORS } from '../../../types/roles'
import { shanghai } from '../time'

/**
 * 回访: a callback is made by someone other than the people who handled the ticket — community or street staff, a
 * grid leader, or a member of another grid — who calls the reporter and records what they heard. Pure, as the
 * ticket workflow: (ticket, event, actor, now, settings) → next ticket and effects, or a refusal.
 *   take       the caller takes the callback for a while, so two people never ring the same resident at once
 *   unreached  nobody answered: tried again from the next morning, on another day; the third unanswered day ends it
 *              as unreachable
 *   reached    the resident answered: fixed or not, satisfaction 1–5, a note. Not fixed reopens the ticket one level
 *              up, exactly as the reporter's own 未解决 does (reopenChange)
 */

export type CallbackEvent =
  { type: 'take' } | { type: 'unreached'; note: string | null } | { type: 'reached'; fixed: boolean; satisfaction: number; note: string | null }

/** A take lapses after this long without a record, and the callback is free for someone else. */
export const TAKE_MINUTES = 30

export type CallbackDecision = { ok: true; next: TicketDoc; effects: TicketEffect[] } | { ok: false; code: ErrorCode; message: string }
type Refusal = Extract<CallbackDecision, { ok: false }>

const refuse = (code: ErrorCode, message?: string): Refusal => ({ ok: false, code, message: message ?? ERROR_MESSAGES[code] })

/** Events by which someone worked the ticket, and events that put it on someone's desk (the openid in `detail`). */
const WORKED: ReadonlySet<TicketEventType> = new Set(['accept', 'progress', 'resolve', 'escalate', 'transfer'])
const ASSIGNED: ReadonlySet<TicketEventType> = new Set(['assign', 'transfer', 'reassign'])

/** Everyone who handled the ticket or had it on their desk, at any level and any time. Supervisors who only reassigned it are not. */
export function handlersOf(t: Pick<TicketDoc, 'assigneeOpenid' | 'resolution' | 'timeline'>): Set<string> {
  const out = new Set<string>()
  if (t.assigneeOpenid) out.add(t.assigneeOpenid)
  if (t.resolution) out.add(t.resolution.byOpenid)
  for (const e of t.timeline) {
    if (WORKED.has(e.event)) out.add(e.actorOpenid)
    if (ASSIGNED.has(e.event) && e.detail) out.add(e.detail)
  }
  out.delete('system')
  return out
}

/** Whether this person may call the ticket's reporter back at all, whatever the callback's state. */
export function callerRefusal(t: TicketDoc, a: TicketActor): Refusal | null {
  if (a.openid === t.reporterOpenid) return refuse('CALLBACK.OWN_TICKET', '这是您自己反映的事，请由其他人员回访')
  if (handlersOf(t).has(a.openid)) return refuse('CALLBACK.OWN_TICKET')
  if (a.roles.some((r) => SUPERVISORS.includes(r as Role))) return null
  if (!a.roles.includes('grid_member')) return refuse('AUTH.FORBIDDEN')
  // the grid's own members share its desk: the callback is theirs to receive, not to make
  if (t.gridId && a.gridIds.includes(t.gridId)) return refuse('CALLBACK.SAME_GRID')
  return null
}

/** The ticket's latest callback: the one the queue shows and the events act on. */
export const currentCallback = (t: Pick<TicketDoc, 'callbacks'>): TicketCallback | null => t.callbacks?.[t.callbacks.length - 1] ?? null

const takenByOther = (c: TicketCallback, a: TicketActor, now: Date) =>
  !!c.takenBy && c.takenBy.openid !== a.openid && now.getTime() < Date.parse(c.takenBy.at) + TAKE_MINUTES * 60_000

/** Whether the actor may act on the callback now (take, call, record): the same answer the queue's `can` shows. */
export function callbackGuard(t: TicketDoc, a: TicketActor, now: Date): Refusal | null {
  const c = currentCallback(t)
  if (!c) return refuse('CALLBACK.NOT_FOUND')
  if (c.status !== 'open') return refuse('CALLBACK.ENDED')
  const who = callerRefusal(t, a)
  if (who) return who
  if (now.toISOString() < c.dueAt) return refuse('CALLBACK.NOT_DUE')
  if (takenByOther(c, a, now)) return refuse('CALLBACK.TAKEN')
  return null
}

/** 08:00 Asia/Shanghai on the calendar day after `now`: an unanswered call is tried again on another day. */
export const nextMorning = (now: Date): string => shanghai(now).startOf('day').add(1, 'day').hour(8).toISOString()

export function decideCallback(t: TicketDoc, e: CallbackEvent, a: TicketActor, now: Date, s: TicketSettings): CallbackDecision {
  const refused = callbackGuard(t, a, now)
  if (refused) return refused
  const c = currentCallback(t) as TicketCallback
  const at = now.toISOString()
  const entry = (event: TicketEventType, detail: string, note: string | null = null): TicketTimelineEntry => ({
    at,
    event,
    actorOpenid: a.openid,
    actorRole: roleFor(t, a),
    note,
    photos: [],
    detail,
  })
  let next: TicketCallback
  let change: Partial<TicketDoc> = {}
  const entries: TicketTimelineEntry[] = []
  switch (e.type) {
    case 'take':
      next = { ...c, takenBy: { openid: a.openid, at } }
      break
    case 'unreached': {
      const unreached = [...c.unreached, { at, byOpenid: a.openid, note: e.note }]
      const ended = unreached.length >= CALLBACK_MAX_TRIES
      next = { ...c, unreached, takenBy: null, status: ended ? 'unreachable' : 'open', dueAt: ended ? c.dueAt : nextMorning(now), endedAt: ended ? at : null }
      entries.push(entry('callback', ended ? `第${unreached.length}次未接通，联系不上，回访结束` : `第${unreached.length}次未接通，改天再打`))
      break
    }
    case 'reached': {
      if (!Number.isInteger(e.satisfaction) || e.satisfaction < 1 || e.satisfaction > 5) return refuse('INPUT.INVALID', '满意度应为1到5分')
      if (!e.fixed && !e.note) return refuse('INPUT.INVALID', '请写明哪里还没解决')
      if (!e.fixed && t.state !== 'closed') return refuse('TICKET.INVALID_TRANSITION')
      next = {
        ...c,
        takenBy: null,
        status: 'done',
        result: { at, byOpenid: a.openid, fixed: e.fixed, satisfaction: e.satisfaction, note: e.note },
        endedAt: at,
      }
      // the note stays with the callback, for those who work the queue; the timeline (which residents read) says the outcome
      entries.push(entry('callback', `${e.fixed ? '居民说已解决' : '居民说没有解决'}，满意度${e.satisfaction}分`))
      if (!e.fixed) {
        // as the reporter's 未解决: reopened one level up with fresh deadlines; the note says what is still wrong
        change = { ...reopenChange(t, now, s), closedAt: null, confirmation: null }
        entries.push(entry('reopen', String(change.level), e.note))
      }
      break
    }
  }
  const callbacks = [...(t.callbacks ?? []).slice(0, -1), next]
  const after = withCallbacks({ ...t, ...change, timeline: [...t.timeline, ...entries], version: t.version + 1, updatedAt: at }, callbacks)
  return { ok: true, next: after, effects: change.state ? effectsOf(t, after, { type: 'reopen' }, a) : [] }
}
