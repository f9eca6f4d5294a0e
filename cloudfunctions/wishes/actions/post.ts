import { AppError, type wishesContract } from '../../../types'
import { findHouseholds } from '../../_core/repos/places'
import type { Handler } from '../../_core/serve'
import { mustHaveName } from '../access'
import { fileWish } from '../create'

/** A resident posts a small need; where it is comes from their bound household in the community (the first, unless they pick). */
export const post: Handler<typeof wishesContract.actions.post> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const name = mustHaveName(ctx)
  const homes = (await findHouseholds(ctx.user?.householdIds ?? [])).filter((h) => h.communityId === community._id)
  if (!homes.length) throw new AppError('WISH.NO_HOUSEHOLD')
  const home = input.householdId === undefined ? homes[0] : homes.find((h) => h._id === input.householdId)
  if (!home) throw new AppError('WISH.HOUSEHOLD_NOT_YOURS')
  return fileWish(ctx, community, home, { openid: ctx.openid, name, memberId: null }, { name, staff: false }, input)
}
