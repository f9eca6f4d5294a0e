import type { placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { newId } from '../../_core/ids'
import { insertGrid } from '../../_core/repos/places'
import { gridView } from '../views'

export const createGrid: Handler<typeof placesContract.actions.createGrid> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const grid = {
    _id: newId(),
    communityId: community._id,
    streetId: community.streetId,
    name: input.name,
    memberOpenids: [],
    leaderOpenid: null,
    createdAt: ctx.now.toISOString(),
  }
  await insertGrid(grid)
  return gridView(grid, [])
}
