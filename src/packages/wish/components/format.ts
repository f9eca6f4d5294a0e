import type { WishView } from '../../../../types'

/** "11月22日 09:00" Beijing time (the year too when it is not this year). */
export { formatTime as when } from '../../../components/format'

/** "1.5 小时" */
export const hours = (h: number) => `${Number(h.toFixed(2))} 小时`

/** Hours a volunteer (or staff) picks from: half hours up to 8. */
export const HOUR_CHOICES = [0.5, 1, 1.5, 2, 3, 4, 6, 8].map((h) => ({ id: String(h), label: hours(h) }))

/** Whom a call reaches, as the button says it. */
export const callLabel = (w: Pick<WishView, 'mine'>) => (w.mine === 'claimant' ? '打电话给心愿人' : '打电话给志愿者')
