import { CALLER_POLICY, TARGET_POLICY, maxTriesPerYear, yearsToGuess } from '../../cloudfunctions/_core/domain/attempts'
import { BIND_CODE_LENGTH } from '../../cloudfunctions/_core/ids'
import { findAll } from '../../cloudfunctions/_core/repos/base'
import { demoIds } from '../../local/demo'
import { NOW, P, XINGFU, as, errorCode, ok, snapshot, useWorld } from '../support/world'
import { START, at, forgedCode, published, shownCode, volunteers } from './volunteers.helpers'

const world = useWorld()
const MIN = 60_000
const later = (ms: number) => new Date(NOW.getTime() + ms)
const household = demoIds.household(XINGFU, 2, 1, '402')
const wrong = (i: number) => `ZZZZZ${String(i).padStart(5, '2')}`.replace(/[01]/g, '2')

describe('codes nobody can guess: the expected time to a valid guess at the allowed rate', () => {
  // The readable alphabet has 31 characters (no 0/O, 1/I/L). Valid codes are counted generously for a whole city.
  const READABLE = 31
  test.each([
    // kind, code space, valid codes at once, tries a year for one guesser (the binding limit)
    [
      'household bind code (10 characters; a city of 1 000 000 households with a code out)',
      READABLE ** BIND_CODE_LENGTH,
      1_000_000,
      maxTriesPerYear(CALLER_POLICY),
    ],
    ['staff invite (8 characters, one use, 72 hours; 100 000 outstanding)', READABLE ** 8, 100_000, maxTriesPerYear(CALLER_POLICY)],
    // a rotating 6-digit check-in code: 3 steps accepted at any time; many accounts share the activity's limit
    ['volunteer check-in code (6 digits, 3 accepted at a time), per activity across all its volunteers', 1_000_000, 3, maxTriesPerYear(TARGET_POLICY)],
    ['volunteer check-in code, one volunteer', 1_000_000, 3, maxTriesPerYear(CALLER_POLICY)],
  ])('%s: at least 10 years', (_kind, space, valid, triesPerYear) => {
    const years = yearsToGuess(space, valid, triesPerYear)
    expect(years).toBeGreaterThanOrEqual(10)
  })

  test('the allowed rate is what the limiter lets through: 5 free tries, then waits doubling from a minute to a day', () => {
    expect(maxTriesPerYear(CALLER_POLICY)).toBeLessThan(3_000)
    expect(maxTriesPerYear(TARGET_POLICY)).toBeLessThan(5_000)
  })
})

describe('household bind codes', () => {
  test('when someone types five wrong codes, then the sixth try is refused with the time to try again, even with the right code, until the wait is over', async () => {
    for (let i = 0; i < 5; i++) expect(errorCode(await as(P.newcomer)('users', 'bindByCode', { code: wrong(i) }))).toBe('HOUSEHOLD.CODE_INVALID')
    expect(errorCode(await as(P.newcomer)('users', 'bindByCode', { code: wrong(5) }))).toBe('HOUSEHOLD.CODE_INVALID')
    const locked = await as(P.newcomer)('users', 'householdByCode', { code: demoIds.bindCode(household) })
    expect(locked.ok ? null : locked.error).toEqual({ code: 'CODE.TOO_MANY_TRIES', message: '输错次数太多，为防止他人猜码，请于09:01以后再试' })
    world.clock(later(MIN))
    ok(await as(P.newcomer)('users', 'bindByCode', { code: demoIds.bindCode(household) }))
    // the right code cleared the count
    expect((await findAll<{ failures: number }>('codeAttempts', { _id: `bind|caller|${P.newcomer}` }))[0].failures).toBe(0)
  })

  test('when 40 wrong guesses arrive at once, then no more than the free five are checked and the rest wait', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => as(P.newcomer)('users', 'householdByCode', { code: wrong(i) })))
    const checked = answers.filter((a) => errorCode(a) === 'HOUSEHOLD.CODE_INVALID').length
    expect(checked).toBeLessThanOrEqual(6)
    expect(answers.filter((a) => errorCode(a) === 'CODE.TOO_MANY_TRIES').length).toBe(40 - checked)
  })

  test('when the waits have grown, then each further wrong try doubles the wait up to a day, and a day later the count starts over', async () => {
    for (let i = 0; i < 6; i++) await as(P.newcomer)('users', 'bindByCode', { code: wrong(i) })
    let t = NOW.getTime()
    const waits: number[] = []
    for (let n = 0; n < 12; n++) {
      const state = (await findAll<{ lockedUntil: string }>('codeAttempts', { _id: `bind|caller|${P.newcomer}` }))[0]
      waits.push((Date.parse(state.lockedUntil) - t) / MIN)
      t = Date.parse(state.lockedUntil)
      world.clock(new Date(t))
      await as(P.newcomer)('users', 'bindByCode', { code: wrong(n + 10) })
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 1440])
    expect((await findAll<{ failures: number }>('codeAttempts', { _id: `bind|caller|${P.newcomer}` }))[0].failures).toBe(1)
  })

  test('when a code has expired, then it no longer binds', async () => {
    world.clock(later(800 * 86_400_000))
    expect(errorCode(await as(P.newcomer)('users', 'bindByCode', { code: demoIds.bindCode(household) }))).toBe('HOUSEHOLD.CODE_INVALID')
  })

  test('when staff revoke a household’s code, then it stops working and the household shows no code out', async () => {
    const after = ok(await as(P.staff)('places', 'revokeBindCode', { householdId: household }))
    expect(after.bindCodeUntil).toBeNull()
    expect(errorCode(await as(P.newcomer)('users', 'bindByCode', { code: demoIds.bindCode(household) }))).toBe('HOUSEHOLD.CODE_INVALID')
  })

  test('when a code is typed with spaces, or too short, then the input says it is 10 characters', async () => {
    const answer = await as(P.newcomer)('users', 'bindByCode', { code: 'ABC12' })
    expect(answer.ok ? null : answer.error.issues?.[0].message).toBe('住户绑定码是10位字母或数字')
  })
})

