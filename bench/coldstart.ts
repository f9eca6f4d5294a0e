/**
 * Cold start of bundled cloud functions: a fresh `node` process that requires `index.js` and calls
 * `main(event, context)`, timed from spawn to the first byte of its answer on stdout. The event is an unknown action
 * and the context is made up (no credentials), so no function reaches the database or the network.
 *
 *   npx tsx bench/coldstart.ts [fn ...] [--runs=9]   cold start of the built functions against a bare node-sdk require
 *                                           and an empty node, alternated run by run (ratios per run, min/median/max)
 *   npx tsx bench/coldstart.ts --compare [fn] [--runs=9]   node-sdk bundled vs external (the SHARED_EXTERNALS decision)
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { REPO_ROOT, discoverFunctions } from '../scripts/functions'

export const BENCH_EVENT = { action: '__bench_unknown_action__', name: 'bench' }
export const BENCH_CONTEXT = {
  request_id: 'bench-request-id',
  function_name: 'bench',
  function_version: '$LATEST',
  namespace: 'bench-env',
  memory_limit_in_mb: 256,
  time_limit_in_ms: 10000,
  environment: JSON.stringify({
    WX_OPENID: 'bench-openid',
    WX_APPID: 'wx0000000000000000',
    WX_UNIONID: '',
    TCB_SOURCE: 'wx_client',
    WX_CLIENTIP: '127.0.0.1',
  }),
}

const TIMEOUT_MS = 20_000

/** The script a cold instance runs: require the bundle, call main once, print the answer. */
export function invokeScript(event: unknown = BENCH_EVENT, context: unknown = BENCH_CONTEXT): string {
  return [
    `const m = require('./index.js');`,
    `Promise.resolve().then(() => m.main(${JSON.stringify(event)}, ${JSON.stringify(context)}))`,
    `.then((r) => process.stdout.write(JSON.stringify({ answer: r === undefined ? null : r, cpu: process.cpuUsage() }) + '\\n'),`,
    `      (e) => process.stdout.write(JSON.stringify({ threw: String(e && e.stack || e) }) + '\\n'))`,
  ].join('\n')
}

export interface SpawnResult {
  ms: number
  stdout: string
  /** CPU time the child had used when it answered (user + system, every thread), when its script reports it */
  cpuMs?: number
}

const cpuOf = (stdout: string): number | undefined => {
  try {
    const cpu = (JSON.parse(stdout.split('\n')[0]) as { cpu?: { user: number; system: number } }).cpu
    return cpu ? (cpu.user + cpu.system) / 1000 : undefined
  } catch {
    return undefined
  }
}

/** Spawns `node -e script` in `cwd`; resolves at the first stdout output (then kills the process). */
export function timeFirstAnswer(script: string, cwd: string, env: Record<string, string | undefined> = {}): Promise<SpawnResult> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint()
    const child = spawn(process.execPath, ['-e', script], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '', ...env },
    })
    let out = ''
    let err = ''
    let done = false
    const timer = setTimeout(() => finish(new Error(`no answer within ${TIMEOUT_MS} ms\n${err}`)), TIMEOUT_MS)
    const finish = (e: Error | null, ms?: number) => {
      if (done) return
      done = true
      clearTimeout(timer)
      child.kill('SIGKILL')
      if (e) reject(e)
      else resolve({ ms: ms!, stdout: out, cpuMs: cpuOf(out) })
    }
    child.stdout.on('data', (d: Buffer) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      out += d.toString()
      if (out.includes('\n')) finish(null, ms)
    })
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code) => {
      // give a last stdout chunk the chance to arrive before calling it a failure
      setImmediate(() => finish(new Error(`exited with ${code} before answering\n${err}`)))
    })
  })
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export interface ColdStart {
  name: string
  medianMs: number
  runsMs: number[]
  /** the answer of the first run, abbreviated */
  answer: string
}

/** Median cold start of the bundle in `dir` (which holds index.js). */
export async function coldStart(name: string, dir: string, runs = 7): Promise<ColdStart> {
  const runsMs: number[] = []
  let answer = ''
  for (let i = 0; i < runs; i++) {
    const r = await timeFirstAnswer(invokeScript(), dir)
    runsMs.push(r.ms)
    if (i === 0) answer = r.stdout.trim().slice(0, 160)
  }
  return { name, medianMs: median(runsMs), runsMs, answer }
}

