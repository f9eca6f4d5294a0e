import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { sample } from './time.sample'

const ROOT = path.resolve(__dirname, '../..')
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')

const expected = {
  day: '2026-12-01',
  minute: '2026-12-01 00:30',
  chinese: '2026年12月01日 00:30 星期二 周二',
  newYear: '2026-12-31T16:00:00.000Z',
  nextMorning: ['2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z'],
  weeks: ['2026-W47', '2026-W48', '2026-W53', '2020-W53'],
  labels: ['11月16日–22日', '11月30日–12月6日', '2025年12月29日–2026年1月4日', '2020年12月28日–2021年1月3日'],
  retry: ['23:30', '12月1日 00:30'],
  adult: [false, true],
  birth: ['1950-03-08', null, '2026-12-01'],
  volunteer: [2027, '2026-12-31', '2026-12-31 23:59', { from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' }],
  recount: [1, null],
  excel: '2026-12-01T00:30:00.000Z',
}

/** The sample computed by a process of its own: jest's workers keep the zone they started in, whatever process.env.TZ is set to. */
const sampleIn = (tz: string): unknown => {
  const r = spawnSync(TSX, ['tests/domain/time.sample.ts'], { cwd: ROOT, env: { ...process.env, TZ: tz }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout)
}

describe('the Shanghai calendar does not depend on the process time zone', () => {
  it('in this process, then every date reads as on the Shanghai calendar', () => {
    expect(sample()).toEqual(expected)
  })

  it.each(['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London'])('when the functions run in %s, then every date reads the same', (tz) => {
    expect(sampleIn(tz)).toEqual(JSON.parse(JSON.stringify(expected)))
  })
})
