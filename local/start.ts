import { spawnSync } from 'child_process'
import { existsSync } from 'fs'
import type { AddressInfo } from 'net'
import path from 'path'
import { useLocalCloudBase } from './cloud'
import { closeFunctions, loadFunctions } from './functions'
import { createGateway, type GatewayLimits } from './gateway'
import { SAMPLE_FUNCTIONS, samplesDone, seedSamples } from './samples'
import { seedDemo } from './seed'
import { startTimers } from './timers'
import { installLocalWx } from './wx'

const ROOT = path.resolve(__dirname, '..')

export interface StartOptions {
  port: number
  host: string
  /** where the local database and stored files live; null keeps everything in memory */
  dataDir: string | null
  functions: 'bundle' | 'source'
  /**
   * `workers`: each function in worker threads of its own, as CloudBase isolates instances (npm start; the default for
   * bundles, so the browser journeys run that way); `inline`: every function on this thread (the default for source:
   * each worker would load the TypeScript tree anew, a second or so per function and start, which tests starting
   * many servers do not need — the isolation has tests of its own)
   */
  isolation?: 'workers' | 'inline'
  h5Dir: string | null
  timers: boolean
  quiet?: boolean
  /**
   * also write sample notices, a matter with an open vote and an activity (npm start): on a fresh database, and on one
   * whose first start died before its samples were all written (they are written where missing)
   */
  samples?: boolean
  /** timeouts and the connection cap (tests shorten them); the defaults suit npm start */
  limits?: Partial<GatewayLimits>
}

/** Opens the local database, seeds the demo on first start, loads the functions and serves them with the H5 app. */
export async function startServer(opts: StartOptions) {
  const log = opts.quiet ? () => {} : (line: string) => console.log(line)
  const cloud = useLocalCloudBase(opts.dataDir ? { dataDir: opts.dataDir } : { memory: true })
  const uninstallWx = installLocalWx()
  const seeded = await seedDemo()
  const functions = await loadFunctions(opts.functions, { isolation: opts.isolation ?? (opts.functions === 'bundle' ? 'workers' : 'inline'), log })
  let samplesWritten = false
  try {
    if (opts.samples && !(await samplesDone())) {
      // the functions the samples call load side by side rather than one after the other
      for (const name of SAMPLE_FUNCTIONS) functions.get(name)?.warm?.()
      await seedSamples(functions)
      samplesWritten = true
    }
  } catch (e) {
    await closeFunctions(functions)
    uninstallWx()
    cloud.close()
    throw e
  }
  const server = createGateway({
    functions,
    h5Dir: opts.h5Dir,
    readFile: (p) => cloud.readFile(p),
    uploadFile: async (cloudPath, content) => (await cloud.storage.uploadFile({ cloudPath, fileContent: content })).fileID,
    localMode: true,
    host: opts.host,
    log,
    limits: opts.limits,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host, resolve)
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`
  cloud.setPublicBaseUrl?.(url)
  process.env.QR_URL_PREFIX ??= `${url}/s/`
  // the staff console's sign-in QR: the gateway opens /l/<request> as the phone's confirmation page
  process.env.CONSOLE_URL_PREFIX ??= `${url}/l/`
  const stopTimers = opts.timers ? startTimers(functions, log) : () => {}
  return {
    url,
    seeded,
    /** sample content was written by this start (a fresh database, or the rest of what a start that died left out) */
    samplesWritten,
    functions: [...functions.keys()],
    async close() {
      stopTimers()
      // connections still open (a keep-alive, a call still running) are cut: closing never waits on a client
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections?.()
      await closed
      await closeFunctions(functions)
      uninstallWx()
      cloud.close()
    },
  }
}

function run(script: string) {
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (r.status !== 0) throw new Error(`npm run ${script} failed`)
}

async function main() {
  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST ?? '127.0.0.1'
  const from = process.env.FUNCTIONS === 'source' ? 'source' : 'bundle'
  const h5Dir = path.join(ROOT, 'dist', 'h5')
  if (!existsSync(path.join(h5Dir, 'index.html')) || process.env.REBUILD) run('build:h5')
  if (from === 'bundle') {
    // only functions whose inputs changed are bundled again, each file replaced atomically (another start from this
    // folder may be loading them right now)
    const { buildFunctions } = await import('../scripts/build-functions')
    const t0 = Date.now()
    const built = await buildFunctions({ onSkip: () => {} })
    const made = built.filter((b) => !b.unchanged).map((b) => b.name)
    console.log(`云函数打包：${made.length ? `重新打包 ${made.join(', ')}` : '均未改动，沿用已有打包'}（${Date.now() - t0} ms）`)
  }
  const dataDir = path.resolve(ROOT, process.env.DATA_DIR ?? '.data')
  const app = await startServer({ port, host, dataDir, functions: from, isolation: 'workers', h5Dir, timers: true, samples: true })
  console.log(`\n社区治理小程序（本地）已启动：${app.url}`)
  console.log(`  H5 应用      ${app.url}/`)
  console.log(`  接口列表     ${app.url}/api`)
  console.log(`  云函数       ${app.functions.join(', ')}（${from === 'bundle' ? '已打包' : '源码'}）`)
  const wrote = app.seeded ? '（已写入演示数据和示例公告、议题、志愿活动）' : app.samplesWritten ? '（已补齐上次启动未写完的示例内容）' : ''
  console.log(`  数据目录     ${dataDir}${wrote}`)
  const stop = async () => {
    await app.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

// run directly (npm start), not imported (tests)
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
