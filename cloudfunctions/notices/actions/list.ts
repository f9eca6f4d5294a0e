import type { noticesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { bodiesOf, noticesPage, readAmong, readersOfEach } from '../../_core/repos/notices'
import { homeReach } from '../../_core/domain/notices'
import { audienceLabeller, summaryOf } from '../views'
import { homeOf, oversees } from '../access'

/** The notices for me: pinned first, then newest; unread marked. Staff see all of the community with read counts (and notices held for review). */
export const list: Handler<typeof noticesContract.actions.list> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const staff = oversees(ctx, community)
  const home = staff ? null : await homeOf(ctx, community)
  const page = await noticesPage({ communityId: community._id, kind: input.kind, reach: home && homeReach(community._id, home) }, ctx.now.toISOString(), {
    page: input.page,
    pageSize: input.pageSize,
  })
  const ids = page.items.map((n) => n._id)
  const [read, label, readers, bodies] = await Promise.all([
    readAmong(ids, ctx.openid),
    audienceLabeller(community._id),
    // staff: every notice's readers in one grouped query, so a page costs the same requests at any size
    staff ? readersOfEach(ids) : Promise.resolve(null),
    bodiesOf(page.items.filter((n) => n.excerpt === undefined).map((n) => n._id)),
  ])
  return {
    ...page,
    items: page.items.map((n) =>
      summaryOf(
        { ...n, body: bodies.get(n._id) },
        { unread: !staff && !read.has(n._id), readers: readers ? (readers.get(n._id) ?? 0) : null, audienceLabel: label(n) },
      ),
    ),
  }
}
