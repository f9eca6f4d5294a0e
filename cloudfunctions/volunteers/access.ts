import { AppError, type Community, type Role, type VolunteerActivityDoc } from '../../types'
import type { Refusal } from '../_core/domain/volunteers'
import { findActivity } from '../_core/repos/volunteers'
import type { Ctx } from '../_core/serve'
import { COMMUNITY_MEMBERS, ORGANISERS } from '../../types/roles'

export { ORGANISERS }

/** Roles that may take part (street staff only look on). */
export const MEMBERS: readonly Role[] = COMMUNITY_MEMBERS

export const isOrganiser = (ctx: Ctx, community: Community) => ctx.rolesIn(community).some((r) => ORGANISERS.includes(r))

export const refused = (r: Refusal): never => {
  throw new AppError(r.code, r.message)
}

/** The activity and its community, once the caller holds one of `roles` (default: the action's) there. */
export async function loadActivity(ctx: Ctx, id: string, roles?: readonly Role[]): Promise<{ activity: VolunteerActivityDoc; community: Community }> {
  const activity = await findActivity(id)
  if (!activity) throw new AppError('VOLUNTEER.NOT_FOUND')
  const community = await ctx.authorize(activity.communityId, roles)
  return { activity, community }
}

/** A person named on record: sign-ups, hours and registrations carry the name. */
export const mustHaveName = (ctx: Ctx): string => {
  if (!ctx.user?.name) throw new AppError('PROFILE.NAME_REQUIRED')
  return ctx.user.name
}
