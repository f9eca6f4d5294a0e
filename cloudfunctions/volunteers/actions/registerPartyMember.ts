import type { volunteersContract } from '../../../types'
import { findUsers } from '../../_core/repos/users'
import { registrationId, saveRegistration } from '../../_core/repos/volunteers'
import type { Handler } from '../../_core/serve'
import { mustHaveName } from '../access'
import { partyMemberView, partyServiceOf } from './partyMembers'

/** 双报到: a party member working elsewhere reports to the community they live in; registering again updates it. */
export const registerPartyMember: Handler<typeof volunteersContract.actions.registerPartyMember> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const name = mustHaveName(ctx)
  const at = ctx.now.toISOString()
  const stored = await saveRegistration({
    _id: registrationId(community._id, ctx.openid),
    communityId: community._id,
    streetId: community.streetId,
    openid: ctx.openid,
    name,
    workplace: input.workplace,
    branchName: input.branchName,
    registeredAt: at,
    updatedAt: at,
  })
  const [service, users] = await Promise.all([partyServiceOf(community._id, [ctx.openid], ctx.now), findUsers([ctx.openid])])
  return partyMemberView(stored, users[0] ?? null, service.get(ctx.openid))
}
