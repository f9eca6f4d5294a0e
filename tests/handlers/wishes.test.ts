import { main as sweeper } from '../../cloudfunctions/sweeper'
import { collection } from '../../cloudfunctions/_core/repos/base'
import { demoIds } from '../../local/demo'
import { platformContext } from '../../local/context'
import type { PartyRegistrationDoc } from '../../types'
import { HEPING, NOW, P, XINGFU, as, errorCode, ok, snapshot, upload, useWorld } from '../support/world'
import { TOMORROW, later, openWish, posted, serviceEntries, storedWish, volunteersAt, wishInput } from './wishes.helpers'

const world = useWorld()

const timer = (at: Date) =>
  sweeper({ Type: 'Timer', TriggerName: 'every5min', Time: at.toISOString() }, platformContext(null)) as Promise<{
    ok: boolean
    data: { wishClaimsReleased: number }
  }>

const outboxTo = async (openid: string) =>
  (await collection('outbox').where({ to: openid, kind: 'wishChanged' }).get()).data as { payload: { state: string } }[]

/** 王秀英 (party member, 1栋1单元) claims it and, two hours later, reports it done with `hours`. */
async function claimedAndDone(wishId: string, hours = 1) {
  ok(await as(P.resident)('wishes', 'claim', { wishId }))
  world.clock(later(NOW, 2))
  return ok(await as(P.resident)('wishes', 'complete', { wishId, note: '灯泡换好了', hours }))
}

describe('wishes.post and review', () => {
  test('when a resident posts a wish, then it waits for staff at their own building and unit, and no volunteer sees it yet', async () => {
    const w = await posted()

    expect(w).toMatchObject({
      state: 'pending',
      stateLabel: '待审核',
      place: '4栋',
      placeDetail: '4栋 2单元',
      mine: 'requester',
      requesterName: '李建国',
      can: ['cancel'],
    })
    const stored = await storedWish(w.id)
    expect(stored).toMatchObject({
      buildingId: demoIds.building(XINGFU, 4),
      unitId: demoIds.unit(XINGFU, 4, 2),
      gridId: demoIds.grid(XINGFU, 1),
      householdId: demoIds.household(XINGFU, 4, 2, '502'),
    })
    expect(ok(await as(P.resident)('wishes', 'nearby', { communityId: XINGFU })).total).toBe(0)
    expect(errorCode(await as(P.resident)('wishes', 'get', { wishId: w.id }))).toBe('AUTH.FORBIDDEN')
    expect(ok(await as(P.staff)('wishes', 'queue', { communityId: XINGFU })).items.map((x) => x.id)).toEqual([w.id])
  })

  test('when someone with no household in the community posts, then WISH.NO_HOUSEHOLD answers and nothing is written', async () => {
    const before = await snapshot()
    expect(errorCode(await as(P.staff)('wishes', 'post', wishInput()))).toBe('WISH.NO_HOUSEHOLD')
    expect(await snapshot()).toEqual(before)
  })

  test('when a resident names a household that is not theirs, then WISH.HOUSEHOLD_NOT_YOURS answers', async () => {
    expect(errorCode(await as(P.resident2)('wishes', 'post', wishInput({ householdId: demoIds.household(XINGFU, 1, 1, '301') })))).toBe(
      'WISH.HOUSEHOLD_NOT_YOURS',
    )
  })

  test('when the same post is retried with its request id, then there is still one wish', async () => {
    const input = wishInput()
    const [a, b] = await Promise.all([as(P.resident2)('wishes', 'post', input), as(P.resident2)('wishes', 'post', input)])
    expect(ok(a).id).toBe(ok(b).id)
    expect(ok(await as(P.resident2)('wishes', 'mine', { communityId: XINGFU })).total).toBe(1)
  })

  test('when help is asked for in the past or more than 60 days ahead, then WISH.WHEN_INVALID answers', async () => {
    expect(errorCode(await as(P.resident2)('wishes', 'post', wishInput({ wantedAt: later(NOW, -3).toISOString() })))).toBe('WISH.WHEN_INVALID')
    expect(errorCode(await as(P.resident2)('wishes', 'post', wishInput({ wantedAt: later(NOW, 61 * 24).toISOString() })))).toBe('WISH.WHEN_INVALID')
  })

  test('when the words are risky, then CONTENT.RISKY answers and nothing is written; words for review are flagged to staff only', async () => {
    const before = await snapshot()
    expect(errorCode(await as(P.resident2)('wishes', 'post', wishInput({ description: '顺便帮我代开发票' })))).toBe('CONTENT.RISKY')
    expect(await snapshot()).toEqual(before)

    const w = await posted({ description: '再没人管我就投诉曝光' })
    expect(w.flagged).toBeNull()
    expect(ok(await as(P.staff)('wishes', 'get', { wishId: w.id })).flagged).toBe(true)
  })

  test('when staff reject a wish with a reason, then the requester sees the reason and nobody can claim it', async () => {
    const w = await posted()
    expect(errorCode(await as(P.staff)('wishes', 'review', { wishId: w.id, approve: false }))).toBe('INPUT.INVALID')
    ok(await as(P.staff)('wishes', 'review', { wishId: w.id, approve: false, reason: '属于物业维修，请报事' }))

    expect(ok(await as(P.resident2)('wishes', 'get', { wishId: w.id }))).toMatchObject({ state: 'rejected', rejectReason: '属于物业维修，请报事' })
    expect(errorCode(await as(P.resident)('wishes', 'claim', { wishId: w.id }))).toBe('WISH.INVALID_STATE')
    expect((await outboxTo(P.resident2)).map((o) => o.payload.state)).toEqual(['未通过'])
  })

  test('when staff post a wish for a resident of the register, then it is open at once and the resident, who uses the app, follows it', async () => {
    const memberId = `${demoIds.household(XINGFU, 1, 1, '301')}-m1` // 王秀英, bound to the app
    const w = ok(await as(P.staff)('wishes', 'postFor', { ...wishInput(), memberId }))

    expect(w).toMatchObject({ state: 'open', postedByStaff: true, requesterName: '王秀英', place: '1栋' })
    expect(ok(await as(P.resident)('wishes', 'mine', { communityId: XINGFU })).items.map((x) => x.id)).toEqual([w.id])
    expect(errorCode(await as(P.staff)('wishes', 'postFor', { ...wishInput(), memberId: `${demoIds.household(HEPING, 1, 1, '101')}-m1` }))).toBe(
      'WISH.MEMBER_NOT_FOUND',
    )
  })
})

