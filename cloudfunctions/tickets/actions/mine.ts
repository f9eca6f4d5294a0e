import type { ticketsContract } from '../../../types'
import { followedPage } from '../../_core/repos/tickets'
import type { Handler } from '../../_core/serve'
import { summaryOf } from '../views'

/** Tickets the caller reported or follows; open = still being worked or awaiting their answer. Held words of others' tickets stay hidden. */
export const mine: Handler<typeof ticketsContract.actions.mine> = async (input, ctx) => {
  const page = await followedPage(ctx.openid, input.status, { page: input.page, pageSize: input.pageSize })
  return { ...page, items: page.items.map((t) => summaryOf(t, ctx.now, t.reporterOpenid !== ctx.openid)) }
}
