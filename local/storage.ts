import { createHmac, randomBytes, timingSafeEqual } from 'crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs'
import { dirname, join, posix } from 'path'
import { PRIVATE_LINK_MAX_AGE_S } from '../cloudfunctions/_core/cloud'

/**
 * Cloud storage emulation. Files live under `<dataDir>/storage/<cloudPath>` (or in memory), fileIDs look like
 * CloudBase's (`cloud://<env>.<bucket>/<cloudPath>`) and temp URLs point at the local gateway, which serves
 * `GET /files/<cloudPath>` through `readFile`. Files under `private/` get links signed with a secret of this process,
 * valid PRIVATE_LINK_MAX_AGE_S, as CloudBase's temp URLs of a private bucket are: the gateway refuses them unsigned.
 */
export interface LocalStorageOptions {
  /** directory for files; null keeps them in memory */
  dir: string | null
  /** base of temp URLs, e.g. http://127.0.0.1:8787 */
  publicBaseUrl: string
  env?: string
  bucket?: string
}

export class LocalStorage {
  private readonly memory = new Map<string, Buffer>()
  private readonly prefix: string

  constructor(private readonly opts: LocalStorageOptions) {
    this.prefix = `cloud://${opts.env ?? 'local'}.${opts.bucket ?? 'local-bucket'}/`
  }

  async uploadFile({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }> {
    const path = normalizeCloudPath(cloudPath)
    if (this.opts.dir === null) {
      this.memory.set(path, Buffer.from(fileContent))
    } else {
      const file = join(this.opts.dir, ...path.split('/'))
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, fileContent)
    }
    return { fileID: this.prefix + path }
  }

  async getTempFileURL(fileIDs: string[]): Promise<{ fileID: string; tempFileURL: string }[]> {
    const base = this.opts.publicBaseUrl.replace(/\/+$/, '')
    return fileIDs.map((fileID) => {
      const path = this.pathOf(fileID)
      if (path === null) return { fileID, tempFileURL: '' }
      const url = `${base}/files/${path.split('/').map(encodeURIComponent).join('/')}`
      if (!isPrivatePath(path)) return { fileID, tempFileURL: url }
      const expires = Math.floor(Date.now() / 1000) + PRIVATE_LINK_MAX_AGE_S
      return { fileID, tempFileURL: `${url}?expires=${expires}&sig=${fileLinkSignature(path, expires)}` }
    })
  }

  /** Removes stored files; unknown ones are skipped, as CloudBase reports them apart without failing the rest. */
  async deleteFile(fileIDs: string[]): Promise<void> {
    for (const fileID of fileIDs) {
      const path = this.pathOf(fileID)
      if (path === null) continue
      if (this.opts.dir === null) this.memory.delete(path)
      else rmSync(join(this.opts.dir, ...path.split('/')), { force: true })
    }
  }

  /** Bytes of a stored file by fileID (what node-sdk's downloadFile answers); fails like CloudBase for an unknown file. */
  async downloadFile(fileID: string): Promise<{ fileContent: Buffer }> {
    const path = this.pathOf(fileID)
    const content = path === null ? null : this.readFile(path)
    if (!content) throw Object.assign(new Error(`downloadFile ${fileID}: STORAGE_FILE_NONEXIST`), { code: 'STORAGE_FILE_NONEXIST' })
    return { fileContent: content }
  }

  /** The cloudPath of one of our fileIDs, or null when the fileID is not ours or not well formed. */
  pathOf(fileID: string): string | null {
    if (!fileID.startsWith(this.prefix)) return null
    try {
      return normalizeCloudPath(fileID.slice(this.prefix.length))
    } catch {
      return null
    }
  }

  /** Bytes of a stored file by cloudPath (as in `/files/<cloudPath>`, URL-decoded), or null. Never leaves the storage root. */
  readFile(cloudPath: string): Buffer | null {
    let path: string
    try {
      path = normalizeCloudPath(cloudPath)
    } catch {
      return null
    }
    if (this.opts.dir === null) return this.memory.get(path) ?? null
    try {
      return readFileSync(join(this.opts.dir, ...path.split('/')))
    } catch {
      return null
    }
  }

  /** The gateway knows its address only once it listens. */
  setPublicBaseUrl(url: string): void {
    this.opts.publicBaseUrl = url
  }

  clear(): void {
    this.memory.clear()
  }
}

/** Made at process start and never stored: a restart ends every private link handed out before it. */
const LINK_SECRET = randomBytes(32)

/** Case-blind: on a case-insensitive disk `PRIVATE/…` is the same file. */
export const isPrivatePath = (cloudPath: string): boolean => /^private\//i.test(cloudPath)

/** HMAC of the normalized cloudPath and the expiry (unix seconds), hex. */
export const fileLinkSignature = (cloudPath: string, expires: number): string =>
  createHmac('sha256', LINK_SECRET).update(`${cloudPath}\n${expires}`).digest('hex')

/** Whether `?expires=…&sig=…` is this process's signature of the path and has not expired. */
export function verifyFileLink(cloudPath: string, expires: string | null, sig: string | null, nowMs = Date.now()): boolean {
  if (!expires || !sig || !/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/i.test(sig)) return false
  if (Number(expires) * 1000 <= nowMs) return false
  // constant time: a byte-by-byte comparison would tell a prober how much of a guessed signature is right
  return timingSafeEqual(Buffer.from(fileLinkSignature(cloudPath, Number(expires)), 'hex'), Buffer.from(sig, 'hex'))
}

/** `a/b.png`, no leading slash, no `.`/`..` segments: a cloudPath can never point outside the storage root. */
export function normalizeCloudPath(cloudPath: string): string {
  const p = posix.normalize(String(cloudPath).replace(/\\/g, '/')).replace(/^\/+/, '')
  if (!p || p === '.' || p.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    throw new Error(`invalid cloudPath: ${cloudPath}`)
  }
  return p
}
