import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { sample } from './time.sample'

const ROOT = path.resolve(__dirname, '../..')
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')

const expected = {
  time: ['12月1日 00:05', '2025年11月22日 14:05', ''],
  span: ['11月22日 周日 09:00–11:00', '11月22日 周日 22:00–11月23日 01:00'],
  console: '12月1日 00:05',
  day: ['2026-12-01', '2026年1月5日', '2026-01-05', null],
  periods: [
    ['2028-01-01', '2028-02-29'],
    ['2027-01-01', '2027-12-31'],
    ['2027-03-01', '2028-02-29'],
    ['', ''],
  ],
  days: '2026-12-02T01:00:00.000Z',
}

/** The sample computed by a process of its own: jest's workers keep the zone they started in, whatever process.env.TZ is set to. */
const sampleIn = (tz: string): unknown => {
  const r = spawnSync(TSX, ['tests/ui/time.sample.ts'], { cwd: ROOT, env: { ...process.env, TZ: tz }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout)
}

describe('the app shows Beijing time whatever the phone zone', () => {
  it('in this process, then every date reads as in Beijing', () => {
    expect(sample()).toEqual(expected)
  })

  it.each(['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/Berlin'])('when the phone is set to %s, then every date reads the same', (tz) => {
    expect(sampleIn(tz)).toEqual(expected)
  })
})
