/** 11月22日 09:00, in Beijing time whatever the computer's zone. */
export const shortTime = (iso: string): string => {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
