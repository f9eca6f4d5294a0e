import {
  ERROR_MESSAGES,
  WISH_AHEAD_DAYS,
  WISH_MAX_HOURS,
  WISH_STATE_LABELS,
  type ErrorCode,
  type Role,
  type VolunteerSignupDoc,
  type WishAction,
  type WishDoc,
  type WishNear,
} from '../../../types'
import type { CommunitySettings } from '../../../types/settings'

/**
 * 微心愿 rules as pure functions of (wish, event, actor, now): approving, claiming (one claimant; a claim lapses after
 * the community's `wishClaimDays`), withdrawing, marking done, confirming (the hours credited once), cancelling; who
 * may claim; which wishes are nearest a volunteer's home; and the volunteer-record entry a confirmation writes.
 * A refusal carries an error code and changes nothing.
 */

export type Refusal = { ok: false; code: ErrorCode; message: string }
const refuse = (code: ErrorCode): Refusal => ({ ok: false, code, message: ERROR_MESSAGES[code] })

const MIN = 60_000
const DAY = 86_400_000
const t = (iso: string) => Date.parse(iso)

// Settings -------------------------------------------------------------------------------------------------------

export interface WishSettings {
  /** a claim not done within this many days lapses back to open */
  claimDays: number
}

/** The 微心愿 settings of a community, from its parsed settings (types/settings.ts: anything malformed is the default). */
export const wishSettings = (s: CommunitySettings): WishSettings => ({ claimDays: s.wishClaimDays })

// Who may claim --------------------------------------------------------------------------------------------------

/**
 * Volunteers and party members claim wishes: a party member of the community (the `party_member` role), an in-service
 * party member who reported to it (双报到: a registration), or a registered volunteer — someone holding a place on one
 * of its volunteer activities (the app keeps no volunteer register apart from the sign-ups).
 */
export const mayClaim = (roles: readonly Role[], standing: { partyRegistered: boolean; volunteered: boolean }): boolean =>
  roles.includes('party_member') || standing.partyRegistered || standing.volunteered

// The workflow ---------------------------------------------------------------------------------------------------

export interface WishActor {
  openid: string
  name: string
  /** community staff or the party branch of the wish's community */
  staff: boolean
  /** a volunteer or party member of the community (mayClaim) */
  volunteer: boolean
}

export const SYSTEM: WishActor = { openid: 'system', name: '系统', staff: false, volunteer: false }

export type WishEvent =
  | { type: 'approve' }
  | { type: 'reject'; reason: string }
  | { type: 'claim'; claimDays: number }
  | { type: 'withdraw' }
  | { type: 'expire' }
  | { type: 'complete'; note: string; photos: string[]; minutes: number }
  | { type: 'confirm'; minutes?: number; reason?: string }
  | { type: 'cancel'; reason: string | null }

/** Someone to tell what happened to the wish (an outbox entry once saved). */
export interface WishNotice {
  to: string
  state: string
}

export type WishDecision = { ok: true; next: WishDoc; notices: WishNotice[] } | Refusal

/** A claim past its time that nobody released yet (the sweeper does every 5 minutes): it counts as released. */
export const lapsed = (w: Pick<WishDoc, 'state' | 'claimExpiresAt'>, now: Date): boolean =>
  w.state === 'claimed' && !!w.claimExpiresAt && now.getTime() >= t(w.claimExpiresAt)

/** The state people see: a lapsed claim is open again. */
export const effectiveState = (w: Pick<WishDoc, 'state' | 'claimExpiresAt'>, now: Date) => (lapsed(w, now) ? 'open' : w.state)

const isRequester = (w: WishDoc, a: WishActor) => !!w.requesterOpenid && w.requesterOpenid === a.openid
const isClaimant = (w: WishDoc, a: WishActor) => !!w.claim && w.claim.openid === a.openid

