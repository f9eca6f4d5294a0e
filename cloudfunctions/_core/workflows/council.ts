import { MATTER_STATE_LABELS, type MatterDoc, type VoteDoc } from '../../../types'
import { decideMatter, type MatterActor, type MatterEffect } from '../domain/council'
import { evaluate } from '../domain/voteRules'
import { enqueue, outboxEntry } from '../outbox'
import { dueVotes, findMatter, finishVote, saveMatter, sealTally } from '../repos/council'

/** The timer, when it closes a vote whose time is up. */
export const COUNCIL_SYSTEM: MatterActor = { openid: 'system', name: '系统', roles: ['system'] }

/**
 * Closes a vote: seal the tally shards (no cast lands after), evaluate the rule, move the matter on, then mark the
 * vote closed. Each step can be repeated: sealing again gives the same tally, the matter step is skipped once the
 * matter has moved on, and only an open vote is marked closed. So a run that dies half-way is finished by the next
 * (the timer picks up any open vote past its closing time; closing early first brings that time forward).
 */
export async function finishClosing(vote: VoteDoc, actor: MatterActor, now: Date): Promise<VoteDoc> {
  const tally = await sealTally(vote)
  const result = evaluate(vote.rule, { count: vote.rollCount, area: vote.rollArea }, tally, vote.choices)
  const unmet = result.figures.filter((f) => !f.met).map((f) => `${f.label}未达到${f.threshold}`)
  const summary = result.passed ? '表决通过' : `表决未通过：${unmet.join('；') || '没有方案获得足够票数'}`
  for (let attempt = 0; attempt < 5; attempt++) {
    const matter = await findMatter(vote.matterId)
    if (!matter || matter.activeVoteId !== vote._id) break
    const d = decideMatter(matter, { type: 'voteClosed', voteId: vote._id, passed: result.passed, summary }, actor, now)
    if (!d.ok) break
    if (await saveMatter(matter, d.next)) {
      await notifyMatter(d.effects, d.next, now.toISOString())
      break
    }
  }
  const adopted = result.adopted
  const closed = { tally, result: { ...result, adopted }, closedAt: now.toISOString() }
  await finishVote(vote._id, closed)
  return { ...vote, ...closed, state: 'closed' }
}

/** Matter effects into the outbox (and out as subscription messages where a template is configured). */
export const notifyMatter = (effects: MatterEffect[], matter: MatterDoc, at: string) =>
  enqueue(
    effects.map((e) =>
      outboxEntry({
        to: e.to,
        kind: 'matterChanged',
        ticketId: '',
        matterId: matter._id,
        page: `packages/council/pages/matter/index?id=${matter._id}`,
        communityId: matter.communityId,
        payload: { state: MATTER_STATE_LABELS[e.state], category: matter.title, place: '议事协商' },
        createdAt: at,
      }),
    ),
  )

/** The timer's part: every open vote past its closing time is counted and its matter moved on. */
export async function closeDueVotes(now: Date): Promise<number> {
  let closed = 0
  for (const vote of await dueVotes(now.toISOString())) {
    await finishClosing(vote, COUNCIL_SYSTEM, now)
    closed++
  }
  return closed
}
