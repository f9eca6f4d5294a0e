import { AppError, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { buildingNamed, findBuilding, findGrid, unitsOfBuilding, updateBuilding as save } from '../../_core/repos/places'
import { buildingView, naturalSort } from '../views'

/** Renames a building or moves it to another grid of the same community (each building has exactly one grid). */
export const updateBuilding: Handler<typeof placesContract.actions.updateBuilding> = async (input, ctx) => {
  const building = await findBuilding(input.buildingId)
  if (!building) throw new AppError('PLACE.NOT_FOUND', '没有找到该楼栋')
  await ctx.authorize(building.communityId)
  const patch: { name?: string; sort?: number; gridId?: string | null } = {}
  if (input.name !== undefined && input.name !== building.name) {
    if (await buildingNamed(building.communityId, input.name)) throw new AppError('PLACE.DUPLICATE_NAME', `${input.name} 已经存在`)
    patch.name = input.name
    patch.sort = naturalSort(input.name)
  }
  if (input.gridId !== undefined) {
    if (input.gridId) {
      const grid = await findGrid(input.gridId)
      if (!grid || grid.communityId !== building.communityId) throw new AppError('PLACE.GRID_MISMATCH')
    }
    patch.gridId = input.gridId
  }
  if (Object.keys(patch).length) await save(building._id, patch)
  return buildingView({ ...building, ...patch }, await unitsOfBuilding(building._id))
}
