import type { volunteersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { recordView, volunteerOf } from '../record'

/** A volunteer's service in the community: activities, hours per year and in total. */
export const record: Handler<typeof volunteersContract.actions.record> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  return recordView(community, await volunteerOf(ctx, community, input.openid))
}
