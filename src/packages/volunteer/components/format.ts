import type { ActivitySummary, MySignupView } from '../../../../types'

import { beijing } from '../../../lib/time'

/** "11月22日 09:00" Beijing time (the year too when it is not this year). */
export { formatTime as when } from '../../../components/format'

/** "11月22日 周日 09:00–11:00" (the end's date too when it falls on another day). */
export const span = (startIso: string, endIso: string) => {
  const s = beijing(startIso)
  const e = beijing(endIso)
  return `${s.format('M月D日 ddd HH:mm')}–${e.format(s.isSame(e, 'day') ? 'HH:mm' : 'M月D日 HH:mm')}`
}

/** "2 小时" / "1.5 小时" */
export const hours = (h: number) => `${Number(h.toFixed(2))} 小时`

/** What a card says about my place: 已报名 / 候补第2位 / 已签到 / 已签退 (null: not signed up). */
export const myStatus = (me: MySignupView | null): string | null => {
  if (!me || me.status === 'cancelled') return null
  if (me.status === 'waitlisted') return me.waitlistPosition ? `候补第${me.waitlistPosition}位` : '候补中'
  if (me.checkoutAt) return '已签退'
  if (me.checkinAt) return '已签到'
  return '已报名'
}

export const seats = (a: Pick<ActivitySummary, 'confirmed' | 'capacity' | 'waitlisted'>) =>
  `已报名 ${a.confirmed}/${a.capacity}${a.waitlisted ? `，候补 ${a.waitlisted} 人` : ''}`

/** A fresh idempotency key for one submission. */

/** The six digits in whatever a scan returned (the organiser's QR holds the code, maybe inside a link). */
export const codeFromScan = (text: string | undefined): string | null => /(?:^|\D)(\d{6})(?:\D|$)/.exec(text ?? '')?.[1] ?? null

/** Splits "急救, 摄影、 搬运" into skills. */
export const skillsOf = (text: string) => [
  ...new Set(
    text
      .split(/[,，、;；\s]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
]
