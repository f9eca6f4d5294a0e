import type { OwnerDoc, placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { ownerKey } from '../../_core/domain/register'
import { newId } from '../../_core/ids'
import { ensureOwner, ownerByKey, updateHousehold } from '../../_core/repos/places'
import { householdDetail, loadHousehold } from '../register'

/**
 * Registers who owns the dwelling and its exclusive area. The same owner name (or owner number) on several units is
 * one owner identity, so a buyer of three flats is counted once in an owners' vote, with all three areas; a unit still
 * the developer's (unsold, or sold and not delivered) belongs to the developer's identity.
 */
export const setOwner: Handler<typeof placesContract.actions.setOwner> = async (input, ctx) => {
  const h = await loadHousehold(ctx, input.householdId)
  const at = ctx.now.toISOString()
  let ownerId: string | null = null
  if (input.ownership) {
    const kind: OwnerDoc['kind'] = input.ownership === 'owned' ? 'person' : 'developer'
    const key = ownerKey(kind, input.ownerName, input.ownerRef || null)
    const owner =
      (await ownerByKey(h.communityId, key)) ??
      (await ensureOwner({
        _id: newId(),
        communityId: h.communityId,
        streetId: h.streetId,
        kind,
        name: input.ownerName,
        key,
        ref: input.ownerRef || null,
        openid: null,
        createdAt: at,
        updatedAt: at,
      }))
    ownerId = owner._id
  }
  await updateHousehold(h._id, { area: input.area, ownership: input.ownership, ownerId })
  return householdDetail({ ...h, area: input.area, ownership: input.ownership, ownerId }, ctx.now)
}