/** Most hours a claimant may enter: what fits between the claim and now, in half hours up, and never above 8. */
export function maxMinutes(w: Pick<WishDoc, 'claim'>, now: Date): number {
  if (!w.claim) return 0
  const elapsed = Math.max(0, now.getTime() - t(w.claim.at))
  return Math.min(WISH_MAX_HOURS * 60, Math.max(30, Math.ceil(elapsed / (30 * MIN)) * 30))
}

/** Whether `a` may do `type` to the wish now, or why not. */
export function guard(w: WishDoc, type: WishEvent['type'], a: WishActor, now: Date): Refusal | null {
  const state = effectiveState(w, now)
  switch (type) {
    case 'approve':
    case 'reject':
      if (!a.staff) return refuse('AUTH.FORBIDDEN')
      return w.state === 'pending' ? null : refuse('WISH.INVALID_STATE')
    case 'claim':
      if (state === 'claimed' || state === 'done' || state === 'confirmed') return refuse('WISH.ALREADY_CLAIMED')
      if (state !== 'open') return refuse('WISH.INVALID_STATE')
      if (isRequester(w, a)) return refuse('WISH.OWN')
      return a.volunteer ? null : refuse('WISH.NOT_A_VOLUNTEER')
    case 'withdraw':
      if (w.state !== 'claimed') return refuse('WISH.INVALID_STATE')
      return isClaimant(w, a) ? null : refuse('WISH.NOT_CLAIMANT')
    case 'expire':
      return lapsed(w, now) ? null : refuse('WISH.INVALID_STATE')
    case 'complete':
      if (w.state !== 'claimed') return refuse('WISH.INVALID_STATE')
      if (!isClaimant(w, a)) return refuse('WISH.NOT_CLAIMANT')
      return lapsed(w, now) ? refuse('WISH.CLAIM_EXPIRED') : null
    case 'confirm':
      if (!isRequester(w, a) && !a.staff) return refuse('AUTH.FORBIDDEN')
      return w.state === 'done' ? null : refuse('WISH.INVALID_STATE')
    case 'cancel':
      if (a.staff) return ['pending', 'open', 'claimed', 'done'].includes(w.state) ? null : refuse('WISH.INVALID_STATE')
      if (!isRequester(w, a)) return refuse('AUTH.FORBIDDEN')
      return ['pending', 'open', 'claimed'].includes(w.state) ? null : refuse('WISH.INVALID_STATE')
  }
}

/** Tells the requester (when they use the app) and the claimant, except whoever acted. */
const tell = (w: WishDoc, who: ('requester' | 'claimant')[], a: WishActor, state: string): WishNotice[] =>
  who
    .map((x) => (x === 'requester' ? w.requesterOpenid : (w.claim?.openid ?? null)))
    .filter((to): to is string => !!to && to !== a.openid)
    .map((to) => ({ to, state }))

const release = (w: WishDoc, why: 'withdrawn' | 'expired', at: string): Pick<WishDoc, 'state' | 'claim' | 'claimExpiresAt' | 'releases'> => ({
  state: 'open',
  claim: null,
  claimExpiresAt: null,
  releases: w.claim ? [...w.releases, { openid: w.claim.openid, name: w.claim.name, claimedAt: w.claim.at, at, why }] : w.releases,
})

