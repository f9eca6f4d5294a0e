import { parseSettings } from '../../types/settings'
import fc from 'fast-check'
import {
  SYSTEM,
  decideWish,
  effectiveState,
  maxMinutes,
  mayClaim,
  nearness,
  pageSlices,
  proximityTiers,
  serviceRecordOf,
  wishActions,
  wishSettings,
  type Tier,
} from '../../cloudfunctions/_core/domain/wishes'

import { NOW, at, buildWish, person, staff } from './wishFixtures'

const requester = person('req', { volunteer: false })

/** Claimed by `v` at NOW for 3 days. */
const claimed = (v = 'v1') => {
  const d = decideWish(buildWish(), { type: 'claim', claimDays: 3 }, person(v), NOW)
  if (!d.ok) throw new Error(d.code)
  return d.next
}

describe('who may claim', () => {
  test('when a person holds the party_member role, reported as an in-service party member, or holds a place on an activity, then they may claim; otherwise not', () => {
    const none = { partyRegistered: false, volunteered: false }
    expect(mayClaim(['resident', 'party_member'], none)).toBe(true)
    expect(mayClaim(['resident'], { ...none, partyRegistered: true })).toBe(true)
    expect(mayClaim(['resident'], { ...none, volunteered: true })).toBe(true)
    expect(mayClaim(['resident', 'resident_rep', 'community_staff'], none)).toBe(false)
  })

  test('when the community sets wishClaimDays, then claims use it; a missing or unusable value gives 3 days', () => {
    expect(wishSettings(parseSettings({ wishClaimDays: 7 })).claimDays).toBe(7)
    for (const bad of [undefined, 0, -1, 2.5, '5', 31]) expect(wishSettings(parseSettings({ wishClaimDays: bad })).claimDays).toBe(3)
    expect(wishSettings(parseSettings({})).claimDays).toBe(3)
  })
})

describe('the wish workflow', () => {
  test('when a claim is made, then it expires after the claim days and only a lapsed claim can be expired', () => {
    const w = claimed()
    expect(w).toMatchObject({ state: 'claimed', claim: { openid: 'v1', expiresAt: at(72).toISOString() }, claimExpiresAt: at(72).toISOString(), version: 2 })
    expect(decideWish(w, { type: 'expire' }, SYSTEM, at(71.9))).toMatchObject({ ok: false, code: 'WISH.INVALID_STATE' })
    const d = decideWish(w, { type: 'expire' }, SYSTEM, at(72))
    expect(d).toMatchObject({ ok: true, next: { state: 'open', claim: null, releases: [{ openid: 'v1', why: 'expired' }] } })
    expect(d.ok && d.notices.map((n) => n.to).sort()).toEqual(['req', 'v1'])
  })

  test('when a lapsed claim is claimed by someone else before the sweeper ran, then the lapse is recorded in the same step', () => {
    const d = decideWish(claimed(), { type: 'claim', claimDays: 3 }, person('v2'), at(80))
    expect(d).toMatchObject({ ok: true, next: { claim: { openid: 'v2' }, releases: [{ openid: 'v1', why: 'expired' }] } })
    expect(effectiveState(claimed(), at(80))).toBe('open')
  })

  test('when a claim stands, then another claim is refused, and the claimant may complete only within its time and hours', () => {
    const w = claimed()
    expect(decideWish(w, { type: 'claim', claimDays: 3 }, person('v2'), at(1))).toMatchObject({ ok: false, code: 'WISH.ALREADY_CLAIMED' })
    expect(decideWish(w, { type: 'complete', note: 'ok', photos: [], minutes: 60 }, person('v2'), at(1))).toMatchObject({
      ok: false,
      code: 'WISH.NOT_CLAIMANT',
    })
    expect(decideWish(w, { type: 'complete', note: 'ok', photos: [], minutes: 90 }, person('v1'), at(1))).toMatchObject({
      ok: false,
      code: 'WISH.HOURS_INVALID',
    })
    expect(decideWish(w, { type: 'complete', note: 'ok', photos: [], minutes: 60 }, person('v1'), at(72))).toMatchObject({
      ok: false,
      code: 'WISH.CLAIM_EXPIRED',
    })
    expect(decideWish(w, { type: 'complete', note: 'ok', photos: [], minutes: 60 }, person('v1'), at(1))).toMatchObject({
      ok: true,
      next: { state: 'done', claimExpiresAt: null },
    })
  })

  test('when hours are bounded, then they fit the time since the claim in half hours up, at least half an hour and at most 8', () => {
    const w = claimed()
    expect(maxMinutes(w, at(0))).toBe(30)
    expect(maxMinutes(w, at(0.6))).toBe(60)
    expect(maxMinutes(w, at(2))).toBe(120)
    expect(maxMinutes(w, at(48))).toBe(480)
  })

  test('when a done wish is confirmed, then it is credited once; a second confirmation is refused', () => {
    const done = decideWish(claimed(), { type: 'complete', note: 'ok', photos: [], minutes: 60 }, person('v1'), at(2))
    if (!done.ok) throw new Error(done.code)
    const first = decideWish(done.next, { type: 'confirm' }, requester, at(3))
    expect(first).toMatchObject({ ok: true, next: { state: 'confirmed', credit: { minutes: 60, by: 'requester', adjusted: null } } })
    if (!first.ok) return
    expect(decideWish(first.next, { type: 'confirm' }, staff, at(3))).toMatchObject({ ok: false, code: 'WISH.INVALID_STATE' })
  })

  test('when the service record of a confirmed wish is made, then its id is the wish’s and it holds the credited hours and the building, never the room', () => {
    const done = decideWish(claimed(), { type: 'complete', note: '换好了', photos: [], minutes: 90 }, person('v1'), at(2))
    if (!done.ok) throw new Error(done.code)
    const confirmed = decideWish(done.next, { type: 'confirm', minutes: 60, reason: '实际1小时' }, staff, at(3))
    if (!confirmed.ok) throw new Error(confirmed.code)
    const record = serviceRecordOf(confirmed.next, '幸福社区·微心愿', '陈静')
    expect(record).toMatchObject({
      _id: 'wish:w1|v1',
      activityId: 'wish:w1',
      openid: 'v1',
      status: 'confirmed',
      minutes: 60,
      startAt: at(2).toISOString(),
      adjustments: [{ oldMinutes: 90, newMinutes: 60, reason: '实际1小时' }],
      service: { kind: 'wish', refId: 'w1', place: '1栋附近', content: '换好了' },
    })
    expect(() => serviceRecordOf(done.next, '幸福社区·微心愿', '陈静')).toThrow(/confirmation only/)
  })

  test('when each party looks at a claimed wish, then the buttons follow the rules: claimant withdraw/complete/call, requester cancel/call, staff cancel, others none', () => {
    const w = claimed()
    expect(wishActions(w, person('v1'), at(1))).toEqual(['withdraw', 'complete', 'call'])
    expect(wishActions(w, requester, at(1))).toEqual(['cancel', 'call'])
    expect(wishActions(w, staff, at(1))).toEqual(['cancel'])
    expect(wishActions(w, person('v2'), at(1))).toEqual([])
    expect(wishActions(w, person('v2'), at(73))).toEqual(['claim'])
    expect(wishActions(buildWish({ state: 'pending' }), staff, NOW)).toEqual(['review', 'cancel'])
  })
})

