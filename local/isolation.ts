/**
 * Cloud functions run the way CloudBase runs them: each function in instances of its own, one call at a time per
 * instance, so a function busy rendering PDFs or answering a flood never holds up another function's calls. Locally an
 * instance is a worker thread (local/isolationWorker.ts) with the function's module loaded; each function has a small
 * pool of them, started on its first calls and kept while the server runs.
 *
 * The main thread keeps what has a single owner: the database (one SQLite connection, and the transactions' locks
 * and snapshots, which live in that connection's process memory — a second connection would not see them, so two
 * sign-ups racing for the last place in different workers would both win), in-memory storage and files, and WeChat's
 * stand-in (messages sent, verdicts held back). Workers reach them over their message port at the seams the function
 * code already goes through (the SDK's `Db.reqClass`, `_core/cloud.ts`'s storage hook, `wx()`), so a file database and
 * the tests' in-memory one are served alike.
 */
import os from 'os'
import path from 'path'
import { Worker } from 'worker_threads'
import type { FunctionMain } from './functions'

/** An error as it crosses a thread: its name, message, stack and the plain fields callers read (`code`, `requestId`). */
export interface WireError {
  name: string
  message: string
  stack?: string
  fields: Record<string, unknown>
}

/** A request of a function's instance to what the main thread owns, and its answer. */
export interface RpcCall {
  id: number
  target: 'db' | 'storage' | 'wx'
  method: string
  args: unknown[]
}
export type RpcAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError }

export type ToWorker =
  | {
      type: 'call'
      id: number
      event: unknown
      context: unknown
      skew: number | undefined
      /** the caller's environment when it differs from what the instance last got (JSON of process.env) */
      env?: string
    }
  /** answers go back in batches too: those ready after one turn of the database, in one message */
  | { type: 'rpc-answers'; answers: RpcAnswer[] }

export type FromWorker =
  | { type: 'thread'; tid: number }
  /** the answer as JSON text, as CloudBase hands a function's answer on: the gateway sends it as it is */
  | { type: 'result'; id: number; ok: true; json: string }
  | { type: 'result'; id: number; ok: false; error: WireError }
  /** requests made in one go by the instance's code, in one message */
  | { type: 'rpc'; calls: RpcCall[] }

export function wireError(e: unknown): WireError {
  const err = e instanceof Error ? e : new Error(String(e))
  const fields: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(err)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v
  return { name: err.name, message: err.message, stack: err.stack, fields }
}

/** The error again, on the other side, with the fields callers read and where it came from in its stack. */
export const reviveError = (w: WireError, where: string): Error =>
  Object.assign(new Error(w.message), w.fields, { name: w.name, stack: `${w.name}: ${w.message}\n    (${where})\n${w.stack ?? ''}` })

/** Calls of a function wait in line for an instance; this many instances at most (CloudBase scales further). */
export const DEFAULT_POOL_SIZE = 2

/**
 * A call running longer than this is batch work (a PDF, a register import): its thread drops to a lower CPU priority
 * until it answers, so on a machine with few cores the short calls of other functions still get the CPU at once —
 * what separate instances on CloudBase's machines give them. (Linux only. Putting the priority back takes the right
 * to raise one — root, or an RLIMIT_NICE allowing it; without it, an instance that once ran a long call stays low.)
 */
const LONG_CALL_MS = 50
const BATCH_NICE = 10

const setNice = (tid: number | null, nice: number): boolean => {
  if (tid === null) return false
  try {
    os.setPriority(tid, nice)
    return true
  } catch {
    return false
  }
}

const lower = (inst: Instance) => {
  inst.timer = null
  if (!inst.job) return
  inst.long = true
  if (!inst.lowered && inst.baseNice !== null) inst.lowered = setNice(inst.tid, Math.min(19, inst.baseNice + BATCH_NICE))
}

const settle = (inst: Instance) => {
  if (inst.timer) clearTimeout(inst.timer)
  inst.timer = null
  inst.long = false
  // back to where it started for the next call; without the right to raise it again, the instance stays low
  if (inst.lowered && inst.baseNice !== null && setNice(inst.tid, inst.baseNice)) inst.lowered = false
}

