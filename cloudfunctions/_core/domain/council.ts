import { ERROR_MESSAGES, rollsFor, type ErrorCode, type MatterDoc, type MatterState, type Role, type RollKind, type StageRecord } from '../../../types'
import { shanghaiDay } from '../time'

/**
 * 四议两公开 as one pure function: (matter, event, actor, now) → next matter + effects, or a refusal. The order is the
 * law's: 党组织提议 (propose) → 两委商议 → 党员大会审议 → 居民（代表）会议决议 → 决议公开 → 实施结果公开; a step out of order
 * is COUNCIL.INVALID_STAGE and nothing changes. Every step appends a stage record; nothing is ever removed.
 */

export type MatterEvent =
  /** 两委商议 or 党员大会审议 held as a meeting and recorded */
  | {
      type: 'record'
      stage: 'deliberation' | 'review'
      date: string
      minutes: string
      attendance: { present: number; expected: number }
      attendees: string
      outcome: 'agreed' | 'rejected'
      votes: { for: number; against: number; abstain: number } | null
      reason: string
    }
  /** 党员大会审议 or 居民会议决议 by a vote */
  | { type: 'openVote'; voteId: string; rollKind: RollKind }
  /** the vote of the current stage closed with this result */
  | { type: 'voteClosed'; voteId: string; passed: boolean; summary: string }
  | { type: 'withdraw'; reason: string }
  /** 决议公开 with a publicity period */
  | { type: 'publish'; text: string; days: number }
  /** 实施结果公开; `unanswered` = objections still waiting for staff */
  | { type: 'publishResult'; text: string; photos: string[]; unanswered: number }

export interface MatterActor {
  openid: string
  name: string
  /** roles held in the matter's community; ['system'] for the timer */
  roles: readonly (Role | 'system')[]
}

export type MatterEffect = { type: 'notify'; to: string; state: MatterState }

export type MatterDecision = { ok: true; next: MatterDoc; effects: MatterEffect[] } | { ok: false; code: ErrorCode; message: string }

const refuse = (code: ErrorCode, message?: string): Extract<MatterDecision, { ok: false }> => ({ ok: false, code, message: message ?? ERROR_MESSAGES[code] })

export const FINAL_STATES: readonly MatterState[] = ['done', 'rejected', 'withdrawn']
const DAY = 86_400_000

const has = (a: MatterActor, ...roles: (Role | 'system')[]) => roles.some((r) => a.roles.includes(r))
/** 两委: the party committee and the residents' committee */
const isCommittee = (a: MatterActor) => has(a, 'branch_secretary', 'community_staff')
const isBranch = (a: MatterActor) => has(a, 'branch_secretary')

/** The Shanghai calendar day of an instant, as meeting dates are written ('YYYY-MM-DD'). */
export const dayOf = (iso: string) => shanghaiDay(iso)

/** The day the matter's last step happened: a meeting's own date, else the day it was recorded. */
const lastStepDay = (m: MatterDoc) => {
  const r = m.records[m.records.length - 1]
  return r ? (r.date ?? dayOf(r.at)) : dayOf(m.createdAt)
}

/** A matter's publicity period is running: objections may be raised. */
export const publicityOpen = (m: Pick<MatterDoc, 'state' | 'publication'>, now: Date): boolean =>
  m.state === 'implementation' && !!m.publication && now.toISOString() < m.publication.until

/** The matter with `voting` in step with `activeVoteId` (1 while a vote is under way): lists sort by it, one type. */
export const withVoting = <M extends Pick<MatterDoc, 'activeVoteId'>>(m: M): M & { voting: 0 | 1 } => ({ ...m, voting: m.activeVoteId ? 1 : 0 })

