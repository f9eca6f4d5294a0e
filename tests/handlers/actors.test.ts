import { NOW, P, as, errorCode, ok, snapshot, upload, useWorld } from '../support/world'
import { atResolution, proposed } from './council.helpers'
import { PHOTO, report, resolved } from './tickets.helpers'
import { END, START, at, published, shownCode } from './volunteers.helpers'

const world = useWorld()

/**
 * Who may act, through the real handlers: the domain tables (tests/domain/*.actors.test.ts) hold every pair; here a
 * sample of the refusals that matter most is sent as the app would send it, and must change nothing.
 */
describe('ticket refusals through the handlers', () => {
  it('when 张伟, who fixed it, presses 已解决 himself, then AUTH.FORBIDDEN and the ticket stays resolved', async () => {
    const t = await resolved()
    const before = await snapshot()
    expect(errorCode(await as(P.gridMember)('tickets', 'confirm', { ticketId: t.id }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.gridMember)('tickets', 'rate', { ticketId: t.id, score: 5 }))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot()).toEqual(before)
    expect(ok(await as(P.gridMember)('tickets', 'get', { ticketId: t.id })).can).not.toContain('confirm')
  })

  it('when a neighbour who said "me too" presses 未解决, then AUTH.FORBIDDEN: only the reporter reopens', async () => {
    const t = await report()
    ok(await as(P.resident2)('tickets', 'join', { ticketId: t.id }))
    ok(await as(P.gridMember)('tickets', 'accept', { ticketId: t.id }))
    ok(await as(P.gridMember)('tickets', 'resolve', { ticketId: t.id, note: '已清理干净', photos: [PHOTO] }))
    const before = await snapshot()
    expect(errorCode(await as(P.resident2)('tickets', 'reopen', { ticketId: t.id, reason: '还是很脏' }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.resident2)('tickets', 'confirm', { ticketId: t.id }))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot()).toEqual(before)
    expect(ok(await as(P.resident2)('tickets', 'get', { ticketId: t.id })).can).not.toContain('reopen')
  })

  it('when a follower tries to withdraw or confirm the reporter’s ticket, then AUTH.FORBIDDEN', async () => {
    const t = await report()
    ok(await as(P.resident2)('tickets', 'join', { ticketId: t.id }))
    expect(errorCode(await as(P.resident2)('tickets', 'withdraw', { ticketId: t.id }))).toBe('AUTH.FORBIDDEN')
    expect(ok(await as(P.resident)('tickets', 'withdraw', { ticketId: t.id })).state).toBe('withdrawn')
  })

  it('when a grid member of another grid accepts or resolves, then AUTH.FORBIDDEN', async () => {
    const t = await report()
    expect(errorCode(await as(P.gridMember2)('tickets', 'accept', { ticketId: t.id }))).toBe('AUTH.FORBIDDEN')
    ok(await as(P.gridMember)('tickets', 'accept', { ticketId: t.id }))
    expect(errorCode(await as(P.gridMember2)('tickets', 'resolve', { ticketId: t.id, note: '已清理', photos: [upload(P.gridMember2, 'after.png')] }))).toBe(
      'AUTH.FORBIDDEN',
    )
  })
})

describe('council refusals through the handlers', () => {
  it('when community staff (not the party branch) press 撤回议题, then AUTH.FORBIDDEN and the matter stays', async () => {
    const m = await proposed()
    const before = await snapshot()
    expect(errorCode(await as(P.staff)('council', 'withdraw', { matterId: m.id, reason: '条件不成熟' }))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot()).toEqual(before)
    expect(ok(await as(P.staff)('council', 'get', { matterId: m.id })).can).not.toContain('withdraw')
  })

  it('when staff record 党员大会审议, then AUTH.FORBIDDEN: the party branch reviews', async () => {
    const m = await proposed()
    ok(
      await as(P.staff)('council', 'recordStage', {
        matterId: m.id,
        stage: 'deliberation',
        date: '2026-11-22',
        minutes: '同意',
        attendance: { present: 7, expected: 9 },
        outcome: 'agreed',
      }),
    )
    expect(
      errorCode(
        await as(P.staff)('council', 'recordStage', {
          matterId: m.id,
          stage: 'review',
          date: '2026-11-22',
          minutes: '同意',
          attendance: { present: 7, expected: 9 },
          outcome: 'agreed',
        }),
      ),
    ).toBe('AUTH.FORBIDDEN')
  })

  it('when a grid leader opens the residents’ vote, then AUTH.FORBIDDEN', async () => {
    const m = await atResolution()
    expect(
      errorCode(
        await as(P.gridLeader)('council', 'openVote', {
          matterId: m.id,
          rollKind: 'residents',
          opensAt: NOW.toISOString(),
          closesAt: at(NOW, 7 * 24 * 60).toISOString(),
        }),
      ),
    ).toBe('AUTH.FORBIDDEN')
  })
})

