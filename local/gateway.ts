import { randomUUID } from 'crypto'
import { createReadStream, existsSync, statSync } from 'fs'
import http from 'http'
import path from 'path'
import { z } from 'zod'
import { findPage } from '../cloudfunctions/_core/repos/base'
import { contracts, ERROR_MESSAGES, type Envelope } from '../types'
import { platformContext } from './context'
import { DEMO_IDENTITIES } from './demo'
import type { LocalFunction } from './functions'

export interface GatewayOptions {
  functions: Map<string, LocalFunction>
  /** built H5 app to serve at / (SPA: unknown paths answer index.html) */
  h5Dir: string | null
  /** serves GET /files/<path> from local cloud storage */
  readFile: (filePath: string) => Buffer | null
  /** stores POST /api/upload bodies in local cloud storage (what Taro.cloud.uploadFile does on weapp) */
  uploadFile?: (cloudPath: string, content: Buffer) => Promise<string>
  /** local mode honours the demo sign-in header; never on a public bind address */
  localMode: boolean
  host: string
  log?: (line: string) => void
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1', 'localhost'])
const MAX_BODY = 6 * 1024 * 1024 // CloudBase's request limit
const MAX_UPLOAD = 10 * 1024 * 1024

/** Photos only: the first bytes must say JPEG, PNG or WebP, whatever the request claims. */
/** What an upload is, by its first bytes (never by the name or content type it claims): a photo, or a PDF (notices). */
const imageType = (b: Buffer): 'jpg' | 'png' | 'webp' | 'pdf' | null => {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg'
  if (b.length > 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf'
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (b.length > 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp'
  return null
}
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers })
  res.end(text)
}

const failure = (code: keyof typeof ERROR_MESSAGES): Envelope<never> => ({ ok: false, error: { code, message: ERROR_MESSAGES[code] } })

class TooLarge extends Error {}

const readBytes = (req: http.IncomingMessage, max: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > max) {
        reject(new TooLarge())
        req.resume() // drain without keeping it, so the answer can still be sent
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })

const readBody = async (req: http.IncomingMessage): Promise<string> => (await readBytes(req, MAX_BODY)).toString('utf8')

/** GET /api: every function, its actions, who may call them, and their input as JSON Schema. */
export const describeApi = () =>
  Object.fromEntries(
    Object.entries(contracts).map(([fn, c]) => [
      fn,
      Object.fromEntries(
        Object.entries(c.actions).map(([name, def]) => [
          name,
          { summary: def.summary, access: def.access, input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }) },
        ]),
      ),
    ]),
  )

/**
 * The local stand-in for CloudBase's function gateway: POST /api/<function> with `{ action, data }` calls the
 * function's `main` with a platform context that carries the caller's OPENID, as WeChat would.
 */
