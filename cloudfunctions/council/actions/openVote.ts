import { AppError, type CommunityDoc, type councilContract, type RollEntryDoc, type VoteDoc } from '../../../types'
import { decideMatter } from '../../_core/domain/council'
import { areaUnits, choicesFor } from '../../_core/domain/voteRules'
import { newId } from '../../_core/ids'
import type { Handler } from '../../_core/serve'
import { householdsOfCommunity, openVote as storeVote, peopleWithRole } from '../../_core/repos/council'
import { buildingsOf, unitsOfCommunity } from '../../_core/repos/places'
import { actorOf, loadMatter, matterView } from '../common'

const DAY = 86_400_000

/** Which unit and rule each roll allows: Civil Code votes are by owner household and floor area; people rolls by person. */
function checkShape(input: { rollKind: string; unit: string; rule: string }) {
  const personOnly = input.rollKind === 'party_members' || input.rollKind === 'representatives'
  if (personOnly && input.unit !== 'person') throw new AppError('COUNCIL.RULE_MISMATCH', '党员和居民代表的表决只能一人一票')
  if (input.rollKind === 'owners' && input.unit !== 'household') throw new AppError('COUNCIL.RULE_MISMATCH', '业主表决按户计票')
  if (input.rule !== 'meeting' && input.rollKind !== 'owners') throw new AppError('COUNCIL.RULE_MISMATCH', '民法典第278条的规则只用于业主表决')
}

/** The roll as of now: who may vote, each with a label and (for owners) the floor area. */
async function rollOf(community: CommunityDoc, input: { rollKind: string; unit: string; rule: string }, buildingIds: string[]): Promise<Omit<RollEntryDoc, '_id' | 'voteId' | 'rollToken'>[]> {
  const inScope = (b: string) => !buildingIds.length || buildingIds.includes(b)
  if (input.unit === 'household') {
    const [households, buildings, units] = await Promise.all([householdsOfCommunity(community._id), buildingsOf(community._id), unitsOfCommunity(community._id)])
    const bName = new Map(buildings.map((b) => [b._id, b.name]))
    const uName = new Map(units.map((u) => [u._id, u.name]))
    const chosen = households.filter((h) => inScope(h.buildingId) && (input.rollKind !== 'owners' || h.isOwner))
    if (input.rule !== 'meeting' && chosen.some((h) => !h.area || h.area <= 0)) throw new AppError('COUNCIL.AREA_MISSING')
    return chosen.map((h) => ({ key: h._id, label: `${bName.get(h.buildingId) ?? ''}${uName.get(h.unitId) ?? ''} ${h.room}`, area: areaUnits(h.area) }))
  }
  const role = input.rollKind === 'party_members' ? 'party_member' : input.rollKind === 'representatives' ? 'resident_rep' : 'resident'
  let people = await peopleWithRole(community._id, role)
  if (buildingIds.length) {
    const households = await householdsOfCommunity(community._id)
    const inside = new Set(households.filter((h) => inScope(h.buildingId)).map((h) => h._id))
    people = people.filter((p) => p.householdIds.some((h) => inside.has(h)))
  }
  return people.map((p) => ({ key: p._id, label: p.name || '未填写姓名', area: 0 }))
}

/** Opens the stage's vote: the roll is fixed now, with the rule, the ballot's secrecy and the times. */
export const openVote: Handler<typeof councilContract.actions.openVote> = async (input, ctx) => {
  const { matter, community } = await loadMatter(ctx, input.matterId)
  checkShape(input)
  const opensAt = new Date(input.opensAt)
  const closesAt = new Date(input.closesAt)
  const start = opensAt < ctx.now ? ctx.now : opensAt
  if (closesAt <= start || closesAt.getTime() - start.getTime() > 60 * DAY) throw new AppError('COUNCIL.TIME_INVALID')
  const buildingIds = [...new Set(input.buildingIds.length ? input.buildingIds : matter.buildingIds)]
  const known = new Set((await buildingsOf(community._id)).map((b) => b._id))
  if (buildingIds.some((b) => !known.has(b))) throw new AppError('PLACE.NOT_FOUND')
  const voteId = `${matter._id}-${matter.state}`
  const d = decideMatter(matter, { type: 'openVote', voteId, rollKind: input.rollKind }, actorOf(ctx, community), ctx.now)
  if (!d.ok) throw new AppError(d.code, d.message)
  const roll = await rollOf(community, input, buildingIds)
  if (!roll.length) throw new AppError('COUNCIL.ROLL_EMPTY')
  const rollToken = newId()
  const vote: VoteDoc = {
    _id: voteId,
    matterId: matter._id,
    communityId: community._id,
    streetId: community.streetId,
    stage: matter.state as VoteDoc['stage'],
    rollKind: input.rollKind,
    buildingIds,
    unit: input.unit,
    rule: input.rule,
    secret: input.secret,
    choices: choicesFor(matter.options),
    opensAt: start.toISOString(),
    closesAt: closesAt.toISOString(),
    state: 'open',
    rollToken,
    rollCount: roll.length,
    rollArea: roll.reduce((n, e) => n + e.area, 0),
    tally: null,
    result: null,
    closedAt: null,
    openedBy: ctx.openid,
    createdAt: ctx.now.toISOString(),
  }
  const entries = roll.map((e) => ({ ...e, _id: `${voteId}|${e.key}`, voteId, rollToken }))
  if (!(await storeVote(vote, entries, matter, d.next))) throw new AppError('CONFLICT')
  return matterView(ctx, community, d.next)
}
