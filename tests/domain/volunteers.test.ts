import fc from 'fast-check'
import {
  checkSchedule,
  checkinOpen,
  checkoutOpen,
  codeForStep,
  codeShowable,
  creditedMinutes,
  currentCode,
  decideAdjust,
  decideCheckin,
  decideCheckout,
  emptyRoster,
  phaseOf,
  placeSignup,
  stepOf,
  summarise,
  verifyCode,
  withdrawSignup,
  yearRange,
  WAITLIST_MAX,
} from '../../cloudfunctions/_core/domain/volunteers'
import type { VolunteerActivityDoc, VolunteerRosterDoc, VolunteerSignupDoc } from '../../types'

import { DEADLINE, END, NOW, SECRET, START, activity, at } from './volunteerFixtures'

const person = (openid: string) => ({ openid, name: openid.toUpperCase() })

/** Signs people up in order, answering the roster and their sign-ups. */
function signAll(a: VolunteerActivityDoc, openids: string[]) {
  let roster = emptyRoster(a._id)
  const docs = new Map<string, VolunteerSignupDoc>()
  for (const o of openids) {
    const d = placeSignup(a, roster, docs.get(o) ?? null, person(o), NOW)
    if (!d.ok) throw new Error(d.code)
    roster = d.roster
    docs.set(o, d.signup)
  }
  return { roster, docs }
}

describe('the schedule', () => {
  test('when start, end and deadline fit together, then the activity may be published', () => {
    expect(checkSchedule(activity(), NOW)).toBeNull()
    // exactly 24 hours and a deadline at the very start are still fine
    expect(checkSchedule(activity({ endAt: at(START, 24 * 60).toISOString(), deadline: START }), NOW)).toBeNull()
  })

  test.each([
    ['the end is not after the start', { endAt: START }],
    ['it lasts longer than 24 hours', { endAt: at(START, 24 * 60 + 1).toISOString() }],
    ['the deadline is after the start', { deadline: at(START, 1).toISOString() }],
    ['the deadline is now', { deadline: NOW.toISOString() }],
  ])('when %s, then VOLUNTEER.TIME_INVALID', (_, over) => {
    expect(checkSchedule(activity(over), NOW)?.code).toBe('VOLUNTEER.TIME_INVALID')
  })

  test('when time passes, then the phase goes open → closed at the deadline → ongoing at the start → ended at the end', () => {
    const a = activity()
    expect(phaseOf(a, at(DEADLINE, -0.001))).toBe('open')
    expect(phaseOf(a, new Date(DEADLINE))).toBe('closed')
    expect(phaseOf(a, new Date(START))).toBe('ongoing')
    expect(phaseOf(a, at(END, -0.001))).toBe('ongoing')
    expect(phaseOf(a, new Date(END))).toBe('ended')
  })
})

