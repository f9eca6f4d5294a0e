import { AppError, type Community, type Role, type WishDoc } from '../../types'
import { effectiveState, mayClaim, type WishActor } from '../_core/domain/wishes'
import { findWish, volunteerStanding } from '../_core/repos/wishes'
import type { Ctx } from '../_core/serve'
import { ORGANISERS } from '../../types/roles'

/** Staff and the party branch approve wishes, post and confirm them for residents, and see every wish of the community. */
export const STAFF: readonly Role[] = ORGANISERS

/** The caller as the workflow sees them in the community: staff or not, volunteer (may claim) or not. */
export async function actorIn(ctx: Ctx, community: Community): Promise<WishActor> {
  const roles = ctx.rolesIn(community)
  // a party member of the community may claim without further reads
  const standing = roles.includes('party_member') ? { partyRegistered: false, volunteered: false } : await volunteerStanding(community._id, ctx.openid)
  return { openid: ctx.openid, name: ctx.user?.name ?? '', staff: roles.some((r) => STAFF.includes(r)), volunteer: mayClaim(roles, standing) }
}

/** The wish, its community and the caller there, once the caller holds one of the action's roles in that community. */
export async function loadWish(ctx: Ctx, id: string): Promise<{ wish: WishDoc; community: Community; actor: WishActor }> {
  const wish = await findWish(id)
  if (!wish) throw new AppError('WISH.NOT_FOUND')
  const community = await ctx.authorize(wish.communityId)
  return { wish, community, actor: await actorIn(ctx, community) }
}

/** Whose eyes: staff, the requester, the claimant, or a volunteer looking at a wish approved for claiming. */
export type Sight = 'staff' | 'requester' | 'claimant' | 'volunteer'

export function sightOf(w: WishDoc, a: WishActor, now: Date): Sight | null {
  if (a.staff) return 'staff'
  if (w.requesterOpenid && w.requesterOpenid === a.openid) return 'requester'
  if (w.claim?.openid === a.openid) return 'claimant'
  const state = effectiveState(w, now)
  return a.volunteer && (state === 'open' || state === 'claimed' || state === 'done' || state === 'confirmed') ? 'volunteer' : null
}

/** A person named on record: wishes, claims and the volunteer record carry the name. */
export const mustHaveName = (ctx: Ctx): string => {
  if (!ctx.user?.name) throw new AppError('PROFILE.NAME_REQUIRED')
  return ctx.user.name
}