describe('staff invites', () => {
  test('when someone tries made-up invite codes, then after five they wait, and nothing is granted', async () => {
    const before = await snapshot()
    for (let i = 0; i < 5; i++) expect(errorCode(await as(P.newcomer)('users', 'redeemInvite', { code: `QQQQQQ${i + 2}2` }))).toBe('INVITE.NOT_FOUND')
    expect(errorCode(await as(P.newcomer)('users', 'redeemInvite', { code: 'QQQQQQ99' }))).toBe('INVITE.NOT_FOUND')
    expect(errorCode(await as(P.newcomer)('users', 'redeemInvite', { code: 'QQQQQQ98' }))).toBe('CODE.TOO_MANY_TRIES')
    expect(await snapshot()).toEqual(before)
  })
})

describe('volunteer check-in codes', () => {
  test('when a volunteer keeps guessing the check-in code, then after five wrong codes even the shown code waits', async () => {
    const a = await published()
    ok(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))
    world.clock(at(START, 5))
    const forged = await forgedCode(a.id, at(START, 5))
    for (let i = 0; i < 6; i++)
      expect(errorCode(await as(P.resident)('volunteers', 'checkin', { activityId: a.id, code: forged }))).toBe('VOLUNTEER.CODE_INVALID')
    expect(errorCode(await as(P.resident)('volunteers', 'checkin', { activityId: a.id, code: await shownCode(a.id) }))).toBe('CODE.TOO_MANY_TRIES')
  })

  test('when many volunteers of one activity pool their guesses, then the activity’s own limit stops them all', async () => {
    const a = await published({ capacity: 40 })
    const people = await volunteers(30)
    for (const p of people) ok(await as(p)('volunteers', 'signup', { activityId: a.id }))
    world.clock(at(START, 5))
    const forged = await forgedCode(a.id, at(START, 5))
    const answers: (string | null)[] = []
    for (const p of people) answers.push(errorCode(await as(p)('volunteers', 'checkin', { activityId: a.id, code: forged })))
    // 20 free tries for the activity, then every volunteer waits, each with fewer than five tries of their own
    expect(answers.filter((c) => c === 'VOLUNTEER.CODE_INVALID').length).toBe(21)
    expect(answers.filter((c) => c === 'CODE.TOO_MANY_TRIES').length).toBe(9)
  })

  test('when the volunteer is not signed up, then the code plays no part and no try is counted', async () => {
    const a = await published()
    world.clock(at(START, 5))
    expect(errorCode(await as(P.resident2)('volunteers', 'checkin', { activityId: a.id, code: '000000' }))).toBe('VOLUNTEER.NOT_SIGNED_UP')
    expect(await findAll('codeAttempts', {})).toEqual([])
  })
})
