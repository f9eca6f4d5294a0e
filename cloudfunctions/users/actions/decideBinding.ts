import { AppError, type BindingRequestDoc, type UserDoc, type usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { runTransaction, txGet, txPut } from '../../_core/repos/base'
import { findHousehold } from '../../_core/repos/places'
import { blankUser, findBindingRequest, withGrant } from '../../_core/repos/users'
import { householdLabels } from '../../_core/labels'
import { bindingView } from '../views'

export const decideBinding: Handler<typeof usersContract.actions.decideBinding> = async (input, ctx) => {
  const request = await findBindingRequest(input.requestId)
  if (!request) throw new AppError('NOT_FOUND', '没有找到该绑定申请')
  await ctx.authorize(request.communityId)
  const at = ctx.now.toISOString()
  const decided = await runTransaction(async (tx) => {
    const current = await txGet<BindingRequestDoc>(tx, 'bindingRequests', request._id)
    if (!current || current.status !== 'pending') throw new AppError('BINDING.NOT_PENDING')
    const next: BindingRequestDoc = {
      ...current,
      status: input.approve ? 'approved' : 'rejected',
      reason: input.reason ?? null,
      decidedAt: at,
      decidedBy: ctx.openid,
    }
    await txPut(tx, 'bindingRequests', next)
    if (input.approve) {
      const user = (await txGet<UserDoc>(tx, 'users', current.openid)) ?? blankUser(current.openid, at)
      const bound = withGrant(user, { role: 'resident', communityId: current.communityId, streetId: current.streetId, grantedAt: at, grantedBy: ctx.openid })
      await txPut(tx, 'users', { ...bound, householdIds: [...new Set([...bound.householdIds, current.householdId])], updatedAt: at })
    }
    return next
  })
  const household = await findHousehold(decided.householdId)
  const labels = household ? await householdLabels([household]) : new Map()
  return bindingView(decided, household, labels.get(decided.householdId)?.label ?? '')
}
