import {
  CALLER_POLICY,
  EMPTY,
  TARGET_POLICY,
  afterTry,
  current,
  lockedUntil,
  maxTriesPerYear,
  retryAt,
  waitAfter,
  yearsToGuess,
  type AttemptPolicy,
  type AttemptState,
} from '../../cloudfunctions/_core/domain/attempts'

const MIN = 60_000
const DAY = 86_400_000
const T0 = new Date('2026-11-30T01:00:00.000Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const POLICY: AttemptPolicy = { free: 2, baseMs: MIN, capMs: 10 * MIN, forgetMs: DAY }

describe('the wait after a wrong try', () => {
  it('is nothing for the free tries, then the base doubled per extra failure, never more than the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => waitAfter(n, POLICY) / MIN)).toEqual([0, 0, 1, 2, 4, 8, 10, 10])
    expect(waitAfter(5, CALLER_POLICY)).toBe(0)
    expect(waitAfter(6, CALLER_POLICY)).toBe(MIN)
    expect(waitAfter(1000, CALLER_POLICY)).toBe(DAY)
  })
})

describe('a try counted before the code is checked', () => {
  it('adds a failure at now and, once past the free tries, locks the key for the wait', () => {
    const one = afterTry(EMPTY, T0, POLICY)
    expect(one).toEqual({ failures: 1, lastFailureAt: T0.toISOString(), lockedUntil: null })
    const two = afterTry(one, at(1000), POLICY)
    expect(two).toEqual({ failures: 2, lastFailureAt: at(1000).toISOString(), lockedUntil: null })
    const three = afterTry(two, at(2000), POLICY)
    expect(three).toEqual({ failures: 3, lastFailureAt: at(2000).toISOString(), lockedUntil: at(2000 + MIN).toISOString() })
  })

  it('within the free tries keeps a lock the key still had', () => {
    const locked: AttemptState = { failures: 0, lastFailureAt: null, lockedUntil: at(MIN).toISOString() }
    expect(afterTry(locked, T0, POLICY).lockedUntil).toBe(at(MIN).toISOString())
  })
})

describe('the state of a key as of now', () => {
  const s: AttemptState = { failures: 4, lastFailureAt: T0.toISOString(), lockedUntil: at(4 * MIN).toISOString() }

  it('is empty for a key that never failed', () => {
    expect(current(null, T0, POLICY)).toBe(EMPTY)
  })

  it('keeps the failures until the forgetting period has passed, then forgets them', () => {
    const unlocked = { ...s, lockedUntil: null }
    expect(current(unlocked, at(DAY - 1), POLICY)).toBe(unlocked)
    expect(current(unlocked, at(DAY), POLICY)).toBe(EMPTY)
    expect(current(unlocked, at(2 * DAY), POLICY)).toBe(EMPTY)
  })

  it('does not forget a key still locked, however old its last failure', () => {
    const longLock = { ...s, lockedUntil: at(DAY + MIN).toISOString() }
    expect(current(longLock, at(DAY), POLICY)).toBe(longLock)
    expect(current(longLock, at(DAY + MIN), POLICY)).toBe(EMPTY)
  })

  it('keeps a lock with no failure recorded', () => {
    const lockOnly = { failures: 0, lastFailureAt: null, lockedUntil: at(MIN).toISOString() }
    expect(current(lockOnly, at(2 * DAY), POLICY)).toBe(lockOnly)
  })
})

describe('when a key may try again', () => {
  it('is its lock while the lock lasts, and now (null) from the moment it ends', () => {
    const s: AttemptState = { failures: 3, lastFailureAt: T0.toISOString(), lockedUntil: at(MIN).toISOString() }
    expect(lockedUntil(s, T0)).toBe(at(MIN).toISOString())
    expect(lockedUntil(s, at(MIN - 1))).toBe(at(MIN).toISOString())
    expect(lockedUntil(s, at(MIN))).toBeNull()
    expect(lockedUntil(EMPTY, T0)).toBeNull()
  })
})

describe('the most tries a guesser gets in a year', () => {
  // A cycle: the free tries, then waits of 1, 2, 4 … 1024 minutes (11 tries), then one try locked for the cap of a day,
  // after which the failures are a day old and forgotten. 2047 + 1440 minutes; 151 cycles start within the year.
  const cycles = Math.ceil((365 * DAY) / ((2047 + 1440) * MIN))

  it('is the free tries plus twelve, for every cycle of doubling waits and a forgotten day that starts in the year', () => {
    expect(cycles).toBe(151)
    expect(maxTriesPerYear(CALLER_POLICY)).toBe(cycles * (5 + 12))
    expect(maxTriesPerYear(TARGET_POLICY)).toBe(cycles * (20 + 12))
  })

  it('turns into the expected years of guessing: the space over the valid codes over the tries a year', () => {
    expect(yearsToGuess(1_000_000, 10, 1_000)).toBe(100)
    expect(yearsToGuess(1_000, 1, 10)).toBe(100)
  })
})

describe('when one may try again, said to the person', () => {
  it('is the time alone the same Shanghai day, and the date with it otherwise', () => {
    expect(retryAt('2026-11-30T06:05:00.000Z', T0)).toBe('14:05')
    expect(retryAt('2026-11-30T17:05:00.000Z', T0)).toBe('12月1日 01:05')
  })
})
