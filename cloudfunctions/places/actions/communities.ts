import type { placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { allStreets, communitiesOf } from '../../_core/repos/places'
import { communityView } from '../views'

export const communities: Handler<typeof placesContract.actions.communities> = async (input) => {
  const [list, streets] = await Promise.all([communitiesOf(input.streetId), allStreets()])
  const byId = new Map(streets.map((s) => [s._id, s]))
  return list.map((c) => communityView(c, byId.get(c.streetId) ?? null))
}
