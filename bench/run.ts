/**
 * `npm run bench`: one run, one table.
 *   (a) weapp main package and each subpackage, KB (builds dist/weapp first if it is missing)
 *   (b) cold start of each bundled cloud function (spawn → first answer, unknown action, made-up context) against a
 *       bare `node -e "require('@cloudbase/node-sdk')"` and an empty node, spawned in turn run by run (BENCH_RUNS, default
 *       9): each run's ratios, min/median/max, in wall time, net of the empty node (target ≤ 0.5) and in CPU time.
 *       The functions are always rebuilt first (≈ 0.3 s each) so a stale bundle is never timed.
 *   (c) local database figures from bench/db.ts `benchDb()` when that module exists
 *   (d) tickets at scale from bench/tickets.ts `benchTickets()`: submit and inbox p50/p95, dashboard read time at
 *       10 thousand and at TICKETS_BENCH_N (default 1 million) tickets and their ratio; the staff list with each filter
 *       at 1 000 and 40 000 tickets in one community; the inbox with 10 000 open tickets in one grid
 *   (e) a community-wide vote from bench/council.ts `benchCouncil()`: roll written at opening, casts p50/p95 and per
 *       second at 50 concurrent voters, closing and counting, and the tally checked against the accepted casts; the
 *       requests and time of a council.list page of 20 and of 50 at 60 and at 1 000 matters
 *   (f) the notice board from bench/notices.ts `benchNotices()`: notices.list at 500 and 5 000 notices, alternately
 *   (g) fairness between clients from bench/isolation.ts `benchIsolation()`: `users.me` p95 alone, while a client renders
 *       QR sheets and while clients flood places.households (min/median/max over alternating runs)
 *   (h) the H5 app's first load on the wire from bench/wire.ts `benchWire()`: KB of JS a real browser downloads
 *   (i) a 3 000-household register imported from .xlsx (and from a GBK CSV) end to end, from bench/sheets.ts `benchSheets()`
 *   (j) a vote's printed papers from bench/papers.ts `benchPapers()`: paper ballots and the sign-in sheet of a 3 000-unit
 *       owners' roll, time (first call and again), PDF KB and pages
 * Also writes bench/out/latest.json.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildFunction } from '../scripts/build-functions'
import { DIST_DIR, REPO_ROOT, discoverFunctions } from '../scripts/functions'
import { pairedColdStarts, type PairedColdStarts, type Spread } from './coldstart'
import { PACKAGE_LIMIT_BYTES, TOTAL_LIMIT_BYTES, weappSizes } from './sizes'

const RUNS = Number(process.env.BENCH_RUNS ?? 9)
const RATIO_TARGET = 0.5
const kb = (b: number) => (b / 1024).toFixed(1)

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))]
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

async function sizesSection(out: Record<string, unknown>) {
  console.log('\n(a) weapp packages')
  const weappDir = path.join(REPO_ROOT, 'dist', 'weapp')
  if (!fs.existsSync(path.join(weappDir, 'app.json'))) {
    console.log('dist/weapp missing: running npm run build:weapp …')
    const r = spawnSync('npm', ['run', 'build:weapp'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    if (r.status !== 0) {
      console.log(`weapp build failed (exit ${r.status}); sizes not available\n${(r.stderr ?? '').split('\n').slice(-15).join('\n')}`)
      out.weapp = { error: `build failed (exit ${r.status})` }
      return
    }
  }
  const { packages, totalBytes } = weappSizes(weappDir)
  console.log(
    table(
      ['package', 'KB', 'files', `of ${PACKAGE_LIMIT_BYTES / 1024 / 1024} MB`],
      [
        ...packages.map((p) => [p.name, kb(p.bytes), p.files, `${((p.bytes / PACKAGE_LIMIT_BYTES) * 100).toFixed(0)} %${p.overLimit ? ' OVER' : ''}`]),
        ['total', kb(totalBytes), packages.reduce((s, p) => s + p.files, 0), `${((totalBytes / TOTAL_LIMIT_BYTES) * 100).toFixed(0)} % of 20 MB`],
      ],
    ),
  )
  out.weapp = { packages: packages.map((p) => ({ ...p, kb: Number(kb(p.bytes)) })), totalBytes, totalKb: Number(kb(totalBytes)) }
}

async function coldStartSection(out: Record<string, unknown>) {
  console.log(
    `\n(b) cloud function cold start (spawn → first answer; ${RUNS} runs, each spawning an empty node, a bare SDK require and every function in turn)`,
  )
  const built: { name: string; dir: string; bundleBytes: number }[] = []
  const failed: { name: string; error: string }[] = []
  for (const fn of discoverFunctions(undefined, undefined, () => {})) {
    try {
      const b = await buildFunction(fn)
      built.push({ name: fn.name, dir: b.outDir, bundleBytes: b.bundleBytes })
    } catch (e) {
      failed.push({ name: fn.name, error: (e as Error).message.split('\n').slice(0, 3).join(' ') })
    }
  }
  let paired: PairedColdStarts
  try {
    paired = await pairedColdStarts(built, RUNS)
  } catch (e) {
    console.log(`cold start bench failed: ${(e as Error).message.split('\n')[0]}`)
    out.coldStart = { error: (e as Error).message, failed }
    return
  }
  const spread = (x: Spread) => `${x.min.toFixed(2)} / ${x.median.toFixed(2)} / ${x.max.toFixed(2)}`
  const verdict = (x: Spread) => (x.median <= RATIO_TARGET ? 'ok' : 'OVER')
  const results = paired.functions.map((c) => ({ ...c, bundleKb: Number(kb(built.find((b) => b.name === c.name)!.bundleBytes)) }))
  console.log(
    table(
      ['function', 'bundle KB', 'median ms', 'cpu ms', '÷ bare sdk min/med/max', `net of empty node (≤ ${RATIO_TARGET})`, 'net, cpu time'],
      [
        ...results.map((r) => [
          r.name,
          kb(r.bundleKb * 1024),
          r.medianMs.toFixed(0),
          r.cpuMedianMs.toFixed(0),
          spread(r.ratio),
          `${spread(r.netRatio)} ${verdict(r.netRatio)}`,
          spread(r.netCpuRatio),
        ]),
        [paired.bareSdk.name, '', paired.bareSdk.medianMs.toFixed(0), paired.bareSdk.cpuMedianMs.toFixed(0), '1', '1', '1'],
        [paired.emptyNode.name, '', paired.emptyNode.medianMs.toFixed(0), paired.emptyNode.cpuMedianMs.toFixed(0), '', '0', '0'],
      ],
    ),
  )
  console.log('  ratios are taken within each run (min / median / max over the runs); "net" subtracts the same run\'s empty node from both sides')
  for (const r of results) console.log(`  ${r.name} answered: ${r.answer}`)
  for (const f of failed) console.log(`  ${f.name}: FAILED ${f.error}`)
  out.coldStart = { runs: RUNS, target: RATIO_TARGET, bareSdk: paired.bareSdk, emptyNode: paired.emptyNode, functions: results, failed }
}

async function dbSection(out: Record<string, unknown>) {
  console.log('\n(c) local database')
  const file = path.join(__dirname, 'db.ts')
  let benchDb: undefined | (() => unknown)
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (fs.existsSync(file)) benchDb = require(file).benchDb
  } catch (e) {
    console.log(`db bench: not available (${(e as Error).message.split('\n')[0]})`)
    out.db = { error: (e as Error).message }
    return
  }
  if (typeof benchDb !== 'function') {
    console.log('db bench: not available')
    out.db = null
    return
  }
  const res = await benchDb()
  if (Array.isArray(res) && res.every((r) => r && typeof r === 'object')) {
    const headers = [...new Set(res.flatMap((r) => Object.keys(r as object)))]
    console.log(
      table(
        headers,
        res.map((r) => headers.map((h) => fmt((r as Record<string, unknown>)[h]))),
      ),
    )
  } else if (res && typeof res === 'object') {
    console.log(
      table(
        ['measure', 'value'],
        Object.entries(res).map(([k, v]) => [k, fmt(v)]),
      ),
    )
  } else {
    console.log(String(res))
  }
  out.db = res ?? null
}

async function ticketsSection(out: Record<string, unknown>) {
  console.log(`\n(d) tickets at scale (TICKETS_BENCH_N=${process.env.TICKETS_BENCH_N ?? '1000000'})`)
  try {
    type Rows = Record<string, unknown>[]
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { benchTickets } = require(path.join(__dirname, 'tickets.ts')) as { benchTickets: () => Promise<Rows & { list?: Rows; inbox?: Rows }> }
    const rows = await benchTickets()
    for (const t of [rows, rows.list ?? [], rows.inbox ?? []]) {
      const headers = [...new Set(t.flatMap((r) => Object.keys(r)))]
      if (t.length)
        console.log(
          `${table(
            headers,
            t.map((r) => headers.map((h) => fmt(r[h]))),
          )}\n`,
        )
    }
    out.tickets = rows
    out.ticketsList = rows.list
    out.ticketsInbox = rows.inbox
  } catch (e) {
    console.log(`tickets bench failed: ${(e as Error).message.split('\n')[0]}`)
    out.tickets = { error: (e as Error).message }
  }
}

async function councilSection(out: Record<string, unknown>) {
  console.log(`\n(e) a community-wide vote (COUNCIL_BENCH_HOUSEHOLDS=${process.env.COUNCIL_BENCH_HOUSEHOLDS ?? '3000'})`)
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { benchCouncil } = require(path.join(__dirname, 'council.ts')) as { benchCouncil: () => Promise<Record<string, unknown>> }
    const row = await benchCouncil()
    console.log(
      table(
        ['measure', 'value'],
        Object.entries(row).map(([k, v]) => [k, fmt(v)]),
      ),
    )
    out.council = row
  } catch (e) {
    console.log(`council bench failed: ${(e as Error).message.split('\n')[0]}`)
    out.council = { error: (e as Error).message }
  }
}

async function noticesSection(out: Record<string, unknown>) {
  console.log(`\n(f) the notice board (NOTICES_BENCH_N=${process.env.NOTICES_BENCH_N ?? '5000'})`)
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { benchNotices } = require(path.join(__dirname, 'notices.ts')) as { benchNotices: () => Promise<Record<string, unknown>[]> }
    const rows = await benchNotices()
    const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))]
    console.log(
      table(
        headers,
        rows.map((r) => headers.map((h) => fmt(r[h]))),
      ),
    )
    out.notices = rows
  } catch (e) {
    console.log(`notices bench failed: ${(e as Error).message.split('\n')[0]}`)
    out.notices = { error: (e as Error).message }
  }
}

async function isolationSection(out: Record<string, unknown>) {
  console.log(`\n(g) fairness: users.me p95 alone and under floods (ISOLATION_BENCH_RUNS=${process.env.ISOLATION_BENCH_RUNS ?? '5'} alternating runs)`)
  try {
    const { benchIsolation } = await import('./isolation')
    const rows = await benchIsolation()
    const headers = Object.keys(rows[0])
    console.log(
      table(
        headers,
        rows.map((r) => headers.map((h) => fmt((r as unknown as Record<string, unknown>)[h]))),
      ),
    )
    out.isolation = rows
  } catch (e) {
    console.log(`isolation bench failed: ${(e as Error).message.split('\n')[0]}`)
    out.isolation = { error: (e as Error).message }
  }
}

async function sheetsSection(out: Record<string, unknown>) {
  console.log(`\n(i) importing the register from Excel (SHEETS_BENCH_HOUSEHOLDS=${process.env.SHEETS_BENCH_HOUSEHOLDS ?? '3000'})`)
  try {
    const { benchSheets } = await import('./sheets')
    const row = await benchSheets()
    console.log(
      table(
        ['measure', 'value'],
        Object.entries(row).map(([k, v]) => [k, fmt(v)]),
      ),
    )
    out.sheets = row
  } catch (e) {
    console.log(`sheets bench failed: ${(e as Error).message.split('\n')[0]}`)
    out.sheets = { error: (e as Error).message }
  }
}

async function papersSection(out: Record<string, unknown>) {
  console.log(`\n(j) a vote's printed papers (PAPERS_BENCH_UNITS=${process.env.PAPERS_BENCH_UNITS ?? '3000'})`)
  try {
    const { benchPapers } = await import('./papers')
    const row = await benchPapers()
    console.log(
      table(
        ['measure', 'value'],
        Object.entries(row).map(([k, v]) => [k, fmt(v)]),
      ),
    )
    out.papers = row
  } catch (e) {
    console.log(`papers bench failed: ${(e as Error).message.split('\n')[0]}`)
    out.papers = { error: (e as Error).message }
  }
}

async function wireSection(out: Record<string, unknown>) {
  console.log("\n(h) the H5 app's first load on the wire (chromium, fresh profile)")
  try {
    const { benchWire, WIRE_TARGET_KB } = await import('./wire')
    const { first, again } = await benchWire()
    console.log(
      table(
        ['load', 'scripts', 'KB on the wire', 'KB decoded', `target ≤ ${WIRE_TARGET_KB} KB`],
        [
          ['first', first.scripts, kb(first.encodedBytes), kb(first.decodedBytes), first.encodedBytes <= WIRE_TARGET_KB * 1024 ? 'ok' : 'OVER'],
          ['again', again.scripts, kb(again.encodedBytes), kb(again.decodedBytes), ''],
        ],
      ),
    )
    out.wire = { first, again }
  } catch (e) {
    console.log(`wire bench failed: ${(e as Error).message.split('\n')[0]}`)
    out.wire = { error: (e as Error).message }
  }
}

function fmt(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2)
  if (v && typeof v === 'object') return JSON.stringify(v)
  return String(v ?? '')
}

async function main() {
  const out: Record<string, unknown> = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
  }
  console.log(`bench — node ${process.version}, ${os.cpus().length} cpus, functions in ${path.relative(REPO_ROOT, DIST_DIR)}/`)
  await sizesSection(out)
  await coldStartSection(out)
  await dbSection(out)
  await ticketsSection(out)
  await councilSection(out)
  await isolationSection(out)
  await wireSection(out)
  await noticesSection(out)
  await sheetsSection(out)
  await papersSection(out)
  const outDir = path.join(__dirname, 'out')
  fs.mkdirSync(outDir, { recursive: true })
  fs.writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(out, null, 2) + '\n')
  console.log(`\nwrote ${path.relative(REPO_ROOT, path.join(outDir, 'latest.json'))}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
