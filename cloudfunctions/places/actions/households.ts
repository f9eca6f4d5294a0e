import type { placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { householdsPage } from '../../_core/repos/places'
import { householdViews } from '../register'

/** The register, a page at a time: by building or unit, or a room number or head's name typed in. */
export const households: Handler<typeof placesContract.actions.households> = async (input, ctx) => {
  const page = await householdsPage(input, input)
  return { ...page, items: await householdViews(page.items, ctx.now) }
}
