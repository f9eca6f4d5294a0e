import { cellId, countTickets, figuresOf, zeroCounts, type Cell, type Scope } from '../../cloudfunctions/_core/domain/counters'
import { findAll } from '../../cloudfunctions/_core/repos/base'
import type { DashboardView, TicketDoc } from '../../types'
import { HEPING, P, XINGFU, as, ok } from '../support/world'

export const STREET = 'st-chunhui'

/** Every dashboard of the demo street, as the people who may open them read them through the tickets function. */
const DASHBOARDS: [Scope, string, { communityId: string } | { streetId: string }][] = [
  [`community:${XINGFU}`, P.staff, { communityId: XINGFU }],
  [`community:${HEPING}`, P.staffHeping, { communityId: HEPING }],
  [`street:${STREET}`, P.street, { streetId: STREET }],
]

const DIMENSIONS = [
  ['grid', 'byGrid'],
  ['building', 'byBuilding'],
  ['category', 'byCategory'],
  ['week', 'byWeek'],
] as const

/**
 * Every figure of every dashboard (community and street; the whole scope and each grid, building, category and week
 * row) against the same figure recounted from the stored tickets; and every cell the tickets fill has its row.
 */
export async function expectDashboardsToEqualRecount(): Promise<void> {
  const tickets = await findAll<TicketDoc>('tickets', {}, [], 100_000)
  for (const [scope, openid, input] of DASHBOARDS) {
    const cells = new Map<string, Cell>()
    countTickets(cells, tickets, new Set([scope]))
    const recounted = (key: string) => figuresOf(cells.get(cellId(scope, key))?.counts ?? zeroCounts())
    const view = ok(await as(openid)('tickets', 'dashboard', input)) as DashboardView
    expect({ scope, key: 'all', figures: view.figures }).toEqual({ scope, key: 'all', figures: recounted('all') })
    for (const [dim, field] of DIMENSIONS) {
      const rows = view[field]
      for (const r of rows)
        expect({ scope, key: `${dim}:${r.key}`, figures: r.figures }).toEqual({ scope, key: `${dim}:${r.key}`, figures: recounted(`${dim}:${r.key}`) })
      const shown = new Set(rows.map((r) => `${dim}:${r.key}`))
      for (const c of cells.values())
        if (c.key.startsWith(`${dim}:`)) expect({ scope, shown: shown.has(c.key), key: c.key }).toEqual({ scope, shown: true, key: c.key })
    }
    // the heat table: every count is the recount's, and every building × category that holds a ticket has its cell
    const m = view.buildingCategory
    m.buildings.forEach((b, i) =>
      m.categories.forEach((c, j) => {
        const key = `buildingCategory:${b.key}/${c.key}`
        expect({ scope, key, total: m.counts[i][j] }).toEqual({ scope, key, total: recounted(key).total })
      }),
    )
    const shown = new Set(m.buildings.flatMap((b) => m.categories.map((c) => `buildingCategory:${b.key}/${c.key}`)))
    for (const c of cells.values())
      if (c.key.startsWith('buildingCategory:') && c.counts.total > 0)
        expect({ scope, shown: shown.has(c.key), key: c.key }).toEqual({ scope, shown: true, key: c.key })
  }
}
