import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { findAll } from '../../cloudfunctions/_core/repos/base'
import type { VolunteerSignupDoc } from '../../types'
import { HEPING, NOW, P, XINGFU, as, errorCode, ok, raw, snapshot, useWorld } from '../support/world'
import { DEADLINE, END, START, activityInput, at, forgedCode, published, shownCode, storedActivity, volunteers } from './volunteers.helpers'

const world = useWorld()

const signups = (activityId: string) => findAll<VolunteerSignupDoc>('volunteerSignups', { activityId }, [{ field: 'seq', order: 'asc' }])
const outbox = () =>
  findAll<{ to: string; kind: string; page: string; activityId: string }>('outbox', { kind: 'volunteerPromoted' }, [{ field: 'createdAt', order: 'asc' }])

/** Checks in and out with the organiser's code at the given times. */
async function serve(activityId: string, openid: string, inAt: Date, outAt: Date) {
  world.clock(inAt)
  ok(await as(openid)('volunteers', 'checkin', { activityId, code: await shownCode(activityId) }))
  world.clock(outAt)
  return ok(await as(openid)('volunteers', 'checkout', { activityId, code: await shownCode(activityId) }))
}

describe('volunteers: publishing and reading activities', () => {
  test('when staff publish an activity, then residents list and read it without the roster; a retry answers the same activity', async () => {
    const input = activityInput({ skills: ['体力劳动', '体力劳动', '摄影'] })
    const a = ok(await as(P.staff)('volunteers', 'publish', input))
    expect(a).toMatchObject({
      communityId: XINGFU,
      title: '楼道清扫志愿活动',
      capacity: 10,
      confirmed: 0,
      waitlisted: 0,
      remaining: 10,
      phase: 'open',
      phaseLabel: '报名中',
      skills: ['体力劳动', '摄影'],
      organiser: '幸福社区党委',
      publishedBy: '陈静',
      me: null,
      roster: [],
    })
    expect(a.startAt).toBe('2026-11-24T01:00:00.000Z')
    expect(ok(await as(P.staff)('volunteers', 'publish', input)).id).toBe(a.id)
    expect(await findAll('volunteerActivities', {})).toHaveLength(1)

    const seen = ok(await as(P.resident)('volunteers', 'get', { activityId: a.id }))
    expect(seen.roster).toBeNull()
    expect(seen.can).toEqual(['signup'])
    const listed = ok(await as(P.resident)('volunteers', 'list', { communityId: XINGFU }))
    expect(listed.items.map((x) => x.id)).toEqual([a.id])
    expect(ok(await as(P.resident)('volunteers', 'list', { communityId: XINGFU, when: 'past' })).total).toBe(0)
    // street staff look on
    expect(ok(await as(P.street)('volunteers', 'get', { activityId: a.id })).can).toEqual([])

    world.clock(at(END, 1))
    expect(ok(await as(P.resident)('volunteers', 'list', { communityId: XINGFU })).total).toBe(0)
    expect(ok(await as(P.resident)('volunteers', 'list', { communityId: XINGFU, when: 'past' })).items[0]).toMatchObject({ id: a.id, phase: 'ended' })
  })

  test('when the check-in secret is stored, then no answer to anyone carries it', async () => {
    const a = await published()
    const { codeSecret } = await storedActivity(a.id)
    expect(codeSecret).toMatch(/^[0-9a-f]{64}$/)
    for (const who of [P.resident, P.staff, P.secretary]) {
      expect(JSON.stringify(ok(await as(who)('volunteers', 'get', { activityId: a.id })))).not.toContain(codeSecret)
      expect(JSON.stringify(ok(await as(who)('volunteers', 'list', { communityId: XINGFU })))).not.toContain(codeSecret)
    }
  })

  test('when the times do not fit together, then VOLUNTEER.TIME_INVALID answers and nothing is published', async () => {
    const before = await snapshot()
    const bad = [
      { startAt: END.toISOString(), endAt: START.toISOString() },
      { endAt: at(START, 25 * 60).toISOString() },
      { deadline: at(START, 1).toISOString() },
      { deadline: at(NOW, -1).toISOString() },
    ]
    for (const b of bad) expect(errorCode(await as(P.staff)('volunteers', 'publish', activityInput(b)))).toBe('VOLUNTEER.TIME_INVALID')
    expect(await snapshot()).toEqual(before)
  })

  test('when the input is malformed, then INPUT.INVALID answers in Chinese and nothing changes', async () => {
    const before = await snapshot()
    const answer = await as(P.staff)('volunteers', 'publish', activityInput({ capacity: 0, title: '' }))
    expect(errorCode(answer)).toBe('INPUT.INVALID')
    expect(!answer.ok && answer.error.issues?.map((i) => i.message)).toEqual(expect.arrayContaining(['请填写活动名称', '至少招募1人']))
    expect(errorCode(await raw(P.staff, 'volunteers', { action: 'publish', data: { ...activityInput(), codeSecret: 'x' } }))).toBe('INPUT.INVALID')
    expect(errorCode(await raw(P.resident, 'volunteers', { action: 'checkin', data: { activityId: 'va', code: '12345' } }))).toBe('INPUT.INVALID')
    expect(errorCode(await raw(P.staff, 'volunteers', { action: 'export', data: { communityId: XINGFU } }))).toBe('INPUT.INVALID')
    expect(
      errorCode(await raw(P.staff, 'volunteers', { action: 'adjustHours', data: { activityId: 'va', openid: P.resident, hours: 30, reason: '补' } })),
    ).toBe('INPUT.INVALID')
    expect(await snapshot()).toEqual(before)
  })

  test('when the activity does not exist, then VOLUNTEER.NOT_FOUND answers', async () => {
    expect(errorCode(await as(P.resident)('volunteers', 'get', { activityId: 'va-nothing' }))).toBe('VOLUNTEER.NOT_FOUND')
    expect(errorCode(await as(P.resident)('volunteers', 'signup', { activityId: 'va-nothing' }))).toBe('VOLUNTEER.NOT_FOUND')
  })
})

