import fc from 'fast-check'
import { findTicket } from '../../cloudfunctions/_core/repos/tickets'
import { recount } from '../../cloudfunctions/_core/workflows/recount'
import { main as sweeper } from '../../cloudfunctions/sweeper'
import { platformContext } from '../../local/context'
import { demoIds } from '../../local/demo'
import type { Envelope } from '../../types'
import { rid } from '../support/requestIds'
import { HEPING, NOW, P, XINGFU, as, upload, useWorld } from '../support/world'
import { STREET, expectDashboardsToEqualRecount } from './recount.helpers'

const world = useWorld()

const HOUR = 3_600_000
/** who reports from where: 幸福社区's two grids and 和平社区 (no grid member: its tickets go to its staff) */
const REPORTERS = [
  { openid: P.resident, community: XINGFU, buildings: [1, 2, 3, 4, 5, 6] },
  { openid: P.resident2, community: XINGFU, buildings: [4, 5] },
  { openid: P.residentHeping, community: HEPING, buildings: [1, 2, 3] },
] as const
/** everyone who may handle a ticket somewhere in the street; each action is tried by them in turn */
const HANDLERS = [P.gridMember, P.gridMember2, P.gridLeader, P.staff, P.staffHeping, P.street]
const SUPERVISORS = [P.staff, P.staffHeping, P.street]

type Step =
  | { kind: 'submit'; reporter: number; building: number; unit: 1 | 2; category: string }
  /** the ticket's next step on the usual path: accept, resolve, then the reporter confirms (or says not fixed), then rates */
  | { kind: 'advance'; ticket: number; fixed: boolean; score: number }
  | { kind: 'detour'; ticket: number; action: 'escalateCommunity' | 'escalateStreet' | 'withdraw' | 'reopen' }
  | { kind: 'merge'; ticket: number; into: number }
  | { kind: 'wait'; hours: number }

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('submit' as const),
      reporter: fc.nat(2),
      building: fc.nat(5),
      unit: fc.constantFrom(1 as const, 2 as const),
      category: fc.constantFrom('sanitation', 'repair', 'safety', 'noise'),
    }),
  },
  // mostly the first few tickets, so some go the whole way within a short run
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('advance' as const), ticket: fc.nat(1), fixed: fc.boolean(), score: fc.integer({ min: 1, max: 5 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('detour' as const),
      ticket: fc.nat(20),
      action: fc.constantFrom('escalateCommunity' as const, 'escalateStreet' as const, 'withdraw' as const, 'reopen' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), ticket: fc.nat(20), into: fc.nat(20) }) },
  // the sweeper runs after each wait: overdue flags, escalation of unanswered tickets, auto-closing, and at night the recount
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 80 }) }) },
)

describe('dashboard counters under random traffic', () => {
  it('when random submits, transitions and sweeps run through the real functions, then every dashboard figure equals a recount from the tickets, and the recount finds no drift', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 6, maxLength: 15 }), async (steps) => {
        await world.reset()
        let clock = NOW.getTime()
        const tickets: { id: string; reporter: string }[] = []
        const pick = (i: number) => (tickets.length ? tickets[i % tickets.length] : null)
        /** the first of these callers the workflow lets act; refusals are part of the traffic */
        const firstOk = async (callers: string[], call: (openid: string) => Promise<Envelope<unknown>>) => {
          for (const openid of callers) if ((await call(openid)).ok) return
        }

        for (const step of steps) {
          if (step.kind === 'submit') {
            const r = REPORTERS[step.reporter]
            const building = r.buildings[step.building % r.buildings.length]
            const res = await as(r.openid)('tickets', 'submit', {
              requestId: rid('prop'),
              placeCode: demoIds.unitCode(r.community, building, step.unit),
              category: step.category,
              text: '楼道灯坏了',
              photos: [],
              anonymous: false,
            })
            if (res.ok) tickets.push({ id: res.data.id, reporter: r.openid })
          } else if (step.kind === 'advance') {
            const t = pick(step.ticket)
            const state = t && (await findTicket(t.id))?.state
            if (!t || !state) continue
            const ticketId = t.id
            const me = as(t.reporter)
            if (state === 'submitted' || state === 'assigned') await firstOk(HANDLERS, (o) => as(o)('tickets', 'accept', { ticketId }))
            if (state === 'accepted')
              await firstOk(HANDLERS, (o) => as(o)('tickets', 'resolve', { ticketId, note: '已处理', photos: [upload(o, 'tickets/after.png')] }))
            if (state === 'resolved') await (step.fixed ? me('tickets', 'confirm', { ticketId }) : me('tickets', 'reopen', { ticketId, reason: '还是没修好' }))
            if (state === 'closed') await me('tickets', 'rate', { ticketId, score: step.score })
          } else if (step.kind === 'detour') {
            const t = pick(step.ticket)
            if (!t) continue
            const ticketId = t.id
            if (step.action === 'withdraw') await as(t.reporter)('tickets', 'withdraw', { ticketId })
            else if (step.action === 'reopen') await as(t.reporter)('tickets', 'reopen', { ticketId, reason: '还是没修好' })
            else {
              const to = step.action === 'escalateStreet' ? 'street' : 'community'
              await firstOk(HANDLERS, (o) => as(o)('tickets', 'escalate', { ticketId, to, reason: '需要协调' }))
            }
          } else if (step.kind === 'merge') {
            const a = pick(step.ticket)
            const b = pick(step.into)
            if (!a || !b || a.id === b.id) continue
            await firstOk(SUPERVISORS, (o) => as(o)('tickets', 'merge', { ticketId: a.id, intoTicketId: b.id }))
          } else {
            clock += step.hours * HOUR
            world.clock(new Date(clock))
            const res = (await sweeper({ Type: 'Timer', TriggerName: 'every5min', Time: new Date(clock).toISOString() }, platformContext(null))) as {
              data: { recount: { streets: { drifts: number }[] } | null }
            }
            // a night run in between recounts what the transitions counted: it must find nothing to put right
            for (const s of res.data.recount?.streets ?? []) expect(s.drifts).toBe(0)
          }
        }

        await expectDashboardsToEqualRecount()
        const settled = new Date(clock + 2 * 60_000)
        world.clock(settled)
        const r = await recount(`street:${STREET}`, settled)
        expect(r.scopes.map((s) => [s.scope, s.status, s.drifts])).toEqual(r.scopes.map((s) => [s.scope, 'clean', []]))
      }),
      { numRuns: 20 },
    )
  })
})
