import { AppError, type Community, type NoticeDoc, type Role } from '../../types'
import { findNotice } from '../_core/repos/notices'
import { buildingsOf, findHouseholds } from '../_core/repos/places'
import type { Ctx } from '../_core/serve'
import { ORGANISERS, OVERSEERS } from '../../types/roles'

export const PUBLISHERS: readonly Role[] = ORGANISERS

export const oversees = (ctx: Ctx, community: Community) => ctx.rolesIn(community).some((r) => OVERSEERS.includes(r))

/** The buildings and grids the caller lives in, in this community: what a notice's audience is matched against. */
export async function homeOf(ctx: Ctx, community: Community): Promise<{ buildingIds: Set<string>; gridIds: Set<string> }> {
  const homes = (await findHouseholds(ctx.user?.householdIds ?? [])).filter((h) => h.communityId === community._id)
  const buildingIds = new Set(homes.map((h) => h.buildingId))
  const buildings = buildingIds.size ? await buildingsOf(community._id) : []
  const gridIds = new Set(buildings.filter((b) => buildingIds.has(b._id) && b.gridId).map((b) => b.gridId as string))
  return { buildingIds, gridIds }
}

/** Held by the content check (in review, or rejected): residents do not see it. */
export const isHeld = (n: Pick<NoticeDoc, 'moderation'>) => n.moderation === 'pending' || n.moderation === 'rejected'

export const isFor = (n: NoticeDoc, home: { buildingIds: Set<string>; gridIds: Set<string> }) =>
  n.audience.scope === 'community' ||
  (n.audience.scope === 'grid' && n.audience.gridIds.some((g) => home.gridIds.has(g))) ||
  (n.audience.scope === 'buildings' && n.audience.buildingIds.some((b) => home.buildingIds.has(b)))

/** The notice, once the caller is known to hold one of the action's roles in its community. */
export async function loadNotice(ctx: Ctx, id: string): Promise<{ notice: NoticeDoc; community: Community }> {
  const notice = await findNotice(id)
  if (!notice) throw new AppError('NOTICE.NOT_FOUND')
  const community = await ctx.authorize(notice.communityId)
  return { notice, community }
}
