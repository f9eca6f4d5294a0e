import { AppError, type Community, type WishDoc, type WishView } from '../../types'
import { decideWish, type WishActor, type WishEvent } from '../_core/domain/wishes'
import { findWish, saveWish } from '../_core/repos/wishes'
import { notifyWish } from '../_core/workflows/wishes'
import type { Ctx } from '../_core/serve'
import { loadWish } from './access'
import { wishView } from './views'

/**
 * Load, decide, save, notify. The save is conditional on the version read; when another write landed first the wish
 * is read again and the event decided once more on the fresh state — so of thirty volunteers claiming at once, one
 * holds the claim and the others hear WISH.ALREADY_CLAIMED.
 */
export async function step(ctx: Ctx, wishId: string, eventFor: (w: WishDoc, community: Community, actor: WishActor) => WishEvent): Promise<WishView> {
  const loaded = await loadWish(ctx, wishId)
  let wish: WishDoc | null = loaded.wish
  for (let attempt = 0; attempt < 4 && wish; attempt++) {
    const d = decideWish(wish, eventFor(wish, loaded.community, loaded.actor), loaded.actor, ctx.now)
    if (!d.ok) throw new AppError(d.code, d.message)
    if (await saveWish(wish, d.next)) {
      await notifyWish(d.notices, d.next, ctx.now.toISOString())
      return wishView(d.next, loaded.actor, ctx.now)
    }
    wish = await findWish(wishId)
  }
  throw new AppError(wish ? 'CONFLICT' : 'WISH.NOT_FOUND')
}