describe('wishes.claim', () => {
  test('when a resident is neither a volunteer nor a party member, then the board says so and a claim is refused', async () => {
    const w = await openWish({}, P.resident)
    const board = ok(await as(P.resident2)('wishes', 'nearby', { communityId: XINGFU }))
    expect(board).toMatchObject({ volunteer: false, total: 0, items: [] })
    expect(errorCode(await as(P.resident2)('wishes', 'claim', { wishId: w.id }))).toBe('WISH.NOT_A_VOLUNTEER')
  })

  test('when an in-service party member reported to the community (双报到), or a resident signed up for an activity, then they may claim', async () => {
    const w1 = await openWish()
    const w2 = await openWish()
    const registration: PartyRegistrationDoc = {
      _id: `${XINGFU}|${P.gridMember}`,
      communityId: XINGFU,
      streetId: 'st-chunhui',
      openid: P.gridMember,
      name: '张伟',
      workplace: '春晖小学',
      branchName: '春晖小学党支部',
      registeredAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    }
    await collection('partyRegistrations').add(registration)
    const [volunteer] = await volunteersAt(1)

    expect(ok(await as(P.gridMember)('wishes', 'claim', { wishId: w1.id })).claimantName).toBe('张伟')
    expect(ok(await as(volunteer)('wishes', 'claim', { wishId: w2.id })).mine).toBe('claimant')
  })

  test('when the requester tries to claim their own wish, then WISH.OWN answers and their own wishes are not on their board', async () => {
    const w = await openWish({}, P.resident)
    expect(errorCode(await as(P.resident)('wishes', 'claim', { wishId: w.id }))).toBe('WISH.OWN')
    expect(ok(await as(P.resident)('wishes', 'nearby', { communityId: XINGFU })).total).toBe(0)
  })

  test('when a party member of another community claims a wish of 幸福社区, then AUTH.FORBIDDEN answers and nothing changes', async () => {
    const w = await openWish()
    await collection('users')
      .doc(P.residentHeping)
      .update({ roles: [{ role: 'party_member', communityId: HEPING, streetId: 'st-chunhui', grantedAt: NOW.toISOString(), grantedBy: null }] })
    const before = await snapshot()
    expect(errorCode(await as(P.residentHeping)('wishes', 'claim', { wishId: w.id }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.residentHeping)('wishes', 'get', { wishId: w.id }))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot()).toEqual(before)
  })

  test('when a volunteer claims, then the claim lasts the community’s wishClaimDays (3 unless set) and the requester is told', async () => {
    const w = await openWish()
    const claimed = ok(await as(P.resident)('wishes', 'claim', { wishId: w.id }))
    expect(claimed).toMatchObject({ state: 'claimed', claimExpiresAt: later(NOW, 72).toISOString(), can: ['withdraw', 'complete', 'call'] })
    expect((await outboxTo(P.resident2)).map((o) => o.payload.state)).toEqual(['审核通过', '已被认领'])

    ok(await as(P.staff)('wishes', 'updateSettings', { communityId: XINGFU, claimDays: 5 }))
    expect(ok(await as(P.staff)('wishes', 'settings', { communityId: XINGFU }))).toEqual({ claimDays: 5 })
    const w2 = await openWish()
    expect(ok(await as(P.resident)('wishes', 'claim', { wishId: w2.id })).claimExpiresAt).toBe(later(NOW, 120).toISOString())
  })
})

