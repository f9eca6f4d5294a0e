import { AppError, ruleFor, unitsFor, type councilContract, type VoteDoc } from '../../../types'
import { decideMatter } from '../../_core/domain/council'
import { choicesFor } from '../../_core/domain/voteRules'
import { numberRoll } from '../../_core/domain/rollNumbers'
import { newId } from '../../_core/ids'
import type { Handler } from '../../_core/serve'
import { openVote as storeVote } from '../../_core/repos/council'
import { buildingsOf } from '../../_core/repos/places'
import { actorOf, loadMatter } from '../access'
import { matterView } from '../views'
import { drawRoll } from '../rolls'

const DAY = 86_400_000

/**
 * Opens the stage's vote: the roll is drawn from the register and fixed now, with the ballot's secrecy and the times.
 * The counting rule is not a choice: it follows from the matter's kind (Civil Code art. 278 items 6–8 need ¾), so no
 * owners' matter can be counted under a lower rule.
 */
export const openVote: Handler<typeof councilContract.actions.openVote> = async (input, ctx) => {
  const { matter, community } = await loadMatter(ctx, input.matterId)
  const units = unitsFor(input.rollKind)
  const unit = input.unit ?? units[0]
  if (!units.includes(unit)) throw new AppError('COUNCIL.RULE_MISMATCH')
  const opensAt = new Date(input.opensAt)
  const closesAt = new Date(input.closesAt)
  const start = opensAt < ctx.now ? ctx.now : opensAt
  if (closesAt <= start || closesAt.getTime() - start.getTime() > 60 * DAY) throw new AppError('COUNCIL.TIME_INVALID')
  const buildingIds = [...new Set(input.buildingIds.length ? input.buildingIds : matter.buildingIds)]
  const known = new Set((await buildingsOf(community._id)).map((b) => b._id))
  if (buildingIds.some((b) => !known.has(b))) throw new AppError('PLACE.NOT_FOUND')
  // one id per opening: entries of an opening that lost a race (or died half-way) belong to no vote
  const rollToken = newId()
  const voteId = `${matter._id}-${matter.state}-${rollToken.slice(0, 8)}`
  const d = decideMatter(matter, { type: 'openVote', voteId, rollKind: input.rollKind }, actorOf(ctx, community), ctx.now)
  if (!d.ok) throw new AppError(d.code, d.message)
  const stage = matter.state as VoteDoc['stage']
  const roll = await drawRoll(community, input.rollKind, unit, buildingIds, start)
  if (!roll.entries.length) throw new AppError('COUNCIL.ROLL_EMPTY')
  const vote: VoteDoc = {
    _id: voteId,
    matterId: matter._id,
    communityId: community._id,
    streetId: community.streetId,
    stage,
    rollKind: input.rollKind,
    buildingIds,
    unit,
    rule: ruleFor(matter.kind, stage),
    secret: input.secret,
    choices: choicesFor(matter.options),
    opensAt: start.toISOString(),
    closesAt: closesAt.toISOString(),
    state: 'open',
    rollToken,
    rollCount: roll.entries.length,
    rollArea: roll.entries.reduce((n, e) => n + e.area, 0),
    rollBasis: roll.basis,
    tally: null,
    result: null,
    closedAt: null,
    openedBy: ctx.openid,
    createdAt: ctx.now.toISOString(),
  }
  // numbered now, in roll order: the number printed on each paper ballot is the one staff type to enter it
  const entries = numberRoll(roll.entries).map((e) => ({ ...e, _id: `${voteId}|${e.key}`, voteId, rollToken }))
  if (!(await storeVote(vote, entries, matter, d.next))) throw new AppError('CONFLICT')
  return matterView(ctx, community, d.next)
}
