import { NOTICE_KIND_LABELS, type NoticeDoc, type NoticeSummary, type NoticeView } from '../../types'
import type { NoticeHead } from '../_core/repos/notices'
import { buildingsOf, gridsOf } from '../_core/repos/places'

/** Names of the audience, read once per community. */
export async function audienceLabeller(communityId: string): Promise<(n: Pick<NoticeDoc, 'audience'>) => string> {
  const [grids, buildings] = await Promise.all([gridsOf(communityId), buildingsOf(communityId)])
  const gridName = new Map(grids.map((g) => [g._id, g.name]))
  const buildingName = new Map(buildings.map((b) => [b._id, b.name]))
  return (n: Pick<NoticeDoc, 'audience'>) =>
    n.audience.scope === 'community'
      ? '全社区'
      : n.audience.scope === 'grid'
        ? n.audience.gridIds.map((g) => gridName.get(g) ?? '').join('、')
        : n.audience.buildingIds.map((b) => buildingName.get(b) ?? '').join('、')
}

/** The opening of a body as lists show it, one line. */
export const excerptOf = (body: string) => body.replace(/\s+/g, ' ').slice(0, 60)

/** A list reads notices without bodies: the stored excerpt, or for a notice older than excerpts its body's opening. */
export const summaryOf = (n: NoticeHead & { body?: string }, o: { unread: boolean; readers: number | null; audienceLabel: string }): NoticeSummary => ({
  id: n._id,
  kind: n.kind,
  kindLabel: NOTICE_KIND_LABELS[n.kind],
  title: n.title,
  excerpt: n.excerpt ?? excerptOf(n.body ?? ''),
  pinned: n.pinned,
  audienceLabel: o.audienceLabel,
  publishedAt: n.publishedAt,
  expiresAt: n.expiresAt,
  publishedBy: n.publishedByName,
  unread: o.unread,
  readers: o.readers,
})

export const viewOf = (n: NoticeDoc, o: { unread: boolean; readers: number | null; audienceLabel: string; canWithdraw: boolean }): NoticeView => ({
  ...summaryOf(n, o),
  communityId: n.communityId,
  body: n.body,
  images: n.images,
  files: n.files,
  audience: n.audience,
  withdrawn: !!n.withdrawnAt,
  canWithdraw: o.canWithdraw && !n.withdrawnAt,
  ...(n.moderation ? { moderation: n.moderation } : {}),
})
