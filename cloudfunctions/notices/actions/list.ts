import type { noticesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { currentNotices, readAmong, readersOf } from '../../_core/repos/notices'
import { audienceLabeller, homeOf, isFor, isHeld, oversees, summaryOf } from '../common'

/** The notices for me: pinned first, then newest; unread marked. Staff see all of the community with read counts (and notices held for review). */
export const list: Handler<typeof noticesContract.actions.list> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const staff = oversees(ctx, community)
  const home = staff ? null : await homeOf(ctx, community)
  const all = (await currentNotices(community._id, ctx.now.toISOString())).filter((n) => (!input.kind || n.kind === input.kind) && (!home || (isFor(n, home) && !isHeld(n))))
  // stable: newest first already; pinned ones move to the top keeping that order
  const ordered = [...all.filter((n) => n.pinned), ...all.filter((n) => !n.pinned)]
  const from = (input.page - 1) * input.pageSize
  const slice = ordered.slice(from, from + input.pageSize)
  const [read, label, readers] = await Promise.all([
    readAmong(slice.map((n) => n._id), ctx.openid),
    audienceLabeller(community._id),
    staff ? Promise.all(slice.map((n) => readersOf(n._id))) : Promise.resolve(null),
  ])
  return {
    items: slice.map((n, i) => summaryOf(n, { unread: !staff && !read.has(n._id), readers: readers ? readers[i] : null, audienceLabel: label(n) })),
    page: input.page,
    pageSize: input.pageSize,
    total: ordered.length,
  }
}
