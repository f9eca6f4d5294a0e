/**
 * One instance of a cloud function, in a worker thread of the local server (local/isolation.ts starts it): loads the
 * function's module once and runs one call at a time, as a CloudBase instance does. The database, storage and WeChat's
 * stateful open APIs stay with the main thread, which owns them (one SQLite connection, one transaction table, the
 * outbox of pushed messages): this thread reaches them through the same seams the SDK and `_core/cloud.ts` already
 * have — `Db.reqClass.send`, the storage hook, `wx()` — each call a message to the main thread and its answer back.
 */
import { readlinkSync } from 'fs'
import { parentPort, workerData } from 'worker_threads'
import type { LocalCloudBaseHook } from '../cloudfunctions/_core/cloud'
import type { WxOpenApi } from '../cloudfunctions/_core/wx'
import { reviveError, wireError, type FromWorker, type RpcCall, type ToWorker } from './isolation'
import { localWx } from './wx'
import { localLoginKey } from './customLogin'

const port = parentPort!
const { file, name } = workerData as { file: string; name: string }

const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>()
let seq = 0
const send = (m: FromWorker) => port.postMessage(m)

/**
 * Requests made in one go (a page of households counts each one's residents: a hundred reads at once) leave as one
 * message once the current work has run, so the main thread takes them in one message, not a hundred.
 */
let outgoing: RpcCall[] = []
const flush = () => {
  const calls = outgoing
  outgoing = []
  send({ type: 'rpc', calls })
}

/** A call to what the main thread owns: the database, storage or WeChat's stand-in. */
const remote = <T>(target: RpcCall['target'], method: string, args: unknown[]): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const id = ++seq
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
    if (outgoing.push({ id, target, method, args }) === 1) process.nextTick(flush)
  })

/** Structured clone hands Buffers over as Uint8Arrays; function code expects Buffers (`.toString('utf8')`). */
const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

const hook: LocalCloudBaseHook = {
  reqClass: class RemoteDbRequest {
    constructor(readonly config?: unknown) {}
    send(action: string, params?: Record<string, unknown>): Promise<unknown> {
      return remote('db', 'send', [action, params ?? {}])
    }
  },
  storage: {
    uploadFile: (args) => remote('storage', 'uploadFile', [args]),
    getTempFileURL: (fileIDs) => remote('storage', 'getTempFileURL', [fileIDs]),
    downloadFile: async (fileID) => ({ fileContent: toBuffer((await remote<{ fileContent: Uint8Array }>('storage', 'downloadFile', [fileID])).fileContent) }),
    deleteFile: (fileIDs) => remote('storage', 'deleteFile', [fileIDs]),
  },
  // the main thread's key, from the environment each call brings (tickets must be checkable by the gateway)
  get customLogin() {
    return localLoginKey({ create: false })
  },
}
globalThis.__LOCAL_CLOUDBASE__ = hook

const wx: WxOpenApi = {
  // pure (the same scene makes the same picture) and the costly one: drawn here, where the call runs
  getUnlimitedCode: (args) => localWx.getUnlimitedCode(args),
  // the rest keep state the main thread shows (sent messages, verdicts held back) or settings tests change there
  sendSubscribeMessage: (message) => remote('wx', 'sendSubscribeMessage', [message]),
  msgSecCheck: (args) => remote('wx', 'msgSecCheck', [args]),
  mediaCheckAsync: (args) => remote('wx', 'mediaCheckAsync', [args]),
}
globalThis.__LOCAL_WX__ = wx

// this thread's id in the OS (Linux), so the pool can lower its CPU priority while it runs a long call
try {
  send({ type: 'thread', tid: Number(readlinkSync('/proc/thread-self').split('/').pop()) })
} catch {
  // not Linux: priorities stay as they are
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const mod = require(file)
const main = (mod.main ?? mod.default?.main) as ((event: unknown, context: unknown) => Promise<unknown>) | undefined
if (typeof main !== 'function') throw new Error(`function ${name} exports no main`)

port.on('message', (m: ToWorker) => {
  if (m.type === 'rpc-answers') {
    for (const a of m.answers) {
      const p = pending.get(a.id)
      pending.delete(a.id)
      if (a.ok) p?.resolve(a.value)
      // with the fields callers read (`code` above all: conflicts are retried by it, errors mapped by it)
      else p?.reject(reviveError(a.error, 'in the main thread'))
    }
    return
  }
  // one call at a time (the pool sends the next only after this one answered): the clock and settings are this call's
  globalThis.__LOCAL_CLOCK_SKEW_MS__ = m.skew
  if (m.env !== undefined) {
    const env = JSON.parse(m.env) as Record<string, string>
    for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k]
    for (const [k, v] of Object.entries(env)) if (process.env[k] !== v) process.env[k] = v
  }
  Promise.resolve()
    .then(() => main(m.event, m.context))
    // JSON, as CloudBase hands an answer on: what the gateway sends, made here rather than on the shared thread
    .then((value) => JSON.stringify(value ?? null))
    .then(
      (json) => send({ type: 'result', id: m.id, ok: true, json }),
      (e) => send({ type: 'result', id: m.id, ok: false, error: wireError(e) }),
    )
})