const RUNNER = path.join(__dirname, 'isolationWorker.ts')
/** The worker's first lines: TypeScript through tsx's require hook (the runner, and functions from source), then the runner. */
const BOOT = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(RUNNER)})`

const toBuffer = (u: unknown) => (u instanceof Uint8Array && !Buffer.isBuffer(u) ? Buffer.from(u.buffer, u.byteOffset, u.byteLength) : u)

/** What a worker asks of the main thread, answered from what is installed now (after close: the closed hook's refusal). */
async function serveRpc(target: 'db' | 'storage' | 'wx', method: string, args: unknown[]): Promise<unknown> {
  if (target === 'db') {
    const hook = globalThis.__LOCAL_CLOUDBASE__
    if (!hook) throw new Error('[LocalDb] no local CloudBase is installed')
    return new hook.reqClass().send(args[0] as string, args[1] as Record<string, unknown>)
  }
  if (target === 'storage') {
    const storage = globalThis.__LOCAL_CLOUDBASE__?.storage as unknown as Record<string, (...a: unknown[]) => Promise<unknown>> | undefined
    if (!storage || typeof storage[method] !== 'function') throw new Error(`local storage has no ${method}`)
    if (method === 'uploadFile') {
      const { cloudPath, fileContent } = args[0] as { cloudPath: string; fileContent: Uint8Array }
      return storage.uploadFile({ cloudPath, fileContent: toBuffer(fileContent) })
    }
    return storage[method](...args)
  }
  const wx = globalThis.__LOCAL_WX__ as unknown as Record<string, (...a: unknown[]) => Promise<unknown>> | undefined
  if (!wx || typeof wx[method] !== 'function') throw new Error(`local WeChat stand-in has no ${method}`)
  return wx[method](...args)
}

/**
 * The database's turns. Requests wait in one line per function, and the lines take turns: each turn serves its line's
 * waiting requests for at most QUANTUM_MS, and the event loop is let through between turns (new calls, answers to
 * send). A function sending hundreds of small reads at once (a register page counts each household's residents) then
 * delays another function's requests by one turn, not by its whole backlog: the database keeps one owner, but it is
 * not first come, first served.
 *
 * Lines of functions running long calls (batch work: LONG_CALL_MS) wait while lines of short calls have requests,
 * as the operating system lets interactive threads go first — but never for more than BATCH_WAITS turns in a row.
 */
const QUANTUM_MS = 0.25
const BATCH_WAITS = 4

class Turns {
  private readonly lines = new Map<string, { tasks: (() => void)[]; batch: boolean }>()
  /** functions with requests waiting, in the order they get their next turn */
  private readonly order: string[] = []
  private scheduled = false
  /** turns given to short calls' lines in a row while a batch line waited */
  private passedOver = 0

  take(line: string, task: () => void, batch: boolean): void {
    const waiting = this.lines.get(line)
    if (waiting) {
      waiting.tasks.push(task)
      waiting.batch = batch
    } else {
      this.lines.set(line, { tasks: [task], batch })
      this.order.push(line)
    }
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(this.turn)
    }
  }

  /** The next line to serve: the first of short calls, unless batch work has been passed over too often. */
  private pick(): number {
    const first = this.order.findIndex((l) => !this.lines.get(l)!.batch)
    const batchWaits = this.order.some((l) => this.lines.get(l)!.batch)
    if (first < 0 || (batchWaits && this.passedOver >= BATCH_WAITS)) {
      this.passedOver = 0
      return first < 0 ? 0 : this.order.findIndex((l) => this.lines.get(l)!.batch)
    }
    if (batchWaits) this.passedOver++
    return first
  }

  private readonly turn = () => {
    if (this.order.length) {
      const [line] = this.order.splice(this.pick(), 1)
      const waiting = this.lines.get(line)!
      const until = performance.now() + QUANTUM_MS
      // a request's synchronous part runs here (SQLite is synchronous); anything it then waits for (a transaction's
      // lock) is awaited outside the turn, so no turn ever waits on another
      do waiting.tasks.shift()!()
      while (waiting.tasks.length && performance.now() < until)
      if (waiting.tasks.length) this.order.push(line)
      else this.lines.delete(line)
    }
    this.scheduled = this.order.length > 0
    if (this.scheduled) setImmediate(this.turn)
  }
}

const databaseTurns = new Turns()

interface Job {
  event: unknown
  context: unknown
  skew: number | undefined
  env: string
  resolve: (json: string) => void
  reject: (e: unknown) => void
}

interface Instance {
  worker: Worker
  job: Job | null
  id: number
  /** the environment last sent to it */
  env: string
  /** answers ready for the instance, sent together once the work at hand is done */
  answers: RpcAnswer[]
  /** the thread's id in the OS (Linux), to lower its priority while it runs a long call, and the priority it started at */
  tid: number | null
  baseNice: number | null
  /** marks the call as long (and lowers the thread's priority) once it has run LONG_CALL_MS */
  timer: ReturnType<typeof setTimeout> | null
  /** its call has run LONG_CALL_MS: its database requests wait behind short calls' */
  long: boolean
  lowered: boolean
}

export interface IsolatedFunction {
  main: FunctionMain
  /** the same call, answered as the JSON text the instance sent (the gateway sends it on without parsing it) */
  mainJson: (event: unknown, context: unknown) => Promise<string>
  /** starts an instance now if none runs (its module loads while the caller does something else) */
  warm(): void
  /** ends every instance; calls waiting or running are refused */
  close(): Promise<void>
  /** instances running now (tests) */
  readonly instances: number
}

/**
 * A function whose calls run in a pool of worker threads, each loading `file` (a bundle, or TypeScript source) once.
 * An instance that dies (an uncaught error, a failed load) fails its call and is replaced on the next one.
 */
export function isolatedFunction(name: string, file: string, opts: { size?: number; log?: (line: string) => void } = {}): IsolatedFunction {
  const size = Math.max(1, opts.size ?? DEFAULT_POOL_SIZE)
  const log = opts.log ?? (() => {})
  const instances = new Set<Instance>()
  const queue: Job[] = []
  let callIds = 0
  let closed = false

  const spawn = (): Instance => {
    const worker = new Worker(BOOT, { eval: true, execArgv: [], workerData: { file, name }, stdout: false, stderr: false })
    const inst: Instance = { worker, job: null, id: 0, env: '', answers: [], tid: null, baseNice: null, timer: null, long: false, lowered: false }
    worker.unref()
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'thread') {
        inst.tid = m.tid
        try {
          inst.baseNice = os.getPriority(m.tid)
        } catch {
          inst.baseNice = null
        }
        return
      }
      if (m.type === 'rpc') {
        for (const call of m.calls) {
          const answer = () =>
            serveRpc(call.target, call.method, call.args).then(
              (value) => reply(inst, { id: call.id, ok: true, value }),
              (e) => reply(inst, { id: call.id, ok: false, error: wireError(e) }),
            )
          if (call.target === 'db') databaseTurns.take(name, answer, inst.long)
          else answer()
        }
        return
      }
      const job = inst.job
      if (!job || m.id !== inst.id) return
      inst.job = null
      worker.unref()
      settle(inst)
      if (m.ok) job.resolve(m.json)
      else job.reject(reviveError(m.error, `in function ${name}`))
      next()
    })
    const died = (why: Error) => {
      if (!instances.delete(inst)) return
      if (inst.timer) clearTimeout(inst.timer)
      if (inst.job) {
        inst.job.reject(why)
        inst.job = null
      }
      if (!closed) log(`function ${name}: an instance ended (${why.message.split('\n')[0]})`)
      next()
    }
    worker.on('error', (e) => died(e instanceof Error ? e : new Error(String(e))))
    worker.on('exit', (code) => died(new Error(`function ${name}: its instance exited (code ${code})`)))
    instances.add(inst)
    return inst
  }

  const post = (inst: Instance, m: ToWorker) => {
    if (instances.has(inst)) inst.worker.postMessage(m)
  }

  /** Queues an answer; the answers of one turn leave together once its work (and the promises it settled) has run. */
  const reply = (inst: Instance, a: RpcAnswer) => {
    if (inst.answers.push(a) === 1) process.nextTick(() => flushAnswers(inst))
  }
  const flushAnswers = (inst: Instance) => {
    const answers = inst.answers
    inst.answers = []
    try {
      post(inst, { type: 'rpc-answers', answers })
    } catch {
      // one of them cannot be cloned (answers are plain data, so this should never happen): that one fails, alone
      for (const a of answers) {
        try {
          post(inst, { type: 'rpc-answers', answers: [a] })
        } catch (e) {
          post(inst, { type: 'rpc-answers', answers: [{ id: a.id, ok: false, error: wireError(e) }] })
        }
      }
    }
  }

  const dispatch = (inst: Instance, job: Job) => {
    inst.job = job
    inst.id = ++callIds
    inst.timer = setTimeout(() => lower(inst), LONG_CALL_MS)
    inst.timer.unref()
    // a call in flight keeps the process alive (a start seeding samples has nothing else to wait on); idle ones do not
    inst.worker.ref()
    try {
      const env = job.env === inst.env ? undefined : job.env
      post(inst, { type: 'call', id: inst.id, event: job.event, context: job.context, skew: job.skew, env })
      inst.env = job.env
    } catch (e) {
      // an event structured clone refuses (the gateway's are parsed JSON; a caller in-process could pass anything)
      inst.job = null
      inst.worker.unref()
      settle(inst)
      job.reject(e)
      next()
    }
  }

  function next() {
    while (!closed && queue.length) {
      const idle = [...instances].find((i) => !i.job)
      const inst = idle ?? (instances.size < size ? spawn() : null)
      if (!inst) return
      dispatch(inst, queue.shift()!)
    }
  }

  const mainJson = (event: unknown, context: unknown) =>
    new Promise<string>((resolve, reject) => {
      if (closed) return reject(new Error(`function ${name}: the local server was closed`))
      // the clock and the settings as the caller saw them when calling: the dev clock or the samples' days in the past;
      // QR_URL_PREFIX once the port is known, a test's word lists (a test's process.env is its own copy, which a
      // thread's shared environment would not see)
      queue.push({ event, context, skew: globalThis.__LOCAL_CLOCK_SKEW_MS__, env: JSON.stringify(process.env), resolve, reject })
      next()
    })

  return {
    main: async (event, context) => JSON.parse(await mainJson(event, context)),
    mainJson,
    warm() {
      if (!closed && instances.size === 0) spawn()
    },
    async close() {
      closed = true
      for (const job of queue.splice(0)) job.reject(new Error(`function ${name}: the local server was closed`))
      const all = [...instances]
      instances.clear()
      for (const inst of all) {
        if (inst.timer) clearTimeout(inst.timer)
        inst.job?.reject(new Error(`function ${name}: the local server was closed`))
      }
      await Promise.all(all.map((i) => i.worker.terminate()))
    },
    get instances() {
      return instances.size
    },
  }
}
