/**
 * Limits on codes a person types (household bind codes, invites, volunteer check-in codes): pure rules of how many
 * wrong tries are free and how long one waits after that. The counts live in the database (repos/attempts.ts), so
 * the limit holds across function instances.
 *
 * Each key (a caller, or a target such as an activity) counts its wrong tries. The first `free` cost nothing; each
 * one after that locks the key for `baseMs` doubled per extra failure, up to `capMs`. A right code resets the caller;
 * failures older than `forgetMs` are forgotten.
 */
import { shanghai } from '../time'

export interface AttemptPolicy {
  free: number
  baseMs: number
  capMs: number
  forgetMs: number
}

export interface AttemptState {
  failures: number
  lockedUntil: string | null
  lastFailureAt: string | null
}

const MIN = 60_000
const DAY = 86_400_000

/** A person mistyping: five wrong tries free, then 1, 2, 4 … minutes, at most a day; forgotten after a day. */
export const CALLER_POLICY: AttemptPolicy = { free: 5, baseMs: MIN, capMs: DAY, forgetMs: DAY }
/** A target many people type codes for (an activity's check-in): more free tries, so one griefer cannot lock the rest out. */
export const TARGET_POLICY: AttemptPolicy = { free: 20, baseMs: MIN, capMs: DAY, forgetMs: DAY }

export const EMPTY: AttemptState = { failures: 0, lockedUntil: null, lastFailureAt: null }

/** The state as of now: failures older than the forgetting period no longer count. */
export function current(s: AttemptState | null, now: Date, p: AttemptPolicy): AttemptState {
  if (!s) return EMPTY
  if (s.lastFailureAt && now.getTime() - Date.parse(s.lastFailureAt) >= p.forgetMs && !(s.lockedUntil && s.lockedUntil > now.toISOString())) return EMPTY
  return s
}

/** When the key may try again, or null when it may now. */
export const lockedUntil = (s: AttemptState, now: Date): string | null => (s.lockedUntil && s.lockedUntil > now.toISOString() ? s.lockedUntil : null)

/** The wait after the n-th failure (n counted from 1). */
export const waitAfter = (n: number, p: AttemptPolicy): number => (n <= p.free ? 0 : Math.min(p.capMs, p.baseMs * 2 ** Math.min(40, n - p.free - 1)))

/**
 * Counts one try before the code is checked, so that a burst of simultaneous tries cannot all slip through before the
 * failures are written: the state after this try if it fails (the caller undoes it when the code was right).
 */
export function afterTry(s: AttemptState, now: Date, p: AttemptPolicy): AttemptState {
  const failures = s.failures + 1
  const wait = waitAfter(failures, p)
  return { failures, lastFailureAt: now.toISOString(), lockedUntil: wait ? new Date(now.getTime() + wait).toISOString() : s.lockedUntil }
}

/**
 * The most tries one key gets in a year under a policy: a guesser who tries again the moment each lock ends, played out
 * with the very rules above (free tries, doubling waits, forgetting), not a formula that could drift from them.
 */
export function maxTriesPerYear(p: AttemptPolicy): number {
  const year = 365 * DAY
  let t = 0
  let s: AttemptState = EMPTY
  let tries = 0
  while (t < year) {
    const now = new Date(t)
    s = current(s, now, p)
    const until = lockedUntil(s, now)
    if (until) {
      t = Date.parse(until)
      continue
    }
    tries++
    s = afterTry(s, now, p)
  }
  return tries
}

/**
 * Expected years until a guesser, trying as fast as a policy allows, types some valid code: each try hits one of
 * `valid` codes among `space` (`window` codes are accepted at a time, e.g. a rotating code's neighbours).
 */
export const yearsToGuess = (space: number, valid: number, triesPerYear: number): number => space / valid / triesPerYear

/** "14:05" the same day, "12月1日 14:05" otherwise, Shanghai time: when one may try again. */
export function retryAt(until: string, now: Date): string {
  const u = shanghai(until)
  return u.format(u.isSame(shanghai(now), 'day') ? 'HH:mm' : 'M月D日 HH:mm')
}
