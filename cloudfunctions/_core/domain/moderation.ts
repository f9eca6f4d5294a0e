import type { ModerationDoc, ModerationStatus } from '../../../types'

/** WeChat's content-security verdict: `pass`, `review` (a person should look), `risky` (must not be shown). */
export type Suggest = 'pass' | 'review' | 'risky'

/**
 * The moderation queue's pure rules: how a record's visibility follows from its items, and what an image verdict
 * pushed by WeChat (mediaCheckAsync v2, message push `wxa_media_check`) does to the item waiting for it.
 */

/** Who decided an item no person decided (shown as 系统 in the queue). */
export const SYSTEM_DECIDER = 'system'

/** The reason recorded when WeChat's image check answers risky. */
export const IMAGE_RISKY_REASON = '图片未通过微信内容安全检测'

/** The record's status from all its items: anything pending holds it, a rejection keeps it hidden. */
export const statusOf = (c: { pending: number; rejected: number }): ModerationStatus => (c.pending > 0 ? 'pending' : c.rejected > 0 ? 'rejected' : 'published')

/** One image's verdict as WeChat pushed it. `suggest` is null when WeChat could not judge the image (the push carried
 * an errcode instead of a result, e.g. -1008: the image could not be downloaded). */
export interface MediaVerdict {
  traceId: string
  suggest: Suggest | null
}

export type MediaVerdictDecision =
  /** nothing to write: the item does not wait for this trace (the push came before, or names another item's image) */
  | { apply: false; note: string }
  /** write `next`; `settled` when the verdict decided the item (its record's visibility must follow) */
  | { apply: true; next: ModerationDoc; settled: boolean }

/**
 * What a pushed image verdict does to an item, given the item as stored now:
 *   - the trace leaves the waiting list in every case, so a second delivery of the same push finds nothing to do;
 *   - risky: the item is rejected with IMAGE_RISKY_REASON, as a staff rejection would;
 *   - review, or no verdict (WeChat could not check): the item stays for staff, now marked `judged`;
 *   - pass: the item is published when nothing else is awaited and nothing judged it (its text passed, no failed
 *     check, no other image said review or risky); otherwise it keeps waiting for the rest, or for staff.
 * An item staff already decided keeps their decision; only the trace leaves its waiting list.
 */
export function decideMediaVerdict(item: ModerationDoc, verdict: MediaVerdict, at: string): MediaVerdictDecision {
  if (!item.awaitingTraceIds.includes(verdict.traceId)) return { apply: false, note: `item ${item._id} does not wait for trace ${verdict.traceId}` }
  const awaitingTraceIds = item.awaitingTraceIds.filter((t) => t !== verdict.traceId)
  const waited: ModerationDoc = { ...item, awaitingTraceIds, judged: item.judged || verdict.suggest !== 'pass' }
  if (item.status !== 'pending') return { apply: true, next: waited, settled: false }
  const decided = (status: 'published' | 'rejected', reason: string | null): MediaVerdictDecision => ({
    apply: true,
    next: { ...waited, status, reason, decidedBy: SYSTEM_DECIDER, decidedAt: at },
    settled: true,
  })
  if (verdict.suggest === 'risky') return decided('rejected', IMAGE_RISKY_REASON)
  if (verdict.suggest === 'pass' && awaitingTraceIds.length === 0 && !item.judged) return decided('published', null)
  return { apply: true, next: waited, settled: false }
}