describe('places and the waitlist', () => {
  test('when more sign up than there are places, then the first take the places and the rest wait, numbered in arrival order', () => {
    const { roster, docs } = signAll(activity({ capacity: 2 }), ['a', 'b', 'c', 'd'])
    expect(roster).toEqual({ _id: 'a1', nextSeq: 5, confirmed: ['a', 'b'], waitlist: ['c', 'd'] })
    expect([...docs.values()].map((s) => [s._id, s.seq, s.status])).toEqual([
      ['a1|a', 1, 'confirmed'],
      ['a1|b', 2, 'confirmed'],
      ['a1|c', 3, 'waitlisted'],
      ['a1|d', 4, 'waitlisted'],
    ])
  })

  test('when someone signs up twice, or at the deadline, then it is refused', () => {
    const a = activity()
    const { roster, docs } = signAll(a, ['a'])
    expect(placeSignup(a, roster, docs.get('a')!, person('a'), NOW)).toMatchObject({ ok: false, code: 'VOLUNTEER.ALREADY_SIGNED_UP' })
    expect(placeSignup(a, roster, null, person('b'), new Date(DEADLINE))).toMatchObject({ ok: false, code: 'VOLUNTEER.DEADLINE_PASSED' })
    expect(placeSignup(a, roster, null, person('b'), at(DEADLINE, -0.001)).ok).toBe(true)
  })

  test('when the waitlist is full, then VOLUNTEER.WAITLIST_FULL', () => {
    const roster: VolunteerRosterDoc = { _id: 'a1', nextSeq: 1000, confirmed: ['x', 'y'], waitlist: Array.from({ length: WAITLIST_MAX }, (_, i) => `w${i}`) }
    expect(placeSignup(activity(), roster, null, person('late'), NOW)).toMatchObject({ ok: false, code: 'VOLUNTEER.WAITLIST_FULL' })
  })

  test('when a confirmed volunteer cancels, then the first waiting moves up; when a waiting one cancels, nobody moves', () => {
    const a = activity({ capacity: 2 })
    const { roster, docs } = signAll(a, ['a', 'b', 'c', 'd'])
    const d = withdrawSignup(a, roster, docs.get('a')!, docs.get('c')!, NOW)
    if (!d.ok) throw new Error(d.code)
    expect(d.roster).toMatchObject({ confirmed: ['b', 'c'], waitlist: ['d'] })
    expect(d.promoted).toMatchObject({ openid: 'c', status: 'confirmed', promotedAt: NOW.toISOString(), version: 2 })
    expect(d.signups.map((s) => [s.openid, s.status])).toEqual([
      ['a', 'cancelled'],
      ['c', 'confirmed'],
    ])
    const w = withdrawSignup(a, roster, docs.get('d')!, docs.get('c')!, NOW)
    expect(w.ok && [w.roster.waitlist, w.promoted]).toEqual([['c'], null])
  })

  test('when cancelling without a sign-up, at the deadline or after checking in, then it is refused', () => {
    const a = activity()
    const { roster, docs } = signAll(a, ['a'])
    expect(withdrawSignup(a, roster, null, null, NOW)).toMatchObject({ code: 'VOLUNTEER.NOT_SIGNED_UP' })
    expect(withdrawSignup(a, roster, docs.get('a')!, null, new Date(DEADLINE))).toMatchObject({ code: 'VOLUNTEER.DEADLINE_PASSED' })
    expect(withdrawSignup(a, roster, { ...docs.get('a')!, checkinAt: NOW.toISOString() }, null, NOW)).toMatchObject({ code: 'VOLUNTEER.ALREADY_CHECKED_IN' })
  })

  test('when any mix of sign-ups and cancels happens, then the places are always the earliest arrivals still in and the rest wait in order', () => {
    const step = fc.record({ who: fc.integer({ min: 0, max: 7 }), cancel: fc.boolean() })
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(step, { maxLength: 40 }), (capacity, steps) => {
        const a = activity({ capacity })
        let roster = emptyRoster(a._id)
        const docs = new Map<string, VolunteerSignupDoc>()
        for (const { who, cancel } of steps) {
          const o = `p${who}`
          const mine = docs.get(o) ?? null
          if (cancel) {
            const head = roster.waitlist[0] && roster.waitlist[0] !== o ? docs.get(roster.waitlist[0])! : null
            const d = withdrawSignup(a, roster, mine, head, NOW)
            if (!d.ok) continue
            roster = d.roster
            for (const s of d.signups) docs.set(s.openid, s)
          } else {
            const d = placeSignup(a, roster, mine, person(o), NOW)
            if (!d.ok) continue
            roster = d.roster
            docs.set(o, d.signup)
          }
        }
        const active = [...docs.values()].filter((s) => s.status !== 'cancelled').sort((x, y) => x.seq - y.seq)
        const confirmed = active.slice(0, capacity).map((s) => s.openid)
        expect(roster.confirmed.slice().sort()).toEqual(confirmed.slice().sort())
        expect(roster.waitlist).toEqual(active.slice(capacity).map((s) => s.openid))
        for (const s of active) expect(s.status).toBe(confirmed.includes(s.openid) ? 'confirmed' : 'waitlisted')
      }),
    )
  })
})

describe('check-in codes', () => {
  const T = new Date('2026-11-24T00:30:00.000Z') // a step boundary
  const s = stepOf(T)

  test('when the same secret and step are given, then the same 6 digits come out; another secret or step gives another code', () => {
    expect(codeForStep(SECRET, s)).toMatch(/^\d{6}$/)
    expect(codeForStep(SECRET, s)).toBe(codeForStep(SECRET, s))
    expect(codeForStep('ab'.repeat(32), s)).not.toBe(codeForStep(SECRET, s))
    expect(codeForStep(SECRET, s + 1)).not.toBe(codeForStep(SECRET, s))
  })

  test('when a step starts, then 30 seconds are left; in its last second, 1', () => {
    expect(currentCode(SECRET, T)).toEqual({ code: codeForStep(SECRET, s), secondsLeft: 30, validUntil: '2026-11-24T00:30:30.000Z' })
    expect(currentCode(SECRET, new Date(T.getTime() + 29_001)).secondsLeft).toBe(1)
  })

  test('when a code is checked, then it holds from the start of the step before to the end of the step after, and not a millisecond beyond', () => {
    const code = codeForStep(SECRET, s)
    expect(verifyCode(SECRET, code, new Date(T.getTime() - 30_000))).toBe(true)
    expect(verifyCode(SECRET, code, new Date(T.getTime() - 30_001))).toBe(false)
    expect(verifyCode(SECRET, code, new Date(T.getTime() + 59_999))).toBe(true)
    expect(verifyCode(SECRET, code, new Date(T.getTime() + 60_000))).toBe(false)
  })

  test('when the code is not six digits or made under another secret, then it is refused', () => {
    expect(verifyCode(SECRET, '12345', T)).toBe(false)
    expect(verifyCode(SECRET, 'abcdef', T)).toBe(false)
    const forged = codeForStep('ab'.repeat(32), s)
    const valid = [s - 1, s, s + 1].map((x) => codeForStep(SECRET, x))
    expect(valid).not.toContain(forged)
    expect(verifyCode(SECRET, forged, T)).toBe(false)
  })
})

