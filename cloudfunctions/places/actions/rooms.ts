import { AppError, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { findUnit, householdsOfUnit } from '../../_core/repos/places'

/** Room numbers of a stairwell, so a resident taps "301" instead of typing an address. Names stay hidden. */
export const rooms: Handler<typeof placesContract.actions.rooms> = async (input) => {
  const unit = await findUnit(input.unitId)
  if (!unit) throw new AppError('PLACE.NOT_FOUND')
  const households = await householdsOfUnit(unit._id)
  return households.map((h) => ({ householdId: h._id, room: h.room })).sort((a, b) => a.room.localeCompare(b.room, 'zh-CN', { numeric: true }))
}
