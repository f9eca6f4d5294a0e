import type { volunteersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { volunteerOf } from '../record'
import { notesView } from '../recordNotes'

/** A volunteer's training, commendations and evaluations: their own, or (organisers) someone's of the community. */
export const recordNotes: Handler<typeof volunteersContract.actions.recordNotes> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  return notesView(ctx, community, await volunteerOf(ctx, community, input.openid))
}
