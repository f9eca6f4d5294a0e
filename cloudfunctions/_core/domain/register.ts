import { ADULT_AGE, AppError, type HouseholdDoc, type MemberDoc, type OwnerDoc } from '../../../types'
import { calendar, shanghai, shanghaiDay as dayOf } from '../time'
import { areaUnits } from './voteRules'

/**
 * Who the law puts on a roll, as pure functions of the register. No I/O, no clock: the day that decides ages is an
 * argument (the day the vote opens).
 */

/** Shanghai calendar date of an instant: ages turn at local midnight. */
const shanghaiDay = (at: Date) => {
  const d = shanghai(at)
  return { y: d.year(), m: d.month() + 1, d: d.date() }
}

/**
 * Aged 18 or over on `on` (城市居民委员会组织法: the residents' meeting is made of residents aged 18 and over).
 * A full birth date decides exactly (an 18th birthday on the day counts). A birth year alone counts the person as
 * adult from 1 January of the year they turn 18: the register could not tell, and leaving out someone who is 18
 * would take away a vote the law gives. With no birth, the register's "adult" mark decides; unknown is not adult.
 */
export function isAdult(member: Pick<MemberDoc, 'birth' | 'adult'>, on: Date): boolean {
  const today = shanghaiDay(on)
  const birth = member.birth?.trim() ?? ''
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birth)
  if (full) {
    const [y, m, d] = [Number(full[1]), Number(full[2]), Number(full[3])]
    const age = today.y - y - (today.m < m || (today.m === m && today.d < d) ? 1 : 0)
    return age >= ADULT_AGE
  }
  const year = /^(\d{4})$/.exec(birth)
  if (year) return today.y - Number(year[1]) >= ADULT_AGE
  return member.adult === true
}

export interface OwnerRollEntry {
  ownerId: string
  name: string
  kind: OwnerDoc['kind']
  /** the exclusive units counted for this owner, in the matter's buildings */
  householdIds: string[]
  /** summed exclusive area, in 0.01 m² */
  area: number
}

export interface OwnerRoll {
  entries: OwnerRollEntry[]
  /** units in scope the register cannot count: no owner recorded, or no area */
  missingOwner: string[]
  missingArea: string[]
  units: number
  developers: number
  multiUnitOwners: number
}

/**
 * The owners of the given exclusive units, counted as the Supreme People's Court counts them (建筑物区分所有权司法解释
 * 第8–9条): area is each unit's registered exclusive area; the number is one per unit, except that one buyer holding
 * several units counts as one, and the developer's unsold and sold-but-undelivered units together count as one. So
 * every owner identity is one person on the roll, carrying the summed area of its units — a unit marked unsold or
 * undelivered is the developer's whoever bought it.
 */
export function ownerRoll(
  units: Pick<HouseholdDoc, '_id' | 'ownerId' | 'ownership' | 'area'>[],
  owners: Map<string, Pick<OwnerDoc, '_id' | 'name' | 'kind'>>,
): OwnerRoll {
  const byOwner = new Map<string, OwnerRollEntry>()
  const missingOwner: string[] = []
  const missingArea: string[] = []
  for (const u of units) {
    const owner = u.ownerId ? owners.get(u.ownerId) : undefined
    // a unit still the developer's must be held by the developer identity, and a delivered one by its owner
    if (!owner || !u.ownership || (u.ownership !== 'owned') !== (owner.kind === 'developer')) {
      missingOwner.push(u._id)
      continue
    }
    if (!u.area || !(u.area > 0)) {
      missingArea.push(u._id)
      continue
    }
    let e = byOwner.get(owner._id)
    if (!e) byOwner.set(owner._id, (e = { ownerId: owner._id, name: owner.name, kind: owner.kind, householdIds: [], area: 0 }))
    e.householdIds.push(u._id)
    e.area += areaUnits(u.area)
  }
  const entries = [...byOwner.values()]
  return {
    entries,
    missingOwner,
    missingArea,
    units: units.length,
    developers: entries.filter((e) => e.kind === 'developer').length,
    multiUnitOwners: entries.filter((e) => e.kind === 'person' && e.householdIds.length > 1).length,
  }
}

/** The owner identity key: one buyer's rows share a number, or a name when staff gave none. */
export const ownerKey = (kind: OwnerDoc['kind'], name: string, ref: string | null): string => `${kind}:${(ref || name).trim()}`

/** 'YYYY', or a date written 1950-03-08, 1950/3/8, 1950.03.08 or 19500308 → 'YYYY-MM-DD'; null when not a real date. */
export function normalizeBirth(text: string, today: string): string | null {
  const t = text.trim()
  const year = /^(\d{4})年?$/.exec(t)
  if (year) return Number(year[1]) >= 1900 && year[1] <= today.slice(0, 4) ? year[1] : null
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(t)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = calendar(Date.UTC(y, mo - 1, d))
  if (y < 1900 || date.month() !== mo - 1 || date.date() !== d) return null
  const iso = date.format('YYYY-MM-DD')
  return iso <= today ? iso : null
}

/** Today's Shanghai date ('YYYY-MM-DD'), the latest a birth can be. */
export const shanghaiToday = (now: Date): string => dayOf(now)

/** A birth as staff typed it, normalized; an empty one is null; one that is not a date is an INPUT.INVALID of `path`. */
export function birthOrRefuse(text: string | null, now: Date, path = 'birth'): string | null {
  if (!text) return null
  const birth = normalizeBirth(text, shanghaiToday(now))
  if (!birth) throw new AppError('INPUT.INVALID', '出生日期格式不正确（如 1950-03-08 或 1950）', [{ path, message: '出生日期格式不正确' }])
  return birth
}
