/**
 * The only door from function code to CloudBase: the app, the database and storage.
 *
 * Deployed, everything goes to CloudBase through @cloudbase/node-sdk. In development and tests, `local/cloud.ts`
 * (never imported from here: this file is bundled into every function) puts a small hook on `globalThis`, and the
 * same SDK calls are answered by the embedded local database and storage instead.
 */
import * as tcb from '@cloudbase/node-sdk'

type CloudBaseApp = ReturnType<typeof tcb.init>
export type Database = ReturnType<CloudBaseApp['database']>

/** The interface `local/cloud.ts` installs as `globalThis.__LOCAL_CLOUDBASE__`. */
export interface LocalCloudBaseHook {
  /**
   * A request class for @cloudbase/database (`new reqClass(config).send(action, params)`), set as `Db.reqClass` so the
   * real SDK sends every database action to the local database.
   */
  reqClass: new (config?: unknown) => { send(action: string, params?: Record<string, unknown>, opts?: unknown): Promise<unknown> }
  storage: {
    uploadFile(args: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
    getTempFileURL(fileIDs: string[]): Promise<{ fileID: string; tempFileURL: string }[]>
    downloadFile(fileID: string): Promise<{ fileContent: Buffer }>
    deleteFile(fileIDs: string[]): Promise<void>
  }
  /**
   * The local platform's environment id and its custom-login key (same shape as the key CloudBase's console hands out),
   * so tickets are made by the SDK's own `createTicket` and checked by the gateway as CloudBase checks them.
   */
  customLogin?: CustomLoginKey
}

/** CloudBase's custom-login private key file (云开发控制台 → 身份认证 → 自定义登录 → 私钥下载), as JSON. */
export interface CustomLoginKey {
  private_key_id: string
  private_key: string
  env_id: string
}

declare global {
  var __LOCAL_CLOUDBASE__: LocalCloudBaseHook | undefined
}

const localHook = (): LocalCloudBaseHook | undefined => globalThis.__LOCAL_CLOUDBASE__

let app: CloudBaseApp | undefined
let database: Database | undefined
/** the hook the memoized database was made for: a new local backend gets a new Database */
let databaseHook: LocalCloudBaseHook | undefined

/** The CloudBase app of the environment the function runs in (memoized). */
/**
 * The platform's account of a call — who made it (WX_OPENID, TCB_UUID, TCB_CUSTOM_USER_ID …) and from where — read
 * from the function's context, never from the request. Throws when the context cannot be read.
 */
export const platformContext = (context: unknown): Record<string, unknown> =>
  tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]) as unknown as Record<string, unknown>

export function getApp(): CloudBaseApp {
  if (!app) app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  return app
}

/**
 * The database (memoized). With the local hook installed, `Db.reqClass` is pointed at the local request class on every
 * call: it is a static of @cloudbase/database's `Db` that `app.database()` resets to the HTTP requester, and the SDK
 * reads it each time it builds a query. The class is reached through the instance's constructor, so it is exactly the
 * copy of @cloudbase/database that node-sdk loaded.
 */
export function db(): Database {
  const hook = localHook()
  if (!database || databaseHook !== hook) {
    database = getApp().database()
    databaseHook = hook
  }
  if (hook) (database.constructor as unknown as { reqClass: unknown }).reqClass = hook.reqClass
  return database
}

/**
 * Exports, QR sheets and bind notices live under `private/` and are only ever handed out as links that expire soon
 * (CloudBase: the bucket is private, so its temp URLs are the only way in; locally: signed gateway links).
 */
export const PRIVATE_LINK_MAX_AGE_S = 900
const isPrivateFileID = (fileID: string) => /^cloud:\/\/[^/]+\/private\//i.test(fileID)

