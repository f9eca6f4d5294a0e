import { createHmac, timingSafeEqual } from 'crypto'
import {
  CHECKIN_OPENS_BEFORE_MINUTES,
  CHECKOUT_GRACE_MINUTES,
  CODE_STEP_SECONDS,
  ERROR_MESSAGES,
  type ActivityPhase,
  type ErrorCode,
  type VolunteerActivityDoc,
  type VolunteerRosterDoc,
  type VolunteerSignupDoc,
} from '../../../types'
import { fromShanghai, shanghai, shanghaiDay, shanghaiMinute } from '../time'

/**
 * Volunteer service rules as pure functions of (state, event, actor, now): placing a sign-up and moving the
 * waitlist up, the organiser's changing check-in code, the check-in windows, and the hours a volunteer is credited.
 * A refusal carries an error code and changes nothing.
 */

export type Refusal = { ok: false; code: ErrorCode; message: string }
export type Decision<T> = ({ ok: true } & T) | Refusal

const refuse = (code: ErrorCode, message?: string): Refusal => ({ ok: false, code, message: message ?? ERROR_MESSAGES[code] })

const MIN = 60_000
const HOUR = 60 * MIN
/** Longest activity: one sitting (hours are bounded by the window, so a longer one would hide absence). */
export const MAX_ACTIVITY_HOURS = 24
/** A waitlist longer than this helps nobody and would swell the roster document. */
export const WAITLIST_MAX = 500

type Times = Pick<VolunteerActivityDoc, 'startAt' | 'endAt' | 'deadline'>
const t = (iso: string) => Date.parse(iso)

// Schedule -------------------------------------------------------------------------------------------------------

/** Start before end (within 24 hours), the deadline still ahead and no later than the start. */
export function checkSchedule(a: Times, now: Date): Refusal | null {
  const start = t(a.startAt)
  const end = t(a.endAt)
  const deadline = t(a.deadline)
  if (!(start < end) || end - start > MAX_ACTIVITY_HOURS * HOUR) return refuse('VOLUNTEER.TIME_INVALID')
  if (!(deadline > now.getTime()) || deadline > start) return refuse('VOLUNTEER.TIME_INVALID')
  return null
}

export function phaseOf(a: Times, now: Date): ActivityPhase {
  const at = now.getTime()
  if (at < t(a.deadline)) return 'open'
  if (at < t(a.startAt)) return 'closed'
  return at < t(a.endAt) ? 'ongoing' : 'ended'
}

/** Sign-up and cancelling are open strictly before the deadline. */
export const signupOpen = (a: Pick<Times, 'deadline'>, now: Date): boolean => now.getTime() < t(a.deadline)

/** Check-in: from an hour before the start until the end. */
export const checkinOpen = (a: Times, now: Date): boolean => now.getTime() >= t(a.startAt) - CHECKIN_OPENS_BEFORE_MINUTES * MIN && now.getTime() < t(a.endAt)

/** Check-out: until a grace period after the end (check-in is checked separately). */
export const checkoutOpen = (a: Times, now: Date): boolean => now.getTime() < t(a.endAt) + CHECKOUT_GRACE_MINUTES * MIN

/** The organiser can show the code while anyone can check in or out. */
export const codeShowable = (a: Times, now: Date): boolean => now.getTime() >= t(a.startAt) - CHECKIN_OPENS_BEFORE_MINUTES * MIN && checkoutOpen(a, now)

// Places and the waitlist ----------------------------------------------------------------------------------------

export const emptyRoster = (activityId: string): VolunteerRosterDoc => ({ _id: activityId, nextSeq: 1, confirmed: [], waitlist: [] })

export interface Person {
  openid: string
  name: string
}

type ActivityRef = Pick<VolunteerActivityDoc, '_id' | 'communityId' | 'startAt' | 'deadline' | 'capacity'>

/**
 * A sign-up takes the next sequence number: a place while places are left, else the end of the waitlist. A person
 * who cancelled may sign up again, and arrives again.
 */
export function placeSignup(
  a: ActivityRef,
  roster: VolunteerRosterDoc,
  existing: VolunteerSignupDoc | null,
  p: Person,
  now: Date,
): Decision<{ roster: VolunteerRosterDoc; signup: VolunteerSignupDoc }> {
  if (!signupOpen(a, now)) return refuse('VOLUNTEER.DEADLINE_PASSED')
  if ((existing && existing.status !== 'cancelled') || roster.confirmed.includes(p.openid) || roster.waitlist.includes(p.openid)) {
    return refuse('VOLUNTEER.ALREADY_SIGNED_UP')
  }
  const place = roster.confirmed.length < a.capacity
  if (!place && roster.waitlist.length >= WAITLIST_MAX) return refuse('VOLUNTEER.WAITLIST_FULL')
  const at = now.toISOString()
  const signup: VolunteerSignupDoc = {
    _id: `${a._id}|${p.openid}`,
    activityId: a._id,
    communityId: a.communityId,
    openid: p.openid,
    name: p.name,
    startAt: a.startAt,
    seq: roster.nextSeq,
    status: place ? 'confirmed' : 'waitlisted',
    signedUpAt: at,
    cancelledAt: null,
    promotedAt: null,
    checkinAt: null,
    checkoutAt: null,
    minutes: null,
    recorderOpenid: null,
    recorderName: null,
    adjustments: [],
    version: (existing?.version ?? 0) + 1,
  }
  return {
    ok: true,
    signup,
    roster: {
      ...roster,
      nextSeq: roster.nextSeq + 1,
      confirmed: place ? [...roster.confirmed, p.openid] : roster.confirmed,
      waitlist: place ? roster.waitlist : [...roster.waitlist, p.openid],
    },
  }
}

