import { AppError, type GridDoc, type UserDoc, type usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { runTransaction, txGet, txPut } from '../../_core/repos/base'
import { gridsOf } from '../../_core/repos/places'
import { memberView } from '../views'

export const revokeRole: Handler<typeof usersContract.actions.revokeRole> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const at = ctx.now.toISOString()
  const grids = input.role === 'grid_member' || input.role === 'grid_leader' ? await gridsOf(community._id) : []
  const updated = await runTransaction(async (tx) => {
    const user = await txGet<UserDoc>(tx, 'users', input.openid)
    if (!user || !user.roles.some((g) => g.role === input.role && g.communityId === community._id)) {
      throw new AppError('NOT_FOUND', '此人在本社区没有该身份')
    }
    const next = { ...user, roles: user.roles.filter((g) => !(g.role === input.role && g.communityId === community._id)), updatedAt: at }
    await txPut(tx, 'users', next)
    for (const g of grids) {
      const grid = await txGet<GridDoc>(tx, 'grids', g._id)
      if (!grid) continue
      const members = input.role === 'grid_member' ? grid.memberOpenids.filter((o) => o !== input.openid) : grid.memberOpenids
      const leader = input.role === 'grid_leader' && grid.leaderOpenid === input.openid ? null : grid.leaderOpenid
      if (members.length !== grid.memberOpenids.length || leader !== grid.leaderOpenid) {
        await txPut(tx, 'grids', { ...grid, memberOpenids: members, leaderOpenid: leader })
      }
    }
    return next
  })
  return memberView(updated, community)
}
