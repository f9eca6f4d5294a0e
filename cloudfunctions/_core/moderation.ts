/**
 * The moderation queue's rules, shared by the functions that hold content (tickets, council, notices) and the
 * moderation function that decides it. See contentCheck.ts for where 'review' comes from.
 */
import type { ModerationDoc, ModerationKind } from '../../types'
import type { Verdict } from './contentCheck'
import { decideMediaVerdict, statusOf, type MediaVerdict } from './domain/moderation'
import { awaitingTrace, enqueue, setModeration, settle, statusCountsOf, updateItem } from './repos/moderation'

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

/** Shows or keeps hiding the record an item belongs to, from all its items (statusOf), once an item was decided. */
const showRecord = async (item: Pick<ModerationDoc, 'kind' | 'refId'>): Promise<void> =>
  setModeration(item.kind, item.refId, statusOf(await statusCountsOf(item.refId)))

/**
 * Publishes or rejects a pending item, then shows or keeps hiding its record. False when the item was already
 * decided (another staff member, or the image verdict, came first): then nothing changes.
 */
export async function decideItem(item: ModerationDoc, d: { publish: boolean; reason: string | null; by: string; at: string }): Promise<boolean> {
  const won = await settle(item._id, { status: d.publish ? 'published' : 'rejected', reason: d.publish ? null : d.reason, decidedBy: d.by, decidedAt: d.at })
  if (!won) return false
  await showRecord(item)
  return true
}

/** What one image verdict did to one held item. */
export interface AppliedVerdict {
  itemId: string
  kind: ModerationKind
  refId: string
  /** the item's status after the verdict (pending: still waiting for other images, or for staff) */
  status: ModerationDoc['status']
  /** the verdict decided the item (published or rejected it) */
  settled: boolean
}

/**
 * An image verdict pushed by WeChat (the `mediaCheck` function receives the push): applied to every held item still
 * waiting for that trace, each in a transaction, by the pure rule `decideMediaVerdict`. When it decides an item, the
 * item's record (ticket, objection, notice) is shown or kept hidden exactly as after a staff decision. Empty when no
 * item waits for the trace: a push delivered again, or a trace that is not ours, changes nothing.
 */
export async function applyMediaVerdict(verdict: MediaVerdict, at: string): Promise<AppliedVerdict[]> {
  const applied: AppliedVerdict[] = []
  for (const found of await awaitingTrace(verdict.traceId)) {
    const r = await updateItem(found._id, (item) => {
      const d = decideMediaVerdict(item, verdict, at)
      return d.apply ? { next: d.next, answer: { item: d.next, settled: d.settled } } : { next: null, answer: null }
    })
    if (!r) continue // another delivery of the same push came first
    if (r.settled) await showRecord(r.item)
    applied.push({ itemId: r.item._id, kind: r.item.kind, refId: r.item.refId, status: r.item.status, settled: r.settled })
  }
  return applied
}
