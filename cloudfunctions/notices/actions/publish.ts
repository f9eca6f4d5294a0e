import { AppError, type NoticeDoc, type noticesContract } from '../../../types'
import { SCENE, screen } from '../../_core/contentCheck'
import { hold } from '../../_core/moderation'
import { idFor } from '../../_core/ids'
import type { Handler } from '../../_core/serve'
import { reachOf } from '../../_core/domain/notices'
import { insertNotice } from '../../_core/repos/notices'
import { buildingsOf, gridsOf } from '../../_core/repos/places'
import { audienceLabeller, excerptOf, viewOf } from '../views'

/** Publishes a notice to the community, a grid or chosen buildings; a retry with the same request id publishes once. */
export const publish: Handler<typeof noticesContract.actions.publish> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  if (!ctx.user?.name) throw new AppError('PROFILE.NAME_REQUIRED')
  const at = ctx.now.toISOString()
  if (input.expiresAt && new Date(input.expiresAt) <= ctx.now) throw new AppError('NOTICE.EXPIRY_PAST')
  const [grids, buildings] = await Promise.all([gridsOf(community._id), buildingsOf(community._id)])
  const audience = {
    scope: input.audience.scope,
    gridIds: input.audience.scope === 'grid' ? [...new Set(input.audience.gridIds)] : [],
    buildingIds: input.audience.scope === 'buildings' ? [...new Set(input.audience.buildingIds)] : [],
  }
  if (audience.gridIds.some((g) => !grids.some((x) => x._id === g))) throw new AppError('PLACE.GRID_MISMATCH')
  if (audience.buildingIds.some((b) => !buildings.some((x) => x._id === b))) throw new AppError('PLACE.NOT_FOUND')
  // staff words reach every resident: risky is refused, 'review' is stored but listed to residents only once published
  const verdict = await screen({ texts: [input.title, input.body], images: input.images }, { openid: ctx.openid, scene: SCENE.forum })
  const doc: NoticeDoc = {
    _id: idFor('notice', ctx.openid, input.requestId),
    communityId: community._id,
    streetId: community.streetId,
    kind: input.kind,
    title: input.title,
    body: input.body,
    excerpt: excerptOf(input.body),
    images: input.images,
    files: input.files,
    audience,
    reach: reachOf(community._id, audience),
    pinned: input.pinned,
    expiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
    publishedBy: ctx.openid,
    publishedByName: ctx.user.name,
    publishedAt: at,
    withdrawnAt: null,
    ...(verdict.suggest === 'review' ? { moderation: 'pending' as const } : {}),
  }
  const stored = await insertNotice(doc)
  if (stored.moderation === 'pending') {
    await hold({
      id: `notice:${stored._id}`,
      communityId: community._id,
      kind: 'notice',
      refId: stored._id,
      text: `${input.title}\n${input.body}`,
      images: input.images,
      byOpenid: ctx.openid,
      verdict,
      at,
    })
  }
  const label = await audienceLabeller(community._id)
  return viewOf(stored, { unread: false, readers: 0, audienceLabel: label(stored), canWithdraw: true })
}
