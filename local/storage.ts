import { mkdirSync, readFileSync, writeFileSync } from 'fs'
import { dirname, join, posix } from 'path'

/**
 * Cloud storage emulation. Files live under `<dataDir>/storage/<cloudPath>` (or in memory), fileIDs look like
 * CloudBase's (`cloud://<env>.<bucket>/<cloudPath>`) and temp URLs point at the local gateway, which serves
 * `GET /files/<cloudPath>` through `readFile`.
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
      const tempFileURL = path === null ? '' : `${base}/files/${path.split('/').map(encodeURIComponent).join('/')}`
      return { fileID, tempFileURL }
    })
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

/** `a/b.png`, no leading slash, no `.`/`..` segments: a cloudPath can never point outside the storage root. */
export function normalizeCloudPath(cloudPath: string): string {
  const p = posix.normalize(String(cloudPath).replace(/\\/g, '/')).replace(/^\/+/, '')
  if (!p || p === '.' || p.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    throw new Error(`invalid cloudPath: ${cloudPath}`)
  }
  return p
}
