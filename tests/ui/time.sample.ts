import { beijing } from '../../src/lib/time'
import { formatTime } from '../../src/components/format'
import { span } from '../../src/packages/volunteer/components/format'
import { shortTime } from '../../src/packages/console/components/time'
import { chineseDate, isoDay, periodChoices, typedDay } from '../../src/packages/volunteer/components/certificateFormat'

/** What the app shows of a time; run directly (`tsx tests/ui/time.sample.ts`) it prints it as JSON. */
export const sample = () => ({
  time: [
    formatTime('2026-11-30T16:05:00Z', new Date('2026-11-30T01:00:00Z')),
    formatTime('2025-11-22T06:05:00Z', new Date('2026-11-30T01:00:00Z')),
    formatTime('x'),
  ],
  span: [span('2026-11-22T01:00:00Z', '2026-11-22T03:00:00Z'), span('2026-11-22T14:00:00Z', '2026-11-22T17:00:00Z')],
  console: shortTime('2026-11-30T16:05:00Z'),
  day: [isoDay(new Date('2026-11-30T16:05:00Z')), chineseDate('2026-01-05'), typedDay('2026/1/5'), typedDay('2026-02-30')],
  periods: periodChoices(new Date('2028-02-29T01:00:00Z')).map((p) => [p.from, p.to]),
  days: beijing('2026-11-30T17:00:00Z').startOf('day').add(1, 'day').hour(9).toDate().toISOString(),
})

if (process.argv[1]?.endsWith('time.sample.ts')) process.stdout.write(JSON.stringify(sample()))
