/**
 * The calendar, server side: every date the functions compute or write goes through dayjs as configured here, once.
 * Instants are stored as ISO strings in UTC; people read them on the Asia/Shanghai clock (UTC+8, no daylight saving),
 * whatever the server's own zone (CloudBase runs in UTC, the tests in Asia/Shanghai). Pure: no clock is read here,
 * so domain code may use it.
 */
import dayjs, { type ConfigType, type Dayjs } from 'dayjs'
import advancedFormat from 'dayjs/plugin/advancedFormat'
import isoWeek from 'dayjs/plugin/isoWeek'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)
dayjs.extend(timezone)
dayjs.extend(isoWeek)
dayjs.extend(advancedFormat) // GGGG / WW: the ISO week-year and week in format()
dayjs.locale('zh-cn')

export const ZONE = 'Asia/Shanghai'

/** An instant (ISO string, Date or ms) on the Shanghai clock. */
export const shanghai = (at: ConfigType): Dayjs => dayjs(at).tz(ZONE)

/** A Shanghai wall-clock time ('2026-11-22 08:00', '2026-11-22') as the instant it names. */
export const fromShanghai = (wallClock: string): Dayjs => dayjs.tz(wallClock, ZONE)

/** A calendar date or a time that belongs to no zone (an Excel cell, a week's Monday): read and shown as UTC. */
export const calendar = (at: ConfigType): Dayjs => dayjs.utc(at)

/** 'YYYY-MM-DD' on the Shanghai calendar. */
export const shanghaiDay = (at: ConfigType): string => shanghai(at).format('YYYY-MM-DD')

/** 'YYYY-MM-DD HH:mm' on the Shanghai clock. */
export const shanghaiMinute = (at: ConfigType): string => shanghai(at).format('YYYY-MM-DD HH:mm')

export { dayjs, type Dayjs }
