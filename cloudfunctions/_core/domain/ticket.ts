import {
  ERROR_MESSAGES,
  type ErrorCode,
  type Role,
  type TicketDoc,
  type TicketEventType,
  type TicketLevel,
  type TicketState,
  type TicketTimelineEntry,
} from '../../../types'
import { deadlinesFor, findCategory, higher, householdKey, isAbove, levelAbove, OPEN_STATES, UNACCEPTED_STATES, type TicketSettings } from './ticketRules'
import { sampleCallback } from './callbackSample'

export * from './ticketRules'

/**
 * The ticket workflow as one pure function: (ticket, event, actor, now, settings) → next ticket + effects, or a
 * refusal. No I/O and no clock: the handlers and the sweeper load, call `decide`, save conditionally, and carry
 * out the effects.
 */

export type TicketEvent =
  /** routing (system) put it on a member's desk */
  | { type: 'assign'; to: string }
  /** "me too": the joiner follows; their household counts once */
  | { type: 'join'; householdId: string | null }
  /** first responder owns it */
  | { type: 'accept' }
  | { type: 'progress'; note: string; photos: string[] }
  | { type: 'resolve'; note: string; photos: string[] }
  /** 吹哨: up to community or street */
  | { type: 'escalate'; to: TicketLevel; reason: string }
  /** to another member of the ticket's grid; `gridMembers` = that grid's members and leader */
  | { type: 'transfer'; to: string; gridMembers: readonly string[]; note: string | null }
  /** by a supervisor; `eligible` = who may handle it at its level */
  | { type: 'reassign'; to: string; eligible: readonly string[]; note: string | null }
  | { type: 'confirm' }
  | { type: 'reopen'; reason: string }
  | { type: 'rate'; score: number; comment: string | null }
  | { type: 'withdraw'; reason: string | null }
  /** this ticket is a duplicate of `into` */
  | { type: 'merge'; into: string }
  /** the other side of merge: this ticket takes over the duplicate's followers */
  | { type: 'absorb'; from: string; followers: readonly string[]; households: readonly string[] }
  | { type: 'markOverdue' }
  | { type: 'autoEscalate' }
  | { type: 'autoClose' }

export type TicketEventName = TicketEvent['type']
export const DECIDE_EVENTS: readonly TicketEventName[] = [
  'assign',
  'join',
  'accept',
  'progress',
  'resolve',
  'escalate',
  'transfer',
  'reassign',
  'confirm',
  'reopen',
  'rate',
  'withdraw',
  'merge',
  'absorb',
  'markOverdue',
  'autoEscalate',
  'autoClose',
]

/** The caller as seen from the ticket's community; the handler works these out, the domain only compares. */
export interface TicketActor {
  /** 'system' for routing and the sweeper */
  openid: string
  /** roles held in the ticket's community (street_staff included when of its street); ['system'] for the system */
  roles: readonly (Role | 'system')[]
  /** grids of the ticket's community the actor serves as member or leader */
  gridIds: readonly string[]
  /** grids the actor leads */
  ledGridIds: readonly string[]
}

export const SYSTEM_ACTOR: TicketActor = { openid: 'system', roles: ['system'], gridIds: [], ledGridIds: [] }

export type NotifyKind = 'assigned' | 'stateChanged' | 'progress'
export interface TicketEffect {
  type: 'notify'
  to: string
  kind: NotifyKind
  ticketId: string
  state: TicketState
}

export type Decision = { ok: true; next: TicketDoc; effects: TicketEffect[] } | { ok: false; code: ErrorCode; message: string }

const refuse = (code: ErrorCode, message?: string): Extract<Decision, { ok: false }> => ({ ok: false, code, message: message ?? ERROR_MESSAGES[code] })

// Who ------------------------------------------------------------------------------------------------------------

const has = (a: TicketActor, ...roles: (Role | 'system')[]) => roles.some((r) => a.roles.includes(r))
const isSystem = (a: TicketActor) => has(a, 'system')
const isReporter = (t: TicketDoc, a: TicketActor) => a.openid === t.reporterOpenid
/**
 * The reporter answers for the fix: confirms it or rates it. Not when they fixed it themselves (a grid member reporting
 * their own stairwell): a handler's own 已解决 or five stars would count in the rates as a resident's.
 */
