import type { wishesContract } from '../../../types'
import { wishesOf } from '../../_core/repos/wishes'
import type { Handler } from '../../_core/serve'
import { actorIn } from '../access'
import { summaryOf } from '../views'

/** The wishes I asked for (newest first), or the ones I hold the claim of (latest change first). */
export const mine: Handler<typeof wishesContract.actions.mine> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const actor = await actorIn(ctx, community)
  const found = await wishesOf(community._id, ctx.openid, input.as, { page: input.page, pageSize: input.pageSize })
  return { ...found, items: found.items.map((w) => summaryOf(w, actor, ctx.now)) }
}