export function createGateway(opts: GatewayOptions): http.Server {
  const log = opts.log ?? (() => {})
  const devAllowed = opts.localMode && LOOPBACK.has(opts.host)
  const apiDescription = describeApi()

  const identity = (req: http.IncomingMessage): { openid: string | null; refused: boolean } => {
    const header = req.headers['x-dev-openid']
    const openid = typeof header === 'string' && header ? header : null
    if (!openid) return { openid: null, refused: false }
    const fromLoopback = LOOPBACK.has(req.socket.remoteAddress ?? '')
    if (!devAllowed || !fromLoopback) return { openid: null, refused: true }
    return { openid, refused: false }
  }

  return http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local')
    const pathname = decodeURIComponent(url.pathname)
    try {
      if (pathname === '/api' && req.method === 'GET') return send(res, 200, apiDescription)
      if (pathname === '/api/dev/identities' && req.method === 'GET') {
        if (!devAllowed) return send(res, 403, failure('AUTH.DEV_IDENTITY_REFUSED'))
        return send(res, 200, DEMO_IDENTITIES.map(({ openid, name, label, roles }) => ({ openid, name, label, roles: roles.map((r) => r.role) })))
      }
      if (pathname === '/api/upload' && req.method === 'POST' && opts.uploadFile) {
        const who = identity(req)
        if (who.refused) return send(res, 403, failure('AUTH.DEV_IDENTITY_REFUSED'))
        if (!who.openid) return send(res, 401, failure('AUTH.NOT_SIGNED_IN'))
        let body: Buffer
        try {
          body = await readBytes(req, MAX_UPLOAD)
        } catch (e) {
          if (e instanceof TooLarge) return send(res, 413, failure('UPLOAD.TOO_LARGE'))
          throw e
        }
        const ext = imageType(body)
        if (!ext) return send(res, 415, failure('UPLOAD.NOT_AN_IMAGE'))
        const day = new Date().toISOString().slice(0, 10).replace(/-/g, '')
        const cloudPath = `uploads/${who.openid}/${day}/${randomUUID().replace(/-/g, '')}.${ext}`
        const fileID = await opts.uploadFile(cloudPath, body)
        log(`upload ${who.openid} ${cloudPath} ${body.length}B`)
        return send(res, 200, { ok: true, data: { fileID } })
      }
      if (pathname === '/api/dev/clock') {
        if (!devAllowed || !LOOPBACK.has(req.socket.remoteAddress ?? '')) return send(res, 403, failure('AUTH.DEV_IDENTITY_REFUSED'))
        if (req.method === 'POST') {
          // moves the functions' clock forward (demos and journeys: a publicity period, a vote's closing time)
          let days = NaN
          try {
            days = Number((JSON.parse((await readBody(req)) || '{}') as { days?: unknown }).days)
          } catch {
            days = NaN
          }
          if (!Number.isFinite(days) || days < 0 || days > 400) return send(res, 400, failure('INPUT.INVALID'))
          globalThis.__LOCAL_CLOCK_SKEW_MS__ = (globalThis.__LOCAL_CLOCK_SKEW_MS__ ?? 0) + days * 86_400_000
          log(`dev clock +${days} d`)
        }
        return send(res, 200, { ok: true, data: { skewDays: (globalThis.__LOCAL_CLOCK_SKEW_MS__ ?? 0) / 86_400_000, now: new Date(Date.now() + (globalThis.__LOCAL_CLOCK_SKEW_MS__ ?? 0)).toISOString() } })
      }
      if (pathname === '/api/dev/outbox' && req.method === 'GET') {
        if (!devAllowed) return send(res, 403, failure('AUTH.DEV_IDENTITY_REFUSED'))
        // what the functions would have pushed to phones: the outbox, newest first
        const page = await findPage('outbox', {}, [{ field: 'createdAt', order: 'desc' }], { page: 1, pageSize: 50 })
        return send(res, 200, { ok: true, data: page.items })
      }
      const api = /^\/api\/([A-Za-z0-9_-]+)$/.exec(pathname)
      if (api) {
        if (req.method !== 'POST') return send(res, 405, failure('FN.UNKNOWN_ACTION'), { allow: 'POST' })
        const who = identity(req)
        if (who.refused) return send(res, 403, failure('AUTH.DEV_IDENTITY_REFUSED'))
        const fn = opts.functions.get(api[1])
        // only functions with a client contract are callable; timer-only ones (sweeper) are not an API
        if (!fn || !Object.prototype.hasOwnProperty.call(contracts, api[1])) return send(res, 404, failure('FN.UNKNOWN_FUNCTION'))
        let event: unknown
        try {
          event = JSON.parse((await readBody(req)) || '{}')
        } catch {
          return send(res, 400, { ok: false, error: { code: 'INPUT.INVALID', message: ERROR_MESSAGES['INPUT.INVALID'], issues: [{ path: '', message: '请求不是有效的 JSON' }] } })
        }
        const started = Date.now()
        const answer = await fn.main(event, platformContext(who.openid))
        log(`${api[1]}.${(event as { action?: string })?.action ?? '?'} ${who.openid ?? '-'} ${(answer as Envelope<unknown>)?.ok ? 'ok' : (answer as { error?: { code?: string } })?.error?.code} ${Date.now() - started}ms`)
        return send(res, 200, answer)
      }
      if (pathname.startsWith('/files/') && req.method === 'GET') {
        const file = opts.readFile(pathname.slice('/files/'.length))
        if (!file) return send(res, 404, failure('NOT_FOUND'))
        res.writeHead(200, { 'content-type': TYPES[path.extname(pathname).toLowerCase()] ?? 'application/octet-stream', 'content-length': file.length })
        return res.end(file)
      }
      // A stairwell QR code's URL: open the report page the way WeChat does, with the whole URL in `q`.
      const scan = /^\/s\/([A-Za-z0-9]{4,16})$/.exec(pathname)
      if (scan) {
        const full = `http://${req.headers.host ?? 'localhost'}${pathname}`
        res.writeHead(302, { location: `/pages/report/index?q=${encodeURIComponent(full)}` })
        return res.end()
      }
      return serveStatic(opts.h5Dir, pathname, res)
    } catch (e) {
      log(`gateway error on ${pathname}: ${(e as Error).stack ?? e}`)
      if (!res.headersSent) send(res, 500, failure('INTERNAL'))
      else res.end()
    }
  })
}

function serveStatic(root: string | null, pathname: string, res: http.ServerResponse) {
  if (!root || !existsSync(path.join(root, 'index.html'))) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    return res.end('H5 应用尚未构建：请运行 npm run build:h5')
  }
  const candidate = path.normalize(path.join(root, pathname))
  const inside = candidate.startsWith(path.normalize(root + path.sep))
  const file = inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : path.join(root, 'index.html')
  const ext = path.extname(file).toLowerCase()
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    // hashed assets may be cached; the page shell must not, so a rebuild shows at once
    'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=300',
  })
  createReadStream(file).pipe(res)
}
