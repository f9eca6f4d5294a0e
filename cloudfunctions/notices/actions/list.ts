import type { noticesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { bodiesOf, noticesPage, readAmong, readersOf } from '../../_core/repos/notices'
import { audienceLabeller, homeOf, oversees, summaryOf } from '../common'

/** The notices for me: pinned first, then newest; unread marked. Staff see all of the community with read counts (and notices held for review). */
export const list: Handler<typeof noticesContract.actions.list> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const staff = oversees(ctx, community)
  const home = staff ? null : await homeOf(ctx, community)
  const page = await noticesPage(
    { communityId: community._id, kind: input.kind, home: home && { gridIds: [...home.gridIds], buildingIds: [...home.buildingIds] } },
    ctx.now.toISOString(),
    { page: input.page, pageSize: input.pageSize },
  )
  const ids = page.items.map((n) => n._id)
  const [read, label, readers, bodies] = await Promise.all([
    readAmong(ids, ctx.openid),
    audienceLabeller(community._id),
    staff ? Promise.all(ids.map(readersOf)) : Promise.resolve(null),
    bodiesOf(page.items.filter((n) => n.excerpt === undefined).map((n) => n._id)),
  ])
  return {
    ...page,
    items: page.items.map((n, i) =>
      summaryOf({ ...n, body: bodies.get(n._id) }, { unread: !staff && !read.has(n._id), readers: readers ? readers[i] : null, audienceLabel: label(n) }),
    ),
  }
}
