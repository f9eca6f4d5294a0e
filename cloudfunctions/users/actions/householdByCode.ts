import { AppError, type usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { householdLabels } from '../../_core/labels'
import { tryCode } from '../../_core/repos/attempts'
import { maskName } from '../../_core/mask'
import { findCommunity, findHouseholdByBindCode, membersOfHousehold } from '../../_core/repos/places'

/**
 * What a household's bind code opens, before binding: the household and who is on its register, names masked, so the
 * person can say which of them they are (the code is the household's own: it is handed to the household, not posted).
 */
export const householdByCode: Handler<typeof usersContract.actions.householdByCode> = async (input, ctx) => {
  const household = await tryCode('bind', { caller: ctx.openid }, ctx.now, () => findHouseholdByBindCode(input.code, ctx.now))
  if (!household) throw new AppError('HOUSEHOLD.CODE_INVALID')
  const [labels, community, members] = await Promise.all([
    householdLabels([household]),
    findCommunity(household.communityId),
    membersOfHousehold(household._id),
  ])
  return {
    householdId: household._id,
    communityName: community?.name ?? '',
    label: labels.get(household._id)?.label ?? household.room,
    members: members.map((m) => ({ memberId: m._id, name: maskName(m.name), relation: m.relation, taken: !!m.openid })),
  }
}
