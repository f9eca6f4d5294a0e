import type { ticketsContract } from '../../../types'
import { findCommunity } from '../../_core/repos/places'
import { openNear, SIMILAR_MAX } from '../../_core/repos/tickets'
import type { Handler } from '../../_core/serve'
import { categoryIn, placeOf } from '../file'
import { similarView } from '../views'

/** Before filing: open tickets of the category in this stairwell first, then the rest of the building. No names. */
export const similar: Handler<typeof ticketsContract.actions.similar> = async (input, ctx) => {
  const { unit, building } = await placeOf(input.placeCode)
  const community = await findCommunity(building.communityId)
  if (community) categoryIn(community, input.category)
  // tickets the caller already follows are theirs already: nothing to join
  const open = (await openNear(unit._id, building._id, input.category)).filter((t) => !t.followers.includes(ctx.openid))
  const views = open.map((t) => similarView(t, unit._id))
  return [...views.filter((v) => v.sameUnit), ...views.filter((v) => !v.sameUnit)].slice(0, SIMILAR_MAX)
}
