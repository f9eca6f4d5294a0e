import { AppError, type wishesContract } from '../../../types'
import { findHousehold, findMember } from '../../_core/repos/places'
import type { Handler } from '../../_core/serve'
import { mustHaveName } from '../access'
import { fileWish } from '../create'

/**
 * Staff post a wish for a resident of the register who phoned or came in (often without the app): the resident is the
 * requester — when they use the app, they follow and confirm it themselves; otherwise staff confirm for them.
 */
export const postFor: Handler<typeof wishesContract.actions.postFor> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const name = mustHaveName(ctx)
  const member = await findMember(input.memberId)
  const home = member && member.communityId === community._id ? await findHousehold(member.householdId) : null
  if (!member || !home) throw new AppError('WISH.MEMBER_NOT_FOUND')
  return fileWish(ctx, community, home, { openid: member.openid, name: member.name, memberId: member._id }, { name, staff: true }, input)
}
