import { parseSettings } from '../../types/settings'
import { cellId, type Scope } from '../../cloudfunctions/_core/domain/counters'
import { decide, ticketSettings, type TicketActor } from '../../cloudfunctions/_core/domain/ticket'
import { collection, command, findAll, saveIfVersion } from '../../cloudfunctions/_core/repos/base'
import { readFigures } from '../../cloudfunctions/_core/repos/counters'
import { findTicket } from '../../cloudfunctions/_core/repos/tickets'
import { recount, type RecountReport } from '../../cloudfunctions/_core/workflows/recount'
import { main as sweeper } from '../../cloudfunctions/sweeper'
import { platformContext } from '../../local/context'
import { demoIds } from '../../local/demo'
import { main as cli, parseArgs } from '../../scripts/recount-cli'
import { HEPING, NOW, P, XINGFU, as, ok, useWorld } from '../support/world'
import { STREET, expectDashboardsToEqualRecount } from './recount.helpers'
import { CODE_B4U2, report } from './tickets.helpers'

/** Runs once between the recount's two reads of the counters (while it reads the tickets), when set. */
let mockBetweenReads: (() => Promise<unknown>) | null = null
jest.mock('../../cloudfunctions/_core/repos/counters', () => {
  const actual = jest.requireActual('../../cloudfunctions/_core/repos/counters')
  let reads = 0
  return {
    ...actual,
    readCounters: async (scope: string) => {
      // a community recount reads its one scope twice: before and after the tickets
      if (mockBetweenReads && ++reads === 2) {
        const during = mockBetweenReads
        mockBetweenReads = null
        reads = 0
        await during()
      }
      return actual.readCounters(scope)
    },
  }
})

const world = useWorld()
const MINUTE = 60_000
const later = (ms: number) => new Date(NOW.getTime() + ms)
const second = (ms: number) => world.clock(later(ms))

const xingfu: Scope = `community:${XINGFU}`
const heping: Scope = `community:${HEPING}`
const street: Scope = `street:${STREET}`
const statuses = (r: RecountReport) => Object.fromEntries(r.scopes.map((s) => [s.scope, s.busy ? `${s.status}:${s.busy}` : s.status]))
const counterDocs = () => findAll('ticketCounters', {}, [{ field: '_id', order: 'asc' }])

/** Three tickets through the tickets function (two in 幸福社区, one in 和平社区), the first accepted. */
async function seedTickets() {
  const first = await report()
  ok(await as(P.gridMember)('tickets', 'accept', { ticketId: first.id }))
  const second = await report(P.resident2, { placeCode: CODE_B4U2, category: 'repair' })
  const third = await report(P.residentHeping, { placeCode: demoIds.unitCode(HEPING, 1, 1) })
  return { first: first.id, second: second.id, third: third.id }
}

/** A process that died after saving the ticket and before moving its counters: the save alone. */
async function acceptWithoutCounters(ticketId: string, actor: TicketActor) {
  const before = (await findTicket(ticketId))!
  const d = decide(before, { type: 'accept' }, actor, NOW, ticketSettings(parseSettings({})))
  if (!d.ok) throw new Error(d.code)
  expect(await saveIfVersion('tickets', before, d.next)).toBe(true)
}

const bump = (scope: Scope, key: string, inc: Record<string, number>) =>
  collection('ticketCounters')
    .doc(cellId(scope, key))
    .update(Object.fromEntries(Object.entries(inc).map(([k, v]) => [k, command().inc(v)])))

const huangLi: TicketActor = { openid: P.gridMember2, roles: ['grid_member'], gridIds: [demoIds.grid(XINGFU, 1)], ledGridIds: [] }

