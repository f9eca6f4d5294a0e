import { beijing } from '../lib/time'

/** 11月22日 14:05 (this year) or 2025年11月22日 14:05, Beijing time */
export const formatTime = (iso: string | null | undefined, now = new Date()): string => {
  if (!iso) return ''
  const d = beijing(iso)
  if (!d.isValid()) return ''
  return d.format(d.year() === beijing(now).year() ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm')
}

/** 2天3小时 / 5小时20分钟 / 12分钟 */
export const formatSpan = (ms: number): string => {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days) return hours ? `${days}天${hours}小时` : `${days}天`
  if (hours) return mins ? `${hours}小时${mins}分钟` : `${hours}小时`
  return `${mins}分钟`
}

export const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)
