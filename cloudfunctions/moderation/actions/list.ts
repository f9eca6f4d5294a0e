import type { moderationContract } from '../../../types'
import { itemsPage } from '../../_core/repos/moderation'
import type { Handler } from '../../_core/serve'
import { viewsOf } from '../views'

/** The community's queue: pending first, oldest first; then what was decided. */
export const list: Handler<typeof moderationContract.actions.list> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const page = await itemsPage(community._id, input.status, { page: input.page, pageSize: input.pageSize })
  return { ...page, items: await viewsOf(page.items) }
}
