import { AppError, type wishesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { loadWish, sightOf } from '../access'
import { wishView } from '../views'

/** The wish as the caller may see it: staff, its requester, its claimant, or a volunteer while it is approved. */
export const get: Handler<typeof wishesContract.actions.get> = async (input, ctx) => {
  const { wish, actor } = await loadWish(ctx, input.wishId)
  if (!sightOf(wish, actor, ctx.now)) throw new AppError('AUTH.FORBIDDEN')
  return wishView(wish, actor, ctx.now)
}
