import { AppError, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { newId } from '../../_core/ids'
import { findStreet, insertCommunity } from '../../_core/repos/places'
import { communityView } from '../views'

/** A street rolls the app out community by community; only its own staff may add one. */
export const createCommunity: Handler<typeof placesContract.actions.createCommunity> = async (input, ctx) => {
  ctx.authorizeStreet(input.streetId)
  const street = await findStreet(input.streetId)
  if (!street) throw new AppError('PLACE.NOT_FOUND', '没有找到该街道')
  const community = { _id: newId(), streetId: street._id, name: input.name, settings: {}, createdAt: ctx.now.toISOString() }
  if (!(await insertCommunity(community))) throw new AppError('PLACE.DUPLICATE_NAME', `${input.name} 已经存在`)
  return communityView(community, street)
}
