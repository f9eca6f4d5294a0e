import type { DashboardFigures, RateFigure, sheetsContract } from '../../../types'
import { BREAKDOWN_COLUMNS, COUNT_LABELS, RATE_LABELS, countText, rateFigures, rateText } from '../../../types/dashboardLabels'
import type { Handler } from '../../_core/serve'
import { dashboard } from '../../tickets/actions/dashboard'
import { storeWorkbook } from '../file'
import { PERCENT, shanghaiText, writeWorkbook, type Cell, type SheetSpec } from '../workbook'

/** A rate as the page shows it (one decimal of a percent), as a number Excel formats the same way; — when nothing to divide by. */
const rateCell = (r: RateFigure): Cell => (r.rate === null ? '—' : Math.round(r.rate * 1000) / 1000)

function overview(f: DashboardFigures): Cell[][] {
  // the page's order: the counts, then the rates
  const counts = [
    [COUNT_LABELS.total, f.total],
    [COUNT_LABELS.open, f.open],
    [COUNT_LABELS.repeatComplaints, f.repeatComplaints],
  ] as const
  return [
    ...counts.map(([label, n]): Cell[] => [label.title, n, null, null, countText(label, n)]),
    ...rateFigures(f).map(({ label, figure }): Cell[] => [label.title, figure.numerator, figure.denominator, rateCell(figure), rateText(label, figure)]),
  ]
}

/**
 * The "三率" dashboard as a workbook: the figures and each breakdown table as the page shows them, read by
 * tickets.dashboard itself (a community, or a whole street for its street staff), so every number is the page's.
 */
export const exportDashboard: Handler<typeof sheetsContract.actions.exportDashboard> = async (input, ctx) => {
  const d = await dashboard(input, ctx)
  const breakdown = (name: string, rows: typeof d.byGrid): SheetSpec => ({
    name,
    columns: [
      { header: BREAKDOWN_COLUMNS.name, width: 18 },
      { header: BREAKDOWN_COLUMNS.total, width: 10 },
      ...BREAKDOWN_COLUMNS.rates.map((k) => ({ header: RATE_LABELS[k].column, width: 14, numFmt: PERCENT })),
    ],
    rows: rows.map((r) => {
      const rates = new Map(rateFigures(r.figures).map((x) => [x.key, x.figure]))
      return [r.label, r.figures.total, ...BREAKDOWN_COLUMNS.rates.map((k) => rateCell(rates.get(k)!))]
    }),
  })
  const content = await writeWorkbook(
    [
      {
        name: '总览',
        columns: [
          { header: '指标', width: 18 },
          { header: '数量', width: 10 },
          { header: '分母', width: 10 },
          { header: '比率', width: 10, numFmt: PERCENT },
          { header: '说明', width: 50 },
        ],
        rows: [
          ...overview(d.figures),
          [],
          [`${d.scope.name}${d.scope.kind === 'street' ? '（全街道）' : ''}`, null, null, null, `导出于 ${shanghaiText(ctx.now.toISOString())}（北京时间）`],
        ],
      },
      breakdown('按网格', d.byGrid),
      breakdown('按楼栋', d.byBuilding),
      breakdown('按类别', d.byCategory),
      breakdown('按周', d.byWeek),
    ],
    ctx.now,
  )
  const rows = d.byGrid.length + d.byBuilding.length + d.byCategory.length + d.byWeek.length
  return storeWorkbook(d.scope.id, `三率看板-${d.scope.name}`, content, rows, ctx.now)
}