const judgesFix = (t: TicketDoc, a: TicketActor) => isReporter(t, a) && t.resolution?.byOpenid !== a.openid
const isCommunityStaff = (a: TicketActor) => has(a, 'community_staff', 'branch_secretary')
const isGridPerson = (t: TicketDoc, a: TicketActor) => !!t.gridId && has(a, 'grid_member', 'grid_leader') && a.gridIds.includes(t.gridId)

/** Who works a ticket at its current level: the assignee, else the grid's people, the community's staff, the street's staff. */
const isHandler = (t: TicketDoc, a: TicketActor) =>
  (!!t.assigneeOpenid && a.openid === t.assigneeOpenid && !isSystem(a)) ||
  (t.level === 'grid' && isGridPerson(t, a)) ||
  (t.level === 'community' && isCommunityStaff(a)) ||
  (t.level === 'street' && has(a, 'street_staff'))

/** Who supervises (reassign, merge): staff of the community or street at any level, the grid's leader at level grid. */
const isSupervisor = (t: TicketDoc, a: TicketActor) =>
  isCommunityStaff(a) || has(a, 'street_staff') || (t.level === 'grid' && !!t.gridId && has(a, 'grid_leader') && a.ledGridIds.includes(t.gridId))

/** The role written to the timeline: the one that let the actor act. */
export const roleFor = (t: TicketDoc, a: TicketActor): TicketTimelineEntry['actorRole'] => {
  if (isSystem(a)) return 'system'
  const order: Role[] =
    t.level === 'street'
      ? ['street_staff', 'community_staff', 'branch_secretary', 'grid_leader', 'grid_member', 'resident']
      : ['community_staff', 'branch_secretary', 'grid_leader', 'grid_member', 'street_staff', 'resident']
  return (isReporter(t, a) && !isHandler(t, a) ? 'resident' : order.find((r) => a.roles.includes(r))) ?? 'resident'
}

// When -----------------------------------------------------------------------------------------------------------

interface Rule {
  states: readonly TicketState[]
  may: (t: TicketDoc, a: TicketActor) => boolean
  /** refusals that depend on the ticket but not on the event's payload (so `can` sees them too) */
  pre?: (t: TicketDoc, a: TicketActor, now: Date, s: TicketSettings) => ErrorCode | null
}

const at = (now: Date) => now.toISOString()
const dueRespond = (t: TicketDoc, now: Date) => UNACCEPTED_STATES.includes(t.state) && at(now) > t.respondBy
const dueResolve = (t: TicketDoc, now: Date) => OPEN_STATES.includes(t.state) && at(now) > t.resolveBy
const closeAt = (t: TicketDoc, s: TicketSettings) => new Date(new Date(t.resolvedAt ?? t.updatedAt).getTime() + s.autoCloseDays * 86_400_000).toISOString()

/** The transition table: in which states each event is allowed, and for whom. */
export const RULES: Record<TicketEventName, Rule> = {
  assign: { states: ['submitted'], may: (_t, a) => isSystem(a) },
  join: {
    states: OPEN_STATES,
    may: (_t, a) => !isSystem(a) && a.roles.length > 0,
    pre: (t, a) => (t.followers.includes(a.openid) ? 'TICKET.ALREADY_FOLLOWING' : null),
  },
  accept: { states: UNACCEPTED_STATES, may: isHandler },
  progress: { states: ['accepted'], may: isHandler },
  resolve: { states: ['accepted'], may: isHandler },
  escalate: { states: OPEN_STATES, may: isHandler, pre: (t) => (levelAbove(t.level) ? null : 'TICKET.ESCALATE_LEVEL') },
  transfer: { states: ['assigned', 'accepted'], may: (t, a) => t.level === 'grid' && isHandler(t, a) },
  reassign: { states: OPEN_STATES, may: isSupervisor },
  confirm: { states: ['resolved'], may: judgesFix },
  reopen: { states: ['resolved'], may: isReporter },
  rate: { states: ['resolved', 'closed'], may: judgesFix, pre: (t) => (t.rating ? 'TICKET.ALREADY_RATED' : null) },
  withdraw: { states: UNACCEPTED_STATES, may: isReporter },
  merge: { states: OPEN_STATES, may: isSupervisor },
  absorb: { states: OPEN_STATES, may: isSupervisor },
  markOverdue: {
    states: OPEN_STATES,
    may: (_t, a) => isSystem(a),
    pre: (t, _a, now) => ((dueRespond(t, now) && !t.overdueRespond) || (dueResolve(t, now) && !t.overdueResolve) ? null : 'TICKET.NOT_DUE'),
  },
  autoEscalate: {
    states: UNACCEPTED_STATES,
    may: (_t, a) => isSystem(a),
    // respondBy restarts at each new level, so this fires at most once per level
    pre: (t, _a, now) => (dueRespond(t, now) && levelAbove(t.level) ? null : 'TICKET.NOT_DUE'),
  },
  autoClose: { states: ['resolved'], may: (_t, a) => isSystem(a), pre: (t, _a, now, s) => (at(now) >= closeAt(t, s) ? null : 'TICKET.NOT_DUE') },
}

