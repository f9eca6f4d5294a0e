import { AppError, type CommunityRole, type Role, type usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { addHours } from '../../_core/clock'
import { readableCode } from '../../_core/ids'
import { findGrid } from '../../_core/repos/places'
import { insertInvite } from '../../_core/repos/users'
import { inviteView } from '../views'

/**
 * Which roles each staff role may hand out: only the branch and the street can make a branch secretary or record a
 * party member; residents' representatives are elected, and staff record them.
 */
const MAY_INVITE: Partial<Record<Role, readonly CommunityRole[]>> = {
  street_staff: ['grid_member', 'grid_leader', 'community_staff', 'branch_secretary', 'party_member', 'resident_rep'],
  branch_secretary: ['grid_member', 'grid_leader', 'community_staff', 'branch_secretary', 'party_member', 'resident_rep'],
  community_staff: ['grid_member', 'grid_leader', 'community_staff', 'resident_rep'],
}

export const createInvite: Handler<typeof usersContract.actions.createInvite> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  if (!ctx.rolesIn(community).some((r) => MAY_INVITE[r]?.includes(input.role))) throw new AppError('INVITE.ROLE_NOT_ALLOWED')
  const gridId = input.gridId ?? null
  if (gridId) {
    const grid = await findGrid(gridId)
    if (!grid || grid.communityId !== community._id) throw new AppError('PLACE.GRID_MISMATCH')
  }
  for (let attempt = 0; ; attempt++) {
    const doc = {
      _id: readableCode(8),
      communityId: community._id,
      streetId: community.streetId,
      role: input.role,
      gridId,
      createdBy: ctx.openid,
      createdAt: ctx.now.toISOString(),
      expiresAt: addHours(ctx.now, input.validHours).toISOString(),
      usedBy: null,
      usedAt: null,
    }
    if (await insertInvite(doc)) return inviteView(doc, null)
    // 31^8 codes: a collision is rare; try a fresh code a few times before giving up
    if (attempt >= 4) throw new AppError('INTERNAL', '邀请码生成失败，请重试')
  }
}
