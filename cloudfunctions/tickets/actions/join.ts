import { isAppError, type ticketsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { act } from '../step'
import { householdsOf, loadTicket } from '../access'
import { viewFor } from '../views'

/**
 * "Me too": follow an open ticket instead of filing a duplicate. Offered after a stairwell scan, so a resident of
 * the community may join a ticket of any building (the workflow requires a role in the community). Joining again
 * answers the ticket as it is.
 */
export const join: Handler<typeof ticketsContract.actions.join> = async (input, ctx) => {
  try {
    return await act(ctx, input.ticketId, { authorize: false, mustSee: false }, async (t) => {
      const homes = (await householdsOf(ctx)).filter((h) => h.communityId === t.communityId)
      const home = homes.find((h) => h.unitId === t.unitId) ?? homes.find((h) => h.buildingId === t.buildingId) ?? homes[0] ?? null
      return { type: 'join', householdId: home?._id ?? null }
    })
  } catch (e) {
    if (isAppError(e) && e.code === 'TICKET.ALREADY_FOLLOWING') return viewFor(ctx, await loadTicket(input.ticketId))
    throw e
  }
}
