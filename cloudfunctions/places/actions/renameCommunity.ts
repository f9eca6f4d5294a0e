import { AppError, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { findStreet, renameCommunity as saveName } from '../../_core/repos/places'
import { communityView } from '../views'

export const renameCommunity: Handler<typeof placesContract.actions.renameCommunity> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  if (!(await saveName(community._id, input.name))) throw new AppError('PLACE.DUPLICATE_NAME', `${input.name} 已经存在`)
  return communityView({ ...community, name: input.name }, await findStreet(community.streetId))
}
