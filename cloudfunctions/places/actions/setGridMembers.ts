import { AppError, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { rolesIn } from '../../_core/auth'
import { buildingsOf, findGrid, updateGrid } from '../../_core/repos/places'
import { findUsers } from '../../_core/repos/users'
import { gridView } from '../views'

/** Members must already hold the grid-member role in this community (through an invite); the leader, grid leader. */
export const setGridMembers: Handler<typeof placesContract.actions.setGridMembers> = async (input, ctx) => {
  const grid = await findGrid(input.gridId)
  if (!grid) throw new AppError('PLACE.NOT_FOUND', '没有找到该网格')
  const community = await ctx.authorize(grid.communityId)
  const members = [...new Set(input.memberOpenids)]
  const users = await findUsers([...members, ...(input.leaderOpenid ? [input.leaderOpenid] : [])])
  const byId = new Map(users.map((u) => [u._id, u]))
  for (const openid of members) {
    const roles = rolesIn(byId.get(openid) ?? null, community)
    if (!roles.includes('grid_member') && !roles.includes('grid_leader')) throw new AppError('PLACE.NOT_A_MEMBER')
  }
  if (input.leaderOpenid && !rolesIn(byId.get(input.leaderOpenid) ?? null, community).includes('grid_leader')) {
    throw new AppError('PLACE.NOT_A_MEMBER', '网格长须先持有本社区的网格长身份')
  }
  await updateGrid(grid._id, { memberOpenids: members, leaderOpenid: input.leaderOpenid })
  return gridView({ ...grid, memberOpenids: members, leaderOpenid: input.leaderOpenid }, await buildingsOf(grid.communityId))
}
