import type { ticketsContract } from '../../../types'
import { findCommunity } from '../../_core/repos/places'
import { openNear, SIMILAR_MAX } from '../../_core/repos/tickets'
import type { Handler } from '../../_core/serve'
import { householdsOf } from '../access'
import { categoryIn, placeOf } from '../file'
import { similarView } from '../views'

/**
 * Before filing: open tickets of the category in this stairwell first, then the rest of the building. No names; and the
 * words people wrote only for residents of the building and the community's staff and grid people — the code hangs in
 * a public stairwell, so a stranger who scans it sees category, place, time and how many households it affects.
 */
export const similar: Handler<typeof ticketsContract.actions.similar> = async (input, ctx) => {
  const { unit, building } = await placeOf(input.placeCode)
  const community = await findCommunity(building.communityId)
  if (community) categoryIn(community, input.category)
  const neighbour =
    (!!community && ctx.rolesIn(community).some((r) => r !== 'resident' && r !== 'party_member' && r !== 'resident_rep')) ||
    (await householdsOf(ctx)).some((h) => h.buildingId === building._id)
  // tickets the caller already follows are theirs already: nothing to join
  const open = (await openNear(unit._id, building._id, input.category)).filter((t) => !t.followers.includes(ctx.openid))
  const views = open.map((t) => similarView(t, unit._id, neighbour))
  return [...views.filter((v) => v.sameUnit), ...views.filter((v) => !v.sameUnit)].slice(0, SIMILAR_MAX)
}
