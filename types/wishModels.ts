import type { WishState } from './wishLabels'

/** Who holds a wish now: the volunteer who claimed it, and until when the claim stands undone. */
export interface WishClaim {
  openid: string
  /** as the person was named when claiming */
  name: string
  at: string
  expiresAt: string
}

/** A claim that ended without the wish being done: withdrawn by the volunteer, or lapsed. Kept for staff. */
export interface WishRelease {
  openid: string
  name: string
  claimedAt: string
  at: string
  why: 'withdrawn' | 'expired'
}

/**
 * A small personal need (微心愿) posted by a resident, or by staff for one, stored in the `wishes` collection. Where it
 * is comes from the requester's bound household (building, unit, grid: nobody types an address); the room is never
 * shown to anyone. Saves are conditional on `version`.
 */
export interface WishDoc {
  /** deterministic from the poster and the request id, so a retried post collides instead of making a second wish */
  _id: string
  communityId: string
  streetId: string
  gridId: string | null
  buildingId: string
  unitId: string
  householdId: string
  /** "4栋", "2单元": as the places were named when posted */
  buildingName: string
  unitName: string
  title: string
  description: string
  /** when the help is wanted */
  wantedAt: string
  /** the resident in need: an app user, or null for a resident without the app (staff posted it for them) */
  requesterOpenid: string | null
  requesterName: string
  /** the register's member staff posted it for: their phone is read from the register just in time, never copied here */
  requesterMemberId: string | null
  postedBy: { openid: string; name: string; staff: boolean }
  state: WishState
  /** WeChat's check asked for a person's review of the words: the staff who approve it see so */
  flagged: boolean
  review: { approved: boolean; reason: string | null; byOpenid: string; byName: string; at: string } | null
  /** the current claim; kept once done and confirmed (who did it), cleared when released */
  claim: WishClaim | null
  /** `claim.expiresAt` while the claim can still lapse (state claimed), else null: the sweeper's index */
  claimExpiresAt: string | null
  releases: WishRelease[]
  done: { note: string; photos: string[]; minutes: number; at: string } | null
  /** the hours credited to the claimant's volunteer record, once */
  credit: {
    minutes: number
    by: 'requester' | 'staff'
    byOpenid: string
    byName: string
    at: string
    /** staff credited other hours than the claimant entered */
    adjusted: { fromMinutes: number; reason: string } | null
  } | null
  cancelled: { byOpenid: string; reason: string | null; at: string } | null
  version: number
  createdAt: string
  updatedAt: string
}
