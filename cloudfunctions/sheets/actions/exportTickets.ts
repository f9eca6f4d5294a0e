import { AppError, TICKET_STATE_LABELS, type sheetsContract, type TicketSummary } from '../../../types'
import { ticketSettings } from '../../_core/domain/ticketRules'
import { findBuilding, findGrid } from '../../_core/repos/places'
import type { Handler } from '../../_core/serve'
import { list } from '../../tickets/actions/list'
import { storeWorkbook } from '../file'
import { DATE_TIME, shanghaiDate, shanghaiText, writeWorkbook, type Cell } from '../workbook'

/** A list read a database page at a time (CloudBase's largest); past this, staff narrow it with the filters. */
const PAGE = 1000
export const MAX_EXPORT_TICKETS = 20_000
const LEVEL_LABELS = { grid: '网格', community: '社区', street: '街道' } as const

/**
 * The staff ticket list as a workbook: the same filters, read by tickets.list itself page after page — so a grid
 * leader without a staff role gets the grids they serve, as on the page — and the same rows the page shows.
 */
export const exportTickets: Handler<typeof sheetsContract.actions.exportTickets> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const items: TicketSummary[] = []
  for (let page = 1; ; page++) {
    const p = await list({ ...input, page, pageSize: PAGE }, ctx)
    if (p.total > MAX_EXPORT_TICKETS)
      throw new AppError('EXPORT.TOO_LARGE', `符合条件的报事有${p.total}件，一次最多导出${MAX_EXPORT_TICKETS}件，请加上筛选条件分批导出`)
    items.push(...p.items)
    if (p.items.length < PAGE || items.length >= p.total) break
  }

  const [grid, building] = await Promise.all([input.gridId ? findGrid(input.gridId) : null, input.buildingId ? findBuilding(input.buildingId) : null])
  const category = input.category ? (ticketSettings(community.settings).categories.find((c) => c.key === input.category)?.label ?? input.category) : null
  const filters = [
    input.state ? `状态：${TICKET_STATE_LABELS[input.state]}` : null,
    input.overdue === true ? '只看超时' : input.overdue === false ? '不含超时' : null,
    input.gridId ? `网格：${grid?.name ?? input.gridId}` : null,
    input.buildingId ? `楼栋：${building?.name ?? input.buildingId}` : null,
    category ? `类别：${category}` : null,
  ].filter((f): f is string => !!f)

  const rows: Cell[][] = items.map((t) => [
    t.id,
    shanghaiDate(t.createdAt),
    t.placeLabel,
    t.categoryLabel,
    t.stateLabel,
    LEVEL_LABELS[t.level] ?? t.level,
    t.excerpt,
    shanghaiDate(t.dueAt),
    t.overdue ? '是' : '否',
    t.followers,
  ])
  const content = await writeWorkbook(
    [
      {
        name: '报事列表',
        columns: [
          { header: '编号', width: 34 },
          { header: '提交时间', width: 17, numFmt: DATE_TIME },
          { header: '地点', width: 14 },
          { header: '类别', width: 12 },
          { header: '状态', width: 10 },
          { header: '层级', width: 8 },
          { header: '内容', width: 40 },
          { header: '办理期限', width: 17, numFmt: DATE_TIME },
          { header: '是否超时', width: 10 },
          { header: '关注户数', width: 10 },
        ],
        rows,
      },
      {
        name: '导出说明',
        columns: [
          { header: '项目', width: 12 },
          { header: '内容', width: 50 },
        ],
        rows: [
          ['社区', community.name],
          ['导出时间', `${shanghaiText(ctx.now.toISOString())}（北京时间）`],
          ['筛选条件', filters.length ? filters.join('；') : '全部报事'],
          ['报事件数', items.length],
        ],
      },
    ],
    ctx.now,
  )
  return storeWorkbook(community._id, `报事列表-${community.name}`, content, items.length, ctx.now)
}
