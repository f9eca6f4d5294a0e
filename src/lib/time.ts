/**
 * The calendar, app side: every date the app computes or shows goes through dayjs as configured here, once.
 * Times are shown on Beijing time (UTC+8) whatever the phone's zone, as the functions and the console write them.
 * China keeps no daylight saving, so a fixed offset (the utc plugin's utcOffset) is the whole of it: the timezone
 * plugin would add its size and lean on Intl.DateTimeFormat time zones, which WeChat's JS engines do not all carry.
 */
import dayjs, { type ConfigType, type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)
dayjs.locale('zh-cn')

/** Beijing time's offset from UTC, in minutes. */
export const BEIJING_OFFSET = 480

/** An instant (ISO string, Date or ms; now when left out) on the Beijing clock. */
export const beijing = (at?: ConfigType): Dayjs => dayjs(at).utcOffset(BEIJING_OFFSET)

/** A calendar date that belongs to no zone ('2026-01-05'): read and shown as UTC. */
export const calendar = (at: ConfigType): Dayjs => dayjs.utc(at)

export { dayjs, type Dayjs }