describe('windows and hours', () => {
  const a = activity()

  test('when it is an hour before the start up to the end, then check-in is open, and not a millisecond outside', () => {
    expect(checkinOpen(a, at(START, -60))).toBe(true)
    expect(checkinOpen(a, at(START, -60.001))).toBe(false)
    expect(checkinOpen(a, at(END, -0.001))).toBe(true)
    expect(checkinOpen(a, new Date(END))).toBe(false)
  })

  test('when the end has passed by less than two hours, then check-out and the code stay available', () => {
    expect(checkoutOpen(a, at(END, 119.999))).toBe(true)
    expect(checkoutOpen(a, at(END, 120))).toBe(false)
    expect(codeShowable(a, at(START, -60))).toBe(true)
    expect(codeShowable(a, at(START, -61))).toBe(false)
    expect(codeShowable(a, at(END, 120))).toBe(false)
  })

  test.each([
    ['inside the window', at(START, 15), at(START, 75), 60],
    ['from before the start', at(START, -45), at(START, 30), 30],
    ['until after the end', at(END, -30), at(END, 90), 30],
    ['around the whole window', at(START, -60), at(END, 119), 120],
    ['entirely before the start', at(START, -50), at(START, -10), 0],
    ['with a part minute', at(START, 0), at(START, 10.999), 10],
  ])('when present %s, then the minutes credited are bounded by the window', (_, from, to, minutes) => {
    expect(creditedMinutes(a, from.toISOString(), to.toISOString())).toBe(minutes)
  })

  const signup = (over: Partial<VolunteerSignupDoc> = {}): VolunteerSignupDoc => ({
    ...signAll(a, ['v']).docs.get('v')!,
    ...over,
  })

  test('when checking in and out with valid codes, then the bounded time is credited and the publisher recorded', () => {
    const inAt = at(START, -20)
    const i = decideCheckin(a, signup(), currentCode(SECRET, inAt).code, inAt)
    if (!i.ok) throw new Error(i.code)
    const outAt = at(END, 10)
    const o = decideCheckout(a, i.next, currentCode(SECRET, outAt).code, outAt)
    expect(o.ok && o.next).toMatchObject({ minutes: 120, recorderOpenid: 'staff', recorderName: '陈静', version: 3 })
  })

  test('when staff corrected the hours before check-out, then the correction stands', () => {
    const corrected = signup({
      checkinAt: START,
      minutes: 30,
      recorderName: '赵红梅',
      adjustments: [{ at: START, byOpenid: 'sec', byName: '赵红梅', oldMinutes: null, newMinutes: 30, reason: '早退' }],
    })
    const o = decideCheckout(a, corrected, currentCode(SECRET, new Date(END)).code, new Date(END))
    expect(o.ok && [o.next.minutes, o.next.recorderName]).toEqual([30, '赵红梅'])
  })

  test('when staff adjust, then the old and new minutes, who and why are appended; before the start it is refused', () => {
    const by = { openid: 'sec', name: '赵红梅' }
    expect(decideAdjust(a, signup(), 1, '补', by, at(START, -1))).toMatchObject({ code: 'VOLUNTEER.NOT_STARTED' })
    expect(decideAdjust(a, signup({ status: 'waitlisted' }), 1, '补', by, new Date(START))).toMatchObject({ code: 'VOLUNTEER.NOT_SIGNED_UP' })
    const d = decideAdjust(a, signup({ minutes: 60 }), 1.26, '补录', by, new Date(END))
    expect(d.ok && d.next.adjustments).toEqual([{ at: END, byOpenid: 'sec', byName: '赵红梅', oldMinutes: 60, newMinutes: 76, reason: '补录' }])
  })
})

describe('records', () => {
  test('when service straddles New Year in Shanghai, then each counts in its Shanghai year', () => {
    const s = (startAt: string, minutes: number | null, status: VolunteerSignupDoc['status'] = 'confirmed') => ({ startAt, minutes, status })
    expect(
      summarise([
        s('2025-12-31T15:59:00.000Z', 60), // 2025-12-31 23:59 in Shanghai
        s('2025-12-31T16:00:00.000Z', 90), // 2026-01-01 00:00 in Shanghai
        s('2026-03-01T01:00:00.000Z', 30),
        s('2026-04-01T01:00:00.000Z', null),
        s('2026-05-01T01:00:00.000Z', 45, 'cancelled'),
      ]),
    ).toEqual({
      totalHours: 3,
      activities: 3,
      years: [
        { year: 2026, hours: 2, activities: 2 },
        { year: 2025, hours: 1, activities: 1 },
      ],
    })
    expect(yearRange(2026)).toEqual({ from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' })
  })
})
