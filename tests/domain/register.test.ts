import { isAdult, normalizeBirth, ownerRoll } from '../../cloudfunctions/_core/domain/register'
import { choicesFor, countingBasis, evaluate } from '../../cloudfunctions/_core/domain/voteRules'
import { MATTER_KINDS, ruleFor, rollsFor, unitsFor, type MatterKind, type OwnerDoc, type Ownership } from '../../types'

/** The day a vote opens: 22 November 2026, 09:00 in Shanghai. */
const ON = new Date('2026-11-22T09:00:00+08:00')

describe('who is an adult on the register (城市居民委员会组织法: 18 and over)', () => {
  test.each([
    ['born 18 years ago to the day', { birth: '2008-11-22', adult: null }, true],
    ['18 tomorrow', { birth: '2008-11-23', adult: null }, false],
    ['born on 22 November 2008 in Shanghai, checked at 00:30 local time', { birth: '2008-11-22', adult: null }, true],
    ['a birth year alone, turning 18 this year', { birth: '2008', adult: null }, true],
    ['a birth year alone, turning 18 next year', { birth: '2009', adult: null }, false],
    ['no birth, marked adult by the register', { birth: null, adult: true }, true],
    ['no birth, marked minor', { birth: null, adult: false }, false],
    ['nothing known', { birth: null, adult: null }, false],
    ['a birth date decides over a contrary mark', { birth: '2015-01-01', adult: true }, false],
  ])('%s', (_label, member, expected) => {
    const at = _label.includes('00:30') ? new Date('2026-11-22T00:30:00+08:00') : ON
    expect(isAdult(member, at)).toBe(expected)
  })
})

describe('counting owners as the Supreme People’s Court counts them (建筑物区分所有权司法解释 第8–9条)', () => {
  type Unit = { _id: string; ownerId: string | null; ownership: Ownership | null; area: number | null }
  const owners = new Map<string, Pick<OwnerDoc, '_id' | 'name' | 'kind'>>([
    ['zhang', { _id: 'zhang', name: '张三', kind: 'person' }],
    ['li', { _id: 'li', name: '李四', kind: 'person' }],
    ['wang', { _id: 'wang', name: '王五、赵六', kind: 'person' }],
    ['dev', { _id: 'dev', name: '幸福置业', kind: 'developer' }],
  ])
  const u = (id: string, ownerId: string | null, area: number | null = 100, ownership: Ownership | null = 'owned'): Unit => ({
    _id: id,
    ownerId,
    ownership,
    area,
  })

  // each example: the units, what the law counts (owners, area in m²), what we count
  test.each<[string, Unit[], number, number]>([
    ['one unit, one owner', [u('a', 'zhang')], 1, 100],
    ['three units of one buyer: one owner carrying all three areas', [u('a', 'zhang', 80), u('b', 'zhang', 90), u('c', 'zhang', 100)], 1, 270],
    ['a unit owned jointly by a couple: one unit, one owner', [u('a', 'wang', 120)], 1, 120],
    ['two neighbours and a buyer of two', [u('a', 'zhang'), u('b', 'li'), u('c', 'li', 60)], 2, 260],
    [
      'the developer’s unsold and undelivered units together: one',
      [u('a', 'dev', 90, 'unsold'), u('b', 'dev', 95, 'unsold'), u('c', 'dev', 100, 'undelivered')],
      1,
      285,
    ],
    [
      'owners and the developer in one building',
      [u('a', 'zhang'), u('b', 'li'), u('c', 'dev', 100, 'unsold'), u('d', 'dev', 100, 'undelivered'), u('e', 'zhang', 50)],
      3,
      450,
    ],
  ])('%s', (_label, units, lawOwners, lawArea) => {
    const roll = ownerRoll(units, owners)
    expect(roll.entries).toHaveLength(lawOwners)
    expect(roll.entries.reduce((n, e) => n + e.area, 0)).toBe(lawArea * 100)
    expect(roll.missingOwner).toEqual([])
    expect(roll.units).toBe(units.length)
  })

  test('a unit with no owner, a unit still marked the developer’s but held by a person, and a unit without area cannot be counted', () => {
    const roll = ownerRoll([u('a', null), u('b', 'zhang', 100, 'unsold'), u('c', 'li', null), u('d', 'dev', 100, 'owned'), u('e', 'li')], owners)
    expect(roll.missingOwner).toEqual(['a', 'b', 'd'])
    expect(roll.missingArea).toEqual(['c'])
    expect(roll.entries.map((e) => e.ownerId)).toEqual(['li'])
  })

  test('multi-unit owners are counted apart from the developer', () => {
    const roll = ownerRoll([u('a', 'zhang'), u('b', 'zhang'), u('c', 'dev', 1, 'unsold'), u('d', 'dev', 1, 'unsold')], owners)
    expect({ developers: roll.developers, multiUnitOwners: roll.multiUnitOwners }).toEqual({ developers: 1, multiUnitOwners: 1 })
  })
})

