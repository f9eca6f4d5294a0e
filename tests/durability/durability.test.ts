import { spawn } from 'child_process'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join, resolve } from 'path'
import { db } from '../../cloudfunctions/_core/cloud'
import { useLocalCloudBase } from '../../local/cloud'

const ROOT = resolve(__dirname, '..', '..')

/** Runs the writer until it acknowledged at least `min` writes, then SIGKILLs it; resolves with every acknowledged id. */
function writeThenKill(dataDir: string, min: number): Promise<string[]> {
  return new Promise((done, fail) => {
    // node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a grandchild that SIGKILL would miss
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'writer.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acked: string[] = []
    let partial = ''
    let stderr = ''
    let killed = false
    child.stderr.on('data', (b) => (stderr += b))
    child.stdout.on('data', (b: Buffer) => {
      const lines = (partial + b.toString()).split('\n')
      partial = lines.pop()!
      acked.push(...lines.filter(Boolean))
      if (!killed && acked.length >= min) {
        killed = true
        child.kill('SIGKILL') // mid-stream: the writer is in its loop, with writes in flight
      }
    })
    child.on('exit', (code, signal) => {
      child.stdout.destroy()
      child.stderr.destroy()
      if (signal === 'SIGKILL') done(acked)
      else fail(new Error(`writer exited with ${code}: ${stderr}`))
    })
  })
}

describe('durability of the file-backed local database', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cloudbase-durability-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('when the writing process is SIGKILLed mid-stream then every acknowledged write is there after restart', async () => {
    const acked = await writeThenKill(dir, 500)
    expect(acked.length).toBeGreaterThanOrEqual(500)

    const local = useLocalCloudBase({ dataDir: dir })
    try {
      const found = new Set<string>()
      const coll = db().collection('conformance_docs')
      const _ = db().command
      for (let k = 0; k < acked.length; k += 500) {
        const res = await coll
          .where({ _id: _.in(acked.slice(k, k + 500)) })
          .limit(1000)
          .get()
        for (const d of res.data) found.add(d._id as string)
      }
      const missing = acked.filter((id) => !found.has(id))
      expect(missing).toEqual([])
      // the database is usable after the crash: it takes new writes
      await coll.add({ g: 'after-restart' })
      expect((await coll.where({ g: 'after-restart' }).count()).total).toBe(1)
    } finally {
      local.close()
    }
  }, 60_000)
})