/**
 * Cancelling gives the place up; a freed place goes at once to the first in line (`head`, the sign-up of
 * `roster.waitlist[0]`). Not after the deadline, and not once checked in.
 */
export function withdrawSignup(
  a: ActivityRef,
  roster: VolunteerRosterDoc,
  mine: VolunteerSignupDoc | null,
  head: VolunteerSignupDoc | null,
  now: Date,
): Decision<{ roster: VolunteerRosterDoc; signups: VolunteerSignupDoc[]; promoted: VolunteerSignupDoc | null }> {
  if (!mine || mine.status === 'cancelled') return refuse('VOLUNTEER.NOT_SIGNED_UP', '您没有报名这个活动')
  if (!signupOpen(a, now)) return refuse('VOLUNTEER.DEADLINE_PASSED')
  if (mine.checkinAt) return refuse('VOLUNTEER.ALREADY_CHECKED_IN')
  const at = now.toISOString()
  const cancelled: VolunteerSignupDoc = { ...mine, status: 'cancelled', cancelledAt: at, version: mine.version + 1 }
  let next: VolunteerRosterDoc = {
    ...roster,
    confirmed: roster.confirmed.filter((o) => o !== mine.openid),
    waitlist: roster.waitlist.filter((o) => o !== mine.openid),
  }
  let promoted: VolunteerSignupDoc | null = null
  if (next.confirmed.length < a.capacity && next.waitlist.length > 0) {
    const first = next.waitlist[0]
    // the roster names who is first; the head read with it must be that person, still waiting
    if (!head || head.openid !== first || head.status !== 'waitlisted') throw new Error(`roster of ${a._id}: waitlist head ${first} is not waiting`)
    promoted = { ...head, status: 'confirmed', promotedAt: at, version: head.version + 1 }
    next = { ...next, confirmed: [...next.confirmed, first], waitlist: next.waitlist.slice(1) }
  }
  return { ok: true, roster: next, signups: promoted ? [cancelled, promoted] : [cancelled], promoted }
}

// Check-in codes (TOTP-style) ------------------------------------------------------------------------------------

export const stepOf = (now: Date): number => Math.floor(now.getTime() / (CODE_STEP_SECONDS * 1000))

/** HMAC-SHA256 of the time step under the activity's secret, truncated to 6 digits as RFC 4226 does. */
export function codeForStep(secret: string, step: number): string {
  const msg = Buffer.alloc(8)
  msg.writeBigUInt64BE(BigInt(step))
  const h = createHmac('sha256', secret).update(msg).digest()
  const off = h[h.length - 1] & 0xf
  const bin = ((h[off] & 0x7f) << 24) | (h[off + 1] << 16) | (h[off + 2] << 8) | h[off + 3]
  return String(bin % 1_000_000).padStart(6, '0')
}

export function currentCode(secret: string, now: Date): { code: string; secondsLeft: number; validUntil: string } {
  const step = stepOf(now)
  const until = (step + 1) * CODE_STEP_SECONDS * 1000
  return { code: codeForStep(secret, step), secondsLeft: Math.ceil((until - now.getTime()) / 1000), validUntil: new Date(until).toISOString() }
}

/** The code of this step, the one before (read just as it changed) or the one after (clocks a little apart). */
export function verifyCode(secret: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false
  const given = Buffer.from(code)
  const step = stepOf(now)
  let match = false
  for (const s of [step - 1, step, step + 1]) match = timingSafeEqual(Buffer.from(codeForStep(secret, s)), given) || match
  return match
}

// Hours ----------------------------------------------------------------------------------------------------------

/** Whole minutes between check-in and check-out, counted only inside the activity's window. */
export function creditedMinutes(a: Pick<Times, 'startAt' | 'endAt'>, checkinAt: string, checkoutAt: string): number {
  const from = Math.max(t(checkinAt), t(a.startAt))
  const to = Math.min(t(checkoutAt), t(a.endAt))
  return Math.max(0, Math.floor((to - from) / MIN))
}

export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 100) / 100
export const minutesOf = (hours: number): number => Math.round(hours * 60)

type CodeActivity = Pick<VolunteerActivityDoc, 'startAt' | 'endAt' | 'deadline' | 'codeSecret' | 'createdBy' | 'createdByName'>

