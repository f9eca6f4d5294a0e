import type { ticketsContract } from '../../../types'
import { listPage } from '../../_core/repos/tickets'
import type { Handler } from '../../_core/serve'
import { actorIn } from '../access'
import { summaryOf } from '../views'

/** All tickets of the community for staff; a grid leader without a staff role sees the grids they serve. */
export const list: Handler<typeof ticketsContract.actions.list> = async (input, ctx) => {
  const community = await ctx.community(input.communityId) // serve has authorized the caller here
  const { actor } = await actorIn(ctx, community)
  const staff = actor.roles.some((r) => r === 'community_staff' || r === 'branch_secretary' || r === 'street_staff')
  const page = await listPage(
    {
      communityId: community._id,
      gridIds: staff ? undefined : [...actor.gridIds],
      state: input.state,
      gridId: input.gridId,
      buildingId: input.buildingId,
      category: input.category,
      overdue: input.overdue,
    },
    ctx.now.toISOString(),
    { page: input.page, pageSize: input.pageSize },
  )
  return { ...page, items: page.items.map((t) => summaryOf(t, ctx.now)) }
}