describe('volunteers: sign-up, cancel and the waitlist', () => {
  test('when a resident signs up, cancels and signs up again, then each step shows and the second arrival goes to the back', async () => {
    const a = await published({ capacity: 1 })
    const mine = ok(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))
    expect(mine).toMatchObject({ confirmed: 1, remaining: 0, me: { status: 'confirmed', statusLabel: '已报名', waitlistPosition: null } })
    expect(mine.can).toEqual(['cancel'])
    expect(errorCode(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))).toBe('VOLUNTEER.ALREADY_SIGNED_UP')
    ok(await as(P.resident2)('volunteers', 'signup', { activityId: a.id }))

    const cancelled = ok(await as(P.resident)('volunteers', 'cancel', { activityId: a.id }))
    expect(cancelled.me).toMatchObject({ status: 'cancelled', statusLabel: '已取消' })
    expect(cancelled.can).toEqual(['signup'])
    const again = ok(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))
    expect(again.me).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    expect((await signups(a.id)).map((s) => [s.openid, s.seq, s.status])).toEqual([
      [P.resident2, 2, 'confirmed'],
      [P.resident, 3, 'waitlisted'],
    ])
    const mineListed = ok(await as(P.resident)('volunteers', 'list', { communityId: XINGFU, mine: true }))
    expect(mineListed.items.map((x) => [x.id, x.me?.status])).toEqual([[a.id, 'waitlisted']])
  })

  test('when the deadline has passed, then signing up and cancelling are refused and nothing changes', async () => {
    const a = await published()
    ok(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))
    world.clock(DEADLINE)
    const before = await snapshot()
    expect(errorCode(await as(P.resident2)('volunteers', 'signup', { activityId: a.id }))).toBe('VOLUNTEER.DEADLINE_PASSED')
    expect(errorCode(await as(P.resident)('volunteers', 'cancel', { activityId: a.id }))).toBe('VOLUNTEER.DEADLINE_PASSED')
    expect(await snapshot()).toEqual(before)
    expect(ok(await as(P.resident)('volunteers', 'get', { activityId: a.id }))).toMatchObject({ phase: 'closed', can: [] })
  })

  test('when someone who never signed up cancels, then VOLUNTEER.NOT_SIGNED_UP answers', async () => {
    const a = await published()
    expect(errorCode(await as(P.resident)('volunteers', 'cancel', { activityId: a.id }))).toBe('VOLUNTEER.NOT_SIGNED_UP')
  })

  test('when a confirmed volunteer cancels, then the first on the waitlist moves up and is notified; a waitlisted one leaving moves nobody', async () => {
    const a = await published({ capacity: 2 })
    const [v1, v2, v3, v4] = await volunteers(4)
    for (const v of [v1, v2, v3, v4]) ok(await as(v)('volunteers', 'signup', { activityId: a.id }))
    expect(ok(await as(v4)('volunteers', 'get', { activityId: a.id })).me).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })

    const after = ok(await as(v1)('volunteers', 'cancel', { activityId: a.id }))
    expect(after).toMatchObject({ confirmed: 2, waitlisted: 1 })
    expect(ok(await as(v3)('volunteers', 'get', { activityId: a.id })).me).toMatchObject({ status: 'confirmed', waitlistPosition: null })
    expect(ok(await as(v4)('volunteers', 'get', { activityId: a.id })).me).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    expect((await signups(a.id)).find((s) => s.openid === v3)?.promotedAt).toBe(NOW.toISOString())
    expect(await outbox()).toEqual([
      expect.objectContaining({ to: v3, kind: 'volunteerPromoted', activityId: a.id, page: `packages/volunteer/pages/activity/index?id=${a.id}` }),
    ])

    ok(await as(v4)('volunteers', 'cancel', { activityId: a.id }))
    const roster = ok(await as(P.staff)('volunteers', 'get', { activityId: a.id })).roster!
    expect(roster.map((r) => [r.openid, r.status])).toEqual([
      [v2, 'confirmed'],
      [v3, 'confirmed'],
      [v1, 'cancelled'],
      [v4, 'cancelled'],
    ])
    expect(await outbox()).toHaveLength(1)
  })

  test('when 12 sign up one after another for 10 places, then the 11th and 12th wait in the order they came', async () => {
    const a = await published({ capacity: 10 })
    const people = await volunteers(12)
    for (const p of people) ok(await as(p)('volunteers', 'signup', { activityId: a.id }))
    const roster = ok(await as(P.staff)('volunteers', 'get', { activityId: a.id })).roster!
    expect(roster.filter((r) => r.status === 'confirmed').map((r) => r.openid)).toEqual(people.slice(0, 10))
    expect(roster.filter((r) => r.status === 'waitlisted').map((r) => [r.openid, r.waitlistPosition])).toEqual([
      [people[10], 1],
      [people[11], 2],
    ])
  })

  test('when 100 people sign up at once for 10 places, then exactly 10 hold a place and 90 wait in sequence order', async () => {
    const a = await published({ capacity: 10 })
    const people = await volunteers(100)
    const answers = await Promise.all(people.map((p) => as(p)('volunteers', 'signup', { activityId: a.id })))
    expect(answers.filter((x) => !x.ok).map(errorCode)).toEqual([])

    const stored = await signups(a.id)
    expect(stored).toHaveLength(100)
    expect(stored.map((s) => s.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
    const confirmed = stored.filter((s) => s.status === 'confirmed')
    const waiting = stored.filter((s) => s.status === 'waitlisted')
    expect(confirmed).toHaveLength(10)
    expect(waiting).toHaveLength(90)
    // places went to the first ten arrivals; everyone after waits in arrival order
    expect(confirmed.map((s) => s.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1))
    const roster = ok(await as(P.staff)('volunteers', 'get', { activityId: a.id }))
    expect(roster).toMatchObject({ confirmed: 10, waitlisted: 90, remaining: 0 })
    const queue = roster.roster!.filter((r) => r.status === 'waitlisted')
    expect(queue.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1))
    expect(queue.map((r) => r.seq)).toEqual(Array.from({ length: 90 }, (_, i) => i + 11))
    // what each caller heard matches what was stored
    for (const [i, p] of people.entries()) {
      const heard = answers[i].ok ? answers[i].data.me : null
      const s = stored.find((x) => x.openid === p)!
      expect(heard?.status).toBe(s.status)
    }

    // the first confirmed leaving hands the place to seq 11
    const leaver = confirmed[0].openid
    ok(await as(leaver)('volunteers', 'cancel', { activityId: a.id }))
    expect((await signups(a.id)).find((s) => s.seq === 11)?.status).toBe('confirmed')
    expect((await outbox()).map((e) => e.to)).toEqual([waiting[0].openid])
  }, 60_000)
})

