import { AppError, type UserDoc, type usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { runTransaction, txGet, txPut } from '../../_core/repos/base'
import { findHouseholdByBindCode } from '../../_core/repos/places'
import { blankUser, withGrant } from '../../_core/repos/users'
import { meView } from '../views'

/** A household's bind code stands for the staff's approval: the resident is bound at once. */
export const bindByCode: Handler<typeof usersContract.actions.bindByCode> = async (input, ctx) => {
  const household = await findHouseholdByBindCode(input.code)
  if (!household) throw new AppError('HOUSEHOLD.CODE_INVALID')
  if (ctx.user?.householdIds.includes(household._id)) throw new AppError('HOUSEHOLD.ALREADY_BOUND')
  const at = ctx.now.toISOString()
  await runTransaction(async (tx) => {
    const user = (await txGet<UserDoc>(tx, 'users', ctx.openid)) ?? blankUser(ctx.openid, at)
    const bound = withGrant(user, { role: 'resident', communityId: household.communityId, streetId: household.streetId, grantedAt: at, grantedBy: null })
    await txPut(tx, 'users', { ...bound, householdIds: [...new Set([...bound.householdIds, household._id])], updatedAt: at })
  })
  return meView(ctx.openid)
}
