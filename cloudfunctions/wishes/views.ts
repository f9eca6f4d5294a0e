import { WISH_NEAR_LABELS, WISH_STATE_LABELS, type WishDoc, type WishNear, type WishSummary, type WishView } from '../../types'
import { effectiveState, lapsed, wishActions, type WishActor } from '../_core/domain/wishes'
import { hoursOf } from '../_core/domain/volunteers'
import { maskName } from '../_core/mask'
import { sightOf } from './access'

const excerptOf = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text)

const mineOf = (w: WishDoc, a: WishActor): WishSummary['mine'] =>
  w.requesterOpenid && w.requesterOpenid === a.openid ? 'requester' : w.claim?.openid === a.openid ? 'claimant' : null

/** A wish in a list: what it is, near which building, when — never who. */
export function summaryOf(w: WishDoc, a: WishActor, now: Date, near: WishNear | null = null): WishSummary {
  const state = effectiveState(w, now)
  return {
    id: w._id,
    communityId: w.communityId,
    title: w.title,
    excerpt: excerptOf(w.description),
    place: w.buildingName,
    near,
    nearLabel: near ? WISH_NEAR_LABELS[near] : null,
    wantedAt: w.wantedAt,
    state,
    stateLabel: WISH_STATE_LABELS[state],
    createdAt: w.createdAt,
    mine: mineOf(w, a),
  }
}

/**
 * The wish as the caller sees it. The requester and the claimant see each other's name masked and nothing else of
 * each other (no phone: `contact` gives it just in time for a call); staff see both names; other volunteers see
 * neither, nor the unit. `can` comes from the workflow's own guards.
 */
export function wishView(w: WishDoc, a: WishActor, now: Date): WishView {
  const sight = sightOf(w, a, now)
  const party = sight === 'staff' || sight === 'requester' || sight === 'claimant'
  const claim = lapsed(w, now) ? null : w.claim
  const name = (full: string, own: boolean) => (sight === 'staff' || own ? full : maskName(full))
  return {
    ...summaryOf(w, a, now),
    description: w.description,
    placeDetail: party ? `${w.buildingName} ${w.unitName}` : null,
    requesterName: party ? name(w.requesterName, sight === 'requester') : null,
    claimantName: party && claim ? name(claim.name, sight === 'claimant') : null,
    claimedAt: party ? (claim?.at ?? null) : null,
    claimExpiresAt: party && w.state === 'claimed' && claim ? claim.expiresAt : null,
    done: party && w.done ? { note: w.done.note, photos: w.done.photos, hours: hoursOf(w.done.minutes), at: w.done.at } : null,
    creditedHours: party && w.credit ? hoursOf(w.credit.minutes) : null,
    creditedBy: party && w.credit ? w.credit.by : null,
    adjusted:
      (sight === 'staff' || sight === 'claimant') && w.credit?.adjusted
        ? { fromHours: hoursOf(w.credit.adjusted.fromMinutes), reason: w.credit.adjusted.reason }
        : null,
    rejectReason: sight === 'staff' || sight === 'requester' ? (w.review?.reason ?? null) : null,
    cancelReason: party ? (w.cancelled?.reason ?? null) : null,
    postedByStaff: w.postedBy.staff,
    flagged: sight === 'staff' ? w.flagged : null,
    releases: sight === 'staff' ? w.releases.map((r) => ({ name: r.name, why: r.why, at: r.at })) : null,
    can: wishActions(w, a, now),
  }
}