describe('volunteers: check-in by the organiser’s code', () => {
  test('when a volunteer enters the code shown now, then they are checked in; a second check-in and giving up the place are refused', async () => {
    const a = await published({ deadline: START.toISOString() })
    ok(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))
    world.clock(at(START, -30))
    const shown = ok(await as(P.staff)('volunteers', 'checkinCode', { activityId: a.id }))
    expect(shown).toMatchObject({ activityId: a.id, period: 30, code: expect.stringMatching(/^\d{6}$/) })
    expect(shown.secondsLeft).toBeGreaterThan(0)
    expect(shown.secondsLeft).toBeLessThanOrEqual(30)
    // the QR on the organiser's screen carries exactly the code a volunteer's scan reads
    const png = PNG.sync.read(Buffer.from(shown.qr.replace(/^data:image\/png;base64,/, ''), 'base64'))
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(shown.code)
    expect(ok(await as(P.resident)('volunteers', 'get', { activityId: a.id })).can).toEqual(['cancel', 'checkin'])

    const inside = ok(await as(P.resident)('volunteers', 'checkin', { activityId: a.id, code: shown.code }))
    expect(inside.me?.checkinAt).toBe(at(START, -30).toISOString())
    expect(inside.can).toEqual(['checkout'])
    expect(errorCode(await as(P.resident)('volunteers', 'checkin', { activityId: a.id, code: shown.code }))).toBe('VOLUNTEER.ALREADY_CHECKED_IN')
    // sign-up is still open, but once checked in the place cannot be given up
    expect(errorCode(await as(P.resident)('volunteers', 'cancel', { activityId: a.id }))).toBe('VOLUNTEER.ALREADY_CHECKED_IN')
  })

  test('when the code is two minutes old, then VOLUNTEER.CODE_INVALID answers and nothing changes', async () => {
    const a = await published()
    ok(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))
    world.clock(at(START, -10))
    const old = await shownCode(a.id)
    world.clock(at(START, -8))
    const before = await snapshot()
    expect(errorCode(await as(P.resident)('volunteers', 'checkin', { activityId: a.id, code: old }))).toBe('VOLUNTEER.CODE_INVALID')
    expect(await snapshot()).toEqual(before)
  })

  test('when the code was read just before it changed, then it is still accepted for one more step', async () => {
    const a = await published()
    ok(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))
    world.clock(at(START, -10))
    const code = await shownCode(a.id)
    world.clock(new Date(at(START, -10).getTime() + 31_000))
    expect(ok(await as(P.resident)('volunteers', 'checkin', { activityId: a.id, code })).me?.checkinAt).not.toBeNull()
  })

  test('when the code is made up, then VOLUNTEER.CODE_INVALID answers and nothing changes', async () => {
    const a = await published()
    ok(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))
    world.clock(at(START, 5))
    const before = await snapshot()
    expect(errorCode(await as(P.resident)('volunteers', 'checkin', { activityId: a.id, code: await forgedCode(a.id, at(START, 5)) }))).toBe(
      'VOLUNTEER.CODE_INVALID',
    )
    expect(await snapshot()).toEqual(before)
  })

  test('when check-in is tried too early, after the end, by someone waiting, or check-out before check-in, then each is refused', async () => {
    const a = await published({ capacity: 1 })
    ok(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))
    ok(await as(P.resident2)('volunteers', 'signup', { activityId: a.id }))
    world.clock(at(START, -61))
    expect(errorCode(await as(P.staff)('volunteers', 'checkinCode', { activityId: a.id }))).toBe('VOLUNTEER.CHECKIN_CLOSED')
    world.clock(at(START, -60))
    const code = await shownCode(a.id)
    world.clock(at(START, -61))
    expect(errorCode(await as(P.resident)('volunteers', 'checkin', { activityId: a.id, code }))).toBe('VOLUNTEER.CHECKIN_CLOSED')
    world.clock(at(START, -60))
    expect(errorCode(await as(P.resident2)('volunteers', 'checkin', { activityId: a.id, code }))).toBe('VOLUNTEER.NOT_SIGNED_UP')
    expect(errorCode(await as(P.resident)('volunteers', 'checkout', { activityId: a.id, code }))).toBe('VOLUNTEER.NOT_CHECKED_IN')
    world.clock(END)
    expect(errorCode(await as(P.resident)('volunteers', 'checkin', { activityId: a.id, code: await shownCode(a.id) }))).toBe('VOLUNTEER.CHECKIN_CLOSED')
  })

  test('when volunteers check in and out, then the hours credited count only the activity’s window and the publisher records them', async () => {
    const a = await published()
    const [early, late] = await volunteers(2)
    for (const v of [P.resident, early, late]) ok(await as(v)('volunteers', 'signup', { activityId: a.id }))
    // 08:30 → 11:30 for a 09:00–11:00 activity: 2 hours
    const out = await serve(a.id, P.resident, at(START, -30), at(END, 30))
    expect(out.me).toMatchObject({ hours: 2, checkoutAt: at(END, 30).toISOString() })
    expect(out.can).toEqual([])
    expect(errorCode(await as(P.resident)('volunteers', 'checkout', { activityId: a.id, code: await shownCode(a.id) }))).toBe('VOLUNTEER.ALREADY_CHECKED_OUT')
    // 09:30 → 10:15: 45 minutes
    expect((await serve(a.id, early, at(START, 30), at(START, 75))).me?.hours).toBe(0.75)
    // checked in, but check-out two hours after the end is too late
    world.clock(at(START, 10))
    ok(await as(late)('volunteers', 'checkin', { activityId: a.id, code: await shownCode(a.id) }))
    world.clock(at(END, 120))
    expect(errorCode(await as(late)('volunteers', 'checkout', { activityId: a.id, code: '000000' }))).toBe('VOLUNTEER.CHECKIN_CLOSED')

    const stored = (await signups(a.id)).find((s) => s.openid === P.resident)!
    expect(stored).toMatchObject({ minutes: 120, recorderOpenid: P.staff, recorderName: '陈静' })
  })
})

