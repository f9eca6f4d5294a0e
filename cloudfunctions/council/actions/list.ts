import type { councilContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { mattersPage, votesByIds } from '../../_core/repos/council'
import { findHouseholds } from '../../_core/repos/places'
import { OVERSEERS } from '../access'
import { summariesOf } from '../views'

/**
 * Matters that concern the caller, paged in the database: those with a vote under way first, then by latest activity.
 * A page costs the same few requests however many matters it shows: the page and its count, the page's votes, the
 * caller's roll entries and receipts in those votes, the buildings' names.
 */
export const list: Handler<typeof councilContract.actions.list> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const overseer = ctx.rolesIn(community).some((r) => OVERSEERS.includes(r))
  const homes = overseer ? null : (await findHouseholds(ctx.user?.householdIds ?? [])).filter((h) => h.communityId === community._id).map((h) => h.buildingId)
  const page = await mattersPage(community._id, homes, input)
  const votes = new Map((await votesByIds(page.items.flatMap((m) => (m.activeVoteId ? [m.activeVoteId] : [])))).map((v) => [v._id, v]))
  const items = await summariesOf(
    ctx,
    page.items.map((m) => ({ matter: m, vote: (m.activeVoteId && votes.get(m.activeVoteId)) || null })),
  )
  return { ...page, items }
}
