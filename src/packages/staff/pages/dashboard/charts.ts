/**
 * The dashboard's pictures as plain data: SVG drawn here, no chart library (the staff subpackage stays small), and the
 * words a screen reader reads in their place. Pure functions of the dashboard's answer, tested apart from the page.
 *
 * weapp cannot render an inline <svg>: the line chart is an SVG document handed to <Image> as a base64 data URI, which
 * WeChat's Image and the browser's <img> both draw. It holds no text (labels are the page's own Text, so they follow
 * 大字模式); colours are the tokens' (styles/tokens.css) written out, as an image cannot read CSS variables.
 */
import type { DashboardView, RateFigure } from '../../../../../types/tickets'
import { RATE_LABELS } from '../../../../../types/dashboardLabels'
import { percent } from '../../../../components/format'

export interface Series {
  key: 'responseRate' | 'confirmed' | 'satisfactionRate' | 'onTimeRate'
  title: string
  /** token colour: the legend's swatch is `swatch-line-<index>` (charts.css) */
  color: string
  /** a dash pattern and a marker apart from the colour, so the lines are told apart without colour too */
  dash: string
  marker: 'circle' | 'square' | 'triangle' | 'diamond'
  values: (number | null)[]
}

/** The three rates (响应率, 解决率, 满意率) and the on-time rate, one value per week (null: nothing to rate yet). */
export function weeklySeries(d: DashboardView): Series[] {
  const pick = (f: (w: DashboardView['byWeek'][number]) => RateFigure) => d.byWeek.map((w) => f(w).rate)
  return [
    { key: 'responseRate', title: RATE_LABELS.responseRate.title, color: '#0b3d91', dash: '', marker: 'circle', values: pick((w) => w.figures.responseRate) },
    {
      key: 'confirmed',
      title: RATE_LABELS.confirmed.title,
      color: '#b71c1c',
      dash: '14 8',
      marker: 'square',
      values: pick((w) => w.figures.resolutionRate.confirmed),
    },
    {
      key: 'satisfactionRate',
      title: RATE_LABELS.satisfactionRate.title,
      color: '#1e5e2b',
      dash: '4 6',
      marker: 'triangle',
      values: pick((w) => w.figures.satisfactionRate),
    },
    {
      key: 'onTimeRate',
      title: RATE_LABELS.onTimeRate.title,
      color: '#7a4a00',
      dash: '18 6 4 6',
      marker: 'diamond',
      values: pick((w) => w.figures.onTimeRate),
    },
  ]
}

export const CHART_W = 640
export const CHART_H = 400
const PAD = 16

function marker(kind: Series['marker'], x: number, y: number, color: string): string {
  const r = 7
  const at = (n: number) => n.toFixed(1)
  if (kind === 'circle') return `<circle cx="${at(x)}" cy="${at(y)}" r="${r}" fill="${color}"/>`
  if (kind === 'square') return `<rect x="${at(x - r)}" y="${at(y - r)}" width="${2 * r}" height="${2 * r}" fill="${color}"/>`
  if (kind === 'triangle') return `<path d="M${at(x)} ${at(y - r - 1)}L${at(x + r + 1)} ${at(y + r)}L${at(x - r - 1)} ${at(y + r)}Z" fill="${color}"/>`
  return `<path d="M${at(x)} ${at(y - r - 2)}L${at(x + r + 2)} ${at(y)}L${at(x)} ${at(y + r + 2)}L${at(x - r - 2)} ${at(y)}Z" fill="${color}"/>`
}

