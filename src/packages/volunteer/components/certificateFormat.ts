import type { CertificateView } from '../../../../types'
import { beijing, calendar } from '../../../lib/time'

/** YYYY-MM-DD of a day on the Beijing calendar. */
export const isoDay = (d: Date) => beijing(d).format('YYYY-MM-DD')

/** '2026-01-01' → '2026年1月1日' */
export const chineseDate = (date: string) => calendar(date).format('YYYY年M月D日')

export const periodText = (from: string, to: string) => `${chineseDate(from)} 至 ${chineseDate(to)}`

/** '5.17 小时' */
export const hoursText = (h: number) => `${Number(h.toFixed(2))} 小时`

export interface PeriodChoice {
  id: string
  label: string
  from: string
  to: string
}

/** The periods people ask for most, as big choices; 自定义 types the two days. */
export function periodChoices(now = new Date()): PeriodChoice[] {
  const y = beijing(now).year()
  const today = isoDay(now)
  const yearAgo = beijing(now).subtract(1, 'year').add(1, 'day').format('YYYY-MM-DD')
  return [
    { id: 'this', label: `今年（${y}年1月1日至今天）`, from: `${y}-01-01`, to: today },
    { id: 'last', label: `去年（${y - 1}年全年）`, from: `${y - 1}-01-01`, to: `${y - 1}-12-31` },
    { id: 'twelve', label: '最近一年', from: yearAgo, to: today },
    { id: 'custom', label: '自己选择起止日期', from: '', to: '' },
  ]
}

/** What a request's period holds, in a line: '3 次服务，共 5.17 小时；培训 1 次，表彰 1 次'. */
export const serviceLine = (c: Pick<CertificateView, 'service'>) => {
  const s = c.service
  const notes = [s.training ? `培训 ${s.training} 次` : '', s.commendations ? `表彰 ${s.commendations} 次` : ''].filter(Boolean).join('，')
  return `${s.activities} 次服务，共 ${hoursText(s.hours)}${notes ? `；${notes}` : ''}`
}

/** A day typed by hand: '2026-1-5', '2026/01/05', '2026.1.5' → '2026-01-05', or null. */
export function typedDay(text: string): string | null {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text)
  if (!m) return null
  const d = calendar(`${m[1]}-${m[2]}-${m[3]}`)
  return d.isValid() && d.year() === Number(m[1]) && d.month() + 1 === Number(m[2]) && d.date() === Number(m[3]) ? d.format('YYYY-MM-DD') : null
}
