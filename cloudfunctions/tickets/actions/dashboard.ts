import type { BuildingDoc, Community, DashboardFigures, DashboardView, GridDoc, ticketsContract } from '../../../types'
import { AppError } from '../../../types'
import { figuresOf, weekLabel, zeroCounts, type Scope } from '../../_core/domain/counters'
import { DEFAULT_TICKET_SETTINGS, ticketSettings } from '../../_core/domain/ticketRules'
import { readFigures, type CellFigures, type ScopeFigures } from '../../_core/repos/counters'
import { buildingsOf, communitiesOf, findStreet, gridsOf } from '../../_core/repos/places'
import type { Handler } from '../../_core/serve'

type Row = { key: string; label: string; figures: DashboardFigures }

const EMPTY = figuresOf(zeroCounts())

/**
 * Rows of one dimension: every known place first (in its own order, zero figures when it has no ticket yet), then
 * any counter cell whose place is no longer listed (a deleted grid, tickets without a grid).
 */
function rows(cells: CellFigures[], known: { key: string; label: string }[], fallback: (id: string) => string): Row[] {
  const byId = new Map(cells.map((c) => [c.id, c.figures]))
  const out: Row[] = known.map((k) => ({ key: k.key, label: k.label, figures: byId.get(k.key) ?? EMPTY }))
  const listed = new Set(known.map((k) => k.key))
  for (const c of cells) if (!listed.has(c.id)) out.push({ key: c.id, label: fallback(c.id), figures: c.figures })
  return out
}

function view(scope: DashboardView['scope'], figures: ScopeFigures, communities: Community[], grids: GridDoc[], buildings: BuildingDoc[]): DashboardView {
  const many = communities.length > 1
  const cName = new Map(communities.map((c) => [c._id, c.name]))
  const prefix = (communityId: string) => (many ? `${cName.get(communityId) ?? ''} ` : '')
  // category labels: the communities' own lists, then the defaults; unknown keys show as they are
  const catLabel = new Map<string, string>()
  for (const c of communities) for (const cat of ticketSettings(c.settings).categories) if (!catLabel.has(cat.key)) catLabel.set(cat.key, cat.label)
  for (const cat of DEFAULT_TICKET_SETTINGS.categories) if (!catLabel.has(cat.key)) catLabel.set(cat.key, cat.label)
  const categoryOrder = [...catLabel.keys()]
  const byBuilding = rows(
    figures.building,
    buildings.map((b) => ({ key: b._id, label: `${prefix(b.communityId)}${b.name}` })),
    () => '已删除的楼栋',
  )
  const byCategory = [...figures.category]
    .sort((a, b) => (categoryOrder.indexOf(a.id) >>> 0) - (categoryOrder.indexOf(b.id) >>> 0))
    .map((c) => ({ key: c.id, label: catLabel.get(c.id) ?? c.id, figures: c.figures }))
  return {
    scope,
    figures: figures.all.figures,
    byGrid: rows(
      figures.grid,
      grids.map((g) => ({ key: g._id, label: `${prefix(g.communityId)}${g.name}` })),
      (id) => (id === 'none' ? '未划入网格' : '已删除的网格'),
    ),
    byBuilding,
    byCategory,
    byWeek: [...figures.week].sort((a, b) => a.id.localeCompare(b.id)).map((w) => ({ key: w.id, label: weekLabel(w.id), figures: w.figures })),
    buildingCategory: matrix(figures.buildingCategory, byBuilding, byCategory),
  }
}

/** The heat table: buildings and categories that hold a ticket, in the order of their own tables, and each count. */
function matrix(cells: CellFigures[], byBuilding: Row[], byCategory: Row[]): DashboardView['buildingCategory'] {
  const count = new Map(cells.map((c) => [c.id, c.figures.total]))
  const buildings = byBuilding.filter((b) => b.figures.total > 0).map(({ key, label }) => ({ key, label }))
  const categories = byCategory.filter((c) => c.figures.total > 0).map(({ key, label }) => ({ key, label }))
  return { buildings, categories, counts: buildings.map((b) => categories.map((c) => count.get(`${b.key}/${c.key}`) ?? 0)) }
}

/**
 * "三率" dashboard of a community (serve authorizes `communityId`) or of a street (street staff only). Read from the
 * counters (one query for the scope) and the place names: the cost does not grow with the number of tickets.
 */
export const dashboard: Handler<typeof ticketsContract.actions.dashboard> = async (input, ctx) => {
  if ('communityId' in input) {
    const community = await ctx.community(input.communityId)
    const scope: Scope = `community:${community._id}`
    const [figures, grids, buildings] = await Promise.all([readFigures(scope), gridsOf(community._id), buildingsOf(community._id)])
    return view({ kind: 'community', id: community._id, name: community.name }, figures, [community], grids, buildings)
  }
  ctx.authorizeStreet(input.streetId)
  const street = await findStreet(input.streetId)
  if (!street) throw new AppError('NOT_FOUND', '没有找到该街道')
  const scope: Scope = `street:${street._id}`
  const [figures, communities] = await Promise.all([readFigures(scope), communitiesOf(street._id)])
  const [grids, buildings] = await Promise.all([
    Promise.all(communities.map((c) => gridsOf(c._id))).then((x) => x.flat()),
    Promise.all(communities.map((c) => buildingsOf(c._id))).then((x) => x.flat()),
  ])
  return view({ kind: 'street', id: street._id, name: street.name }, figures, communities, grids, buildings)
}
