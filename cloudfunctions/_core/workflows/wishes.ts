import type { WishDoc } from '../../../types'
import { SYSTEM, decideWish } from '../domain/wishes'
import { findWish, lapsedClaims, notify, saveWish } from '../repos/wishes'

/**
 * The timer's part of 微心愿: claims not done within their community's `wishClaimDays` go back to open, the claimant
 * and the requester told. Each save is conditional on the version read, so a claimant marking the wish done at this
 * very moment either lands first (and the wish is no longer claimed) or finds the claim released. A batch a run; the
 * rest wait 5 minutes. Until released, a lapsed claim already counts as released wherever it is read (domain `lapsed`).
 */
export async function releaseLapsedClaims(now: Date, batch = 200): Promise<number> {
  let released = 0
  for (const found of await lapsedClaims(now.toISOString(), batch)) {
    let w: WishDoc | null = found
    for (let attempt = 0; attempt < 2 && w; attempt++) {
      const d = decideWish(w, { type: 'expire' }, SYSTEM, now)
      if (!d.ok) break
      if (await saveWish(w, d.next)) {
        await notify(d.notices, d.next, now.toISOString())
        released++
        break
      }
      w = await findWish(found._id)
    }
  }
  return released
}
