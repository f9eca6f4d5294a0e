import type { WishDoc } from '../../../types'
import { SYSTEM, decideWish, type WishNotice } from '../domain/wishes'
import { enqueue, outboxEntry, type OutboxDoc } from '../outbox'
import { findWish, lapsedClaims, saveWish } from '../repos/wishes'

/** The outbox records telling the requester or claimant of a wish's change. */
export const wishOutbox = (notices: WishNotice[], w: WishDoc, at: string): OutboxDoc[] =>
  notices.map((n) =>
    outboxEntry({
      to: n.to,
      kind: 'wishChanged',
      ticketId: '',
      wishId: w._id,
      communityId: w.communityId,
      page: `packages/wish/pages/detail/index?id=${w._id}`,
      payload: { state: n.state, category: `微心愿：${w.title}`, place: w.buildingName },
      createdAt: at,
    }),
  )

/** Records the notices of a saved change in the outbox (so none is lost), then sends them. */
export const notifyWish = (notices: WishNotice[], w: WishDoc, at: string) => enqueue(wishOutbox(notices, w, at))

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
        await notifyWish(d.notices, d.next, now.toISOString())
        released++
        break
      }
      w = await findWish(found._id)
    }
  }
  return released
}