/** The line chart as an SVG document: rates 0–100 % up, weeks across; a week without a value breaks its line. */
export function lineChartSvg(series: Series[], weeks: number): string {
  const w = CHART_W - 2 * PAD
  const h = CHART_H - 2 * PAD
  const x = (i: number) => PAD + (weeks > 1 ? (i * w) / (weeks - 1) : w / 2)
  const y = (v: number) => PAD + (1 - Math.max(0, Math.min(1, v))) * h
  const parts: string[] = []
  // grid lines at 0, 25, 50, 75 and 100 %; the 0 and 100 % ones darker (the page's axis labels sit beside them)
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    const stroke = v === 0 || v === 1 ? '#767676' : '#e6e6e6'
    parts.push(`<line x1="${PAD}" y1="${y(v).toFixed(1)}" x2="${CHART_W - PAD}" y2="${y(v).toFixed(1)}" stroke="${stroke}" stroke-width="2"/>`)
  }
  for (const s of series) {
    let run: string[] = []
    const flush = () => {
      if (run.length > 1)
        parts.push(
          `<polyline points="${run.join(' ')}" fill="none" stroke="${s.color}" stroke-width="5" stroke-linejoin="round"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
        )
      run = []
    }
    s.values.forEach((v, i) => {
      if (v === null) return flush()
      run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`)
    })
    flush()
    s.values.forEach((v, i) => {
      if (v !== null) parts.push(marker(s.marker, x(i), y(v), s.color))
    })
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_W}" height="${CHART_H}" viewBox="0 0 ${CHART_W} ${CHART_H}"><rect width="${CHART_W}" height="${CHART_H}" fill="#ffffff"/>${parts.join('')}</svg>`
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of an ASCII string (the SVG holds no other characters), the same on weapp (no btoa) and in the browser. */
export function base64Ascii(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i)
    const b = i + 1 < s.length ? s.charCodeAt(i + 1) : NaN
    const c = i + 2 < s.length ? s.charCodeAt(i + 2) : NaN
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (Number.isNaN(b) ? '=' : B64[(n >> 6) & 63]) + (Number.isNaN(c) ? '=' : B64[n & 63])
  }
  return out
}

export const svgDataUri = (svg: string): string => `data:image/svg+xml;base64,${base64Ascii(svg)}`

/** What the line chart shows, in words: each week with its four rates ("暂无" where nothing could be rated). */
export function lineChartSummary(d: DashboardView, series: Series[]): string {
  if (!d.byWeek.length) return '按周趋势：暂无数据'
  const weeks = d.byWeek.map((w, i) => `${w.label}：${series.map((s) => `${s.title}${s.values[i] === null ? '暂无' : percent(s.values[i])}`).join('，')}`)
  return `按周趋势折线图，共${d.byWeek.length}周。${weeks.join('；')}。`
}

/** Open and overdue tickets per grid, with the longest bar's count (bars are drawn against it). */
export function gridBars(d: DashboardView): { rows: { key: string; label: string; open: number; overdue: number }[]; max: number } {
  const rows = d.byGrid.map((g) => ({ key: g.key, label: g.label, open: g.figures.open, overdue: g.figures.overdue }))
  return { rows, max: Math.max(1, ...rows.map((r) => r.open)) }
}

export const gridBarText = (r: { label: string; open: number; overdue: number }): string => `${r.label}：未关闭 ${r.open} 件，其中超时 ${r.overdue} 件`

/** The heat table's shade of a count: 0 for none, then four steps up to the largest count. */
export function heatLevel(n: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (n <= 0 || max <= 0) return 0
  return Math.min(4, Math.max(1, Math.ceil((n / max) * 4))) as 1 | 2 | 3 | 4
}

/** The heat table's largest cell, said in words for the table's caption. */
export function heatSummary(m: DashboardView['buildingCategory']): string {
  let best: { b: string; c: string; n: number } | null = null
  m.counts.forEach((row, i) =>
    row.forEach((n, j) => {
      if (n > (best?.n ?? 0)) best = { b: m.buildings[i].label, c: m.categories[j].label, n }
    }),
  )
  const top = best as { b: string; c: string; n: number } | null
  return top ? `最多的是${top.b}的${top.c}，${top.n} 件` : '暂无数据'
}
