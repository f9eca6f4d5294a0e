import { birthOrRefuse, isAdult, normalizeBirth, ownerKey, ownerRoll, shanghaiToday } from '../../cloudfunctions/_core/domain/register'
import { AppError } from '../../types'

describe('an age on the day a vote opens, in Shanghai', () => {
  const on = new Date('2026-06-15T09:00:00+08:00')
  test.each([
    ['a birthday later this month', '2008-06-16', false],
    ['a birthday earlier this month', '2008-06-14', true],
    ['a birthday in a later month', '2008-07-01', false],
    ['a birthday in an earlier month', '2008-05-31', true],
    ['well over 18', '1950-12-31', true],
    ['a birth year with spaces around it', ' 2008 ', true],
    ['a full date with spaces around it', ' 2008-06-15 ', true],
    ['a birth written in a form the register does not use, with an adult mark', '2008/06/15', false],
  ])('%s', (_label, birth, adult) => {
    expect(isAdult({ birth, adult: null }, on)).toBe(adult)
  })

  it('turns at Shanghai midnight, not UTC midnight', () => {
    // 2026-06-14T16:30Z is already 15 June in Shanghai
    expect(isAdult({ birth: '2008-06-15', adult: null }, new Date('2026-06-14T16:30:00Z'))).toBe(true)
    expect(isAdult({ birth: '2008-06-15', adult: null }, new Date('2026-06-14T15:30:00Z'))).toBe(false)
  })

  it('counts only an explicit adult mark when no birth is known', () => {
    expect(isAdult({ birth: '', adult: true }, on)).toBe(true)
    expect(isAdult({ birth: undefined as unknown as null, adult: true }, on)).toBe(true)
  })
})

describe('birth dates at the edges', () => {
  test.each([
    ['1900', '1900'],
    ['1899', null],
    ['1900-01-01', '1900-01-01'],
    ['1899-12-31', null],
    ['2026', '2026'],
    ['2027', null],
    ['2026-11-22', '2026-11-22'],
    ['2026-11-23', null],
    ['1950年', '1950'],
    [' 1950-3-8 ', '1950-03-08'],
    ['1950-13-01', null],
    ['1950-00-10', null],
    ['1950-04-31', null],
    ['1950-03-08x', null],
    ['x1950', null],
  ])('%s → %s', (text, expected) => {
    expect(normalizeBirth(text, '2026-11-22')).toBe(expected)
  })
})

describe('a birth as staff typed it', () => {
  const now = new Date('2026-11-22T09:00:00+08:00')

  it('is normalized, and empty is none', () => {
    expect(birthOrRefuse('1950/3/8', now)).toBe('1950-03-08')
    expect(birthOrRefuse('', now)).toBeNull()
    expect(birthOrRefuse(null, now)).toBeNull()
  })

  it('refuses what is not a date as an invalid input at its path', () => {
    const refusal = (() => {
      try {
        birthOrRefuse('三月', now, 'members.2.birth')
      } catch (e) {
        return e as AppError
      }
      throw new Error('not refused')
    })()
    expect(refusal).toBeInstanceOf(AppError)
    expect(refusal.code).toBe('INPUT.INVALID')
    expect(refusal.message).toBe('出生日期格式不正确（如 1950-03-08 或 1950）')
    expect(refusal.issues).toEqual([{ path: 'members.2.birth', message: '出生日期格式不正确' }])
    expect(() => birthOrRefuse('2099', now)).toThrow(expect.objectContaining({ issues: [{ path: 'birth', message: '出生日期格式不正确' }] }))
  })

  it('may not be later than today in Shanghai', () => {
    expect(shanghaiToday(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22')
    expect(birthOrRefuse('2026-11-22', new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22')
  })
})

describe('an owner’s identity key', () => {
  it('is the kind and the reference number, or the name when there is none, trimmed', () => {
    expect(ownerKey('person', '张三', '110101195003081234')).toBe('person:110101195003081234')
    expect(ownerKey('person', ' 张三 ', null)).toBe('person:张三')
    expect(ownerKey('developer', '幸福置业', '')).toBe('developer:幸福置业')
    expect(ownerKey('person', '张三', ' 123 ')).toBe('person:123')
  })
})

describe('births that only look like dates', () => {
  it('count for nothing unless the whole entry is the date or the year', () => {
    const on = new Date('2026-06-15T09:00:00+08:00')
    for (const birth of ['x2008-01-01', '2008-01-01x', 'x2000', '出生2000']) expect(isAdult({ birth, adult: false }, on)).toBe(false)
    expect(normalizeBirth('x1950-03-08', '2026-11-22')).toBeNull()
  })
})

describe('owners counted on a roll, in detail', () => {
  type Unit = { _id: string; ownerId: string | null; ownership: 'owned' | 'unsold' | 'undelivered' | null; area: number | null }
  const owners = new Map([
    ['zhang', { _id: 'zhang', name: '张三', kind: 'person' as const }],
    ['li', { _id: 'li', name: '李四', kind: 'person' as const }],
    ['wang', { _id: 'wang', name: '王五', kind: 'person' as const }],
    ['dev', { _id: 'dev', name: '幸福置业', kind: 'developer' as const }],
  ])
  const u = (id: string, ownerId: string, ownership: Unit['ownership'] = 'owned', area: number | null = 100): Unit => ({ _id: id, ownerId, ownership, area })

  it('a unit with a negative area cannot be counted', () => {
    const roll = ownerRoll([u('a', 'zhang', 'owned', -5), u('b', 'li')], owners)
    expect(roll.missingArea).toEqual(['a'])
    expect(roll.entries.map((e) => e.ownerId)).toEqual(['li'])
  })

  it('each owner carries exactly their units, and the developers and several-unit owners are counted apart', () => {
    const roll = ownerRoll(
      [
        u('a', 'zhang'),
        u('b', 'zhang'),
        u('c', 'li'),
        u('d', 'li'),
        u('e', 'wang'),
        u('f', 'dev', 'unsold'),
        u('g', 'dev', 'unsold'),
        u('h', 'dev', 'undelivered'),
      ],
      owners,
    )
    expect(roll.entries.map((e) => [e.ownerId, e.householdIds])).toEqual([
      ['zhang', ['a', 'b']],
      ['li', ['c', 'd']],
      ['wang', ['e']],
      ['dev', ['f', 'g', 'h']],
    ])
    expect({ developers: roll.developers, multiUnitOwners: roll.multiUnitOwners }).toEqual({ developers: 1, multiUnitOwners: 2 })
  })
})
