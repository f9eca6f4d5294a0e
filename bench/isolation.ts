/**
 * Fairness between clients of the local server: how long a light call (`users.me`) takes alone, while another client
 * renders QR sheets (`qrcodes.sheet`, a PDF each), and while a flood of register pages (`places.households`) comes in.
 *
 * The server runs as `npm start` runs it (bench/isolation-server.ts: bundles, database file), in its own process; the
 * flood comes from a worker thread of this process and the light call from its main thread, so neither client waits
 * for the other here. Runs alternate (alone, sheets, households, for each mode's server, then again) so a machine that
 * gets busier or quieter during the bench moves every scenario and mode alike; each figure is the p95 of one run's
 * light calls, printed as min / median / max over the runs. ISOLATION_BENCH_MODES=inline,workers (the default)
 * measures functions on the gateway's thread (before) and in their own worker threads (now), each mode's server up
 * the whole time and idle while the other is measured. ISOLATION_BENCH_FLOOD_CLIENTS (default 8) sets the flood.
 *
 *   npx tsx bench/isolation.ts        ISOLATION_BENCH_RUNS (default 5), ISOLATION_BENCH_CALLS (default 80)
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { buildFunctions } from '../scripts/build-functions'
import { REPO_ROOT } from '../scripts/functions'

const RUNS = Number(process.env.ISOLATION_BENCH_RUNS ?? 5)
const CALLS = Number(process.env.ISOLATION_BENCH_CALLS ?? 80)
/** a light client: one call, a short pause (a person tapping), the next */
const PAUSE_MS = 20
/** clients flooding places.households at once (each calls again as soon as it has its answer) */
const FLOOD_CLIENTS = Number(process.env.ISOLATION_BENCH_FLOOD_CLIENTS ?? 8)
export const TARGET_P95_MS = 20

type Mode = 'inline' | 'workers'
type Scenario = 'alone' | 'sheets' | 'households'
const SCENARIOS: Scenario[] = ['alone', 'sheets', 'households']
const LABEL: Record<Scenario, string> = {
  alone: 'users.me p95, alone',
  sheets: 'users.me p95, 1 client rendering QR sheets',
  households: `users.me p95, ${FLOOD_CLIENTS} client${FLOOD_CLIENTS === 1 ? '' : 's'} flooding places.households`,
}
/** what floods: [function, body, caller, concurrent clients] */
const FLOODS: Record<Exclude<Scenario, 'alone'>, { fn: string; body: unknown; openid: string; clients: number }> = {
  sheets: { fn: 'qrcodes', body: { action: 'sheet', data: { communityId: 'c-xingfu' } }, openid: 'dev-staff', clients: 1 },
  households: { fn: 'places', body: { action: 'households', data: { communityId: 'c-xingfu', pageSize: 100 } }, openid: 'dev-staff', clients: FLOOD_CLIENTS },
}

/** The flood's clients, each calling in a loop until told to stop; plain JS, so the worker needs no TypeScript. */
const FLOOD_SCRIPT = `
const { workerData, parentPort } = require('node:worker_threads')
const { url, fn, body, openid, clients } = workerData
let stop = false
let done = 0
let failed = 0
parentPort.on('message', (m) => { if (m === 'stop') stop = true })
const client = async () => {
  while (!stop) {
    try {
      const res = await fetch(url + '/api/' + fn, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': openid }, body: JSON.stringify(body) })
      const answer = await res.json()
      if (answer.ok) done++
      else failed++
    } catch { failed++ }
  }
}
Promise.all(Array.from({ length: clients }, client)).then(() => parentPort.postMessage({ done, failed }))
`

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]
}