describe('wishes.nearby', () => {
  test('when wishes are open around the community, then a volunteer sees those of their unit, building and grid first, then the rest, soonest first, paged with exact totals', async () => {
    // the volunteer lives in 1栋1单元 (grid 1: buildings 1–3); 李建国's home is 4栋2单元 (grid 2)
    const [volunteer] = await volunteersAt(1, { b: 1, u: 1, room: '302' })
    const homes: [number, number, string, number][] = [
      [4, 2, '501', 1], // other grid
      [2, 1, '101', 3], // same grid
      [1, 2, '101', 2], // same building
      [1, 1, '201', 5], // same unit, wanted later
      [1, 1, '202', 4], // same unit, wanted sooner
      [5, 1, '101', 2], // other grid
    ]
    const ids: string[] = []
    for (const [i, [b, u, room, day]] of homes.entries()) {
      const openid = `wx-req-${i}`
      await collection('users').add({
        _id: openid,
        name: `居民${i}`,
        phone: null,
        roles: [{ role: 'resident', communityId: XINGFU, streetId: 'st-chunhui', grantedAt: NOW.toISOString(), grantedBy: null }],
        householdIds: [demoIds.household(XINGFU, b, u, room)],
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      })
      ids.push((await openWish({ wantedAt: later(NOW, day * 24).toISOString() }, openid)).id)
    }

    const first = ok(await as(volunteer)('wishes', 'nearby', { communityId: XINGFU, pageSize: 4 }))
    const second = ok(await as(volunteer)('wishes', 'nearby', { communityId: XINGFU, page: 2, pageSize: 4 }))

    expect([...first.items, ...second.items].map((x) => [x.id, x.nearLabel])).toEqual([
      [ids[4], '同单元'],
      [ids[3], '同单元'],
      [ids[2], '同楼栋'],
      [ids[1], '同网格'],
      [ids[0], null],
      [ids[5], null],
    ])
    expect([first.total, second.total, first.volunteer]).toEqual([6, 6, true])
    expect(second.items).toHaveLength(2)
  })
})

describe('claim expiry', () => {
  test('when a claim is not done within its days and the sweeper runs, then the wish is open again, the claimant told, and completing it is refused with no hours', async () => {
    const w = await openWish()
    ok(await as(P.resident)('wishes', 'claim', { wishId: w.id }))

    const past = later(NOW, 72)
    world.clock(past)
    expect((await timer(past)).data.wishClaimsReleased).toBe(1)

    const stored = await storedWish(w.id)
    expect(stored).toMatchObject({ state: 'open', claim: null, claimExpiresAt: null, releases: [{ openid: P.resident, why: 'expired' }] })
    expect((await outboxTo(P.resident)).map((o) => o.payload.state)).toEqual(['认领已过期'])
    expect(errorCode(await as(P.resident)('wishes', 'complete', { wishId: w.id, note: '做完了', hours: 1 }))).toBe('WISH.INVALID_STATE')
    expect(await serviceEntries(w.id)).toEqual([])
    // a second run finds nothing more to release
    expect((await timer(past)).data.wishClaimsReleased).toBe(0)
  })

  test('when a claim has lapsed but the sweeper has not run yet, then it already counts as released: another volunteer may claim and the first cannot complete', async () => {
    const w = await openWish()
    const [other] = await volunteersAt(1)
    ok(await as(P.resident)('wishes', 'claim', { wishId: w.id }))
    world.clock(later(NOW, 73))

    expect(ok(await as(other)('wishes', 'get', { wishId: w.id }))).toMatchObject({ state: 'open', can: ['claim'] })
    expect(errorCode(await as(P.resident)('wishes', 'complete', { wishId: w.id, note: '做完了', hours: 1 }))).toBe('WISH.CLAIM_EXPIRED')
    ok(await as(other)('wishes', 'claim', { wishId: w.id }))
    expect((await storedWish(w.id)).releases).toEqual([expect.objectContaining({ openid: P.resident, why: 'expired' })])
  })

  test('when the claimant withdraws, then the wish is open again and a confirmation is impossible: no hours are ever credited', async () => {
    const w = await openWish()
    ok(await as(P.resident)('wishes', 'claim', { wishId: w.id }))
    expect(ok(await as(P.resident)('wishes', 'withdraw', { wishId: w.id }))).toMatchObject({ state: 'open', claimantName: null })

    expect(errorCode(await as(P.resident2)('wishes', 'confirm', { wishId: w.id }))).toBe('WISH.INVALID_STATE')
    expect(errorCode(await as(P.staff)('wishes', 'confirm', { wishId: w.id }))).toBe('WISH.INVALID_STATE')
    expect(await serviceEntries(w.id)).toEqual([])
    expect(ok(await as(P.resident)('volunteers', 'record', { communityId: XINGFU })).totalHours).toBe(0)
  })
})

