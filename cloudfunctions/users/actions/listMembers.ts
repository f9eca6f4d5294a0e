import { COMMUNITY_ROLES, type usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { peopleWithRolesIn } from '../../_core/repos/users'
import { memberView } from '../views'

/** Staff and grid members of the community (residents are on the household roll, not listed here). */
export const listMembers: Handler<typeof usersContract.actions.listMembers> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const users = await peopleWithRolesIn(community._id, input.role ? [input.role] : COMMUNITY_ROLES)
  return users
    .map((u) => memberView(u, community))
    .filter((m) => (input.role ? m.roles.includes(input.role) : m.roles.some((r) => r !== 'resident')))
}
