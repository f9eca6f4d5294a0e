/**
 * The notice board at scale, on file-backed local databases in a temp dir (WAL, as `npm start` runs it): 幸福社区 with
 * 500 notices and with NOTICES_BENCH_N (default 5 000), every kind, audience, pin, expiry, withdrawal and moderation
 * hold mixed in. `notices.list` (20 per page) is timed on both databases in alternation, call by call, for staff (every
 * current notice, with read counts) and for a resident (the notices reaching her home): p50/p95, min/median/max and
 * the ratio. Target: p95 ≤ 10 ms at 5 000.
 * Run alone: npx tsx bench/notices.ts
 */
import { reachOf } from '../cloudfunctions/_core/domain/notices'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { setClock } from '../cloudfunctions/_core/clock'
import { main as notices } from '../cloudfunctions/notices'
import { useLocalCloudBase, type LocalCloudBaseHandle } from '../local/cloud'
import { platformContext } from '../local/context'
import { demoIds } from '../local/demo'
import { seedDemo } from '../local/seed'
import { installLocalWx } from '../local/wx'
import { NOTICE_KINDS, type NoticeDoc } from '../types'

const NOW = new Date('2026-11-22T09:00:00+08:00')
const MIN = 60_000
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MIN).toISOString()
const C = 'c-xingfu'

/** The i-th notice: audiences, kinds, pins, expiry, withdrawal and moderation holds all vary; many share a minute. */
export function benchNotice(i: number): NoticeDoc {
  const audience = [
    { scope: 'community' as const, gridIds: [], buildingIds: [] },
    { scope: 'grid' as const, gridIds: [demoIds.grid(C, 0)], buildingIds: [] },
    { scope: 'grid' as const, gridIds: [demoIds.grid(C, 1)], buildingIds: [] },
    { scope: 'buildings' as const, gridIds: [], buildingIds: [demoIds.building(C, 1), demoIds.building(C, 2)] },
    { scope: 'buildings' as const, gridIds: [], buildingIds: [demoIds.building(C, 4)] },
  ][i % 5]
  const body = `第${i}号公告\n  正文  ${'内容'.repeat(200)}`
  return {
    _id: `bn-${String(i).padStart(6, '0')}`,
    communityId: C,
    streetId: 'st-chunhui',
    kind: NOTICE_KINDS[i % NOTICE_KINDS.length],
    title: `公告${i}`,
    body,
    excerpt: body.replace(/\s+/g, ' ').slice(0, 60),
    images: [],
    files: [],
    audience,
    reach: reachOf(C, audience),
    pinned: i % 97 === 0,
    expiresAt: i % 13 === 0 ? at(-60) : i % 13 === 1 ? at(60 * 24) : null,
    publishedBy: 'dev-secretary',
    publishedByName: '赵红梅',
    publishedAt: at(-(i % 900) - Math.floor(i / 900) * 7 - 5),
    withdrawnAt: i % 31 === 0 ? at(-1) : null,
    ...(i % 23 === 0
      ? { moderation: 'pending' as const }
      : i % 29 === 0
        ? { moderation: 'rejected' as const }
        : i % 7 === 0
          ? { moderation: 'published' as const }
          : {}),
  }
}

async function world(dir: string, n: number): Promise<LocalCloudBaseHandle> {
  const local = useLocalCloudBase({ dataDir: dir })
  await seedDemo()
  const coll = local.backend.collection('notices')
  local.backend.sql.exec('BEGIN')
  for (let i = 0; i < n; i++) coll.insert(benchNotice(i) as never)
  local.backend.sql.exec('COMMIT')
  return local
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}
const r2 = (x: number) => Math.round(x * 100) / 100

const CASES: [string, string, Record<string, unknown>][] = [
  ['staff, page 1', 'dev-staff', {}],
  ['staff, page 10', 'dev-staff', { page: 10 }],
  ['staff, one kind', 'dev-staff', { kind: 'finance' }],
  ['resident, page 1', 'dev-resident', {}],
  ['resident, page 10', 'dev-resident', { page: 10 }],
  ['resident, one kind', 'dev-resident', { kind: 'residents' }],
]

export async function benchNotices(n = Number(process.env.NOTICES_BENCH_N ?? 5000), runs = Number(process.env.NOTICES_BENCH_RUNS ?? 40)) {
  const small = Math.min(500, n)
  const root = mkdtempSync(join(tmpdir(), 'bench-notices-'))
  const uninstallWx = installLocalWx()
  setClock(() => NOW)
  const sides: Record<'small' | 'large', LocalCloudBaseHandle | null> = { small: null, large: null }
  try {
    sides.small = await world(join(root, 'small'), small)
    sides.large = await world(join(root, 'large'), n)
    const rows: Record<string, unknown>[] = []
    for (const [label, openid, input] of CASES) {
      const ms: Record<'small' | 'large', number[]> = { small: [], large: [] }
      // CPU time of this process over the call: the function and the database run in this thread
      const cpu: Record<'small' | 'large', number[]> = { small: [], large: [] }
      for (let k = -2; k < runs; k++) {
        for (const side of ['small', 'large'] as const) {
          globalThis.__LOCAL_CLOUDBASE__ = sides[side]!.hook
          const t = performance.now()
          const c = process.cpuUsage()
          const answer = (await notices({ action: 'list', data: { communityId: C, page: 1, pageSize: 20, ...input } }, platformContext(openid))) as {
            ok: boolean
            error?: unknown
          }
          if (!answer.ok) throw new Error(`notices.list failed: ${JSON.stringify(answer.error)}`)
          if (k >= 0) {
            ms[side].push(performance.now() - t)
            const d = process.cpuUsage(c)
            cpu[side].push((d.user + d.system) / 1000)
          }
        }
      }
      const s = (xs: number[]) => `${r2(Math.min(...xs))} / ${r2(percentile(xs, 50))} / ${r2(Math.max(...xs))}`
      rows.push({
        'notices.list (20 per page)': label,
        calls: runs,
        [`p50 ms @${small}`]: r2(percentile(ms.small, 50)),
        [`p95 ms @${small}`]: r2(percentile(ms.small, 95)),
        [`p50 ms @${n}`]: r2(percentile(ms.large, 50)),
        [`p95 ms @${n}`]: r2(percentile(ms.large, 95)),
        [`min/median/max @${small}`]: s(ms.small),
        [`min/median/max @${n}`]: s(ms.large),
        [`cpu p50/p95 @${small}`]: `${r2(percentile(cpu.small, 50))} / ${r2(percentile(cpu.small, 95))}`,
        [`cpu p50/p95 @${n}`]: `${r2(percentile(cpu.large, 50))} / ${r2(percentile(cpu.large, 95))}`,
        'p50 ratio': r2(percentile(ms.large, 50) / percentile(ms.small, 50)),
        target: `p95 ≤ 10 ms ${percentile(ms.large, 95) <= 10 ? 'ok' : 'OVER'} (cpu ${percentile(cpu.large, 95) <= 10 ? 'ok' : 'OVER'})`,
      })
    }
    return rows
  } finally {
    setClock(null)
    uninstallWx()
    for (const side of ['small', 'large'] as const) {
      if (!sides[side]) continue
      globalThis.__LOCAL_CLOUDBASE__ = sides[side]!.hook
      sides[side]!.close()
    }
    rmSync(root, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchNotices().then(
    (rows) => console.table(rows),
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