/**
 * Volunteer events: who may act is the handlers' (the domain decides when), so the whole table is here. An activity
 * of 幸福社区 published by staff 陈静; 王秀英 (resident) holds a place; each row is sent when it is in time.
 *
 * Cells: Y = allowed, . = AUTH.FORBIDDEN, N = VOLUNTEER.NOT_SIGNED_UP (may take part, but holds no place).
 */
const CAST: Record<string, string> = {
  volunteer: P.resident,
  neighbour: P.resident2,
  gridMember: P.gridMember,
  staff: P.staff,
  secretary: P.secretary,
  street: P.street,
  otherCommunityResident: P.residentHeping,
  otherCommunityStaff: P.staffHeping,
}

const VOLUNTEER_TABLE = `
             volunteer neighbour gridMember staff secretary street otherCommunityResident otherCommunityStaff
signup       A         Y         Y          Y     Y         .      .                      .
cancel       Y         N         N          N     N         .      .                      .
showCode     .         .         .          Y     Y         .      .                      .
checkin      Y         N         N          N     N         .      .                      .
checkout     Y         N         N          N     N         .      .                      .
adjustHours  .         .         .          Y     Y         .      .                      .
`
const EXPECTED: Record<string, string | null> = { Y: null, '.': 'AUTH.FORBIDDEN', N: 'VOLUNTEER.NOT_SIGNED_UP', A: 'VOLUNTEER.ALREADY_SIGNED_UP' }

describe('who may take which volunteer step', () => {
  const [header, ...rows] = VOLUNTEER_TABLE.trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
  const cells = rows.flatMap(([event, ...marks]) => marks.map((mark, i) => [event, header[i], mark] as const))

  it('the table names every person of the cast', () => {
    expect(header).toEqual(Object.keys(CAST))
  })

  /** The activity with 王秀英 signed up, and, for steps on the day, checked in half an hour after the start. */
  async function setUp(event: string) {
    const a = await published()
    ok(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))
    if (event === 'signup' || event === 'cancel') return a.id
    world.clock(at(START, 30))
    if (event === 'checkout' || event === 'adjustHours') {
      ok(await as(P.resident)('volunteers', 'checkin', { activityId: a.id, code: await shownCode(a.id) }))
      world.clock(at(END, -10))
    }
    return a.id
  }

  it.each(cells)('%s by %s: %s', async (event, actor, mark) => {
    const activityId = await setUp(event)
    const who = as(CAST[actor])
    const code = ['checkin', 'checkout'].includes(event) ? await shownCode(activityId) : ''
    const answer =
      event === 'signup'
        ? await who('volunteers', 'signup', { activityId })
        : event === 'cancel'
          ? await who('volunteers', 'cancel', { activityId })
          : event === 'showCode'
            ? await who('volunteers', 'checkinCode', { activityId })
            : event === 'checkin'
              ? await who('volunteers', 'checkin', { activityId, code })
              : event === 'checkout'
                ? await who('volunteers', 'checkout', { activityId, code })
                : await who('volunteers', 'adjustHours', { activityId, openid: P.resident, hours: 1.5, reason: '提前到场布置' })
    expect(errorCode(answer)).toBe(EXPECTED[mark])
  })
})
