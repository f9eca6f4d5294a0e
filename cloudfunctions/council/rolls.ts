import { AppError, type Community, type HouseholdDoc, type RollBasis, type RollEntryDoc, type RollKind, type VoteUnit } from '../../types'
import { isAdult, ownerRoll } from '../_core/domain/register'
import { peopleWithRole } from '../_core/repos/council'
import { buildingsOf, householdsOf, membersOf, ownersOf, unitsOfCommunity } from '../_core/repos/places'

export type DrawnEntry = Omit<RollEntryDoc, '_id' | 'voteId' | 'rollToken'>

/** A roll as drawn from the register when the vote opens: its entries and what they were drawn from. */
export interface DrawnRoll {
  entries: DrawnEntry[]
  basis: RollBasis
}

/** Names and an ordering key for the households in scope: "1栋 1单元 301", sorted 2栋 before 10栋. */
async function placesOf(community: Community) {
  const [buildings, units] = await Promise.all([buildingsOf(community._id), unitsOfCommunity(community._id)])
  const building = new Map(buildings.map((b) => [b._id, b]))
  const unit = new Map(units.map((u) => [u._id, u]))
  const pad = (n: number) => String(n).padStart(6, '0')
  return {
    label: (h: HouseholdDoc) => `${building.get(h.buildingId)?.name ?? ''} ${unit.get(h.unitId)?.name ?? ''} ${h.room}`.trim(),
    order: (h: HouseholdDoc) =>
      `${pad(building.get(h.buildingId)?.sort ?? 0)}|${building.get(h.buildingId)?.name ?? ''}|${pad(unit.get(h.unitId)?.sort ?? 0)}|${h.room.padStart(10, '0')}`,
  }
}

/** "张三（1栋 1单元 301、302）"; an owner of many units lists the first three and how many there are. */
const unitsLabel = (labels: string[]) => (labels.length > 3 ? `${labels.slice(0, 3).join('、')}等${labels.length}套` : labels.join('、'))

/**
 * Who is on the roll, from the register — never from who installed the app:
 * - residents, one person one vote: every member aged 18 or over on the opening day (城市居民委员会组织法);
 * - residents, one household one vote: every household with someone registered (one representative votes);
 * - representatives and party members: the people holding those roles;
 * - owners: every owner identity of the exclusive units in scope, counted as the Supreme People's Court counts them.
 * `buildingIds` narrows the roll to the matter's buildings; empty is the whole community.
 */
export async function drawRoll(community: Community, rollKind: RollKind, unit: VoteUnit, buildingIds: string[], on: Date): Promise<DrawnRoll> {
  if (rollKind === 'representatives' || rollKind === 'party_members') {
    let people = await peopleWithRole(community._id, rollKind === 'party_members' ? 'party_member' : 'resident_rep')
    if (buildingIds.length) {
      const inside = new Set((await householdsOf(community._id, buildingIds)).map((h) => h._id))
      people = people.filter((p) => p.householdIds.some((h) => inside.has(h)))
    }
    // keyed by the person's openid: their name stays in `label` only, which an erased account's pseudonym replaces
    return {
      entries: people.map((p) => ({ key: p._id, label: p.name || '未填写姓名', order: p.name, area: 0 })),
      basis: { people: people.length, online: people.length },
    }
  }

  const [households, places] = await Promise.all([householdsOf(community._id, buildingIds), placesOf(community)])
  const byId = new Map(households.map((h) => [h._id, h]))

  if (rollKind === 'owners') {
    const owners = new Map((await ownersOf(community._id)).map((o) => [o._id, o]))
    const roll = ownerRoll(households, owners)
    const issue = (ids: string[]) => ids.slice(0, 20).map((id) => ({ path: id, message: places.label(byId.get(id)!) }))
    if (roll.missingOwner.length) throw new AppError('COUNCIL.OWNER_MISSING', undefined, issue(roll.missingOwner))
    if (roll.missingArea.length) throw new AppError('COUNCIL.AREA_MISSING', undefined, issue(roll.missingArea))
    const entries = roll.entries.map((e) => {
      const units = e.householdIds.map((id) => byId.get(id)!).sort((a, b) => places.order(a).localeCompare(places.order(b)))
      const where = unitsLabel(units.map(places.label))
      return {
        key: e.ownerId,
        label: e.kind === 'developer' ? `开发商 ${e.name}（未售及未交付：${where}）` : `${e.name}（${where}）`,
        order: places.order(units[0]),
        area: e.area,
        name: e.name,
        place: where,
        ...(e.kind === 'developer' ? { developer: true } : {}),
      }
    })
    return {
      entries,
      basis: {
        owners: entries.length,
        developers: roll.developers,
        units: roll.units,
        multiUnitOwners: roll.multiUnitOwners,
        online: roll.entries.filter((e) => owners.get(e.ownerId)?.openid).length,
      },
    }
  }

  const members = await membersOf(community._id, buildingIds)
  if (unit === 'household') {
    const lived = new Set(members.map((m) => m.householdId))
    const bound = new Set(members.filter((m) => m.openid).map((m) => m.householdId))
    const chosen = households.filter((h) => lived.has(h._id))
    return {
      entries: chosen.map((h) => ({
        key: h._id,
        label: `${places.label(h)} ${h.holderName}`.trim(),
        order: places.order(h),
        area: 0,
        name: h.holderName,
        place: places.label(h),
      })),
      basis: { households: chosen.length, online: chosen.filter((h) => bound.has(h._id)).length },
    }
  }
  const adults = members.filter((m) => isAdult(m, on) && byId.has(m.householdId))
  return {
    entries: adults.map((m) => {
      const h = byId.get(m.householdId)!
      return { key: m._id, label: `${m.name}（${places.label(h)}）`, order: `${places.order(h)}|${m.name}`, area: 0, name: m.name, place: places.label(h) }
    }),
    basis: { people: adults.length, minors: members.length - adults.length, online: adults.filter((m) => m.openid).length },
  }
}