describe('volunteers: hours, records and export', () => {
  test('when staff correct hours with a reason, then who, when, before, after and why are kept and the record shows the new hours', async () => {
    const a = await published()
    ok(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))
    ok(await as(P.resident2)('volunteers', 'signup', { activityId: a.id }))
    expect(errorCode(await as(P.staff)('volunteers', 'adjustHours', { activityId: a.id, openid: P.resident, hours: 2, reason: '提前' }))).toBe(
      'VOLUNTEER.NOT_STARTED',
    )
    await serve(a.id, P.resident, at(START, 0), at(START, 60))
    world.clock(at(END, 60))
    const view = ok(await as(P.secretary)('volunteers', 'adjustHours', { activityId: a.id, openid: P.resident, hours: 2.5, reason: '提前到场布置场地' }))
    const entry = view.roster!.find((r) => r.openid === P.resident)!
    expect(entry).toMatchObject({ hours: 2.5, recorderName: '赵红梅', phone: '138****0001' })
    expect(entry.adjustments).toEqual([{ at: at(END, 60).toISOString(), byName: '赵红梅', oldHours: 1, newHours: 2.5, reason: '提前到场布置场地' }])
    // someone who never checked in can be credited by staff (forgot the code)
    ok(await as(P.staff)('volunteers', 'adjustHours', { activityId: a.id, openid: P.resident2, hours: 2, reason: '手机没电，现场核实' }))
    expect(errorCode(await as(P.staff)('volunteers', 'adjustHours', { activityId: a.id, openid: P.gridMember, hours: 1, reason: '补' }))).toBe(
      'VOLUNTEER.NOT_SIGNED_UP',
    )

    const record = ok(await as(P.resident)('volunteers', 'record', { communityId: XINGFU }))
    expect(record).toMatchObject({
      name: '王秀英',
      communityName: '幸福社区',
      totalHours: 2.5,
      activities: 1,
      years: [{ year: 2026, hours: 2.5, activities: 1 }],
    })
    expect(record.entries).toEqual([expect.objectContaining({ activityId: a.id, date: '2026-11-24', hours: 2.5, adjusted: true, recorderName: '赵红梅' })])
  })

  test('when a volunteer serves in two years, then the record sums each year and the total', async () => {
    const first = await published()
    ok(await as(P.resident)('volunteers', 'signup', { activityId: first.id }))
    await serve(first.id, P.resident, START, END)
    world.clock(new Date('2026-12-30T09:00:00+08:00'))
    const second = await published({
      startAt: '2027-01-02T14:00:00+08:00',
      endAt: '2027-01-02T15:30:00+08:00',
      deadline: '2027-01-01T12:00:00+08:00',
      title: '元旦慰问',
    })
    ok(await as(P.resident)('volunteers', 'signup', { activityId: second.id }))
    await serve(second.id, P.resident, new Date('2027-01-02T13:50:00+08:00'), new Date('2027-01-02T16:00:00+08:00'))
    const record = ok(await as(P.resident)('volunteers', 'record', { communityId: XINGFU }))
    expect(record.totalHours).toBe(3.5)
    expect(record.years).toEqual([
      { year: 2027, hours: 1.5, activities: 1 },
      { year: 2026, hours: 2, activities: 1 },
    ])
    expect(record.entries.map((e) => e.title)).toEqual(['元旦慰问', '楼道清扫志愿活动'])
  })

  test('when staff read or export a volunteer’s record, then the CSV opens in Excel and carries the fields the record requires', async () => {
    const a = await published()
    ok(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))
    ok(await as(P.resident2)('volunteers', 'signup', { activityId: a.id }))
    await serve(a.id, P.resident, START, at(START, 90))
    await serve(a.id, P.resident2, START, END)

    expect(ok(await as(P.staff)('volunteers', 'record', { communityId: XINGFU, openid: P.resident })).totalHours).toBe(1.5)
    const one = ok(await as(P.staff)('volunteers', 'export', { communityId: XINGFU, openid: P.resident }))
    expect(one.csv.startsWith('\uFEFF')).toBe(true)
    const lines = one.csv.slice(1).trimEnd().split('\r\n')
    expect(lines).toEqual([
      '志愿者姓名,联系电话（脱敏）,志愿服务组织,服务项目,服务内容,服务地点,服务日期,签到时间,签退时间,服务时长（小时）,记录人',
      '王秀英,138****0001,幸福社区党委,楼道清扫志愿活动,清理楼道堆物，擦洗扶手。,幸福社区3栋楼下,2026-11-24,2026-11-24 09:00,2026-11-24 10:30,1.5,陈静',
    ])
    expect(one).toMatchObject({ rows: 1, filename: '志愿服务记录-王秀英.csv' })

    const year = ok(await as(P.secretary)('volunteers', 'export', { communityId: XINGFU, year: 2026 }))
    expect(year.rows).toBe(2)
    expect(year.filename).toBe('志愿服务记录-幸福社区-2026年.csv')
    expect(year.csv).toContain(
      '李建国,138****0002,幸福社区党委,楼道清扫志愿活动,清理楼道堆物，擦洗扶手。,幸福社区3栋楼下,2026-11-24,2026-11-24 09:00,2026-11-24 11:00,2,陈静',
    )
    expect(ok(await as(P.staff)('volunteers', 'export', { communityId: XINGFU, year: 2025 })).rows).toBe(0)
  })

  test('when staff credit hours to someone who never checked in, then the export leaves the check-in and check-out cells empty and names the activity as its content when it has no description', async () => {
    const a = await published({ description: '', organiser: '幸福社区志愿者协会' })
    ok(await as(P.resident2)('volunteers', 'signup', { activityId: a.id }))
    world.clock(at(END, 60))
    ok(await as(P.staff)('volunteers', 'adjustHours', { activityId: a.id, openid: P.resident2, hours: 2, reason: '手机没电，现场核实' }))
    const csv = ok(await as(P.staff)('volunteers', 'export', { communityId: XINGFU, openid: P.resident2 })).csv
    expect(csv.slice(1).trimEnd().split('\r\n')[1]).toBe(
      '李建国,138****0002,幸福社区志愿者协会,楼道清扫志愿活动,楼道清扫志愿活动,幸福社区3栋楼下,2026-11-24,,,2,陈静',
    )
  })

  test('when a resident asks for someone else’s record, or staff for a person of another community, then it is refused', async () => {
    expect(errorCode(await as(P.resident)('volunteers', 'record', { communityId: XINGFU, openid: P.resident2 }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.staff)('volunteers', 'record', { communityId: XINGFU, openid: P.residentHeping }))).toBe('VOLUNTEER.NOT_A_MEMBER')
    expect(errorCode(await as(P.staff)('volunteers', 'export', { communityId: XINGFU, openid: P.residentHeping }))).toBe('VOLUNTEER.NOT_A_MEMBER')
    expect(errorCode(await as(P.staff)('volunteers', 'record', { communityId: HEPING }))).toBe('AUTH.FORBIDDEN')
  })
})