export function decideWish(w: WishDoc, e: WishEvent, a: WishActor, now: Date): WishDecision {
  const refused = guard(w, e.type, a, now)
  if (refused) return refused
  const at = now.toISOString()
  const step = (patch: Partial<WishDoc>, notices: WishNotice[] = []): WishDecision => ({
    ok: true,
    next: { ...w, ...patch, version: w.version + 1, updatedAt: at },
    notices,
  })
  switch (e.type) {
    case 'approve':
      return step({ state: 'open', review: { approved: true, reason: null, byOpenid: a.openid, byName: a.name, at } }, tell(w, ['requester'], a, '审核通过'))
    case 'reject':
      return step(
        { state: 'rejected', review: { approved: false, reason: e.reason, byOpenid: a.openid, byName: a.name, at } },
        tell(w, ['requester'], a, '未通过'),
      )
    case 'claim': {
      // a lapsed claim the sweeper has not released yet is released here, in the same save
      const base = lapsed(w, now) ? { ...w, ...release(w, 'expired', at) } : w
      const expiresAt = new Date(now.getTime() + e.claimDays * DAY).toISOString()
      const next: WishDoc = {
        ...base,
        state: 'claimed',
        claim: { openid: a.openid, name: a.name, at, expiresAt },
        claimExpiresAt: expiresAt,
        version: w.version + 1,
        updatedAt: at,
      }
      return { ok: true, next, notices: tell(next, ['requester'], a, '已被认领') }
    }
    case 'withdraw':
      return step(release(w, 'withdrawn', at), tell(w, ['requester'], a, '认领人已放弃'))
    case 'expire':
      return step(release(w, 'expired', at), tell(w, ['requester', 'claimant'], a, '认领已过期'))
    case 'complete':
      if (e.minutes < 30 || e.minutes > maxMinutes(w, now)) return refuse('WISH.HOURS_INVALID')
      return step(
        { state: 'done', claimExpiresAt: null, done: { note: e.note, photos: e.photos, minutes: e.minutes, at } },
        tell(w, ['requester'], a, '待确认'),
      )
    case 'confirm': {
      const entered = w.done!.minutes
      const changed = e.minutes !== undefined && e.minutes !== entered
      // the requester confirms the service as reported; only staff credit other hours, and say why
      if (changed && !a.staff) return refuse('AUTH.FORBIDDEN')
      if (changed && !e.reason) return refuse('WISH.HOURS_REASON_REQUIRED')
      const minutes = changed ? e.minutes! : entered
      return step(
        {
          state: 'confirmed',
          credit: {
            minutes,
            by: isRequester(w, a) ? 'requester' : 'staff',
            byOpenid: a.openid,
            byName: a.name,
            at,
            adjusted: changed ? { fromMinutes: entered, reason: e.reason! } : null,
          },
        },
        tell(w, ['claimant', 'requester'], a, '已完成'),
      )
    }
    case 'cancel':
      return step(
        { state: 'cancelled', claimExpiresAt: null, cancelled: { byOpenid: a.openid, reason: e.reason, at } },
        tell(w, ['requester', 'claimant'], a, '已撤销'),
      )
  }
}

/** The buttons a person gets: every action whose guard lets them through now (the ones needing input included). */
export function wishActions(w: WishDoc, a: WishActor, now: Date): WishAction[] {
  const can: WishAction[] = []
  if (!guard(w, 'approve', a, now)) can.push('review')
  for (const type of ['claim', 'withdraw', 'complete', 'confirm', 'cancel'] as const) if (!guard(w, type, a, now)) can.push(type)
  if (contactOf(w, a, now)) can.push('call')
  return can
}

/** Whom the caller may phone through the app: the requester and the claimant each other, while the claim stands. */
export function contactOf(w: WishDoc, a: WishActor, now: Date): 'requester' | 'claimant' | null {
  if (!(w.state === 'claimed' && !lapsed(w, now)) && w.state !== 'done') return null
  if (isClaimant(w, a)) return 'requester'
  if (isRequester(w, a)) return 'claimant'
  return null
}

/** Help wanted from now on, within 60 days (an hour's slack for a form filled slowly). */
export const wantedAtValid = (wantedAt: string, now: Date): boolean =>
  t(wantedAt) >= now.getTime() - 60 * MIN && t(wantedAt) <= now.getTime() + WISH_AHEAD_DAYS * DAY

// Nearest first --------------------------------------------------------------------------------------------------

/** Where a volunteer lives in the community: units, buildings and grids of their bound households. */
export interface Home {
  unitIds: string[]
  buildingIds: string[]
  gridIds: string[]
}

/** One band of the list: wishes matching all its conditions (each an `in` or a `not in` on a field). */
export interface Tier {
  near: WishNear | null
  in: Partial<Record<'unitId' | 'buildingId' | 'gridId', string[]>>
  notIn: Partial<Record<'unitId' | 'buildingId' | 'gridId', string[]>>
}

