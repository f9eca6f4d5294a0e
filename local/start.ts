import { spawnSync } from 'child_process'
import { existsSync } from 'fs'
import type { AddressInfo } from 'net'
import path from 'path'
import { useLocalCloudBase } from './cloud'
import { loadFunctions } from './functions'
import { createGateway, type GatewayLimits } from './gateway'
import { seedSamples } from './samples'
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
  h5Dir: string | null
  timers: boolean
  quiet?: boolean
  /** on a fresh database, also write sample notices, a matter with an open vote and an activity (npm start) */
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
  const functions = await loadFunctions(opts.functions)
  if (seeded && opts.samples) await seedSamples(functions)
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
  const stopTimers = opts.timers ? startTimers(functions, log) : () => {}
  return {
    url,
    seeded,
    functions: [...functions.keys()],
    async close() {
      stopTimers()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections?.()
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
  if (from === 'bundle') run('build:functions')
  const dataDir = path.resolve(ROOT, process.env.DATA_DIR ?? '.data')
  const app = await startServer({ port, host, dataDir, functions: from, h5Dir, timers: true, samples: true })
  console.log(`\n社区治理小程序（本地）已启动：${app.url}`)
  console.log(`  H5 应用      ${app.url}/`)
  console.log(`  接口列表     ${app.url}/api`)
  console.log(`  云函数       ${app.functions.join(', ')}（${from === 'bundle' ? '已打包' : '源码'}）`)
  console.log(`  数据目录     ${dataDir}${app.seeded ? '（已写入演示数据和示例公告、议题、志愿活动）' : ''}`)
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
