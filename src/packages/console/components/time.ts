import { beijing } from '../../../lib/time'

/** 11月22日 09:00, in Beijing time whatever the computer's zone. */
export const shortTime = (iso: string): string => beijing(iso).format('M月D日 HH:mm')
