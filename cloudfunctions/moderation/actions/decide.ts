import { AppError, type moderationContract } from '../../../types'
import { decideItem } from '../../_core/moderation'
import { findItem } from '../../_core/repos/moderation'
import type { Handler } from '../../_core/serve'
import { viewsOf } from '../views'

/**
 * Publishes held content (it becomes public) or keeps it hidden with a reason. Decided once: the update is
 * conditional on the item still pending, so of two staff deciding at once the second hears ALREADY_DECIDED.
 */
export const decide: Handler<typeof moderationContract.actions.decide> = async (input, ctx) => {
  const item = await findItem(input.itemId)
  if (!item) throw new AppError('MODERATION.NOT_FOUND')
  await ctx.authorize(item.communityId)
  if (item.status !== 'pending') throw new AppError('MODERATION.ALREADY_DECIDED')
  const won = await decideItem(item, { publish: input.publish, reason: input.reason || null, by: ctx.openid, at: ctx.now.toISOString() })
  if (!won) throw new AppError('MODERATION.ALREADY_DECIDED')
  const [view] = await viewsOf([(await findItem(item._id)) ?? item])
  return view
}