export const BARE_SDK_SCRIPT = `require('@cloudbase/node-sdk'); process.stdout.write(JSON.stringify({ answer: 'loaded', cpu: process.cpuUsage() }) + '\\n')`
export const EMPTY_NODE_SCRIPT = `process.stdout.write(JSON.stringify({ answer: 'up', cpu: process.cpuUsage() }) + '\\n')`

/** Median time for a bare `node -e "require('@cloudbase/node-sdk')"` to print. */
export async function bareSdkColdStart(runs = 7): Promise<ColdStart> {
  const runsMs: number[] = []
  for (let i = 0; i < runs; i++) {
    const r = await timeFirstAnswer(BARE_SDK_SCRIPT, REPO_ROOT)
    runsMs.push(r.ms)
  }
  return { name: "bare require('@cloudbase/node-sdk')", medianMs: median(runsMs), runsMs, answer: 'loaded' }
}

export interface Spread {
  min: number
  median: number
  max: number
}
const spread = (xs: number[]): Spread => ({ min: Math.min(...xs), median: median(xs), max: Math.max(...xs) })

export interface PairedColdStart extends ColdStart {
  /** per run: this function's time ÷ the bare SDK's time in the same run */
  ratio: Spread
  /** per run: (this function − an empty node) ÷ (the bare SDK − an empty node), all three from the same run */
  netRatio: Spread
  /** the same as netRatio in CPU time used by the child when it answered: less moved by other processes' load */
  netCpuRatio: Spread
}

export interface PairedColdStarts {
  runs: number
  emptyNode: ColdStart & { cpuMedianMs: number }
  bareSdk: ColdStart & { cpuMedianMs: number }
  functions: (PairedColdStart & { cpuMedianMs: number })[]
}

/**
 * Cold starts timed run by run in alternation: each run spawns an empty node, a bare `require('@cloudbase/node-sdk')`
 * and every function once, in an order that turns each run (so no side always goes first or last), and each ratio is
 * taken within its run. A change in machine load (2 shared cores) then moves both sides of a ratio alike, and the
 * spread of the per-run ratios says how far a single figure can be trusted.
 */
export async function pairedColdStarts(fns: { name: string; dir: string }[], runs = 7): Promise<PairedColdStarts> {
  type Side = { name: string; script: string; cwd: string }
  const sides: Side[] = [
    { name: 'empty node', script: EMPTY_NODE_SCRIPT, cwd: REPO_ROOT },
    { name: "bare require('@cloudbase/node-sdk')", script: BARE_SDK_SCRIPT, cwd: REPO_ROOT },
    ...fns.map((f) => ({ name: f.name, script: invokeScript(), cwd: f.dir })),
  ]
  const ms: number[][] = sides.map(() => [])
  const cpu: number[][] = sides.map(() => [])
  const answers: string[] = sides.map(() => '')
  // one unrecorded round: the file cache warm for every side
  for (const s of sides) await timeFirstAnswer(s.script, s.cwd)
  for (let run = 0; run < runs; run++) {
    const order = sides.map((_, i) => i)
    const shift = run % sides.length
    const turned = [...order.slice(shift), ...order.slice(0, shift)]
    for (const i of run % 2 ? turned.reverse() : turned) {
      const r = await timeFirstAnswer(sides[i].script, sides[i].cwd)
      ms[i].push(r.ms)
      cpu[i].push(r.cpuMs ?? NaN)
      if (!answers[i]) answers[i] = r.stdout.trim().slice(0, 160)
    }
  }
  const cs = (i: number) => ({ name: sides[i].name, medianMs: median(ms[i]), runsMs: ms[i], answer: answers[i], cpuMedianMs: median(cpu[i]) })
  const [empty, bare] = [ms[0], ms[1]]
  return {
    runs,
    emptyNode: cs(0),
    bareSdk: cs(1),
    functions: fns.map((_, k) => {
      const own = ms[k + 2]
      return {
        ...cs(k + 2),
        ratio: spread(own.map((t, run) => t / bare[run])),
        netRatio: spread(own.map((t, run) => (t - empty[run]) / (bare[run] - empty[run]))),
        netCpuRatio: spread(cpu[k + 2].map((t, run) => (t - cpu[0][run]) / (cpu[1][run] - cpu[0][run]))),
      }
    }),
  }
}

