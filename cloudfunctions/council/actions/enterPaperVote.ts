import type { councilContract } from '../../../types'
import { decideCast, mustBeOnRoll, mustBeOpen, type Cast } from '../../_core/domain/ballot'
import type { Handler } from '../../_core/serve'
import { castBallot, rollEntry } from '../../_core/repos/council'
import { voteView } from '../views'
import { loadVote } from '../access'

/** A paper or meeting ballot, entered voter by voter with its number; the same receipt as online, so nobody counts twice. */
export const enterPaperVote: Handler<typeof councilContract.actions.enterPaperVote> = async (input, ctx) => {
  const { vote, community } = await loadVote(ctx, input.voteId)
  mustBeOpen(vote, ctx.now, input.choice)
  const entry = mustBeOnRoll(vote, await rollEntry(vote._id, input.voterKey))
  const cast: Cast = {
    vote,
    entry,
    choice: input.choice,
    channel: 'paper',
    // role rolls are keyed by the person's openid; register rolls by a member, household or owner, who may have no app
    voterOpenid: vote.rollKind === 'representatives' || vote.rollKind === 'party_members' ? entry.key : null,
    enteredBy: ctx.openid,
    paperNo: input.paperNo,
    at: ctx.now.toISOString(),
  }
  await castBallot(vote._id, entry.key, input.paperNo, (s, ids) => decideCast(cast, s, ids))
  return voteView(ctx, community, vote)
}
