import type { ticketsContract } from '../../../types'
import { inboxPage } from '../../_core/repos/tickets'
import type { Handler } from '../../_core/serve'
import { actorIn } from '../access'
import { summaryOf } from '../views'

/**
 * The desk of grid people: open tickets of their grids at grid level — overdue first, then new, then in
 * progress. Community staff (no grid) get the tickets escalated to the community instead.
 */
export const inbox: Handler<typeof ticketsContract.actions.inbox> = async (input, ctx) => {
  const community = await ctx.community(input.communityId) // serve has authorized the caller here
  const { actor } = await actorIn(ctx, community)
  const staff = actor.roles.some((r) => r === 'community_staff' || r === 'branch_secretary')
  const page = await inboxPage({ gridIds: [...actor.gridIds], communityLevelOf: staff ? community._id : null }, ctx.now.toISOString(), {
    page: input.page,
    pageSize: input.pageSize,
  })
  return { ...page, items: page.items.map((t) => summaryOf(t, ctx.now)) }
}
