const pad = (n: number) => String(n).padStart(2, '0')

/** 11月22日 14:05 (this year) or 2025年11月22日 14:05 */
export const formatTime = (iso: string | null | undefined, now = new Date()): string => {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const day = `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
  return d.getFullYear() === now.getFullYear() ? day : `${d.getFullYear()}年${day}`
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