describe('nearest first', () => {
  // a place: a unit of a building of a grid (unit u<b><n> belongs to building b<b>, building b1/b2 to g1, b3 to g2 or none)
  const place = fc.record({ b: fc.integer({ min: 1, max: 3 }), u: fc.integer({ min: 1, max: 2 }), gridless: fc.boolean() }).map(({ b, u, gridless }) => ({
    unitId: `u${b}${u}`,
    buildingId: `b${b}`,
    gridId: b === 3 ? (gridless ? null : 'g2') : 'g1',
  }))
  const matches = (w: { unitId: string; buildingId: string; gridId: string | null }, t: Tier) =>
    Object.entries(t.in).every(([f, v]) => v!.includes((w as Record<string, string | null>)[f] as string)) &&
    Object.entries(t.notIn).every(([f, v]) => !v!.includes((w as Record<string, string | null>)[f] as string))

  test('when bands are drawn for any home, then every wish falls in exactly one band, the one nearness names', () => {
    fc.assert(
      fc.property(fc.array(place, { maxLength: 3 }), fc.array(place, { minLength: 1, maxLength: 12 }), (homes, wishes) => {
        const home = {
          unitIds: homes.map((h) => h.unitId),
          buildingIds: homes.map((h) => h.buildingId),
          gridIds: homes.flatMap((h) => (h.gridId ? [h.gridId] : [])),
        }
        const tiers = proximityTiers(home)
        for (const w of wishes) {
          const hit = tiers.filter((t) => matches(w, t))
          expect(hit).toHaveLength(1)
          expect(hit[0].near).toBe(nearness(w, home))
        }
      }),
    )
  })

  test('when a list of bands is paged, then the pages put together are the whole list in band order, none twice', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 10 }), (counts, pageSize) => {
        const whole = counts.flatMap((n, tier) => Array.from({ length: n }, (_, i) => `${tier}:${i}`))
        const pages = Math.max(1, Math.ceil(whole.length / pageSize)) + 1
        const read: string[] = []
        for (let page = 1; page <= pages; page++) {
          const slices = pageSlices(counts, page, pageSize)
          const got = slices.flatMap((s) => Array.from({ length: s.limit }, (_, i) => `${s.tier}:${s.skip + i}`))
          expect(got.length).toBeLessThanOrEqual(pageSize)
          read.push(...got)
        }
        expect(read).toEqual(whole)
      }),
    )
  })
})