describe('volunteers: in-service party members (双报到)', () => {
  test('when a party member registers with the community they live in, then staff see them with their service hours; registering again updates', async () => {
    const first = ok(await as(P.resident2)('volunteers', 'registerPartyMember', { communityId: XINGFU, workplace: '春晖小学', branchName: '春晖小学党支部' }))
    expect(first).toMatchObject({ name: '李建国', phone: '138****0002', workplace: '春晖小学', hours: 0, registeredAt: NOW.toISOString() })
    const a = await published()
    ok(await as(P.resident2)('volunteers', 'signup', { activityId: a.id }))
    await serve(a.id, P.resident2, START, END)

    world.clock(at(END, 60))
    const again = ok(await as(P.resident2)('volunteers', 'registerPartyMember', { communityId: XINGFU, workplace: '春晖中学', branchName: '春晖中学党支部' }))
    expect(again).toMatchObject({ workplace: '春晖中学', registeredAt: NOW.toISOString(), updatedAt: at(END, 60).toISOString(), hours: 2 })

    const list = ok(await as(P.staff)('volunteers', 'partyMembers', { communityId: XINGFU }))
    expect(list.total).toBe(1)
    expect(list.items[0]).toMatchObject({ openid: P.resident2, name: '李建国', branchName: '春晖中学党支部', hours: 2, hoursThisYear: 2, activities: 1 })
  })

  test('when the registration is incomplete, then INPUT.INVALID answers and nothing is registered', async () => {
    const before = await snapshot()
    const answer = await as(P.resident2)('volunteers', 'registerPartyMember', { communityId: XINGFU, workplace: ' ', branchName: '支部' })
    expect(errorCode(answer)).toBe('INPUT.INVALID')
    expect(!answer.ok && answer.error.issues?.[0]).toMatchObject({ path: 'workplace', message: '请填写工作单位' })
    expect(await snapshot()).toEqual(before)
  })
})

