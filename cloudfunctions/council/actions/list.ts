import type { councilContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { findVote, mattersOf } from '../../_core/repos/council'
import { concerns, summaryOf } from '../common'

/** Matters that concern the caller: those with a vote they can still cast first, then the rest by latest activity. */
export const list: Handler<typeof councilContract.actions.list> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const all = await mattersOf(community._id)
  const mine = []
  for (const m of all) if (await concerns(ctx, community, m)) mine.push(m)
  const summaries = await Promise.all(mine.map(async (m) => summaryOf(ctx, community, m, m.activeVoteId ? await findVote(m.activeVoteId) : null)))
  const rank = (s: (typeof summaries)[number]) => (s.openVote && !s.openVote.voted ? 0 : s.openVote ? 1 : 2)
  const ordered = summaries.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((x) => x.s)
  const from = (input.page - 1) * input.pageSize
  return { items: ordered.slice(from, from + input.pageSize), page: input.page, pageSize: input.pageSize, total: ordered.length }
}
