import { AppError, type Community, type HouseholdDoc, type WishDoc, type WishView } from '../../types'
import { SCENE, screen } from '../_core/contentCheck'
import { wantedAtValid } from '../_core/domain/wishes'
import { findBuilding, findUnit } from '../_core/repos/places'
import { findWish, insertWish, wishIdFor } from '../_core/repos/wishes'
import type { Ctx } from '../_core/serve'
import { actorIn } from './access'
import { wishView } from './views'

export interface NewWish {
  requestId: string
  title: string
  description: string
  wantedAt: string
}

export interface Requester {
  openid: string | null
  name: string
  memberId: string | null
}

/**
 * Files a wish once per (poster, requestId), placed at the requester's household: its building, unit and grid, as the
 * register has them (nobody types an address). The words reach every volunteer of the community, so they are checked
 * first: risky is refused. A resident's wish waits for staff, who see whether the check asked for a person's look;
 * a wish staff post themselves is approved at once, so it must pass the check outright.
 */
export async function fileWish(
  ctx: Ctx,
  community: Community,
  home: HouseholdDoc,
  requester: Requester,
  poster: { name: string; staff: boolean },
  input: NewWish,
): Promise<WishView> {
  const id = wishIdFor(ctx.openid, input.requestId)
  const actor = await actorIn(ctx, community)
  const existing = await findWish(id)
  if (existing) return wishView(existing, actor, ctx.now)
  const wantedAt = new Date(input.wantedAt).toISOString()
  if (!wantedAtValid(wantedAt, ctx.now)) throw new AppError('WISH.WHEN_INVALID')
  const verdict = await screen({ texts: [input.title, input.description] }, { openid: ctx.openid, scene: SCENE.forum })
  if (poster.staff && verdict.suggest === 'review') throw new AppError('CONTENT.REVIEW')
  const [building, unit] = await Promise.all([findBuilding(home.buildingId), findUnit(home.unitId)])
  const at = ctx.now.toISOString()
  const doc: WishDoc = {
    _id: id,
    communityId: community._id,
    streetId: community.streetId,
    gridId: building?.gridId ?? null,
    buildingId: home.buildingId,
    unitId: home.unitId,
    householdId: home._id,
    buildingName: building?.name ?? '',
    unitName: unit?.name ?? '',
    title: input.title,
    description: input.description,
    wantedAt,
    requesterOpenid: requester.openid,
    requesterName: requester.name,
    requesterMemberId: requester.memberId,
    postedBy: { openid: ctx.openid, name: poster.name, staff: poster.staff },
    state: poster.staff ? 'open' : 'pending',
    flagged: verdict.suggest === 'review',
    review: poster.staff ? { approved: true, reason: null, byOpenid: ctx.openid, byName: poster.name, at } : null,
    claim: null,
    claimExpiresAt: null,
    releases: [],
    done: null,
    credit: null,
    cancelled: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  }
  const { doc: stored } = await insertWish(doc)
  return wishView(stored, actor, ctx.now)
}