describe('completion and confirmation', () => {
  test('when the claimant reports more hours than the time since the claim, photos not theirs or risky ones, then it is refused', async () => {
    const w = await openWish()
    ok(await as(P.resident)('wishes', 'claim', { wishId: w.id }))
    world.clock(later(NOW, 1))
    expect(errorCode(await as(P.resident)('wishes', 'complete', { wishId: w.id, note: '好了', hours: 2 }))).toBe('WISH.HOURS_INVALID')
    expect(errorCode(await as(P.resident)('wishes', 'complete', { wishId: w.id, note: '好了', hours: 0.7 }))).toBe('INPUT.INVALID')
    expect(errorCode(await as(P.resident)('wishes', 'complete', { wishId: w.id, note: '', photos: [] as string[], hours: 1 }))).toBe('INPUT.INVALID')
    expect(errorCode(await as(P.resident)('wishes', 'complete', { wishId: w.id, photos: [upload(P.resident2, 'x.png')], hours: 1 }))).toBe('UPLOAD.NOT_YOURS')
    expect(errorCode(await as(P.resident2)('wishes', 'complete', { wishId: w.id, note: '好了', hours: 1 }))).toBe('WISH.NOT_CLAIMANT')
    expect(errorCode(await as(P.resident)('wishes', 'complete', { wishId: w.id, photos: [upload(P.resident, 'risky-1.png')], hours: 1 }))).toBe('CONTENT.RISKY')
    ok(await as(P.resident)('wishes', 'complete', { wishId: w.id, photos: [upload(P.resident, 'done.png')], hours: 1 }))
  })

  test('when the requester confirms, then the hours are credited once to the claimant’s volunteer record, its totals and their 双报到 figures', async () => {
    const w = await openWish()
    const done = await claimedAndDone(w.id, 1.5)
    expect(done).toMatchObject({ state: 'done', stateLabel: '待确认', can: ['call'] })
    expect(ok(await as(P.resident2)('wishes', 'get', { wishId: w.id }))).toMatchObject({ done: { note: '灯泡换好了', hours: 1.5 }, can: ['confirm', 'call'] })

    const confirmed = ok(await as(P.resident2)('wishes', 'confirm', { wishId: w.id }))
    expect(confirmed).toMatchObject({ state: 'confirmed', creditedHours: 1.5, creditedBy: 'requester', can: [] })

    const record = ok(await as(P.resident)('volunteers', 'record', { communityId: XINGFU }))
    expect(record).toMatchObject({ totalHours: 1.5, activities: 1, years: [{ year: 2026, hours: 1.5, activities: 1 }] })
    expect(record.entries).toEqual([
      expect.objectContaining({
        title: '微心愿：帮忙换一下厨房的灯泡',
        place: '4栋附近',
        organiser: '幸福社区·微心愿',
        hours: 1.5,
        recorderName: '服务对象李**',
      }),
    ])
    // 王秀英 registered as an in-service party member too: her 双报到 figures count the wish
    ok(await as(P.resident)('volunteers', 'registerPartyMember', { communityId: XINGFU, workplace: '春晖小学', branchName: '春晖小学党支部' }))
    const party = ok(await as(P.staff)('volunteers', 'partyMembers', { communityId: XINGFU }))
    expect(party.items.find((m) => m.openid === P.resident)).toMatchObject({ hours: 1.5, hoursThisYear: 1.5, activities: 1 })
    const csv = ok(await as(P.staff)('volunteers', 'export', { communityId: XINGFU, year: 2026 })).csv
    expect(csv).toContain('幸福社区·微心愿,微心愿：帮忙换一下厨房的灯泡,灯泡换好了,4栋附近')
    expect((await outboxTo(P.resident)).map((o) => o.payload.state)).toEqual(['已完成'])
  })

  test('when a wish is confirmed twice, one after the other or by the requester and staff at once, then the hours are credited once', async () => {
    const w = await openWish()
    await claimedAndDone(w.id, 1)

    const answers = await Promise.all([
      as(P.resident2)('wishes', 'confirm', { wishId: w.id }),
      as(P.staff)('wishes', 'confirm', { wishId: w.id }),
      as(P.resident2)('wishes', 'confirm', { wishId: w.id }),
    ])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map(errorCode)).toEqual(['WISH.INVALID_STATE', 'WISH.INVALID_STATE'])
    expect(errorCode(await as(P.resident2)('wishes', 'confirm', { wishId: w.id }))).toBe('WISH.INVALID_STATE')

    expect(await serviceEntries(w.id)).toHaveLength(1)
    expect(ok(await as(P.resident)('volunteers', 'record', { communityId: XINGFU })).totalHours).toBe(1)
  })

  test('when staff confirm other hours than entered, then a reason is required and the correction stays on the record; the requester cannot change hours', async () => {
    const w = await openWish()
    await claimedAndDone(w.id, 1)
    expect(errorCode(await as(P.resident2)('wishes', 'confirm', { wishId: w.id, hours: 2 }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.staff)('wishes', 'confirm', { wishId: w.id, hours: 0.5 }))).toBe('WISH.HOURS_REASON_REQUIRED')

    const v = ok(await as(P.staff)('wishes', 'confirm', { wishId: w.id, hours: 0.5, reason: '实际约半小时' }))
    expect(v).toMatchObject({ creditedHours: 0.5, creditedBy: 'staff', adjusted: { fromHours: 1, reason: '实际约半小时' } })
    const [entry] = await serviceEntries(w.id)
    expect(entry).toMatchObject({
      minutes: 30,
      recorderName: '陈静',
      adjustments: [expect.objectContaining({ oldMinutes: 60, newMinutes: 30, reason: '实际约半小时' })],
    })
    expect(ok(await as(P.resident)('volunteers', 'record', { communityId: XINGFU })).entries[0]).toMatchObject({ hours: 0.5, adjusted: true })
  })

  test('when the requester cancels a claimed wish, then the claimant is told and no hours can follow', async () => {
    const w = await openWish()
    ok(await as(P.resident)('wishes', 'claim', { wishId: w.id }))
    expect(ok(await as(P.resident2)('wishes', 'cancel', { wishId: w.id }))).toMatchObject({ state: 'cancelled' })
    expect(errorCode(await as(P.resident)('wishes', 'complete', { wishId: w.id, note: '好了', hours: 0.5 }))).toBe('WISH.INVALID_STATE')
    expect((await outboxTo(P.resident)).map((o) => o.payload.state)).toEqual(['已撤销'])
    expect(errorCode(await as(P.staff)('wishes', 'cancel', { wishId: (await openWish()).id }))).toBe('INPUT.INVALID')
  })
})