/**
 * Whether the event may happen now, before looking at its payload: state first (so the loser of two accepts hears
 * "already accepted"), then the actor, then the ticket-specific preconditions. `can` in the views asks this.
 */
export function guard(t: TicketDoc, type: TicketEventName, a: TicketActor, now: Date, s: TicketSettings): Extract<Decision, { ok: false }> | null {
  const rule = RULES[type]
  if (!rule.states.includes(t.state)) return refuse('TICKET.INVALID_TRANSITION')
  if (!rule.may(t, a)) return refuse('AUTH.FORBIDDEN')
  const code = rule.pre?.(t, a, now, s)
  return code ? refuse(code) : null
}

// What -----------------------------------------------------------------------------------------------------------

type Change = Partial<TicketDoc> & { detail?: string | null; note?: string | null; photos?: string[] }

/**
 * Not fixed: back to work one level up (the street stays the street), with fresh deadlines. The reporter's 未解决
 * and a callback that finds it not fixed (domain/callbacks.ts) both reopen this way.
 */
export function reopenChange(t: TicketDoc, now: Date, s: TicketSettings) {
  const level = levelAbove(t.level) ?? t.level
  const c = findCategory(s, t.category)
  return {
    state: 'submitted' as const,
    level,
    maxLevel: higher(t.maxLevel, level),
    assigneeOpenid: null,
    resolvedAt: null,
    resolution: null,
    reopenCount: t.reopenCount + 1,
    ...(c ? deadlinesFor(c, now) : {}),
  }
}

