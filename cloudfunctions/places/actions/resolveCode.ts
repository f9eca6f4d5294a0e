import { AppError, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { findBuilding, findCommunity, findGrid, findStreet, findUnitByCode } from '../../_core/repos/places'

/** The stairwell scan: anyone may read where a code points (names only, nothing personal). */
export const resolveCode: Handler<typeof placesContract.actions.resolveCode> = async (input) => {
  const unit = await findUnitByCode(input.code.toUpperCase())
  if (!unit) throw new AppError('PLACE.UNKNOWN_CODE')
  const [building, community, street] = await Promise.all([findBuilding(unit.buildingId), findCommunity(unit.communityId), findStreet(unit.streetId)])
  if (!building || !community) throw new AppError('PLACE.UNKNOWN_CODE')
  const grid = building.gridId ? await findGrid(building.gridId) : null
  return {
    code: unit.code,
    street: { id: unit.streetId, name: street?.name ?? '' },
    community: { id: community._id, name: community.name },
    building: { id: building._id, name: building.name },
    unit: { id: unit._id, name: unit.name },
    grid: grid ? { id: grid._id, name: grid.name } : null,
  }
}