describe('privacy between requester and claimant', () => {
  test('when the two look at the wish, then each sees the other’s name masked and no phone number anywhere; another volunteer sees neither, nor the unit', async () => {
    const w = await openWish()
    await claimedAndDone(w.id, 1)
    const [other] = await volunteersAt(1)

    const byRequester = ok(await as(P.resident2)('wishes', 'get', { wishId: w.id }))
    const byClaimant = ok(await as(P.resident)('wishes', 'get', { wishId: w.id }))
    const byOther = ok(await as(other)('wishes', 'get', { wishId: w.id }))
    const byStaff = ok(await as(P.staff)('wishes', 'get', { wishId: w.id }))

    expect([byRequester.requesterName, byRequester.claimantName]).toEqual(['李建国', '王**'])
    expect([byClaimant.requesterName, byClaimant.claimantName]).toEqual(['李**', '王秀英'])
    expect(byOther).toMatchObject({ requesterName: null, claimantName: null, placeDetail: null, done: null, can: [] })
    expect([byStaff.requesterName, byStaff.claimantName]).toEqual(['李建国', '王秀英'])
    const lists = [
      ok(await as(P.resident2)('wishes', 'mine', { communityId: XINGFU })),
      ok(await as(P.resident)('wishes', 'mine', { communityId: XINGFU, as: 'claimant' })),
      ok(await as(P.staff)('wishes', 'queue', { communityId: XINGFU, state: 'done' })),
    ]
    for (const shown of [byRequester, byClaimant, byOther, byStaff, ...lists]) {
      const text = JSON.stringify(shown)
      expect(text).not.toMatch(/1380000000[12]/)
      expect(text).not.toMatch(/138\*\*\*\*/)
    }
    expect(JSON.stringify(lists)).not.toMatch(/王秀英|李建国|王\*\*|李\*\*/)
  })

  test('when either party asks to call, then each gets the other’s number just in time; nobody else does, and not after confirmation', async () => {
    const w = await openWish()
    ok(await as(P.resident)('wishes', 'claim', { wishId: w.id }))
    const [other] = await volunteersAt(1)

    expect(ok(await as(P.resident2)('wishes', 'contact', { wishId: w.id }))).toEqual({ phone: '13800000001', name: '王**' })
    expect(ok(await as(P.resident)('wishes', 'contact', { wishId: w.id }))).toEqual({ phone: '13800000002', name: '李**' })
    expect(errorCode(await as(other)('wishes', 'contact', { wishId: w.id }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.staff)('wishes', 'contact', { wishId: w.id }))).toBe('AUTH.FORBIDDEN')

    world.clock(later(NOW, 1))
    ok(await as(P.resident)('wishes', 'complete', { wishId: w.id, note: '好了', hours: 1 }))
    ok(await as(P.resident2)('wishes', 'confirm', { wishId: w.id }))
    expect(errorCode(await as(P.resident)('wishes', 'contact', { wishId: w.id }))).toBe('AUTH.FORBIDDEN')
  })

  test('when staff posted the wish for a resident without the app, then the claimant’s call reaches the number on the register, and staff confirm for them', async () => {
    const memberId = `${demoIds.household(XINGFU, 2, 1, '101')}-m1`
    const { findMember } = await import('../../cloudfunctions/_core/repos/places')
    const member = (await findMember(memberId))!
    const w = ok(await as(P.staff)('wishes', 'postFor', { ...wishInput({ wantedAt: TOMORROW.toISOString() }), memberId }))
    ok(await as(P.resident)('wishes', 'claim', { wishId: w.id }))

    expect(ok(await as(P.resident)('wishes', 'contact', { wishId: w.id })).phone).toBe(member.phone)
    world.clock(later(NOW, 1))
    ok(await as(P.resident)('wishes', 'complete', { wishId: w.id, note: '陪同去了社区医院', hours: 1 }))
    expect(ok(await as(P.staff)('wishes', 'confirm', { wishId: w.id }))).toMatchObject({ creditedHours: 1, creditedBy: 'staff' })
  })
})

