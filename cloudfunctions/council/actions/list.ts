import type { councilContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { findVote, mattersPage } from '../../_core/repos/council'
import { findHouseholds } from '../../_core/repos/places'
import { OVERSEERS, summaryOf } from '../common'

/** Matters that concern the caller, paged in the database: those with a vote under way first, then by latest activity. */
export const list: Handler<typeof councilContract.actions.list> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const overseer = ctx.rolesIn(community).some((r) => OVERSEERS.includes(r))
  const homes = overseer ? null : (await findHouseholds(ctx.user?.householdIds ?? [])).filter((h) => h.communityId === community._id).map((h) => h.buildingId)
  const page = await mattersPage(community._id, homes, input)
  const items = await Promise.all(page.items.map(async (m) => summaryOf(ctx, community, m, m.activeVoteId ? await findVote(m.activeVoteId) : null)))
  return { ...page, items }
}
