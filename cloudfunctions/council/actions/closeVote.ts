import { AppError, type councilContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { closeNow, findMatter } from '../../_core/repos/council'
import { finishClosing } from '../../_core/workflows/council'
import { actorOf } from '../access'
import { matterView } from '../views'
import { loadVote } from '../access'

/** Closes a vote now (a meeting vote when the meeting ends) and counts it; the timer does the same at the closing time. */
export const closeVote: Handler<typeof councilContract.actions.closeVote> = async (input, ctx) => {
  const { vote, community } = await loadVote(ctx, input.voteId)
  const at = ctx.now.toISOString()
  if (vote.state !== 'open' || at < vote.opensAt) throw new AppError('COUNCIL.VOTE_NOT_OPEN')
  if (at < vote.closesAt) await closeNow(vote._id, at)
  await finishClosing({ ...vote, closesAt: at < vote.closesAt ? at : vote.closesAt }, actorOf(ctx, community), ctx.now)
  const matter = await findMatter(vote.matterId)
  if (!matter) throw new AppError('COUNCIL.NOT_FOUND')
  return matterView(ctx, community, matter)
}
