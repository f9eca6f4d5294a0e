import type { wishesContract } from '../../../types'
import { proximityTiers } from '../../_core/domain/wishes'
import { findBuildings, findHouseholds } from '../../_core/repos/places'
import { openWishesNear } from '../../_core/repos/wishes'
import type { Handler } from '../../_core/serve'
import { actorIn } from '../access'
import { summaryOf } from '../views'

/**
 * Open wishes a volunteer may claim, nearest their own home first: same unit, same building, same grid, then the rest
 * (their own wishes left out). Someone who is neither volunteer nor party member of the community gets none, and is told.
 */
export const nearby: Handler<typeof wishesContract.actions.nearby> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const actor = await actorIn(ctx, community)
  const paging = { page: input.page, pageSize: input.pageSize }
  if (!actor.volunteer) return { items: [], ...paging, total: 0, volunteer: false }
  const homes = (await findHouseholds(ctx.user?.householdIds ?? [])).filter((h) => h.communityId === community._id)
  const buildings = await findBuildings(homes.map((h) => h.buildingId))
  const home = {
    unitIds: homes.map((h) => h.unitId),
    buildingIds: homes.map((h) => h.buildingId),
    gridIds: buildings.flatMap((b) => (b.gridId ? [b.gridId] : [])),
  }
  const found = await openWishesNear(community._id, proximityTiers(home), ctx.openid, paging)
  return { ...found, items: found.items.map((x) => summaryOf(x.wish, actor, ctx.now, x.near)), volunteer: true }
}
