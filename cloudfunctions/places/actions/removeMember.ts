import { AppError, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { findMember, removeMember as remove } from '../../_core/repos/places'
import { unbindMember } from '../../_core/repos/users'
import { householdDetail, loadHousehold, syncHead } from '../register'

/**
 * Takes a person off the register (moved away, passed away). Their app account keeps the household binding staff
 * gave it; votes already opened keep the roll they were fixed with.
 */
export const removeMember: Handler<typeof placesContract.actions.removeMember> = async (input, ctx) => {
  const m = await findMember(input.memberId)
  if (!m) throw new AppError('HOUSEHOLD.MEMBER_NOT_FOUND')
  const h = await loadHousehold(ctx, m.householdId)
  await unbindMember(m, ctx.now.toISOString())
  await remove(m._id)
  return householdDetail(await syncHead(h), ctx.now)
}
