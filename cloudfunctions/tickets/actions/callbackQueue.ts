import type { ticketsContract } from '../../../types'
import { callbackPage } from '../../_core/repos/callbacks'
import type { Handler } from '../../_core/serve'
import { callbackItems } from '../callbackAct'
import { actorIn } from '../access'
import { SUPERVISORS, inGroup } from '../../../types/roles'

/**
 * The community's callbacks in one status, due first. A grid member (who may call back other grids only) does not
 * see their own grids' tickets; a ticket the viewer handled is listed with why they may not call (`blocked`).
 */
export const callbackQueue: Handler<typeof ticketsContract.actions.callbackQueue> = async (input, ctx) => {
  const community = await ctx.community(input.communityId) // serve has authorized the caller here
  const { actor } = await actorIn(ctx, community)
  const memberOnly = !actor.roles.some((r) => inGroup(SUPERVISORS, r))
  const page = await callbackPage(
    { communityId: community._id, status: input.status, excludeGridIds: memberOnly ? [...actor.gridIds] : [] },
    { page: input.page, pageSize: input.pageSize },
  )
  return { ...page, items: await callbackItems(ctx, community, actor, page.items) }
}
