import { AppError, type ticketsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { actorIn, loadTicket, sightOf } from '../access'
import { viewFor } from '../views'

/** A ticket as the caller may see it; a ticket that is not theirs to see answers AUTH.FORBIDDEN. */
export const get: Handler<typeof ticketsContract.actions.get> = async (input, ctx) => {
  const t = await loadTicket(input.ticketId)
  const community = await ctx.community(t.communityId)
  const { actor } = await actorIn(ctx, community)
  const sight = await sightOf(ctx, t, actor)
  if (!sight) throw new AppError('AUTH.FORBIDDEN')
  return viewFor(ctx, t, { community, actor, sight })
}