export const storage = {
  async uploadFile(args: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }> {
    const hook = localHook()
    if (hook) return hook.storage.uploadFile(args)
    const res = await getApp().uploadFile({ cloudPath: args.cloudPath, fileContent: args.fileContent })
    return { fileID: res.fileID }
  },

  /** A stored file's bytes (a register the mini-program uploaded to import). */
  async downloadFile(fileID: string): Promise<Buffer> {
    const hook = localHook()
    if (hook) return (await hook.storage.downloadFile(fileID)).fileContent
    const res = await getApp().downloadFile({ fileID })
    return res.fileContent as Buffer
  },

  /** Removes stored files (photos past the community's retention); a file already gone is not an error. */
  async deleteFile(fileIDs: string[]): Promise<void> {
    if (fileIDs.length === 0) return
    const hook = localHook()
    if (hook) return hook.storage.deleteFile(fileIDs)
    const res = await getApp().deleteFile({ fileList: fileIDs })
    const failed = res.fileList.filter((f) => f.code && f.code !== 'SUCCESS' && f.code !== 'STORAGE_FILE_NONEXIST')
    if (failed.length) throw Object.assign(new Error(`deleteFile: ${failed.map((f) => `${f.fileID} ${f.code}`).join(', ')}`), { code: failed[0].code })
  },

  async getTempFileURL(fileIDs: string[]): Promise<{ fileID: string; tempFileURL: string }[]> {
    if (fileIDs.length === 0) return []
    const hook = localHook()
    if (hook) return hook.storage.getTempFileURL(fileIDs)
    const res = await getApp().getTempFileURL({
      fileList: fileIDs.map((fileID) => (isPrivateFileID(fileID) ? { fileID, maxAge: PRIVATE_LINK_MAX_AGE_S } : fileID)),
    })
    return res.fileList.map((f) => {
      if (f.code && f.code !== 'SUCCESS') throw Object.assign(new Error(`getTempFileURL ${f.fileID}: ${f.code}`), { code: f.code })
      return { fileID: f.fileID, tempFileURL: f.tempFileURL }
    })
  },
}

/** The environment these functions run in: CloudBase's TCB_ENV (or SCF_NAMESPACE); locally the local key's. */
export function environmentId(): string {
  const hook = localHook()
  if (hook) return hook.customLogin?.env_id ?? 'local'
  const ctx = tcb.getCloudbaseContext() as unknown as Record<string, string | undefined>
  return ctx.TCB_ENV || ctx.SCF_NAMESPACE || ''
}

/**
 * The environment's custom-login key: the JSON in CUSTOM_LOGIN_KEY (the function's environment variable), else the
 * file `tcb_custom_login_key.json` copied next to the function's index.js at deploy. Never in git.
 */
function deployedLoginKey(): CustomLoginKey | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('fs') as typeof import('fs')
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const path = require('path') as typeof import('path')
    const text = process.env.CUSTOM_LOGIN_KEY || fs.readFileSync(path.join(__dirname, 'tcb_custom_login_key.json'), 'utf8')
    const key = JSON.parse(text) as CustomLoginKey
    return key.private_key && key.private_key_id ? key : null
  } catch {
    return null
  }
}

/**
 * A CloudBase custom-login ticket for `uid` (10 minutes to use it), whose login state ends at `expiresAt`: made by the
 * SDK's `auth().createTicket`, which also refuses a key of another environment than the function's. Null when the
 * environment has no custom-login key.
 */
export function createLoginTicket(uid: string, expiresAt: Date): string | null {
  const hook = localHook()
  const key = hook ? (hook.customLogin ?? null) : deployedLoginKey()
  if (!key) return null
  const app = tcb.init({ env: hook ? key.env_id : tcb.SYMBOL_CURRENT_ENV, credentials: key })
  return app.auth().createTicket(uid, { refresh: 3600 * 1000, expire: expiresAt.getTime() })
}

/** Forgets the memoized app and database (tests that swap hooks or environment variables). */
export function resetCloudForTests(): void {
  app = undefined
  database = undefined
  databaseHook = undefined
}
