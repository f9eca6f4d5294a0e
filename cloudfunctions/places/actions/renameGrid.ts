import { AppError, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { buildingsOf, findGrid, updateGrid } from '../../_core/repos/places'
import { gridView } from '../views'

export const renameGrid: Handler<typeof placesContract.actions.renameGrid> = async (input, ctx) => {
  const grid = await findGrid(input.gridId)
  if (!grid) throw new AppError('PLACE.NOT_FOUND', '没有找到该网格')
  await ctx.authorize(grid.communityId)
  await updateGrid(grid._id, { name: input.name })
  return gridView({ ...grid, name: input.name }, await buildingsOf(grid.communityId))
}
