import type { usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { revoke } from '../../_core/domain/users'
import { gridsOf } from '../../_core/repos/places'
import { changeRoles } from '../../_core/repos/users'
import { memberView } from '../views'

export const revokeRole: Handler<typeof usersContract.actions.revokeRole> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const at = ctx.now.toISOString()
  const grids = input.role === 'grid_member' || input.role === 'grid_leader' ? await gridsOf(community._id) : []
  const updated = await changeRoles(
    input.openid,
    grids.map((g) => g._id),
    (user, current) => revoke(user, input.role, community._id, current, at),
  )
  return memberView(updated, community)
}
