import { AppError, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { isDuplicateKey } from '../../_core/repos/base'
import { findStreet, updateCommunity } from '../../_core/repos/places'
import { communityView } from '../views'

export const renameCommunity: Handler<typeof placesContract.actions.renameCommunity> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  try {
    await updateCommunity(community._id, { name: input.name })
  } catch (e) {
    if (isDuplicateKey(e)) throw new AppError('PLACE.DUPLICATE_NAME', `${input.name} 已经存在`)
    throw e
  }
  return communityView({ ...community, name: input.name }, await findStreet(community.streetId))
}
