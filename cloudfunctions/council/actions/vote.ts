import { AppError, type councilContract } from '../../../types'
import { decideCast, mustBeOpen } from '../../_core/domain/ballot'
import type { Handler } from '../../_core/serve'
import { castBallot } from '../../_core/repos/council'
import { entriesOf, loadVote } from '../access'
import { voteView } from '../views'

/**
 * One person one vote, the household's first vote, or one ballot per owner carrying all their area; a second try
 * hears COUNCIL.ALREADY_VOTED and changes nothing (domain/ballot.ts). The caller is on the roll as themselves
 * (representatives, party members), as their member of the register, their household or their owner identity —
 * never as anyone they name.
 */
export const vote: Handler<typeof councilContract.actions.vote> = async (input, ctx) => {
  const { vote: v, community } = await loadVote(ctx, input.voteId)
  mustBeOpen(v, ctx.now, input.choice)
  const mine = (await entriesOf(ctx, v)).filter((e) => !input.key || e.key === input.key)
  if (!mine.length) throw new AppError('COUNCIL.NOT_ON_ROLL')
  if (mine.length > 1)
    throw new AppError('INPUT.INVALID', '您在名单上不止一处，请选择代表哪一处投票', [{ path: 'key', message: '请选择代表哪一户或哪个业主身份' }])
  const cast = {
    vote: v,
    entry: mine[0],
    choice: input.choice,
    channel: 'online' as const,
    voterOpenid: ctx.openid,
    enteredBy: null,
    paperNo: null,
    at: ctx.now.toISOString(),
  }
  await castBallot(v._id, cast.entry.key, null, (s, ids) => decideCast(cast, s, ids))
  const view = await voteView(ctx, community, v)
  // the voter sees what they chose at the moment of casting, even on a secret ballot (it is never readable later)
  return { ...view, me: { ...view.me, choice: input.choice } }
}