describe('Civil Code art. 278 on an owners’ roll with a buyer of several flats and the developer', () => {
  // a building of 10 units: 张三 holds 4 (400 m²), the developer 2 unsold (200 m²), 4 other owners one each (100 m²):
  // the law counts 6 owners and 1 000 m².
  const roll = { count: 6, area: 100_000 }
  const choices = choicesFor([])
  const tally = (voters: { choice: string; area: number }[]) => ({
    choices: choices.map((c) => ({
      id: c.id,
      count: voters.filter((v) => v.choice === c.id).length,
      area: voters.filter((v) => v.choice === c.id).reduce((n, v) => n + v.area * 100, 0),
    })),
    participants: voters.length,
    participantArea: voters.reduce((n, v) => n + v.area * 100, 0),
  })
  const zhang = (choice: string) => ({ choice, area: 400 })
  const dev = (choice: string) => ({ choice, area: 200 })
  const one = (choice: string) => ({ choice, area: 100 })

  test.each<[string, 'art278_ordinary' | 'art278_major', { choice: string; area: number }[], Record<string, boolean>]>([
    // 4 of 6 owners (⅔) with 800 of 1 000 m²: turnout met; 张三 alone is 400/800 area = ½, not more than half
    [
      '4 owners take part, the big owner for, three against: half the area is not more than half',
      'art278_ordinary',
      [zhang('for'), one('against'), one('against'), dev('against')],
      { turnout: true, turnoutArea: true, approve: false, approveArea: false },
    ],
    [
      '3 owners of 6 take part with 700 m²: fewer than two-thirds by number',
      'art278_ordinary',
      [zhang('for'), dev('for'), one('for')],
      { turnout: false, turnoutArea: true, approve: true, approveArea: true },
    ],
    [
      '4 small owners take part with 400 m²: two-thirds by number, not by area',
      'art278_ordinary',
      [one('for'), one('for'), one('for'), one('for')],
      { turnout: true, turnoutArea: false, approve: true, approveArea: true },
    ],
    [
      'all 6 take part, 张三, the developer and one owner for (3 of 6, 700 m²): half by number is not more than half',
      'art278_ordinary',
      [zhang('for'), dev('for'), one('for'), one('against'), one('against'), one('against')],
      { approve: false, approveArea: true },
    ],
    [
      'all 6 take part, 4 for (between ⅔ and ¾ by number) with 800 m²: fails a major matter by number',
      'art278_major',
      [zhang('for'), dev('for'), one('for'), one('against'), one('against'), one('for')],
      { approve: false, approveArea: true },
    ],
    [
      'the same 4 of 6 under the ordinary rule',
      'art278_ordinary',
      [zhang('for'), dev('for'), one('for'), one('against'), one('against'), one('for')],
      { approve: true, approveArea: true },
    ],
    [
      'all 6 take part, 5 for with 900 m²: three-quarters and more by both',
      'art278_major',
      [zhang('for'), dev('for'), one('for'), one('for'), one('for'), one('against')],
      { approve: true, approveArea: true },
    ],
  ])('%s', (_label, rule, voters, expected) => {
    const r = evaluate(rule, roll, tally(voters), choices)
    const met = Object.fromEntries(r.figures.map((f) => [f.key, f.met]))
    expect(met).toMatchObject(expected)
    expect(r.passed).toBe(Object.values(met).every(Boolean))
  })

  test('three-quarters by number but 70 % by area fails a major matter and passes an ordinary one', () => {
    const eight = { count: 8, area: 10_000 }
    const voters = [
      { choice: 'for', area: 20 },
      ...Array.from({ length: 5 }, () => ({ choice: 'for', area: 10 })),
      { choice: 'against', area: 20 },
      { choice: 'against', area: 10 },
    ]
    const major = evaluate('art278_major', eight, tally(voters), choices)
    expect(major.figures.map((f) => [f.key, f.met])).toEqual([
      ['turnout', true],
      ['turnoutArea', true],
      ['approve', true],
      ['approveArea', false],
    ])
    expect(major.passed).toBe(false)
    expect(evaluate('art278_ordinary', eight, tally(voters), choices).passed).toBe(true)
  })

  test('exactly three-quarters of participants by number and area passes a major matter; one owner short fails', () => {
    // 8 single-unit owners of 100 m²: 6 of 8 is exactly ¾
    const eight = { count: 8, area: 80_000 }
    const yes = Array.from({ length: 6 }, () => one('for'))
    expect(evaluate('art278_major', eight, tally([...yes, one('against'), one('against')]), choices).passed).toBe(true)
    expect(evaluate('art278_major', eight, tally([...yes.slice(1), one('against'), one('against'), one('against')]), choices).passed).toBe(false)
  })
})

