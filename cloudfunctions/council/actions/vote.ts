import { AppError, type CommunityDoc, type councilContract, type RollEntryDoc, type VoteDoc } from '../../../types'
import type { Handler, Ctx } from '../../_core/serve'
import { castBallot, findVote, rollEntry } from '../../_core/repos/council'
import { voteView } from '../common'

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

/** One person one vote, or the household's first vote; a second try hears COUNCIL.ALREADY_VOTED and changes nothing. */
export const vote: Handler<typeof councilContract.actions.vote> = async (input, ctx) => {
  const { vote: v, community } = await loadVote(ctx, input.voteId)
  mustBeOpen(v, ctx.now, input.choice)
  let key = ctx.openid
  if (v.unit === 'household') {
    const mine = ctx.user?.householdIds ?? []
    const candidates = input.householdId ? mine.filter((h) => h === input.householdId) : mine
    const onRoll: string[] = []
    for (const h of candidates) if ((await rollEntry(v._id, h))?.rollToken === v.rollToken) onRoll.push(h)
    if (!onRoll.length) throw new AppError('COUNCIL.NOT_ON_ROLL')
    if (onRoll.length > 1) throw new AppError('INPUT.INVALID', '您绑定了多户，请选择代表哪一户投票', [{ path: 'householdId', message: '请选择住户' }])
    key = onRoll[0]
  }
  const entry = await entryOf(v, key)
  await castBallot({ vote: v, entry, choice: input.choice, channel: 'online', voterOpenid: ctx.openid, enteredBy: null, paperNo: null, at: ctx.now.toISOString() })
  const view = await voteView(ctx, community, v)
  // the voter sees what they chose at the moment of casting, even on a secret ballot (it is never readable later)
  return { ...view, me: { ...view.me, choice: input.choice } }
}
