import { MODERATION_KIND_LABELS, MODERATION_STATUS_LABELS, type ModerationDoc, type ModerationItemView } from '../../types'
import { findUsers } from '../_core/repos/users'

/** Views of queue items, reading the names they show in one query. */
export async function viewsOf(items: ModerationDoc[]): Promise<ModerationItemView[]> {
  const openids = [...new Set(items.flatMap((i) => [i.byOpenid, i.decidedBy]).filter((o): o is string => !!o && o !== 'system'))]
  const names = new Map((await findUsers(openids)).map((u) => [u._id, u.name]))
  return items.map((i) => ({
    id: i._id,
    kind: i.kind,
    kindLabel: MODERATION_KIND_LABELS[i.kind],
    refId: i.refId,
    text: i.text,
    images: i.images,
    byName: names.get(i.byOpenid) || '居民',
    status: i.status,
    statusLabel: MODERATION_STATUS_LABELS[i.status],
    reason: i.reason,
    decidedByName: i.decidedBy ? (i.decidedBy === 'system' ? '系统' : names.get(i.decidedBy) || '') : null,
    decidedAt: i.decidedAt,
    awaitingImages: i.awaitingTraceIds.length,
    createdAt: i.createdAt,
  }))
}
