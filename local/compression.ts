/**
 * Compression for the local gateway: brotli or gzip from node's zlib, chosen by the request's Accept-Encoding. Work
 * runs on libuv's thread pool (zlib's async API), so compressing an answer never holds up the gateway's thread.
 *
 * API answers are compressed as they go (quality set for speed). Static files of the H5 build are compressed once and
 * kept: the first request gets a quick compression (brotli 5), and the smallest one (brotli 11, gzip 9) replaces it in
 * the background for every request after. The smallest copies are also written next to the files (`app.1a2b3c4d.js.br`,
 * as nginx's brotli_static/gzip_static read them; hashed files only, whose content never changes), so a later start — or another server on the same build — serves them
 * from its first request; a copy older than its file is ignored. The page shell's own scripts and styles are
 * compressed that way as the gateway starts, before any browser asks.
 */
import { existsSync, readFileSync, statSync } from 'fs'
import { readFile, stat } from 'fs/promises'
import path from 'path'
import { promisify } from 'util'
import zlib from 'zlib'
import { writeAtomic } from '../scripts/write-atomic'

export type Encoding = 'br' | 'gzip'

/**
 * A file of the H5 build with a content hash in its name (`js/app.06bee59f.js`, `css/app.06bee59f5de56ee008b5.css`):
 * its content never changes under that name, so browsers may keep it for a year without asking again, and its
 * compressed copy on disk can never be stale.
 */
export const HASHED_ASSET = /\.[0-9a-f]{8,}\.(js|css)$/

/** Below this an answer goes as it is: a compressed frame would save next to nothing. */
export const MIN_COMPRESS_BYTES = 1024

/** Text the browser reads (brotli/gzip shrink it 3–5 times); images, PDFs and fonts are compressed already. */
export const COMPRESSIBLE = /^(text\/|application\/json|application\/javascript|image\/svg\+xml)/

/**
 * The encoding to answer in: brotli when accepted, else gzip, else none. `q=0` refuses an encoding; `*` accepts any
 * not named. Preference among accepted ones is ours (brotli is smaller), as browsers send them unweighted.
 */
export function pickEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding
  if (!header) return null
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qParam ? Number(qParam.slice(2)) : 1
    q.set(name, Number.isFinite(value) ? value : 0)
  }
  const accepted = (enc: Encoding) => (q.has(enc) ? q.get(enc)! > 0 : (q.get('*') ?? 0) > 0)
  return accepted('br') ? 'br' : accepted('gzip') ? 'gzip' : null
}

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/**
 * `fast` for answers made per request (brotli 4: a 30 KB answer in about a millisecond); `first` for a static file's
 * first request (brotli 5: within 10 % of the smallest, in tens of milliseconds for the app's largest script); `best`
 * for static files kept (brotli 11: seconds for the whole app, once).
 */
export function compress(body: Buffer, encoding: Encoding, effort: 'fast' | 'first' | 'best'): Promise<Buffer> {
  if (encoding === 'gzip') return gzip(body, { level: effort === 'fast' ? 6 : 9 })
  return brotli(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: effort === 'best' ? 11 : effort === 'first' ? 5 : 4,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    },
  })
}

interface Cached {
  /** the file as it was when compressed: a rebuild (new size or time) makes the entry stale */
  mtimeMs: number
  size: number
  body: Promise<Buffer>
}

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' }

/** Compressed copies of static files, per file and encoding, kept while the file stays as it was. */
export class StaticCompressionCache {
  private readonly entries = new Map<string, Cached>()
  private readonly making = new Set<string>()

  /** The file compressed in `encoding`: the smallest copy when there is one, else a quick one (and the smallest is started). */
  async get(file: string, encoding: Encoding, st: { mtimeMs: number; size: number }): Promise<Buffer> {
    const key = `${encoding}\u0000${file}`
    const hit = this.entries.get(key)
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.body
    const stored = this.stored(file, encoding, st)
    if (stored) {
      this.entries.set(key, { mtimeMs: st.mtimeMs, size: st.size, body: Promise.resolve(stored) })
      return stored
    }
    const raw = readFile(file)
    const entry: Cached = { mtimeMs: st.mtimeMs, size: st.size, body: raw.then((b) => compress(b, encoding, 'first')) }
    this.entries.set(key, entry)
    entry.body.catch(() => this.entries.delete(key))
    void this.makeBest(file, encoding, st, raw)
    return entry.body
  }

  /**
   * Makes the smallest copies of the page shell's scripts and styles (what every first visit loads) unless they are
   * on disk already: in the background, once per build.
   */
  warm(root: string): void {
    const shell = path.join(root, 'index.html')
    if (!existsSync(shell)) return
    const html = readFileSync(shell, 'utf8')
    const refs = [...html.matchAll(/(?:src|href)="\/([^"?#]+\.(?:js|css))"/g)].map((m) => path.join(root, m[1])).filter((f) => HASHED_ASSET.test(f))
    for (const file of refs) {
      stat(file)
        .then((st) => {
          if (!this.stored(file, 'br', st)) void this.makeBest(file, 'br', st, readFile(file))
        })
        .catch(() => {})
    }
  }

  /** The copy next to a hashed file (`<file>.br`), unless it is older than the file (a hand edit). */
  private stored(file: string, encoding: Encoding, st: { mtimeMs: number }): Buffer | null {
    if (!HASHED_ASSET.test(file)) return null
    try {
      const copy = file + SUFFIX[encoding]
      const cst = statSync(copy, { throwIfNoEntry: false })
      return cst && cst.mtimeMs >= st.mtimeMs ? readFileSync(copy) : null
    } catch {
      return null
    }
  }

  private async makeBest(file: string, encoding: Encoding, st: { mtimeMs: number; size: number }, raw: Promise<Buffer>): Promise<void> {
    const key = `${encoding}\u0000${file}`
    if (this.making.has(key)) return
    this.making.add(key)
    try {
      const best = await compress(await raw, encoding, 'best')
      // kept only if the file did not change meanwhile (a rebuild under way)
      const now = await stat(file)
      if (now.mtimeMs !== st.mtimeMs || now.size !== st.size) return
      this.entries.set(key, { mtimeMs: st.mtimeMs, size: st.size, body: Promise.resolve(best) })
      // for the next start, when its name says its content never changes: a folder that cannot be written keeps it in
      // memory only
      if (HASHED_ASSET.test(file)) {
        try {
          writeAtomic(file + SUFFIX[encoding], best)
        } catch {
          // memory only
        }
      }
    } catch {
      // the quick copy keeps being served
    } finally {
      this.making.delete(key)
    }
  }
}