export function decideCheckin(a: CodeActivity, s: VolunteerSignupDoc | null, code: string, now: Date): Decision<{ next: VolunteerSignupDoc }> {
  if (!s || s.status !== 'confirmed') return refuse('VOLUNTEER.NOT_SIGNED_UP')
  if (s.checkinAt) return refuse('VOLUNTEER.ALREADY_CHECKED_IN')
  if (!checkinOpen(a, now)) return refuse('VOLUNTEER.CHECKIN_CLOSED')
  if (!verifyCode(a.codeSecret, code, now)) return refuse('VOLUNTEER.CODE_INVALID')
  return { ok: true, next: { ...s, checkinAt: now.toISOString(), version: s.version + 1 } }
}

/**
 * Check-out credits the bounded time, recorded by the activity's publisher (the organiser whose code was shown).
 * Hours staff already corrected stand.
 */
export function decideCheckout(a: CodeActivity, s: VolunteerSignupDoc | null, code: string, now: Date): Decision<{ next: VolunteerSignupDoc }> {
  if (!s || s.status !== 'confirmed') return refuse('VOLUNTEER.NOT_SIGNED_UP')
  if (!s.checkinAt) return refuse('VOLUNTEER.NOT_CHECKED_IN')
  if (s.checkoutAt) return refuse('VOLUNTEER.ALREADY_CHECKED_OUT')
  if (!checkoutOpen(a, now)) return refuse('VOLUNTEER.CHECKIN_CLOSED')
  if (!verifyCode(a.codeSecret, code, now)) return refuse('VOLUNTEER.CODE_INVALID')
  const at = now.toISOString()
  const corrected = s.adjustments.length > 0
  return {
    ok: true,
    next: {
      ...s,
      checkoutAt: at,
      minutes: corrected ? s.minutes : creditedMinutes(a, s.checkinAt, at),
      recorderOpenid: corrected ? s.recorderOpenid : a.createdBy,
      recorderName: corrected ? s.recorderName : a.createdByName,
      version: s.version + 1,
    },
  }
}

/** Staff set a volunteer's hours with a reason; who, when, before and after are kept. */
export function decideAdjust(
  a: Pick<VolunteerActivityDoc, 'startAt'>,
  s: VolunteerSignupDoc | null,
  hours: number,
  reason: string,
  by: Person,
  now: Date,
): Decision<{ next: VolunteerSignupDoc }> {
  if (!s || s.status !== 'confirmed') return refuse('VOLUNTEER.NOT_SIGNED_UP', '该志愿者没有获得这个活动的名额')
  if (now.getTime() < t(a.startAt)) return refuse('VOLUNTEER.NOT_STARTED')
  const newMinutes = minutesOf(hours)
  const at = now.toISOString()
  return {
    ok: true,
    next: {
      ...s,
      minutes: newMinutes,
      recorderOpenid: by.openid,
      recorderName: by.name,
      adjustments: [...s.adjustments, { at, byOpenid: by.openid, byName: by.name, oldMinutes: s.minutes, newMinutes, reason }],
      version: s.version + 1,
    },
  }
}

// Records --------------------------------------------------------------------------------------------------------

/** The calendar year (Shanghai) of a time. */
export const yearOf = (iso: string): number => shanghai(iso).year()
/** YYYY-MM-DD (Shanghai) of a time. */
export const dateOf = (iso: string): string => shanghaiDay(iso)
/** YYYY-MM-DD HH:mm (Shanghai) of a time. */
export const minuteOf = (iso: string): string => shanghaiMinute(iso)
/** [from, to) of a Shanghai calendar year, as stored times. */
export const yearRange = (year: number): { from: string; to: string } => ({
  from: fromShanghai(`${year}-01-01`).toISOString(),
  to: fromShanghai(`${year + 1}-01-01`).toISOString(),
})

/** Credited service only: a place held and minutes recorded. */
export const credited = (s: Pick<VolunteerSignupDoc, 'status' | 'minutes'>): boolean => s.status === 'confirmed' && s.minutes !== null

/** Hours per year (newest first) and in total, from a person's sign-ups. */
export function summarise(signups: Pick<VolunteerSignupDoc, 'status' | 'minutes' | 'startAt'>[]): {
  totalHours: number
  activities: number
  years: { year: number; hours: number; activities: number }[]
} {
  const byYear = new Map<number, { minutes: number; activities: number }>()
  let total = 0
  let count = 0
  for (const s of signups) {
    if (!credited(s)) continue
    const y = yearOf(s.startAt)
    const cell = byYear.get(y) ?? { minutes: 0, activities: 0 }
    cell.minutes += s.minutes!
    cell.activities += 1
    byYear.set(y, cell)
    total += s.minutes!
    count += 1
  }
  const years = [...byYear.entries()].sort((a, b) => b[0] - a[0]).map(([year, c]) => ({ year, hours: hoursOf(c.minutes), activities: c.activities }))
  return { totalHours: hoursOf(total), activities: count, years }
}
