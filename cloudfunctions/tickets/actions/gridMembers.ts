import { AppError, type ticketsContract } from '../../../types'
import { findGrid } from '../../_core/repos/places'
import { findUsers } from '../../_core/repos/users'
import type { Handler } from '../../_core/serve'
import { actorIn, loadTicket, sightOf } from '../access'

/** Whom the ticket can be transferred to: the other members and the leader of its grid, for those who handle it. */
export const gridMembers: Handler<typeof ticketsContract.actions.gridMembers> = async (input, ctx) => {
  const t = await loadTicket(input.ticketId)
  const community = await ctx.authorize(t.communityId)
  const { actor } = await actorIn(ctx, community)
  if ((await sightOf(ctx, t, actor)) === null) throw new AppError('AUTH.FORBIDDEN')
  const grid = t.gridId ? await findGrid(t.gridId) : null
  if (!grid) return []
  const openids = [...new Set([...grid.memberOpenids, ...(grid.leaderOpenid ? [grid.leaderOpenid] : [])])].filter(
    (o) => o !== t.assigneeOpenid && o !== ctx.openid,
  )
  const users = await findUsers(openids)
  const names = new Map(users.map((u) => [u._id, u.name]))
  return openids.map((openid) => ({ openid, name: names.get(openid) || '网格员', isLeader: openid === grid.leaderOpenid }))
}
