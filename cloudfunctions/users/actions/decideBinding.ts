import { AppError, type BindingRequestDoc, type HouseholdDoc, type usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { birthOrRefuse } from '../../_core/domain/register'
import { decideRequest } from '../../_core/domain/users'
import { newId } from '../../_core/ids'
import { findHousehold } from '../../_core/repos/places'
import { changeBindingRequest, findBindingRequest } from '../../_core/repos/users'
import { householdLabels } from '../../_core/labels'
import { bindingView } from '../views'

/**
 * Staff approve or refuse a binding request. Approving a member claim says which member of the register the person is
 * (or adds them as a new member); approving an owner claim confirms them as the household's owner (staff have seen the
 * property certificate). The request's decision and the binding land together or not at all.
 */
export const decideBinding: Handler<typeof usersContract.actions.decideBinding> = async (input, ctx) => {
  const request = await findBindingRequest(input.requestId)
  if (!request) throw new AppError('NOT_FOUND', '没有找到该绑定申请')
  await ctx.authorize(request.communityId)
  const household = await findHousehold(request.householdId)
  if (!household) throw new AppError('HOUSEHOLD.NOT_FOUND')
  const at = ctx.now.toISOString()
  const owner = request.claim === 'owner'
  if (input.approve && !owner && !input.memberId && !input.newMember && request.bound) {
    throw new AppError('INPUT.INVALID', '请选择这位居民是哪位家庭成员，或新增为家庭成员', [{ path: 'memberId', message: '请选择家庭成员' }])
  }
  const decided = await changeBindingRequest(request._id, (current) => {
    const next = decideRequest(current, input.approve, input.reason ?? null, ctx.openid, at)
    if (!input.approve) return { request: next, binding: null }
    return {
      request: next,
      binding: {
        openid: next.openid,
        household,
        owner,
        memberId: owner ? null : (input.memberId ?? null),
        newMember:
          !owner && input.newMember
            ? newMemberOf(household, next, { ...input.newMember, birth: birthOrRefuse(input.newMember.birth, ctx.now, 'newMember.birth') }, at)
            : null,
        grantedBy: ctx.openid,
        at,
      },
    }
  })
  const labels = await householdLabels([household])
  return bindingView(decided, household, labels.get(decided.householdId)?.label ?? '')
}

const newMemberOf = (h: HouseholdDoc, r: BindingRequestDoc, facts: { relation: string; birth: string | null; adult: boolean | null }, at: string) => ({
  _id: newId(),
  communityId: h.communityId,
  streetId: h.streetId,
  householdId: h._id,
  buildingId: h.buildingId,
  name: r.name,
  relation: facts.relation,
  birth: facts.birth,
  adult: facts.adult,
  phone: null,
  openid: r.openid,
  createdAt: at,
  updatedAt: at,
})
