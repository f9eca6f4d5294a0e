import { join } from 'path'
import { db, type LocalCloudBaseHook } from '../cloudfunctions/_core/cloud'
import { localLoginKey } from './customLogin'
import { CODES, LocalDatabase, LocalDbError, createRequestClass, type RequestListener } from './db'
import { LocalStorage } from './storage'

export interface LocalCloudBaseOptions {
  /** where the database file and stored files live; default `<cwd>/.data` */
  dataDir?: string
  /** keep everything in memory (tests); dataDir is then ignored */
  memory?: boolean
  /** base URL of the local gateway, used in temp file URLs; default http://127.0.0.1:8787 */
  publicBaseUrl?: string
}

export interface LocalCloudBaseHandle {
  /** the embedded database (SQLite + mingo) behind the SDK */
  backend: LocalDatabase
  storage: LocalStorage
  /** the object installed as globalThis.__LOCAL_CLOUDBASE__ */
  hook: LocalCloudBaseHook
  /** bytes of an uploaded file by cloudPath, for the gateway's GET /files/*; null when absent */
  readFile(path: string): Buffer | null
  /** sets the base of temp file URLs once the gateway listens (its port may be chosen by the OS) */
  setPublicBaseUrl(url: string): void
  /** calls `listener` with every database request the SDK sends (tests count them); answers the unsubscribe */
  onRequest(listener: RequestListener): () => void
  /** drops all documents and in-memory files (tests); declared collections stay */
  reset(): void
  /** closes the database; the hook left behind fails every call (see CLOSED) */
  close(): void
}

/**
 * Starts the local CloudBase: opens the database, installs the hook that `cloudfunctions/_core/cloud.ts` looks for, and
 * pins the SDK's database seam to it. From then on `db()` and `storage` in function code are answered locally.
 */
export function useLocalCloudBase(opts: LocalCloudBaseOptions = {}): LocalCloudBaseHandle {
  const dataDir = opts.dataDir ?? join(process.cwd(), '.data')
  const backend = new LocalDatabase({ file: opts.memory ? ':memory:' : join(dataDir, 'cloudbase.sqlite') })
  const storage = new LocalStorage({
    dir: opts.memory ? null : join(dataDir, 'storage'),
    publicBaseUrl: opts.publicBaseUrl ?? 'http://127.0.0.1:8787',
  })
  const listeners = new Set<RequestListener>()
  const hook: LocalCloudBaseHook = { reqClass: createRequestClass(backend, listeners), storage, customLogin: localLoginKey() }
  globalThis.__LOCAL_CLOUDBASE__ = hook
  pinSeam()
  let closed = false
  return {
    backend,
    storage,
    hook,
    readFile: (path) => storage.readFile(path),
    setPublicBaseUrl: (url) => storage.setPublicBaseUrl(url),
    onRequest(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    reset() {
      backend.reset()
      storage.clear()
    },
    close() {
      if (closed) return
      closed = true
      // Not `undefined`: a call still in flight after close (a timed-out test, a timer) must fail here, not fall back
      // to node-sdk's HTTP path and reach Tencent (or kill Node for want of credentials).
      if (globalThis.__LOCAL_CLOUDBASE__ === hook) globalThis.__LOCAL_CLOUDBASE__ = CLOSED
      backend.close()
    },
  }
}

const closedError = () => new LocalDbError(CODES.REQUEST_FAILED, '[LocalDb] the local CloudBase was closed')

/** The hook left installed after close(): once a process went local it never talks to CloudBase. */
const CLOSED: LocalCloudBaseHook = {
  reqClass: class ClosedLocalDbRequest {
    send(): Promise<unknown> {
      return Promise.reject(closedError())
    }
  },
  storage: {
    uploadFile: () => Promise.reject(closedError()),
    getTempFileURL: () => Promise.reject(closedError()),
    downloadFile: () => Promise.reject(closedError()),
    deleteFile: () => Promise.reject(closedError()),
  },
}

/**
 * Belt and braces for "local code never reaches Tencent": node-sdk's `app.database()` assigns the HTTP requester to
 * `Db.reqClass`, so code that calls it directly (not through `db()`) would otherwise send the next query to the network.
 * While a hook is installed the property reads the hook's class and ignores assignments.
 */
let pinned: { Db: Record<string, unknown>; original: unknown } | undefined

function pinSeam(): void {
  if (pinned) return
  const Db = db().constructor as unknown as Record<string, unknown>
  const state = { Db, original: Db.reqClass }
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    enumerable: true,
    get: () => globalThis.__LOCAL_CLOUDBASE__?.reqClass ?? state.original,
    set: (v: unknown) => {
      if (!globalThis.__LOCAL_CLOUDBASE__) state.original = v
    },
  })
  pinned = state
}
