import {
  currentCode,
  decideCheckin,
  decideCheckout,
  emptyRoster,
  hoursOf,
  minutesOf,
  placeSignup,
  signupOpen,
  withdrawSignup,
} from '../../cloudfunctions/_core/domain/volunteers'
import type { VolunteerActivityDoc, VolunteerSignupDoc } from '../../types'

import { DEADLINE, END, NOW, SECRET, START, activity as activityOf, at } from './volunteerFixtures'

const OTHER = 'a0'.repeat(32)

/** The activity of these tests has one place. */
const activity = (over: Partial<VolunteerActivityDoc> = {}) => activityOf({ capacity: 1, ...over })
const a = activity()

const signedUp = (openid = 'v'): VolunteerSignupDoc => {
  const d = placeSignup(a, emptyRoster(a._id), null, { openid, name: openid }, NOW)
  if (!d.ok) throw new Error(d.code)
  return d.signup
}
const codeAt = (when: Date, secret = SECRET) => currentCode(secret, when).code

describe('checking in', () => {
  const when = at(START, 5)

  it('records the time and one version on, and nothing else', () => {
    const s = signedUp()
    expect(decideCheckin(a, s, codeAt(when), when)).toEqual({ ok: true, next: { ...s, checkinAt: when.toISOString(), version: s.version + 1 } })
  })

  it('is refused to someone without a place, twice, outside the window, or with another activity’s code', () => {
    expect(decideCheckin(a, null, codeAt(when), when)).toMatchObject({ ok: false, code: 'VOLUNTEER.NOT_SIGNED_UP' })
    expect(decideCheckin(a, { ...signedUp(), status: 'waitlisted' }, codeAt(when), when)).toMatchObject({ ok: false, code: 'VOLUNTEER.NOT_SIGNED_UP' })
    expect(decideCheckin(a, { ...signedUp(), checkinAt: START }, codeAt(when), when)).toMatchObject({ ok: false, code: 'VOLUNTEER.ALREADY_CHECKED_IN' })
    expect(decideCheckin(a, signedUp(), codeAt(new Date(END)), new Date(END))).toMatchObject({ ok: false, code: 'VOLUNTEER.CHECKIN_CLOSED' })
    expect(decideCheckin(a, signedUp(), codeAt(when, OTHER), when)).toMatchObject({ ok: false, code: 'VOLUNTEER.CODE_INVALID' })
  })
})

describe('checking out', () => {
  const checkedIn = (): VolunteerSignupDoc => ({ ...signedUp(), checkinAt: START })

  it('is refused without a place, before checking in, twice, after the grace period, or with another code', () => {
    const when = at(END, 5)
    expect(decideCheckout(a, null, codeAt(when), when)).toMatchObject({ ok: false, code: 'VOLUNTEER.NOT_SIGNED_UP' })
    expect(decideCheckout(a, { ...checkedIn(), status: 'cancelled' }, codeAt(when), when)).toMatchObject({ ok: false, code: 'VOLUNTEER.NOT_SIGNED_UP' })
    expect(decideCheckout(a, signedUp(), codeAt(when), when)).toMatchObject({ ok: false, code: 'VOLUNTEER.NOT_CHECKED_IN' })
    expect(decideCheckout(a, { ...checkedIn(), checkoutAt: END }, codeAt(when), when)).toMatchObject({ ok: false, code: 'VOLUNTEER.ALREADY_CHECKED_OUT' })
    expect(decideCheckout(a, checkedIn(), codeAt(at(END, 120)), at(END, 120))).toMatchObject({ ok: false, code: 'VOLUNTEER.CHECKIN_CLOSED' })
    expect(decideCheckout(a, checkedIn(), codeAt(when, OTHER), when)).toMatchObject({ ok: false, code: 'VOLUNTEER.CODE_INVALID' })
  })

  it('records the time, the credited minutes and the publisher as recorder, one version on', () => {
    const s = checkedIn()
    const when = at(START, 90)
    expect(decideCheckout(a, s, codeAt(when), when)).toEqual({
      ok: true,
      next: { ...s, checkoutAt: when.toISOString(), minutes: 90, recorderOpenid: 'staff', recorderName: '陈静', version: s.version + 1 },
    })
  })
})

describe('cancelling a place', () => {
  it('when the waitlist is empty, frees the place and promotes nobody', () => {
    const s = signedUp()
    const roster = { ...emptyRoster(a._id), confirmed: ['v'] }
    const d = withdrawSignup(a, roster, s, null, NOW)
    expect(d).toEqual({
      ok: true,
      roster: { ...roster, confirmed: [] },
      signups: [{ ...s, status: 'cancelled', cancelledAt: NOW.toISOString(), version: s.version + 1 }],
      promoted: null,
    })
  })

  it('refuses when the roster’s first waiting person is not the one read as waiting', () => {
    const roster = { ...emptyRoster(a._id), confirmed: ['v'], waitlist: ['w'] }
    const w = { ...signedUp('w'), status: 'waitlisted' as const }
    expect(() => withdrawSignup(a, roster, signedUp(), null, NOW)).toThrow('waitlist head w is not waiting')
    expect(() => withdrawSignup(a, roster, signedUp(), { ...w, openid: 'x' }, NOW)).toThrow('waitlist head w is not waiting')
    expect(() => withdrawSignup(a, roster, signedUp(), { ...w, status: 'confirmed' }, NOW)).toThrow('waitlist head w is not waiting')
    const d = withdrawSignup(a, roster, signedUp(), w, NOW)
    expect(d.ok && d.roster).toMatchObject({ confirmed: ['w'], waitlist: [] })
  })

  it('refuses someone whose place was already cancelled', () => {
    expect(withdrawSignup(a, emptyRoster(a._id), { ...signedUp(), status: 'cancelled' }, null, NOW)).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.NOT_SIGNED_UP',
      message: '您没有报名这个活动',
    })
  })
})

describe('sign-up time and hours', () => {
  it('sign-up is open strictly before the deadline', () => {
    expect(signupOpen(a, at(DEADLINE, -0.001))).toBe(true)
    expect(signupOpen(a, new Date(DEADLINE))).toBe(false)
  })

  it('hours are minutes over 60 to two decimals, and minutes are hours times 60, rounded', () => {
    expect(hoursOf(90)).toBe(1.5)
    expect(hoursOf(100)).toBe(1.67)
    expect(hoursOf(0)).toBe(0)
    expect(minutesOf(1.26)).toBe(76)
    expect(minutesOf(2)).toBe(120)
  })
})