/** Builds `name` twice (node-sdk bundled / external) and times both, interleaved. */
async function compare(name: string, runs: number) {
  const { buildFunction } = await import('../scripts/build-functions')
  const [fn] = discoverFunctions(undefined, [name])
  // inside the repo so that the external variant resolves node-sdk from the repo's node_modules
  const root = path.join(REPO_ROOT, 'dist', 'functions-compare')
  fs.rmSync(root, { recursive: true, force: true })
  const variants = [
    { label: 'node-sdk bundled', externals: [] as string[] },
    { label: 'node-sdk external', externals: ['@cloudbase/node-sdk'] },
  ]
  const dirs = []
  for (const v of variants) {
    const b = await buildFunction(fn, { outDir: path.join(root, v.label.replace(/\W+/g, '-')), externals: v.externals })
    dirs.push(b.outDir)
    console.log(`${v.label}: index.js ${(b.bundleBytes / 1024).toFixed(0)} KB`)
  }
  const times: number[][] = variants.map(() => [])
  const bare: number[] = []
  for (let i = 0; i < runs; i++) {
    for (let v = 0; v < variants.length; v++) times[v].push((await timeFirstAnswer(invokeScript(), dirs[v])).ms)
    bare.push((await timeFirstAnswer(`require('@cloudbase/node-sdk'); process.stdout.write('ok\\n')`, REPO_ROOT)).ms)
  }
  variants.forEach((v, i) => console.log(`${v.label.padEnd(20)} median ${median(times[i]).toFixed(0)} ms  runs ${times[i].map((t) => t.toFixed(0)).join(' ')}`))
  console.log(`${'bare node-sdk'.padEnd(20)} median ${median(bare).toFixed(0)} ms  runs ${bare.map((t) => t.toFixed(0)).join(' ')}`)
  fs.rmSync(root, { recursive: true, force: true })
}

// (cast: Taro's global typings replace `require`'s type)
if ((require as unknown as NodeJS.Require).main === module) {
  const args = process.argv.slice(2)
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 9)
  if (args.includes('--compare')) {
    const name = args.find((a) => !a.startsWith('-')) ?? discoverFunctions(undefined, undefined, () => {})[0]?.name
    if (!name) throw new Error('no function to compare')
    compare(name, runs).catch((e) => {
      console.error(e)
      process.exit(1)
    })
  } else {
    ;(async () => {
      const dist = path.join(REPO_ROOT, 'dist', 'functions')
      const only = args.filter((a) => !a.startsWith('-'))
      const names = fs
        .readdirSync(dist)
        .sort()
        .filter((n) => !only.length || only.includes(n))
      const r = await pairedColdStarts(
        names.map((name) => ({ name, dir: path.join(dist, name) })),
        runs,
      )
      const f = (x: Spread) => `${x.min.toFixed(2)} / ${x.median.toFixed(2)} / ${x.max.toFixed(2)}`
      console.log(`${'(median wall ms, cpu ms)'.padEnd(38)}  ÷ bare sdk          net of an empty node   net, cpu time   (min / median / max per run)`)
      for (const c of r.functions) {
        console.log(
          `${c.name.padEnd(24)} ${c.medianMs.toFixed(0).padStart(5)} ${c.cpuMedianMs.toFixed(0).padStart(5)}     ${f(c.ratio)}   ${f(c.netRatio)}     ${f(c.netCpuRatio)}`,
        )
      }
      for (const c of [r.bareSdk, r.emptyNode]) console.log(`${c.name.padEnd(38)} ${c.medianMs.toFixed(0).padStart(5)} ${c.cpuMedianMs.toFixed(0).padStart(5)}`)
    })().catch((e) => {
      console.error(e)
      process.exit(1)
    })
  }
}
