import { fromShanghai, shanghai, shanghaiDay, shanghaiMinute } from '../../cloudfunctions/_core/time'
import { nextMorning } from '../../cloudfunctions/_core/domain/callbacks'
import { isoWeek, weekLabel } from '../../cloudfunctions/_core/domain/counters'
import { retryAt } from '../../cloudfunctions/_core/domain/attempts'
import { isAdult, normalizeBirth, shanghaiToday } from '../../cloudfunctions/_core/domain/register'
import { dateOf, minuteOf, yearOf, yearRange } from '../../cloudfunctions/_core/domain/volunteers'
import { recountSlot } from '../../cloudfunctions/sweeper/plan'
import { shanghaiDate } from '../../cloudfunctions/sheets/workbook'

/** Everything the functions say about a calendar; run directly (`tsx tests/domain/time.sample.ts`) it prints them as JSON. */
export const sample = () => ({
  day: shanghaiDay('2026-11-30T16:30:00Z'),
  minute: shanghaiMinute('2026-11-30T16:30:00Z'),
  chinese: shanghai('2026-11-30T16:30:00Z').format('YYYY年MM月DD日 HH:mm dddd ddd'),
  newYear: fromShanghai('2027-01-01').toISOString(),
  nextMorning: [nextMorning(new Date('2026-11-30T15:59:00Z')), nextMorning(new Date('2026-11-30T16:00:00Z'))],
  weeks: [isoWeek('2026-11-22T15:30:00.000Z'), isoWeek('2026-11-22T16:30:00.000Z'), isoWeek('2027-01-01T04:00:00.000Z'), isoWeek('2020-12-31T16:30:00Z')],
  labels: [weekLabel('2026-W47'), weekLabel('2026-W49'), weekLabel('2026-W01'), weekLabel('2020-W53')],
  retry: [retryAt('2026-11-30T15:30:00Z', new Date('2026-11-30T01:00:00Z')), retryAt('2026-11-30T16:30:00Z', new Date('2026-11-30T01:00:00Z'))],
  adult: [
    isAdult({ birth: '2008-12-01', adult: null }, new Date('2026-11-30T15:59:00Z')),
    isAdult({ birth: '2008-12-01', adult: null }, new Date('2026-11-30T16:00:00Z')),
  ],
  birth: [normalizeBirth('1950/3/8', '2026-11-30'), normalizeBirth('1950-02-30', '2026-11-30'), shanghaiToday(new Date('2026-11-30T16:00:00Z'))],
  volunteer: [yearOf('2026-12-31T16:00:00Z'), dateOf('2026-12-31T15:59:00Z'), minuteOf('2026-12-31T15:59:00Z'), yearRange(2026)],
  recount: [recountSlot(new Date('2026-11-30T19:07:00Z')), recountSlot(new Date('2026-11-30T20:00:00Z'))],
  excel: shanghaiDate('2026-11-30T16:30:00Z')?.toISOString(),
})

if (process.argv[1]?.endsWith('time.sample.ts')) process.stdout.write(JSON.stringify(sample()))
