import { COMMUNITY_ROLES, type usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { peopleWithRolesIn } from '../../_core/repos/users'
import { memberView } from '../views'
import { STAFF } from '../../../types/roles'

/** Who may see who is a party member: the branch and the community's staff (a grid leader organises grids, not the branch). */

/** Staff and grid members of the community (residents are on the household register, not listed here). */
export const listMembers: Handler<typeof usersContract.actions.listMembers> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const party = ctx.rolesIn(community).some((r) => STAFF.includes(r))
  const wanted = (input.role ? [input.role] : COMMUNITY_ROLES).filter((r) => party || r !== 'party_member')
  if (!wanted.length) return []
  const users = await peopleWithRolesIn(community._id, wanted)
  return users
    .map((u) => memberView(u, community))
    .map((m) => (party ? m : { ...m, roles: m.roles.filter((r) => r !== 'party_member') }))
    .filter((m) => (input.role ? m.roles.includes(input.role) : m.roles.some((r) => r !== 'resident')))
}
