import { AppError, NOTICE_KIND_LABELS, type CommunityDoc, type NoticeDoc, type NoticeSummary, type NoticeView, type Role } from '../../types'
import { findNotice, type NoticeHead } from '../_core/repos/notices'
import { buildingsOf, findHouseholds, gridsOf } from '../_core/repos/places'
import type { Ctx } from '../_core/serve'
import { ORGANISERS, OVERSEERS } from '../../types/roles'

export const PUBLISHERS: readonly Role[] = ORGANISERS

export const oversees = (ctx: Ctx, community: CommunityDoc) => ctx.rolesIn(community).some((r) => OVERSEERS.includes(r))

/** The buildings and grids the caller lives in, in this community: what a notice's audience is matched against. */
export async function homeOf(ctx: Ctx, community: CommunityDoc): Promise<{ buildingIds: Set<string>; gridIds: Set<string> }> {
  const homes = (await findHouseholds(ctx.user?.householdIds ?? [])).filter((h) => h.communityId === community._id)
  const buildingIds = new Set(homes.map((h) => h.buildingId))
  const buildings = buildingIds.size ? await buildingsOf(community._id) : []
  const gridIds = new Set(buildings.filter((b) => buildingIds.has(b._id) && b.gridId).map((b) => b.gridId as string))
  return { buildingIds, gridIds }
}

/** Held by the content check (in review, or rejected): residents do not see it. */
export const isHeld = (n: Pick<NoticeDoc, 'moderation'>) => n.moderation === 'pending' || n.moderation === 'rejected'

export const isFor = (n: NoticeDoc, home: { buildingIds: Set<string>; gridIds: Set<string> }) =>
  n.audience.scope === 'community' ||
  (n.audience.scope === 'grid' && n.audience.gridIds.some((g) => home.gridIds.has(g))) ||
  (n.audience.scope === 'buildings' && n.audience.buildingIds.some((b) => home.buildingIds.has(b)))

/** The notice, once the caller is known to hold one of the action's roles in its community. */
export async function loadNotice(ctx: Ctx, id: string): Promise<{ notice: NoticeDoc; community: CommunityDoc }> {
  const notice = await findNotice(id)
  if (!notice) throw new AppError('NOTICE.NOT_FOUND')
  const community = await ctx.authorize(notice.communityId)
  return { notice, community }
}

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
