import http from 'http'
import type { AddressInfo } from 'net'
import path from 'path'
import { db } from '../../cloudfunctions/_core/cloud'
import { platformContext } from '../../local/context'
import { useLocalCloudBase, type LocalCloudBaseHandle } from '../../local/cloud'
import { closeFunctions, loadFunctions, type LocalFunction } from '../../local/functions'
import { createGateway } from '../../local/gateway'
import { isolatedFunction } from '../../local/isolation'
import { seedDemo } from '../../local/seed'
import { installLocalWx } from '../../local/wx'

jest.setTimeout(60_000)

const BUSY = path.join(__dirname, 'fixtures', 'busy.ts')
const COUNTER = path.join(__dirname, 'fixtures', 'counter.ts')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Functions run as CloudBase runs instances: each in worker threads of its own, so one busy function never holds up
 * another's calls, while the database stays with the main thread (one owner, one transaction table).
 */
describe('functions isolated in worker threads', () => {
  let cloud: LocalCloudBaseHandle
  let uninstallWx: () => void
  let functions: Map<string, LocalFunction>
  let server: http.Server
  let url: string

  /** the gateway with the real `users` and, under a callable name, the busy fixture */
  const serve = async (busy: LocalFunction) => {
    const map = new Map(functions)
    map.set('qrcodes', busy)
    server = createGateway({ functions: map, h5Dir: null, readFile: () => null, localMode: true, host: '127.0.0.1' })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }
  const post = async (fn: string, body: unknown, openid = 'dev-resident') => {
    const res = await fetch(`${url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
      body: JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string } } }
  }
  /** `users.me` timed while `busy` is still running: answers and milliseconds of each */
  const meWhile = async (busy: Promise<unknown>, times: number) => {
    let busyDone = false
    void busy.then(() => (busyDone = true))
    const calls: { ms: number; duringBusy: boolean; ok: boolean }[] = []
    for (let i = 0; i < times; i++) {
      const t0 = performance.now()
      const answer = await post('users', { action: 'me' })
      calls.push({ ms: performance.now() - t0, duringBusy: !busyDone, ok: answer.body.ok })
    }
    await busy
    return calls
  }

  beforeAll(async () => {
    cloud = useLocalCloudBase({ memory: true })
    uninstallWx = installLocalWx()
    await seedDemo()
    functions = await loadFunctions('source')
  })
  afterEach(async () => {
    await new Promise((r) => server?.close(r))
    server?.closeAllConnections?.()
  })
  afterAll(async () => {
    await closeFunctions(functions)
    uninstallWx()
    cloud.close()
  })

  it('when one function keeps its thread busy for two seconds, then another function answers meanwhile in a fraction of that', async () => {
    const busy = isolatedFunction('busy', BUSY)
    await serve({ name: 'qrcodes', main: busy.main, mainJson: busy.mainJson, timers: [], close: busy.close })
    // both started once (an instance's first call loads its module), so what is timed below is the calls themselves
    expect((await post('users', { action: 'me' })).body.ok).toBe(true)
    expect((await post('qrcodes', { action: 'spin', data: { ms: 0 } })).body.ok).toBe(true)

    const spinning = post('qrcodes', { action: 'spin', data: { ms: 2000 } })
    await sleep(150)
    const calls = await meWhile(spinning, 5)
    expect(calls.every((c) => c.ok && c.duringBusy)).toBe(true)
    // generous for a loaded 2-core machine: on one shared thread each would wait out the whole 2 s
    expect(Math.max(...calls.map((c) => c.ms))).toBeLessThan(1000)
    expect((await spinning).body).toEqual({ ok: true, data: { spun: 2000 } })
    await busy.close()
  })

  it('when an instance dies with an uncaught error, then its call answers INTERNAL and the next call gets a fresh instance', async () => {
    const logs: string[] = []
    const busy = isolatedFunction('busy', BUSY, { log: (l) => logs.push(l) })
    await serve({ name: 'qrcodes', main: busy.main, mainJson: busy.mainJson, timers: [], close: busy.close })
    const crashed = await post('qrcodes', { action: 'crash' })
    expect(crashed).toEqual({ status: 500, body: { ok: false, error: expect.objectContaining({ code: 'INTERNAL' }) } })
    expect(logs.join('\n')).toMatch(/crashes on purpose/)
    expect((await post('qrcodes', { action: 'spin', data: { ms: 1 } })).body).toEqual({ ok: true, data: { spun: 1 } })
    await busy.close()
  })

  it('when calls wait for a pool of two instances, then at most two run at once and every call is answered in turn', async () => {
    const busy = isolatedFunction('busy', BUSY, { size: 2 })
    const ctx = platformContext(null)
    const answers = await Promise.all(Array.from({ length: 6 }, () => busy.main({ action: 'spin', data: { ms: 50 } }, ctx)))
    expect(answers).toEqual(Array(6).fill({ ok: true, data: { spun: 50 } }))
    expect(busy.instances).toBe(2)
    await busy.close()
    await expect(busy.main({}, ctx)).rejects.toThrow(/closed/)
  })

  it('when a call runs past 50 ms, then its thread runs at a lower CPU priority until it answers, and its next call starts where it was', async () => {
    const busy = isolatedFunction('busy', BUSY, { size: 1 })
    const ctx = platformContext(null)
    const short = (await busy.main({ action: 'spin', data: { ms: 0, nice: true } }, ctx)) as { data: { nice: number } }
    const long = (await busy.main({ action: 'spin', data: { ms: 400, nice: true } }, ctx)) as { data: { nice: number } }
    const after = (await busy.main({ action: 'spin', data: { ms: 0, nice: true } }, ctx)) as { data: { nice: number } }
    await busy.close()
    if (process.platform !== 'linux') return // thread priorities are set on Linux only
    expect({ short: short.data.nice, long: long.data.nice, after: after.data.nice }).toEqual({
      short: short.data.nice,
      long: Math.min(19, short.data.nice + 10),
      // back where it was, given the right to raise a priority (root, or RLIMIT_NICE); otherwise it stays low
      after: process.getuid?.() === 0 ? short.data.nice : expect.any(Number),
    })
  })

  it('when instances in different threads update one document in transactions at once, then no update is lost: the main thread owns every transaction', async () => {
    const counter = isolatedFunction('counter', COUNTER, { size: 3 })
    const ctx = platformContext(null)
    await Promise.all(Array.from({ length: 30 }, () => counter.main({}, ctx)))
    const read = (await db().collection('isolationCounter').doc('c').get()) as { data: { n: number }[] }
    expect(read.data[0].n).toBe(30)
    expect(counter.instances).toBe(3)
    await counter.close()
  })

  it('when the dev clock is moved, then a function in a worker sees the moved time, as it sees it on the main thread', async () => {
    // `users.me` answers no time; a ticket's creation time is the function's now
    const skew = 3 * 86_400_000
    globalThis.__LOCAL_CLOCK_SKEW_MS__ = skew
    try {
      const tickets = functions.get('tickets')!
      const { demoIds } = await import('../../local/demo')
      const answer = (await tickets.main(
        { action: 'submit', data: { requestId: 'isolation-clock-1', placeCode: demoIds.unitCode('c-xingfu', 3, 1), category: 'repair' } },
        platformContext('dev-resident'),
      )) as { ok: boolean; data: { createdAt: string } }
      expect(answer.ok).toBe(true)
      expect(new Date(answer.data.createdAt).getTime() - Date.now()).toBeGreaterThan(skew - 60_000)
    } finally {
      globalThis.__LOCAL_CLOCK_SKEW_MS__ = undefined
    }
  })
})