describe('the residents’ meeting rule (城市居民委员会组织法)', () => {
  const choices = choicesFor([])
  const tally = (forN: number, againstN: number) => ({
    choices: [
      { id: 'for', count: forN, area: 0 },
      { id: 'against', count: againstN, area: 0 },
      { id: 'abstain', count: 0, area: 0 },
    ],
    participants: forN + againstN,
    participantArea: 0,
  })
  test.each([
    ['exactly half of 240 adults attend: not valid', 120, 0, false, true],
    ['121 of 240 attend, 61 for: passes', 61, 60, true, true],
    ['121 of 240 attend, 60 for and 61 against: fails', 60, 61, true, false],
  ])('%s', (_label, forN, againstN, turnoutMet, approveMet) => {
    const r = evaluate('meeting', { count: 240, area: 0 }, tally(forN, againstN), choices)
    expect(r.figures.map((f) => f.met)).toEqual([turnoutMet, approveMet])
  })
})

describe('the rule follows from the matter', () => {
  test.each(MATTER_KINDS.map((k) => [k]))('%s', (kind: MatterKind) => {
    const expected = kind === 'community' ? 'meeting' : ['art278_6', 'art278_7', 'art278_8'].includes(kind) ? 'art278_major' : 'art278_ordinary'
    expect(ruleFor(kind, 'resolution')).toBe(expected)
    expect(ruleFor(kind, 'review')).toBe('meeting')
    expect(rollsFor(kind, 'resolution')).toEqual(kind === 'community' ? ['residents', 'representatives'] : ['owners'])
  })

  test('a matter from before kinds existed counts as a community matter; owners vote one owner one ballot', () => {
    expect(ruleFor(undefined, 'resolution')).toBe('meeting')
    expect(unitsFor('owners')).toEqual(['owner'])
    expect(unitsFor('residents')).toEqual(['person', 'household'])
  })
})

describe('the counting basis in words', () => {
  test('an owners’ vote names the roll, the counting of owners and area, and the rule with its source', () => {
    const lines = countingBasis({
      rollKind: 'owners',
      unit: 'owner',
      rule: 'art278_major',
      rollCount: 22,
      rollArea: 223_000,
      rollBasis: { owners: 22, developers: 1, units: 24, multiUnitOwners: 1, online: 3 },
    })
    expect(lines[0]).toBe(
      '应参加：22 位业主（含开发商 1 位），专有部分 24 套，面积合计 2,230 ㎡，其中 3 人次可在小程序投票，其余以纸质票或到会表决，由工作人员录入。',
    )
    expect(lines[1]).toContain('同一业主拥有多套的计一人（本次有 1 位）')
    expect(lines[2]).toContain('四分之三以上')
  })
})

describe('birth dates as registers write them', () => {
  test.each([
    ['1950-03-08', '1950-03-08'],
    ['1950/3/8', '1950-03-08'],
    ['1950.03.08', '1950-03-08'],
    ['19500308', '1950-03-08'],
    ['1950年3月8日', '1950-03-08'],
    ['1950', '1950'],
    ['1950-02-30', null],
    ['2030-01-01', null],
    ['1850', null],
    ['三月', null],
  ])('%s → %s', (text, expected) => {
    expect(normalizeBirth(text, '2026-11-22')).toBe(expected)
  })
})
