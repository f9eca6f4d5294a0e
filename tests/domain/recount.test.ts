import fc from 'fast-check'
import {
  applyDeltas,
  cellId,
  counterDeltas,
  counterDrift,
  countTickets,
  zeroCounts,
  type Cell,
  type CountedTicket,
  type Counts,
  type Scope,
} from '../../cloudfunctions/_core/domain/counters'
import { RECOUNT_SLOTS, recountSlot, streetsDue } from '../../cloudfunctions/sweeper/plan'

const T0 = '2026-11-20T02:00:00.000Z'
const hours = (h: number) => new Date(Date.parse(T0) + h * 3_600_000).toISOString()

const ticket = (over: Partial<CountedTicket> = {}): CountedTicket => ({
  communityId: 'c-1',
  streetId: 's-1',
  gridId: 'g-1',
  buildingId: 'b-1',
  category: 'repair',
  createdAt: T0,
  state: 'assigned',
  maxLevel: 'grid',
  respondBy: hours(4),
  resolveBy: hours(72),
  respondedAt: null,
  resolvedAt: null,
  overdueRespond: false,
  overdueResolve: false,
  confirmation: null,
  rating: null,
  reopenCount: 0,
  ...over,
})

const COMMUNITY = new Set<Scope>(['community:c-1'])
const recounted = (tickets: CountedTicket[], scopes: ReadonlySet<Scope> = COMMUNITY) => {
  const cells = new Map<string, Cell>()
  countTickets(cells, tickets, scopes)
  return cells
}
/** Counter documents as the transitions would have left them. */
const storedFrom = (tickets: CountedTicket[]) => {
  const cells = new Map<string, Counts>()
  for (const t of tickets) applyDeltas(cells, counterDeltas(null, t))
  return [...cells].map(([id, counts]) => ({ scope: id.slice(0, id.indexOf('|')) as Scope, key: id.slice(id.indexOf('|') + 1), ...counts }))
}

describe('recount: the cells tickets should have', () => {
  it('when tickets are counted for a community, then its six dimensions are filled and the street cells are left out', () => {
    const cells = recounted([ticket(), ticket({ gridId: null, respondedAt: hours(1) })])
    expect([...cells.keys()].sort()).toEqual(
      ['all', 'building:b-1', 'buildingCategory:b-1/repair', 'category:repair', 'grid:g-1', 'grid:none', 'week:2026-W47'].map((k) =>
        cellId('community:c-1', k),
      ),
    )
    expect(cells.get(cellId('community:c-1', 'all'))?.counts).toMatchObject({ total: 2, open: 2, responded: 1 })
  })

  it('when a ticket was withdrawn or merged, then it is in no cell at all', () => {
    expect(recounted([ticket({ state: 'withdrawn' }), ticket({ state: 'merged' })]).size).toBe(0)
  })
})

describe('recount: drift between stored counters and the tickets', () => {
  it('when the counters were kept by every transition, then there is no drift', () => {
    const tickets = [ticket(), ticket({ state: 'closed', confirmation: 'confirmed', respondedAt: hours(1), resolvedAt: hours(2) })]
    expect(
      counterDrift(
        recounted(tickets),
        storedFrom(tickets).filter((s) => s.scope === 'community:c-1'),
      ),
    ).toEqual({ drifts: [], deltas: [] })
  })

  it('when a stored count is off, then the drift names the cell, the measure, both numbers, and the increment is their difference', () => {
    const stored = storedFrom([ticket()]).filter((s) => s.scope === 'community:c-1')
    const all = stored.find((s) => s.key === 'all')!
    all.responded = 3
    const { drifts, deltas } = counterDrift(recounted([ticket()]), stored)
    expect(drifts).toEqual([{ scope: 'community:c-1', key: 'all', measure: 'responded', stored: 3, recounted: 0 }])
    expect(deltas).toEqual([{ scope: 'community:c-1', key: 'all', inc: { responded: -3 } }])
  })

  it('when a stored cell has no ticket left in it, then every non-zero measure is brought to zero', () => {
    const stale = { scope: 'community:c-1' as Scope, key: 'grid:g-9', ...zeroCounts(), total: 2, open: 1 }
    expect(counterDrift(new Map(), [stale]).deltas).toEqual([{ scope: 'community:c-1', key: 'grid:g-9', inc: { total: -2, open: -1 } }])
  })

  it('when a cell was never stored (its first increment was lost), then the drift adds it whole', () => {
    const { deltas } = counterDrift(recounted([ticket({ buildingId: 'b-2' })]), [])
    expect(deltas.find((d) => d.key === 'building:b-2')).toEqual({ scope: 'community:c-1', key: 'building:b-2', inc: { total: 1, open: 1 } })
  })

  it('for any stored counters, applying the drift increments gives exactly the recount', () => {
    const counts = fc.record(
      Object.fromEntries(Object.keys(zeroCounts()).map((m) => [m, fc.integer({ min: 0, max: 3 })])) as Record<keyof Counts, fc.Arbitrary<number>>,
    )
    const storedArb = fc.array(fc.record({ key: fc.constantFrom('all', 'grid:g-1', 'grid:g-2', 'building:b-1', 'week:2026-W47'), counts }), { maxLength: 6 })
    const ticketsArb = fc.array(
      fc.record({
        gridId: fc.constantFrom('g-1', 'g-2', null),
        state: fc.constantFrom('submitted' as const, 'accepted' as const, 'closed' as const, 'withdrawn' as const),
      }),
      { maxLength: 6 },
    )
    fc.assert(
      fc.property(storedArb, ticketsArb, (storedCells, overs) => {
        const byKey = new Map(storedCells.map((s) => [s.key, s.counts]))
        const stored = [...byKey].map(([key, c]) => ({ scope: 'community:c-1' as Scope, key, ...c }))
        const expected = recounted(overs.map((o) => ticket(o)))
        const cells = new Map([...byKey].map(([key, c]) => [cellId('community:c-1', key), { ...c }]))
        applyDeltas(cells, counterDrift(expected, stored).deltas)
        for (const [id, c] of cells) {
          const want = expected.get(id)?.counts ?? zeroCounts()
          for (const m of Object.keys(want) as (keyof Counts)[]) expect(c[m]).toBe(want[m])
        }
        for (const id of expected.keys()) expect(cells.has(id)).toBe(true)
      }),
      { numRuns: 100 },
    )
  })
})

describe('the nightly recount on the sweeper timer', () => {
  const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+08:00`)

  it('when the sweeper runs outside 03:00–03:59 Shanghai time, then no recount is due', () => {
    for (const t of ['02:55', '04:00', '09:00', '15:05', '23:55']) expect(recountSlot(at(t))).toBeNull()
  })

  it('when it runs in that hour, then each 5-minute run has its own slot', () => {
    expect(['03:00', '03:04', '03:05', '03:55'].map((t) => recountSlot(at(t)))).toEqual([0, 0, 1, 11])
  })

  it('when the night is over, then every street was due in exactly one slot', () => {
    const streets = Array.from({ length: 30 }, (_, i) => `st-${i}`)
    const due = Array.from({ length: RECOUNT_SLOTS }, (_, slot) => streetsDue(streets, slot)).flat()
    expect(due.sort()).toEqual([...streets].sort())
  })
})