describe('recount', () => {
  it('when a save lost its counter increments and a counter was changed by hand, then the street recount repairs both and every dashboard equals a recount', async () => {
    const ids = await seedTickets()
    await acceptWithoutCounters(ids.second, huangLi)
    await bump(xingfu, 'category:repair', { total: 5, satisfied: 1 })
    await collection('ticketCounters').add({ _id: cellId(xingfu, 'grid:g-gone'), scope: xingfu, key: 'grid:g-gone', total: 2, open: 2 })
    expect((await readFigures(xingfu)).all.counts.responded).toBe(1)

    second(2 * MINUTE)
    const r = await recount(street, later(2 * MINUTE))

    expect(r.tickets).toBe(3)
    expect(statuses(r)).toEqual({ [street]: 'repaired', [xingfu]: 'repaired', [heping]: 'clean' })
    const fixed = r.scopes.flatMap((s) => s.drifts).map((d) => `${d.scope}|${d.key} ${d.measure} ${d.stored}→${d.recounted}`)
    expect(fixed).toEqual(
      expect.arrayContaining([
        `${xingfu}|all responded 1→2`,
        `${street}|all responded 1→2`,
        `${xingfu}|category:repair total 6→1`,
        `${xingfu}|category:repair satisfied 1→0`,
        `${xingfu}|grid:g-gone total 2→0`,
        `${xingfu}|grid:g-gone open 2→0`,
      ]),
    )
    await expectDashboardsToEqualRecount()
    expect(statuses(await recount(street, later(3 * MINUTE)))).toEqual({ [street]: 'clean', [xingfu]: 'clean', [heping]: 'clean' })
  })

  it('when a ticket of the scope was written less than a minute ago, then that scope is skipped as busy and its counters are left as they are', async () => {
    await seedTickets()
    await bump(xingfu, 'all', { total: 1 })
    second(10_000)
    const before = await counterDocs()

    const r = await recount(street, later(10_000))

    // the other community had no recent write, but its counters were right anyway
    expect(statuses(r)).toEqual({ [street]: 'busy:recentWrite', [xingfu]: 'busy:recentWrite', [heping]: 'busy:recentWrite' })
    expect(r.scopes.every((s) => s.drifts.length === 0)).toBe(true)
    expect(await counterDocs()).toEqual(before)

    second(61_000)
    expect(statuses(await recount(xingfu, later(61_000)))).toEqual({ [xingfu]: 'repaired' })
    await expectDashboardsToEqualRecount()
  })

  it('when a transition lands while the tickets are read, then the scope is skipped as busy, the transition counts, and the next run repairs the drift', async () => {
    const ids = await seedTickets()
    await bump(xingfu, 'all', { rated: 2 })
    second(2 * MINUTE)
    mockBetweenReads = () => as(P.gridMember2)('tickets', 'accept', { ticketId: ids.second }).then(ok)

    const r = await recount(xingfu, later(2 * MINUTE))

    expect(statuses(r)).toEqual({ [xingfu]: 'busy:countersMoved' })
    const all = (await readFigures(xingfu)).all.counts
    expect([all.responded, all.rated]).toEqual([2, 2])

    second(4 * MINUTE)
    const next = await recount(xingfu, later(4 * MINUTE))
    expect(next.scopes[0].drifts).toEqual([{ scope: xingfu, key: 'all', measure: 'rated', stored: 2, recounted: 0 }])
    await expectDashboardsToEqualRecount()
  })

  it('when the target does not exist, then NOT_FOUND', async () => {
    await expect(recount('community:c-nowhere', NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(recount('street:st-nowhere', NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('the nightly recount on the sweeper timer', () => {
  const timer = (at: Date) => {
    world.clock(at)
    return sweeper({ Type: 'Timer', TriggerName: 'every5min', Time: at.toISOString() }, platformContext(null)) as Promise<{
      ok: true
      data: { recount: { slot: number; streets: { street: string; drifts: number; repaired: Scope[]; busy: Scope[] }[]; notReached: string[] } | null }
    }>
  }

  it('when the timer runs outside 03:00–03:59, then nothing is recounted; in the night slot of the street, its drift is repaired', async () => {
    await seedTickets()
    await bump(heping, 'week:2026-W47', { open: 3 })

    expect((await timer(new Date('2026-11-23T09:00:00+08:00'))).data.recount).toBeNull()
    expect((await readFigures(heping)).week[0].counts.open).toBe(4)

    const night = await timer(new Date('2026-11-24T03:00:00+08:00'))
    expect(night.data.recount).toEqual({ slot: 0, streets: [{ street: STREET, tickets: 3, drifts: 1, repaired: [heping], busy: [] }], notReached: [] })
    await expectDashboardsToEqualRecount()
  })
})

describe('npm run recount', () => {
  it('when drift is found, then each fixed number is printed as cell, measure, stored → recounted; run again, "no drift"', async () => {
    await seedTickets()
    await bump(xingfu, 'grid:' + demoIds.grid(XINGFU, 0), { responded: -1 })
    second(2 * MINUTE)
    const lines: string[] = []
    const run = (...argv: string[]) => cli(argv, { recount: (t) => recount(t, later(2 * MINUTE)), log: (l) => lines.push(l) })

    await run('--community', XINGFU)
    expect(lines).toEqual([`${xingfu}|grid:${demoIds.grid(XINGFU, 0)} responded: 0 → 1`, 'fixed 1 drift (1 scope, 2 tickets)'])

    lines.length = 0
    await run(`--street=${STREET}`)
    expect(lines).toEqual(['no drift (3 scopes, 3 tickets)'])
  })

  it('when the arguments name no scope, two scopes or something else, then the usage is shown', () => {
    expect(() => parseArgs([])).toThrow(/npm run recount -- --community <id> \| --street <id>/)
    expect(() => parseArgs(['--community', 'a', '--street', 'b'])).toThrow(/one community or one street/)
    expect(() => parseArgs(['--grid', 'g'])).toThrow(/unknown argument/)
    expect(() => parseArgs(['--street'])).toThrow(/--street needs a value/)
    expect(parseArgs(['--street', STREET])).toBe(street)
  })
})
