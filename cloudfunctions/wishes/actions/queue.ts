import type { wishesContract } from '../../../types'
import { wishesInState } from '../../_core/repos/wishes'
import type { Handler } from '../../_core/serve'
import { actorIn } from '../access'
import { summaryOf } from '../views'

/** Staff see the community's wishes by state: the pending ones to approve first. */
export const queue: Handler<typeof wishesContract.actions.queue> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const actor = await actorIn(ctx, community)
  const found = await wishesInState(community._id, input.state, { page: input.page, pageSize: input.pageSize })
  return { ...found, items: found.items.map((w) => summaryOf(w, actor, ctx.now)) }
}