describe('a person’s data and wishes', () => {
  test('when the requester downloads their data, then their wishes are in it; when the volunteer deletes their account, then wishes no longer name them and the service stays counted', async () => {
    const w = await openWish()
    await claimedAndDone(w.id, 1)
    ok(await as(P.resident2)('wishes', 'confirm', { wishId: w.id }))

    const mine = ok(await as(P.resident2)('users', 'myData', {}))
    const data = JSON.parse(world.stored(mine.fileID)!.toString('utf8'))
    expect(data.微心愿).toEqual([expect.objectContaining({ 编号: w.id, 我的角色: '心愿人', 心愿: '帮忙换一下厨房的灯泡', 状态: 'confirmed' })])

    ok(await as(P.resident)('users', 'deleteAccount', { confirm: '注销' }))
    const stored = await storedWish(w.id)
    expect(JSON.stringify(stored)).not.toContain(`"${P.resident}"`)
    expect(stored.claim).toMatchObject({ name: '已注销用户' })
    expect(ok(await as(P.resident2)('wishes', 'get', { wishId: w.id }))).toMatchObject({ claimantName: '已****', creditedHours: 1 })
    const [entry] = await serviceEntries(w.id)
    expect(entry).toMatchObject({ minutes: 60, name: '已注销用户' })
  })
})
