import type { councilContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { castBallot } from '../../_core/repos/council'
import { voteView } from '../common'
import { entryOf, loadVote, mustBeOpen } from './vote'

/** A paper or meeting ballot, entered voter by voter with its number; the same receipt as online, so nobody counts twice. */
export const enterPaperVote: Handler<typeof councilContract.actions.enterPaperVote> = async (input, ctx) => {
  const { vote, community } = await loadVote(ctx, input.voteId)
  mustBeOpen(vote, ctx.now, input.choice)
  const entry = await entryOf(vote, input.voterKey)
  await castBallot({
    vote,
    entry,
    choice: input.choice,
    channel: 'paper',
    // role rolls are keyed by the person's openid; register rolls by a member, household or owner, who may have no app
    voterOpenid: vote.rollKind === 'representatives' || vote.rollKind === 'party_members' ? entry.key : null,
    enteredBy: ctx.openid,
    paperNo: input.paperNo,
    at: ctx.now.toISOString(),
  })
  return voteView(ctx, community, vote)
}
