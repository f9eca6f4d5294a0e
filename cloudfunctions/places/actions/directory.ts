import type { placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { buildingsOf, findStreet, unitsOfCommunity } from '../../_core/repos/places'
import { communityView } from '../views'

/** Building and unit names for a resident picking their home: no codes, no people. */
export const directory: Handler<typeof placesContract.actions.directory> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const [buildings, units, street] = await Promise.all([buildingsOf(community._id), unitsOfCommunity(community._id), findStreet(community.streetId)])
  return {
    community: communityView(community, street),
    buildings: buildings.map((b) => ({
      id: b._id,
      name: b.name,
      units: units.filter((u) => u.buildingId === b._id).map((u) => ({ id: u._id, name: u.name })),
    })),
  }
}
