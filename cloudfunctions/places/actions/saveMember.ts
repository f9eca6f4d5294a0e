import { AppError, type MemberDoc, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { birthOrRefuse } from '../../_core/domain/register'
import { newId } from '../../_core/ids'
import { findMember, insertMember, updateMember } from '../../_core/repos/places'
import { householdDetail, loadHousehold, syncHead } from '../register'

/** Adds a person to a household's register, or corrects one; who uses the app as them stays as it is. */
export const saveMember: Handler<typeof placesContract.actions.saveMember> = async (input, ctx) => {
  const h = await loadHousehold(ctx, input.householdId)
  const at = ctx.now.toISOString()
  const facts = { name: input.name, relation: input.relation, birth: birthOrRefuse(input.birth, ctx.now), adult: input.adult, updatedAt: at }
  if (input.memberId) {
    const m = await findMember(input.memberId)
    if (!m || m.householdId !== h._id) throw new AppError('HOUSEHOLD.MEMBER_NOT_FOUND')
    await updateMember(m._id, input.phone === undefined ? facts : { ...facts, phone: input.phone })
  } else {
    const doc: MemberDoc = {
      _id: newId(),
      communityId: h.communityId,
      streetId: h.streetId,
      householdId: h._id,
      buildingId: h.buildingId,
      openid: null,
      createdAt: at,
      ...facts,
      phone: input.phone ?? null,
    }
    await insertMember(doc)
  }
  return householdDetail(await syncHead(h), ctx.now)
}