export function decideMatter(m: MatterDoc, e: MatterEvent, a: MatterActor, now: Date): MatterDecision {
  if (FINAL_STATES.includes(m.state)) return refuse('COUNCIL.INVALID_STAGE')
  const at = now.toISOString()
  const record = (r: Partial<StageRecord> & Pick<StageRecord, 'stage' | 'outcome'>): StageRecord => ({
    at,
    byOpenid: a.openid,
    byName: a.name,
    byRole: (a.roles.find((x) => x !== 'resident') ?? a.roles[0] ?? 'resident') as StageRecord['byRole'],
    date: null,
    minutes: null,
    attendance: null,
    attendees: null,
    votes: null,
    reason: null,
    voteId: null,
    ...r,
  })
  const to = (state: MatterState, r: StageRecord | null, patch: Partial<MatterDoc> = {}): MatterDecision => ({
    ok: true,
    next: withVoting({ ...m, ...patch, state, records: r ? [...m.records, r] : m.records, version: m.version + 1, updatedAt: at }),
    effects: state !== m.state && a.openid !== m.proposedBy ? [{ type: 'notify', to: m.proposedBy, state }] : [],
  })

  switch (e.type) {
    case 'record': {
      if (m.state !== e.stage || m.activeVoteId) return refuse('COUNCIL.INVALID_STAGE')
      if (e.stage === 'deliberation' ? !isCommittee(a) : !isBranch(a)) return refuse('AUTH.FORBIDDEN')
      // the record keeps the law's order in time too: no meeting before the step it follows, none in the future
      if (e.date < lastStepDay(m) || e.date > dayOf(at)) return refuse('COUNCIL.MEETING_DATE')
      const r = record({
        stage: e.stage,
        outcome: e.outcome,
        date: e.date,
        minutes: e.minutes,
        attendance: e.attendance,
        attendees: e.attendees || null,
        votes: e.votes,
        reason: e.reason || null,
      })
      if (e.outcome === 'rejected') return to('rejected', r)
      return to(e.stage === 'deliberation' ? 'review' : 'resolution', r)
    }
    case 'openVote': {
      if ((m.state !== 'review' && m.state !== 'resolution') || m.activeVoteId) return refuse('COUNCIL.INVALID_STAGE')
      if (m.state === 'review' ? !isBranch(a) : !isCommittee(a)) return refuse('AUTH.FORBIDDEN')
      if (!rollsFor(m.kind, m.state).includes(e.rollKind)) return refuse('COUNCIL.RULE_MISMATCH')
      return to(m.state, null, { activeVoteId: e.voteId })
    }
    case 'voteClosed': {
      if (!m.activeVoteId || m.activeVoteId !== e.voteId || (m.state !== 'review' && m.state !== 'resolution')) return refuse('COUNCIL.INVALID_STAGE')
      const r = record({ stage: m.state, outcome: e.passed ? 'agreed' : 'rejected', voteId: e.voteId, reason: e.passed ? null : e.summary })
      const next: MatterState = !e.passed ? 'rejected' : m.state === 'review' ? 'resolution' : 'publicity'
      return to(next, r, { activeVoteId: null })
    }
    case 'withdraw': {
      if (!isBranch(a)) return refuse('AUTH.FORBIDDEN')
      if (m.activeVoteId) return refuse('COUNCIL.INVALID_STAGE', '表决正在进行，请先结束表决再撤回')
      return to('withdrawn', record({ stage: stageOf(m.state), outcome: 'withdrawn', reason: e.reason }))
    }
    case 'publish': {
      if (m.state !== 'publicity') return refuse('COUNCIL.INVALID_STAGE')
      if (!isCommittee(a)) return refuse('AUTH.FORBIDDEN')
      const until = new Date(now.getTime() + e.days * DAY).toISOString()
      return to('implementation', record({ stage: 'publicity', outcome: 'published', minutes: e.text }), {
        publication: { text: e.text, at, until, byOpenid: a.openid },
      })
    }
    case 'publishResult': {
      if (m.state !== 'implementation' || !m.publication) return refuse('COUNCIL.INVALID_STAGE')
      if (!isCommittee(a)) return refuse('AUTH.FORBIDDEN')
      if (at < m.publication.until) return refuse('COUNCIL.PUBLICITY_RUNNING')
      if (e.unanswered > 0) return refuse('COUNCIL.OBJECTIONS_UNANSWERED')
      return to('done', record({ stage: 'implementation', outcome: 'published', minutes: e.text }), {
        result: { text: e.text, photos: e.photos, at, byOpenid: a.openid },
      })
    }
  }
}

/** The stage a state is waiting for (where a withdrawal is recorded). */
export const stageOf = (s: MatterState): StageRecord['stage'] =>
  s === 'deliberation' || s === 'review' || s === 'resolution' || s === 'publicity' || s === 'implementation' ? s : 'proposal'
