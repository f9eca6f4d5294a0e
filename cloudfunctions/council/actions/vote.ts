import { AppError, type CommunityDoc, type councilContract, type RollEntryDoc, type VoteDoc } from '../../../types'
import type { Handler, Ctx } from '../../_core/serve'
import { castBallot, findVote, rollEntry } from '../../_core/repos/council'
import { entriesOf, voteView } from '../common'

/** The vote and its community, once the caller holds one of the action's roles there. */
export async function loadVote(ctx: Ctx, id: string): Promise<{ vote: VoteDoc; community: CommunityDoc }> {
  const vote = await findVote(id)
  if (!vote) throw new AppError('COUNCIL.VOTE_NOT_FOUND')
  const community = await ctx.authorize(vote.communityId)
  return { vote, community }
}

/** Casting and entering are allowed only between the opening and closing times of a vote not yet closed. */
export function mustBeOpen(vote: VoteDoc, now: Date, choice: string): void {
  const at = now.toISOString()
  if (vote.state !== 'open' || at < vote.opensAt || at >= vote.closesAt) throw new AppError('COUNCIL.VOTE_NOT_OPEN')
  if (!vote.choices.some((c) => c.id === choice)) throw new AppError('COUNCIL.CHOICE_UNKNOWN')
}

/** The roll entry for `key`, if it belongs to this opening of the vote. */
export async function entryOf(vote: VoteDoc, key: string): Promise<RollEntryDoc> {
  const e = await rollEntry(vote._id, key)
  if (!e || e.rollToken !== vote.rollToken) throw new AppError('COUNCIL.NOT_ON_ROLL')
  return e
}

/**
 * One person one vote, the household's first vote, or one ballot per owner carrying all their area; a second try
 * hears COUNCIL.ALREADY_VOTED and changes nothing. The caller is on the roll as themselves (representatives, party
 * members), as their member of the register, their household or their owner identity — never as anyone they name.
 */
export const vote: Handler<typeof councilContract.actions.vote> = async (input, ctx) => {
  const { vote: v, community } = await loadVote(ctx, input.voteId)
  mustBeOpen(v, ctx.now, input.choice)
  const mine = (await entriesOf(ctx, v)).filter((e) => !input.key || e.key === input.key)
  if (!mine.length) throw new AppError('COUNCIL.NOT_ON_ROLL')
  if (mine.length > 1) throw new AppError('INPUT.INVALID', '您在名单上不止一处，请选择代表哪一处投票', [{ path: 'key', message: '请选择代表哪一户或哪个业主身份' }])
  await castBallot({ vote: v, entry: mine[0], choice: input.choice, channel: 'online', voterOpenid: ctx.openid, enteredBy: null, paperNo: null, at: ctx.now.toISOString() })
  const view = await voteView(ctx, community, v)
  // the voter sees what they chose at the moment of casting, even on a secret ballot (it is never readable later)
  return { ...view, me: { ...view.me, choice: input.choice } }
}
