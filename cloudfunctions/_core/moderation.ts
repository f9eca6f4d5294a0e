/**
 * The moderation queue's rules, shared by the functions that hold content (tickets, council, notices) and the
 * moderation function that decides it. See contentCheck.ts for where 'review' comes from.
 */
import type { ModerationDoc, ModerationKind, ModerationStatus } from '../../types'
import type { Verdict } from './contentCheck'
import type { Suggest } from './wx'
import { awaitingTrace, enqueue, findItem, setModeration, settle, statusCountsOf, stopAwaiting } from './repos/moderation'

/** Queues content the check answered 'review' for; the caller has stored the record as moderation 'pending'. */
export async function hold(item: {
  id: string
  communityId: string
  kind: ModerationKind
  refId: string
  text: string
  images: string[]
  byOpenid: string
  verdict: Verdict
  at: string
}): Promise<void> {
  const doc: ModerationDoc = {
    _id: item.id,
    communityId: item.communityId,
    kind: item.kind,
    refId: item.refId,
    text: item.text,
    images: item.images,
    byOpenid: item.byOpenid,
    status: 'pending',
    reason: null,
    decidedBy: null,
    decidedAt: null,
    label: item.verdict.label,
    awaitingTraceIds: item.verdict.awaitingTraceIds,
    judged: item.verdict.judged,
    createdAt: item.at,
  }
  await enqueue(doc)
}

/** The record's status from all its items: anything pending holds it, a rejection keeps it hidden. */
const statusOf = (c: { pending: number; rejected: number }): ModerationStatus => (c.pending > 0 ? 'pending' : c.rejected > 0 ? 'rejected' : 'published')

/**
 * Publishes or rejects a pending item, then shows or keeps hiding its record. False when the item was already
 * decided (another staff member, or the image verdict, came first): then nothing changes.
 */
export async function decideItem(item: ModerationDoc, d: { publish: boolean; reason: string | null; by: string; at: string }): Promise<boolean> {
  const won = await settle(item._id, { status: d.publish ? 'published' : 'rejected', reason: d.publish ? null : d.reason, decidedBy: d.by, decidedAt: d.at })
  if (!won) return false
  await setModeration(item.kind, item.refId, statusOf(await statusCountsOf(item.refId)))
  return true
}

/**
 * An image verdict pushed by WeChat (message push event `wxa_media_check`: { trace_id, result: { suggest } }).
 * risky → the item is rejected; pass → it stops waiting, and is published when nothing else made it 'review'
 * (its text passed and no other image is awaited); review → it stays for staff.
 * NOT wired yet: the push needs a message-push endpoint (HTTP or cloud-function push configured in the
 * mini-program's admin) that calls this.
 */
export async function applyMediaVerdict(traceId: string, suggest: Suggest, at: string): Promise<void> {
  for (const item of await awaitingTrace(traceId)) {
    if (item.status !== 'pending') continue
    await stopAwaiting(item._id, traceId)
    if (suggest === 'risky') await decideItem(item, { publish: false, reason: '图片未通过内容安全检测', by: 'system', at })
    else if (suggest === 'pass' && !item.judged) {
      const fresh = await findItem(item._id)
      if (fresh && fresh.awaitingTraceIds.length === 0) await decideItem(fresh, { publish: true, reason: null, by: 'system', at })
    }
  }
}
