/**
 * Cold start of bundled cloud functions: a fresh `node` process that requires `index.js` and calls
 * `main(event, context)`, timed from spawn to the first byte of its answer on stdout. The event is an unknown action
 * and the context is made up (no credentials), so no function reaches the database or the network.
 *
 *   npx tsx bench/coldstart.ts              cold start of every built function + the bare node-sdk baseline
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
    `.then((r) => process.stdout.write(JSON.stringify({ answer: r === undefined ? null : r }) + '\\n'),`,
    `      (e) => process.stdout.write(JSON.stringify({ threw: String(e && e.stack || e) }) + '\\n'))`,
  ].join('\n')
}

export interface SpawnResult {
  ms: number
  stdout: string
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
      else resolve({ ms: ms!, stdout: out })
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

/** Median time for a bare `node -e "require('@cloudbase/node-sdk')"` to print. */
export async function bareSdkColdStart(runs = 7): Promise<ColdStart> {
  const runsMs: number[] = []
  for (let i = 0; i < runs; i++) {
    const r = await timeFirstAnswer(`require('@cloudbase/node-sdk'); process.stdout.write('loaded\\n')`, REPO_ROOT)
    runsMs.push(r.ms)
  }
  return { name: "bare require('@cloudbase/node-sdk')", medianMs: median(runsMs), runsMs, answer: 'loaded' }
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
  variants.forEach((v, i) =>
    console.log(`${v.label.padEnd(20)} median ${median(times[i]).toFixed(0)} ms  runs ${times[i].map((t) => t.toFixed(0)).join(' ')}`),
  )
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
      for (const name of fs.readdirSync(dist).sort()) {
        const c = await coldStart(name, path.join(dist, name), runs)
        console.log(`${name.padEnd(24)} ${c.medianMs.toFixed(0).padStart(5)} ms  ${c.answer}`)
      }
      const b = await bareSdkColdStart(runs)
      console.log(`${b.name.padEnd(24)} ${b.medianMs.toFixed(0).padStart(5)} ms`)
    })().catch((e) => {
      console.error(e)
      process.exit(1)
    })
  }
}
