import type { ticketsContract } from '../../../types'
import { ticketSettings } from '../../_core/domain/ticket'
import type { Handler } from '../../_core/serve'

/** Anyone who scanned a code may see the community's categories and their time limits. */
export const categories: Handler<typeof ticketsContract.actions.categories> = async (input, ctx) =>
  ticketSettings((await ctx.community(input.communityId)).settings).categories
