import { AppError, type UnitDoc, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { newId, readableCode } from '../../_core/ids'
import { buildingNamed, findGrid, insertBuildingWithUnits } from '../../_core/repos/places'
import { buildingView, naturalSort } from '../views'

/** A building comes with its units (1单元 … N单元), each with its own stairwell code, in one transaction. */
export const createBuilding: Handler<typeof placesContract.actions.createBuilding> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const gridId = input.gridId ?? null
  if (gridId) {
    const grid = await findGrid(gridId)
    if (!grid || grid.communityId !== community._id) throw new AppError('PLACE.GRID_MISMATCH')
  }
  if (await buildingNamed(community._id, input.name)) throw new AppError('PLACE.DUPLICATE_NAME', `${input.name} 已经存在`)
  const at = ctx.now.toISOString()
  const building = {
    _id: newId(),
    communityId: community._id,
    streetId: community.streetId,
    gridId,
    name: input.name,
    sort: naturalSort(input.name),
    createdAt: at,
  }
  const units: UnitDoc[] = Array.from({ length: input.units }, (_, i) => ({
    _id: newId(),
    communityId: community._id,
    streetId: community.streetId,
    buildingId: building._id,
    name: `${i + 1}单元`,
    code: readableCode(8),
    sort: i + 1,
    createdAt: at,
  }))
  await insertBuildingWithUnits(building, units)
  return buildingView(building, units)
}
