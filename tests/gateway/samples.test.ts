import { spawn } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'
import { startServer } from '../../local/start'

jest.setTimeout(120_000)

const ROOT = path.resolve(__dirname, '../..')
const DIE = path.join(__dirname, 'fixtures', 'start-and-die.ts')

/** A start from a data folder, in a process of its own, killed at `when`: resolves with the signal that ended it. */
const startAndDie = (dataDir: string, when: 'samples-begin' | 'matter-review') =>
  new Promise<{ signal: NodeJS.Signals | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', DIE, dataDir, when], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c))
    child.stderr.on('data', (c: Buffer) => (out += c))
    child.on('exit', (_code, signal) => resolve({ signal, out }))
  })

/**
 * A first `npm start` that dies half-way leaves the demo without some of its samples; the next start writes what is
 * missing, once, and a start after that writes nothing.
 */
describe('sample content after a start that died', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

  /** a start on the folder (`samples: false` only looks at what the killed one left) and what residents and staff find */
  const restart = async (dataDir: string, samples = true) => {
    const app = await startServer({ port: 0, host: '127.0.0.1', dataDir, functions: 'source', h5Dir: null, timers: false, quiet: true, samples })
    const call = async <T>(fn: string, action: string, data: unknown, openid: string) =>
      (
        (await (
          await fetch(`${app.url}/api/${fn}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
            body: JSON.stringify({ action, data }),
          })
        ).json()) as { data: T }
      ).data
    const notices = await call<{ items: { title: string }[] }>('notices', 'list', { communityId: 'c-xingfu' }, 'dev-resident')
    const matters = await call<{ items: { id: string; title: string; openVote: unknown }[] }>('council', 'list', { communityId: 'c-xingfu' }, 'dev-staff')
    const matter = matters.items[0]
      ? await call<{ records: { stage: string }[]; votes: unknown[] }>('council', 'get', { matterId: matters.items[0].id }, 'dev-staff')
      : null
    const activities = await call<{ items: { title: string }[] }>('volunteers', 'list', { communityId: 'c-xingfu' }, 'dev-resident')
    const seen = {
      seeded: app.seeded,
      samplesWritten: app.samplesWritten,
      notices: notices.items.map((n) => n.title),
      matters: matters.items.map((m) => m.title),
      stages: matter?.records.map((r) => r.stage),
      votes: matter?.votes.length,
      activities: activities.items.map((a) => a.title),
    }
    await app.close()
    return seen
  }
  const complete = {
    seeded: false,
    notices: ['冬季供暖设施检查通知', '11月主题党日活动安排', '2026年第三季度社区公益金收支公示'],
    matters: ['小区东侧空地改建为非机动车充电棚'],
    stages: ['proposal', 'deliberation', 'review'],
    votes: 1,
    activities: ['楼道清扫志愿服务'],
  }

  it('when a start is killed after writing the demo and before its samples, then the next start writes every sample, and the one after writes none', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samples-begin-'))
    dirs.push(dataDir)
    const died = await startAndDie(dataDir, 'samples-begin')
    expect({ signal: died.signal, out: died.out }).toEqual({ signal: 'SIGKILL', out: '' })
    expect(await restart(dataDir, false)).toEqual({
      seeded: false,
      samplesWritten: false,
      notices: [],
      matters: [],
      stages: undefined,
      votes: undefined,
      activities: [],
    })
    expect(await restart(dataDir)).toEqual({ ...complete, samplesWritten: true })
    expect(await restart(dataDir)).toEqual({ ...complete, samplesWritten: false })
  })

  it('when a start is killed in the middle of its samples, then the next start writes the rest without repeating what was written', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samples-review-'))
    dirs.push(dataDir)
    const died = await startAndDie(dataDir, 'matter-review')
    expect({ signal: died.signal, out: died.out }).toEqual({ signal: 'SIGKILL', out: '' })
    // the notices and the matter's first two stages were written before the kill: kept, neither repeated nor lost
    expect(await restart(dataDir, false)).toEqual({ ...complete, samplesWritten: false, stages: ['proposal', 'deliberation'], votes: 0, activities: [] })
    expect(await restart(dataDir)).toEqual({ ...complete, samplesWritten: true })
  })
})
