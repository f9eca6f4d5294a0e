/**
 * Keeps ledger.ts honest and prints the figure: "N of M expectations met" of Tencent's own database tests.
 */
import { readFileSync, readdirSync } from 'fs'
import { join } from 'path'
import { CARRIED_IN, UPSTREAM, tally } from './ledger'

const DIR = __dirname
const source = (file: string) => readFileSync(join(DIR, file), 'utf8')
const tagsIn = (text: string) => [...text.matchAll(/\[([^\]\n]+ › [^\]\n]+)\]['"`]/g)].map((m) => m[1])

describe('the ledger of upstream expectations', () => {
  test('when the ledger is tallied then at least 95 % of the upstream expectations are met, and the figure is printed', () => {
    const { met, total, cases } = tally()
    process.stdout.write(
      `\nTencentCloudBase/node-sdk test/database: ${met} of ${total} expectations met (${((100 * met) / total).toFixed(1)} %), ${cases} cases\n`,
    )
    expect(total).toBe(342)
    expect(met / total).toBeGreaterThanOrEqual(0.95)
  })

  test('when a case is in the ledger then a test of its carried-over file names it, and every named case is in the ledger', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.test.ts') && f !== 'ledger.test.ts')
    const named = new Map(files.map((f) => [f, new Set(tagsIn(source(f)))]))
    for (const [upstream, cases] of Object.entries(UPSTREAM)) {
      const carried = named.get(CARRIED_IN[upstream] ?? upstream)
      expect(carried).toBeDefined()
      for (const c of cases) expect({ upstream, case: c.case, carried: carried!.has(c.case) }).toEqual({ upstream, case: c.case, carried: true })
    }
    const known = new Set(Object.values(UPSTREAM).flatMap((cases) => cases.map((c) => c.case)))
    for (const [file, tags] of named) for (const tag of tags) expect({ file, tag, known: known.has(tag) }).toEqual({ file, tag, known: true })
  })

  test('when a case differs then its reason is given and it counts no more than its expectations', () => {
    for (const cases of Object.values(UPSTREAM)) {
      for (const c of cases) {
        if (!c.differs) continue
        expect(c.differs.reason.length).toBeGreaterThan(40)
        expect(c.differs.count).toBeGreaterThan(0)
        expect(c.differs.count).toBeLessThanOrEqual(c.expectations)
      }
    }
  })
})
