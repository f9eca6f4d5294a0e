import { collection } from '../../cloudfunctions/_core/repos/base'
import type { PartyRegistrationDoc, VolunteerSignupDoc } from '../../types'
import { NOW, P, XINGFU, as, ok, useWorld } from '../support/world'

useWorld()

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()

/** `n` credited services of one person, one a week back from the clock, an hour each (some last year). */
const services = (openid: string, n: number): VolunteerSignupDoc[] =>
  Array.from({ length: n }, (_, i) => {
    const startAt = iso(NOW.getTime() - (i + 1) * 7 * DAY)
    return {
      _id: `act-${i}|${openid}`,
      activityId: `act-${i}`,
      communityId: XINGFU,
      openid,
      name: openid,
      startAt,
      seq: 1,
      status: 'confirmed',
      signedUpAt: startAt,
      cancelledAt: null,
      promotedAt: null,
      checkinAt: startAt,
      checkoutAt: startAt,
      minutes: 60,
      recorderOpenid: P.staff,
      recorderName: '陈静',
      adjustments: [],
      version: 1,
    }
  })

describe('volunteers.partyMembers beyond the ceilings', () => {
  test('when a page holds 30 party members (aggregate answers 20 rows unless told) each with 60 services, then every one shows exact hours', async () => {
    const people = Array.from({ length: 30 }, (_, i) => `wx-party-${String(i).padStart(2, '0')}`)
    const registrations: PartyRegistrationDoc[] = people.map((openid, i) => ({
      _id: `${XINGFU}|${openid}`,
      communityId: XINGFU,
      streetId: 'st-chunhui',
      openid,
      name: `党员${i}`,
      workplace: '春晖小学',
      branchName: '春晖小学党支部',
      registeredAt: iso(NOW.getTime() - i * 60_000),
      updatedAt: iso(NOW.getTime() - i * 60_000),
    }))
    await collection('partyRegistrations').add(registrations)
    for (const openid of people) await collection('volunteerSignups').add(services(openid, 60))
    // one not credited (no minutes) and one cancelled: neither counts
    await collection('volunteerSignups').add([
      { ...services(people[0], 1)[0], _id: 'x|1', activityId: 'x', minutes: null },
      { ...services(people[0], 1)[0], _id: 'y|1', activityId: 'y', status: 'cancelled' },
    ])

    const page = ok(await as(P.staff)('volunteers', 'partyMembers', { communityId: XINGFU, pageSize: 30 }))

    expect(page.total).toBe(30)
    const thisYear = services('p', 60).filter((s) => s.startAt >= '2025-12-31T16:00:00.000Z').length
    expect(page.items.map((m) => [m.hours, m.activities, m.hoursThisYear])).toEqual(people.map(() => [60, 60, thisYear]))
  })
})
