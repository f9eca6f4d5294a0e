import type { DashboardFigures, RateFigure, TicketDoc, ticketsContract } from '../../../types'
import { TICKET_STATE_LABELS } from '../../../types'
import { COUNT_LABELS, countText, rateFigures, rateText, type CountLabel } from '../../../types/dashboardLabels'
import { storage } from '../../_core/cloud'
import { ticketSettings } from '../../_core/domain/ticketRules'
import { newId } from '../../_core/ids'
import { maskName } from '../../_core/mask'
import { readFigures } from '../../_core/repos/counters'
import { ticketPagesOf } from '../../_core/repos/tickets'
import { findUsers } from '../../_core/repos/users'
import type { Handler } from '../../_core/serve'
import { shanghaiMinute } from '../../_core/time'

const PAGE = 1000
const LEVEL_LABELS = { grid: '网格', community: '社区', street: '街道' } as const

type Row = Pick<
  TicketDoc,
  | '_id'
  | 'createdAt'
  | 'placeLabel'
  | 'category'
  | 'categoryLabel'
  | 'state'
  | 'level'
  | 'assigneeOpenid'
  | 'respondedAt'
  | 'resolvedAt'
  | 'confirmation'
  | 'rating'
  | 'overdueRespond'
  | 'overdueResolve'
>
const FIELDS: Record<keyof Row, true> = {
  _id: true,
  createdAt: true,
  placeLabel: true,
  category: true,
  categoryLabel: true,
  state: true,
  level: true,
  assigneeOpenid: true,
  respondedAt: true,
  resolvedAt: true,
  confirmation: true,
  rating: true,
  overdueRespond: true,
  overdueResolve: true,
}

/** One CSV cell: quoted when needed; a leading = + - @ is defused so Excel never runs it as a formula. */
export const csvCell = (v: unknown): string => {
  let s = v === null || v === undefined ? '' : String(v)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
const csvLine = (cells: unknown[]) => cells.map(csvCell).join(',')

/** '2026-11-22 09:00' on the Shanghai clock. */
export const shanghaiTime = (iso: string | null): string => (iso ? shanghaiMinute(iso) : '')

const pct = (r: RateFigure) => (r.rate === null ? '' : `${(r.rate * 100).toFixed(1)}%`)

function figureLines(f: DashboardFigures): string[] {
  const count = (label: CountLabel, n: number) => csvLine([label.title, n, '', '', countText(label, n)])
  return [
    csvLine(['指标', '分子', '分母', '比率', '说明']),
    count(COUNT_LABELS.total, f.total),
    count(COUNT_LABELS.open, f.open),
    ...rateFigures(f).map(({ label, figure }) => csvLine([label.title, figure.numerator, figure.denominator, pct(figure), rateText(label, figure)])),
    count(COUNT_LABELS.repeatComplaints, f.repeatComplaints),
  ]
}

/**
 * CSV export (UTF-8 with BOM, so Excel opens Chinese text correctly) of the community's tickets, newest first, then
 * the dashboard figures; assignees' names masked. Stored privately under a random name (who handled what is not for
 * anyone holding a guessable URL) and answered as a short-lived link.
 */
export const exportTickets: Handler<typeof ticketsContract.actions.export> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const categories = new Map(ticketSettings(community.settings).categories.map((c) => [c.key, c.label]))
  const rows: Row[] = []
  for await (const page of ticketPagesOf<Row>(community._id, FIELDS)) rows.push(...page)
  rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a._id < b._id ? -1 : 1))
  const assignees = [...new Set(rows.map((r) => r.assigneeOpenid).filter((x): x is string => !!x))]
  const names = new Map<string, string>()
  for (let i = 0; i < assignees.length; i += PAGE) for (const u of await findUsers(assignees.slice(i, i + PAGE))) names.set(u._id, u.name)
  const figures = await readFigures(`community:${community._id}`)

  const lines = [
    csvLine(['编号', '提交时间', '地点', '类别', '状态', '层级', '办理人', '受理时间', '办结时间', '居民确认', '满意度', '是否超期']),
    ...rows.map((r) =>
      csvLine([
        r._id,
        shanghaiTime(r.createdAt),
        r.placeLabel,
        r.categoryLabel || categories.get(r.category) || r.category,
        TICKET_STATE_LABELS[r.state] ?? r.state,
        LEVEL_LABELS[r.level] ?? r.level,
        r.assigneeOpenid ? maskName(names.get(r.assigneeOpenid) ?? '') || '（未登记）' : '',
        shanghaiTime(r.respondedAt),
        shanghaiTime(r.resolvedAt),
        r.confirmation === 'confirmed' ? '已确认' : r.confirmation === 'unconfirmed' ? '未确认（自动关闭）' : '',
        r.rating ? r.rating.score : '',
        r.overdueRespond || r.overdueResolve ? '是' : '否',
      ]),
    ),
    '',
    csvLine([`${community.name} 报事看板`, `导出于 ${shanghaiTime(ctx.now.toISOString())}`]),
    ...figureLines(figures.all.figures),
  ]
  const content = Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8')
  const { fileID } = await storage.uploadFile({ cloudPath: `private/exports/${community._id}/${newId()}.csv`, fileContent: content })
  const [file] = await storage.getTempFileURL([fileID])
  return { fileID, url: file?.tempFileURL ?? '', rows: rows.length }
}
