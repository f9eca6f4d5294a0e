import type { placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { buildingsOf, findStreet, gridsOf, unitsOfCommunity } from '../../_core/repos/places'
import { buildingView, communityView, gridView } from '../views'

export const tree: Handler<typeof placesContract.actions.tree> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const [grids, buildings, units, street] = await Promise.all([
    gridsOf(community._id),
    buildingsOf(community._id),
    unitsOfCommunity(community._id),
    findStreet(community.streetId),
  ])
  return {
    community: communityView(community, street),
    grids: grids.map((g) => gridView(g, buildings)),
    buildings: buildings.map((b) => buildingView(b, units)),
  }
}