/** The changes an event makes, or a refusal for a bad payload. */
function apply(t: TicketDoc, e: TicketEvent, a: TicketActor, now: Date, s: TicketSettings): Change | Extract<Decision, { ok: false }> {
  const ts = at(now)
  // a new level gets its own time to respond; the resolve clock keeps running for the resident
  const respondAgain = () => {
    const c = findCategory(s, t.category)
    return c ? deadlinesFor(c, now).respondBy : t.respondBy
  }
  switch (e.type) {
    case 'assign':
      return { state: 'assigned', assigneeOpenid: e.to, detail: e.to }
    case 'join': {
      const key = householdKey(a.openid, e.householdId)
      return {
        followers: [...t.followers, a.openid],
        followerHouseholds: t.followerHouseholds.includes(key) ? t.followerHouseholds : [...t.followerHouseholds, key],
      }
    }
    case 'accept':
      return { state: 'accepted', assigneeOpenid: a.openid, respondedAt: t.respondedAt ?? ts }
    case 'progress':
      return { note: e.note, photos: e.photos }
    case 'resolve':
      if (!e.photos.length) return refuse('INPUT.INVALID', '请上传至少一张处理后的照片')
      return { state: 'resolved', resolvedAt: ts, resolution: { note: e.note, photos: e.photos, at: ts, byOpenid: a.openid }, note: e.note, photos: e.photos }
    case 'escalate':
      if (!isAbove(e.to, t.level)) return refuse('TICKET.ESCALATE_LEVEL')
      return {
        state: 'submitted',
        level: e.to,
        maxLevel: higher(t.maxLevel, e.to),
        assigneeOpenid: null,
        respondBy: respondAgain(),
        note: e.reason,
        detail: e.to,
      }
    case 'transfer':
      if (!e.gridMembers.includes(e.to)) return refuse('TICKET.NOT_IN_GRID')
      if (e.to === t.assigneeOpenid) return refuse('TICKET.ASSIGNEE_INVALID', '已经是该人员在办理')
      return { state: 'assigned', assigneeOpenid: e.to, note: e.note, detail: e.to }
    case 'reassign':
      if (!e.eligible.includes(e.to)) return refuse('TICKET.ASSIGNEE_INVALID')
      if (e.to === t.assigneeOpenid) return refuse('TICKET.ASSIGNEE_INVALID', '已经是该人员在办理')
      return { state: 'assigned', assigneeOpenid: e.to, note: e.note, detail: e.to }
    case 'confirm':
      return { state: 'closed', closedAt: ts, confirmation: 'confirmed' }
    case 'reopen': {
      const change = reopenChange(t, now, s)
      return { ...change, note: e.reason, detail: change.level }
    }
    case 'rate':
      if (!Number.isInteger(e.score) || e.score < 1 || e.score > 5) return refuse('INPUT.INVALID', '评分应为1到5分')
      return { rating: { score: e.score, comment: e.comment, at: ts }, note: e.comment, detail: String(e.score) }
    case 'withdraw':
      return { state: 'withdrawn', closedAt: ts, note: e.reason }
    case 'merge':
      if (e.into === t._id) return refuse('TICKET.MERGE_INVALID')
      return { state: 'merged', mergedInto: e.into, closedAt: ts, detail: e.into }
    case 'absorb':
      if (e.from === t._id) return refuse('TICKET.MERGE_INVALID')
      return {
        followers: [...new Set([...t.followers, ...e.followers])],
        followerHouseholds: [...new Set([...t.followerHouseholds, ...e.households])],
        detail: e.from,
      }
    case 'markOverdue':
      return { overdueRespond: t.overdueRespond || dueRespond(t, now), overdueResolve: t.overdueResolve || dueResolve(t, now) }
    case 'autoEscalate': {
      const level = levelAbove(t.level) as TicketLevel
      return {
        state: 'submitted',
        level,
        maxLevel: higher(t.maxLevel, level),
        assigneeOpenid: null,
        overdueRespond: true,
        respondBy: respondAgain(),
        detail: level,
      }
    }
    case 'autoClose':
      return { state: 'closed', closedAt: ts, confirmation: 'unconfirmed' }
  }
}

/** Notifications as data: the new assignee hears of the assignment, followers of every state change and progress. */
export function effectsOf(before: TicketDoc, next: TicketDoc, e: Pick<TicketEvent, 'type'>, a: TicketActor): TicketEffect[] {
  const out: TicketEffect[] = []
  const notify = (to: string, kind: NotifyKind) => {
    if (to !== a.openid && !out.some((x) => x.to === to && x.kind === kind)) out.push({ type: 'notify', to, kind, ticketId: next._id, state: next.state })
  }
  if (next.assigneeOpenid && next.assigneeOpenid !== before.assigneeOpenid && next.state === 'assigned') notify(next.assigneeOpenid, 'assigned')
  if (next.state !== before.state || next.level !== before.level) before.followers.forEach((f) => notify(f, 'stateChanged'))
  if (e.type === 'progress') before.followers.forEach((f) => notify(f, 'progress'))
  return out
}

export function decide(ticket: TicketDoc, event: TicketEvent, actor: TicketActor, now: Date, settings: TicketSettings): Decision {
  const refused = guard(ticket, event.type, actor, now, settings)
  if (refused) return refused
  const change = apply(ticket, event, actor, now, settings)
  if ('ok' in change) return change
  const { note = null, photos = [], detail = null, ...fields } = change
  const entry: TicketTimelineEntry = {
    at: at(now),
    event: event.type as TicketEventType,
    actorOpenid: actor.openid,
    actorRole: roleFor(ticket, actor),
    note,
    photos,
    detail,
  }
  // a closing (or a low rating on a closed ticket) may put it in the callback queue
  const next = sampleCallback(
    { ...ticket, ...fields, timeline: [...ticket.timeline, entry], version: ticket.version + 1, updatedAt: at(now) },
    settings.callbackShare,
    now,
  )
  return { ok: true, next, effects: effectsOf(ticket, next, event, actor) }
}
