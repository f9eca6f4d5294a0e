import { cellId } from '../../cloudfunctions/_core/domain/counters'
import { collection } from '../../cloudfunctions/_core/repos/base'
import { readCounters, readFigures, recordTransition } from '../../cloudfunctions/_core/repos/counters'
import { useLocalCloudBase } from '../../local/cloud'
import type { TicketDoc } from '../../types/models'

const T0 = '2026-11-20T02:00:00.000Z'
const hours = (h: number) => new Date(Date.parse(T0) + h * 3_600_000).toISOString()

const ticket = (i: number, over: Partial<TicketDoc> = {}): TicketDoc =>
  ({
    _id: `t${i}`,
    communityId: 'c-1',
    streetId: 's-1',
    gridId: i % 2 ? 'g-1' : 'g-2',
    buildingId: 'b-1',
    unitId: 'u-1',
    category: 'repair',
    state: 'assigned',
    level: 'grid',
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
    createdAt: T0,
    ...over,
  }) as TicketDoc

let cloud: ReturnType<typeof useLocalCloudBase>
beforeAll(() => {
  cloud = useLocalCloudBase({ memory: true })
})
beforeEach(() => cloud.reset())
afterAll(() => cloud.close())

describe('recordTransition on the local database', () => {
  it('50 tickets created in parallel into cells that do not exist yet are all counted, exactly once', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => recordTransition(null, ticket(i))))
    const figures = await readFigures('community:c-1')
    expect(figures.all.counts.total).toBe(50)
    expect(figures.grid.map((g) => [g.id, g.counts.total]).sort()).toEqual([
      ['g-1', 25],
      ['g-2', 25],
    ])
    expect((await readFigures('street:s-1')).all.counts.open).toBe(50)
    // one document per cell, with its deterministic id
    const docs = await readCounters('community:c-1')
    expect(docs.map((d) => d._id).sort()).toEqual(
      ['all', 'building:b-1', 'buildingCategory:b-1/repair', 'category:repair', 'grid:g-1', 'grid:g-2', 'week:2026-W47']
        .map((k) => cellId('community:c-1', k))
        .sort(),
    )
  })

  it('50 parallel transitions of existing tickets move their counts exactly (accepted: responded +50, none lost)', async () => {
    for (let i = 0; i < 50; i++) await recordTransition(null, ticket(i))
    await Promise.all(Array.from({ length: 50 }, (_, i) => recordTransition(ticket(i), ticket(i, { state: 'accepted', respondedAt: hours(1) }))))
    const all = (await readFigures('community:c-1')).all
    expect(all.counts).toMatchObject({ total: 50, responded: 50, respondedOnTime: 50, open: 50 })
    expect(all.figures.responseRate).toEqual({ numerator: 50, denominator: 50, rate: 1 })
  })

  it('readFigures leaves out cells that every ticket has left, and reads a street scope apart from its communities', async () => {
    await recordTransition(null, ticket(1))
    await recordTransition(ticket(1), ticket(1, { gridId: 'g-9' }))
    await recordTransition(null, ticket(2, { communityId: 'c-2' }))
    const c1 = await readFigures('community:c-1')
    expect(c1.grid.map((g) => g.id)).toEqual(['g-9'])
    expect(c1.all.counts.total).toBe(1)
    expect((await readFigures('street:s-1')).all.counts.total).toBe(2)
    expect(await collection('ticketCounters').where({ scope: 'community:c-2' }).count()).toMatchObject({ total: 6 })
  })
})
