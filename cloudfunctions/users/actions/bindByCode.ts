import { AppError, type usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { newId } from '../../_core/ids'
import { tryCode } from '../../_core/repos/attempts'
import { findHouseholdByBindCode } from '../../_core/repos/places'
import { bind, insertBindingRequest, pendingRequestsOf } from '../../_core/repos/users'
import { meView } from '../views'

/**
 * A household's bind code stands for the staff's approval: the person is bound at once, as the member of the register
 * they say they are. Someone not on the register is bound to the household and left for staff to add as a member:
 * a code alone cannot add people to the residents' roll.
 */
export const bindByCode: Handler<typeof usersContract.actions.bindByCode> = async (input, ctx) => {
  const household = await tryCode('bind', { caller: ctx.openid }, ctx.now, () => findHouseholdByBindCode(input.code, ctx.now))
  if (!household) throw new AppError('HOUSEHOLD.CODE_INVALID')
  const at = ctx.now.toISOString()
  const already = ctx.user?.householdIds.includes(household._id)
  if (already && !input.memberId) throw new AppError('HOUSEHOLD.ALREADY_BOUND')
  await bind({ openid: ctx.openid, household, memberId: input.memberId, grantedBy: null, at })
  if (!input.memberId && !(await pendingRequestsOf(ctx.openid)).some((p) => p.householdId === household._id)) {
    await insertBindingRequest({
      _id: newId(),
      openid: ctx.openid,
      name: ctx.user?.name ?? '',
      communityId: household.communityId,
      streetId: household.streetId,
      householdId: household._id,
      claim: 'member',
      bound: true,
      status: 'pending',
      reason: null,
      createdAt: at,
      decidedAt: null,
      decidedBy: null,
    })
  }
  return meView(ctx.openid)
}