/**
 * The bands nearest first: same unit, same building, same grid, the rest. Each is the previous ones' complement, so
 * every open wish is in exactly one band (a unit belongs to one building, a building to at most one grid).
 */
export function proximityTiers(home: Home): Tier[] {
  const U = [...new Set(home.unitIds)]
  const B = [...new Set(home.buildingIds)]
  const G = [...new Set(home.gridIds)]
  const tiers: Tier[] = []
  if (U.length) tiers.push({ near: 'unit', in: { unitId: U }, notIn: {} })
  if (B.length) tiers.push({ near: 'building', in: { buildingId: B }, notIn: U.length ? { unitId: U } : {} })
  if (G.length) tiers.push({ near: 'grid', in: { gridId: G }, notIn: B.length ? { buildingId: B } : {} })
  tiers.push({ near: null, in: {}, notIn: { ...(B.length ? { buildingId: B } : {}), ...(G.length ? { gridId: G } : {}) } })
  return tiers
}

/** Which band a wish falls in for this home. */
export function nearness(w: Pick<WishDoc, 'unitId' | 'buildingId' | 'gridId'>, home: Home): WishNear | null {
  if (home.unitIds.includes(w.unitId)) return 'unit'
  if (home.buildingIds.includes(w.buildingId)) return 'building'
  if (w.gridId && home.gridIds.includes(w.gridId)) return 'grid'
  return null
}

/** The reads that fill page `page` of a list made of bands of these sizes, in band order. */
export function pageSlices(counts: number[], page: number, pageSize: number): { tier: number; skip: number; limit: number }[] {
  let from = (page - 1) * pageSize
  let want = pageSize
  const out: { tier: number; skip: number; limit: number }[] = []
  counts.forEach((count, tier) => {
    if (want <= 0) return
    if (from >= count) {
      from -= count
      return
    }
    const limit = Math.min(want, count - from)
    out.push({ tier, skip: from, limit })
    want -= limit
    from = 0
  })
  return out
}

// The volunteer record -------------------------------------------------------------------------------------------

/** The `volunteerSignups` entry of a wish's service: its id makes a second credit land on the first. */
export const serviceIdOf = (w: Pick<WishDoc, '_id'>) => `wish:${w._id}`

/**
 * What a confirmation writes to the claimant's volunteer record, beside their activities: service time, place (the
 * building, never the room), content and hours, recorded by whoever confirmed (the requester named masked).
 */
export function serviceRecordOf(w: WishDoc, organiser: string, recorderName: string): VolunteerSignupDoc {
  if (w.state !== 'confirmed' || !w.claim || !w.done || !w.credit) throw new Error(`wish ${w._id}: a service record is written on confirmation only`)
  const activityId = serviceIdOf(w)
  return {
    _id: `${activityId}|${w.claim.openid}`,
    activityId,
    communityId: w.communityId,
    openid: w.claim.openid,
    name: w.claim.name,
    startAt: w.done.at,
    seq: 1,
    status: 'confirmed',
    signedUpAt: w.claim.at,
    cancelledAt: null,
    promotedAt: null,
    checkinAt: null,
    checkoutAt: null,
    minutes: w.credit.minutes,
    recorderOpenid: w.credit.byOpenid,
    recorderName,
    adjustments: w.credit.adjusted
      ? [
          {
            at: w.credit.at,
            byOpenid: w.credit.byOpenid,
            byName: w.credit.byName,
            oldMinutes: w.credit.adjusted.fromMinutes,
            newMinutes: w.credit.minutes,
            reason: w.credit.adjusted.reason,
          },
        ]
      : [],
    version: 1,
    service: { kind: 'wish', refId: w._id, title: `微心愿：${w.title}`, content: w.done.note || w.title, place: `${w.buildingName}附近`, organiser },
  }
}

export const stateLabelOf = (w: Pick<WishDoc, 'state' | 'claimExpiresAt'>, now: Date) => WISH_STATE_LABELS[effectiveState(w, now)]