describe('volunteers: who may do what', () => {
  test('when people of another community or without the role act on an activity, then AUTH.FORBIDDEN answers and nothing changes', async () => {
    const a = await published()
    ok(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))
    world.clock(at(START, 0))
    const code = await shownCode(a.id)
    const before = await snapshot()
    expect(errorCode(await as(P.residentHeping)('volunteers', 'signup', { activityId: a.id }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.residentHeping)('volunteers', 'get', { activityId: a.id }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.resident)('volunteers', 'checkinCode', { activityId: a.id }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.gridMember)('volunteers', 'checkinCode', { activityId: a.id }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.staffHeping)('volunteers', 'checkinCode', { activityId: a.id }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.staffHeping)('volunteers', 'adjustHours', { activityId: a.id, openid: P.resident, hours: 3, reason: '改' }))).toBe(
      'AUTH.FORBIDDEN',
    )
    expect(errorCode(await as(P.resident)('volunteers', 'adjustHours', { activityId: a.id, openid: P.resident, hours: 3, reason: '改' }))).toBe(
      'AUTH.FORBIDDEN',
    )
    expect(errorCode(await as(P.street)('volunteers', 'checkin', { activityId: a.id, code }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.staffHeping)('volunteers', 'publish', { ...activityInput() }))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot()).toEqual(before)
  })
})
