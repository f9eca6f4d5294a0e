import type { placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { updateHousehold } from '../../_core/repos/places'
import { householdDetail, loadHousehold } from '../register'

/** A lost or seen notice: its code stops working at once; staff print a new notice when the household needs one. */
export const revokeBindCode: Handler<typeof placesContract.actions.revokeBindCode> = async (input, ctx) => {
  const h = await loadHousehold(ctx, input.householdId)
  await updateHousehold(h._id, { bindCodeHash: null, bindCodeExpiresAt: null })
  return householdDetail({ ...h, bindCodeHash: null, bindCodeExpiresAt: null }, ctx.now)
}
