import { AppError, type usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { newId } from '../../_core/ids'
import { findHousehold } from '../../_core/repos/places'
import { insertBindingRequest, pendingRequestsOf } from '../../_core/repos/users'
import { meView } from '../views'

/** Asks staff to bind the caller to a household, as one of its members or as its owner; staff match them to the register. */
export const requestBinding: Handler<typeof usersContract.actions.requestBinding> = async (input, ctx) => {
  if (!ctx.user?.name) throw new AppError('PROFILE.NAME_REQUIRED')
  const household = await findHousehold(input.householdId)
  if (!household) throw new AppError('HOUSEHOLD.NOT_FOUND')
  if (input.claim === 'member' && ctx.user.householdIds.includes(household._id)) throw new AppError('HOUSEHOLD.ALREADY_BOUND')
  if (input.claim === 'owner' && (ctx.user.ownerIds ?? []).includes(household.ownerId ?? '')) throw new AppError('HOUSEHOLD.ALREADY_BOUND')
  const pending = await pendingRequestsOf(ctx.openid)
  if (pending.some((p) => p.householdId === household._id && (p.claim ?? 'member') === input.claim)) throw new AppError('HOUSEHOLD.REQUEST_PENDING')
  await insertBindingRequest({
    _id: newId(),
    openid: ctx.openid,
    name: ctx.user.name,
    communityId: household.communityId,
    streetId: household.streetId,
    householdId: household._id,
    claim: input.claim,
    bound: false,
    status: 'pending',
    reason: null,
    createdAt: ctx.now.toISOString(),
    decidedAt: null,
    decidedBy: null,
  })
  return meView(ctx.openid)
}