async function launch(mode: Mode, dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'isolation-server.ts')], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ISOLATION: mode, BENCH_DATA_DIR: dataDir },
  })
  let err = ''
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const line = /^(http:\/\/\S+)\n/.exec(out)
      if (line) resolve(line[1])
    })
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}):\n${err.slice(-2000)}`)))
  })
  return { url, child }
}

const call = async (url: string, fn: string, body: unknown, openid: string) => {
  const res = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify(body),
  })
  const answer = (await res.json()) as { ok: boolean; error?: { code: string } }
  if (!answer.ok) throw new Error(`${fn}: ${answer.error?.code}`)
}

/** The light client: CALLS sequential `users.me`, each timed from request to parsed answer. */
async function probe(url: string): Promise<number[]> {
  const ms: number[] = []
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now()
    await call(url, 'users', { action: 'me' }, 'dev-resident')
    ms.push(performance.now() - t0)
    await sleep(PAUSE_MS)
  }
  return ms
}

async function underFlood(url: string, scenario: Scenario): Promise<{ p95: number; p50: number; floodCalls: number }> {
  if (scenario === 'alone') {
    const ms = await probe(url)
    return { p95: quantile(ms, 0.95), p50: quantile(ms, 0.5), floodCalls: 0 }
  }
  const flood = new Worker(FLOOD_SCRIPT, { eval: true, workerData: { url, ...FLOODS[scenario] } })
  const finished = new Promise<{ done: number; failed: number }>((resolve, reject) => {
    flood.once('message', resolve)
    flood.once('error', reject)
  })
  // let the flood get going (its function's workers started, its clients queued) before the light client starts
  await sleep(1000)
  const ms = await probe(url)
  flood.postMessage('stop')
  const { done, failed } = await finished
  await flood.terminate()
  if (failed) throw new Error(`${scenario} flood: ${failed} calls failed`)
  return { p95: quantile(ms, 0.95), p50: quantile(ms, 0.5), floodCalls: done }
}

export interface IsolationRow {
  measure: string
  mode: Mode
  'p95 min ms': number
  'p95 median ms': number
  'p95 max ms': number
  'p50 median ms': number
  'flood calls/run': number
  target: string
}

export async function benchIsolation(log: (line: string) => void = () => {}): Promise<IsolationRow[]> {
  const modes = (process.env.ISOLATION_BENCH_MODES ?? 'inline,workers').split(',').map((m) => m.trim()) as Mode[]
  // the server runs the bundles: bring them up to date (nothing is rebuilt when nothing changed)
  await buildFunctions({ onSkip: () => {} })
  // every mode's server up at once, only one of them measured at a time: the runs alternate between them, so a
  // machine that gets busier during the bench weighs on each mode alike
  const servers: { mode: Mode; url: string; child: ChildProcess; dataDir: string }[] = []
  const rows: IsolationRow[] = []
  try {
    for (const mode of modes) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-isolation-'))
      const { url, child } = await launch(mode, dataDir)
      servers.push({ mode, url, child, dataDir })
      // warm: every function involved has answered once (its workers, or its module, loaded)
      for (let i = 0; i < 20; i++) await call(url, 'users', { action: 'me' }, 'dev-resident')
      for (const f of Object.values(FLOODS)) await call(url, f.fn, f.body, f.openid)
    }
    const runs = new Map<string, { p95: number; p50: number; floodCalls: number }[]>()
    for (let r = 0; r < RUNS; r++) {
      for (const { mode, url } of servers) {
        for (const s of SCENARIOS) {
          const m = await underFlood(url, s)
          runs.set(`${mode} ${s}`, [...(runs.get(`${mode} ${s}`) ?? []), m])
          log(
            `  run ${r + 1}/${RUNS} ${mode} ${s}: p95 ${m.p95.toFixed(1)} ms, p50 ${m.p50.toFixed(1)} ms${s === 'alone' ? '' : `, ${m.floodCalls} flood calls`} (load ${os.loadavg()[0].toFixed(1)})`,
          )
        }
      }
    }
    for (const { mode } of servers) {
      for (const s of SCENARIOS) {
        const ms = runs.get(`${mode} ${s}`)!
        const p95s = ms.map((m) => m.p95)
        const median = quantile(p95s, 0.5)
        rows.push({
          measure: LABEL[s],
          mode,
          'p95 min ms': Math.min(...p95s),
          'p95 median ms': median,
          'p95 max ms': Math.max(...p95s),
          'p50 median ms': quantile(
            ms.map((m) => m.p50),
            0.5,
          ),
          'flood calls/run': Math.round(ms.reduce((a, m) => a + m.floodCalls, 0) / RUNS),
          target: mode === 'workers' ? `< ${TARGET_P95_MS} ms ${median < TARGET_P95_MS ? 'ok' : 'OVER'}` : '',
        })
      }
    }
  } finally {
    for (const { child, dataDir } of servers) {
      child.stdin!.end()
      await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)))
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }
  return rows
}

if ((require as unknown as NodeJS.Require).main === module) {
  console.log(`isolation bench: ${RUNS} alternating runs of ${CALLS} users.me calls per scenario, ${os.cpus().length} cpus`)
  benchIsolation((l) => console.log(l)).then(
    (rows) => {
      const headers = Object.keys(rows[0]) as (keyof IsolationRow)[]
      const cells = [
        headers,
        ...rows.map((r) => headers.map((h) => (typeof r[h] === 'number' ? (r[h] as number).toFixed(h === 'flood calls/run' ? 0 : 1) : String(r[h])))),
      ]
      const widths = headers.map((_, i) => Math.max(...cells.map((c) => String(c[i]).length)))
      for (const c of cells) console.log(c.map((v, i) => (i < 2 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  '))
    },
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
