import { randomBytes, randomUUID } from 'crypto'
import { createReadStream, existsSync, statSync } from 'fs'
import http from 'http'
import path from 'path'
import type { Duplex } from 'stream'
import { z } from 'zod'
import { findPage } from '../cloudfunctions/_core/repos/base'
import { decodeText } from '../cloudfunctions/_core/tables/csv'
import { contracts, ERROR_MESSAGES, type Envelope, type ErrorCode } from '../types'
import { COMPRESSIBLE, HASHED_ASSET, MIN_COMPRESS_BYTES, StaticCompressionCache, compress, pickEncoding } from './compression'
import { platformContext } from './context'
import { CONSOLE_COOKIE, localLoginKey, readConsoleCookie, signConsoleCookie, verifyTicket } from './customLogin'
import { DEMO_IDENTITIES } from './demo'
import type { LocalFunction } from './functions'
import { isPrivatePath, normalizeCloudPath, verifyFileLink } from './storage'
import { deliverMediaChecks } from './wx'
import { shanghai } from '../cloudfunctions/_core/time'

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
  limits?: Partial<GatewayLimits>
}

/** What one client may hold of the server: slow or crowding senders are cut off, never waited for. */
export interface GatewayLimits {
  /** the request line and headers must have arrived within this */
  headersTimeoutMs: number
  /** the whole request, body included (a 10 MB photo on a slow phone fits) */
  requestTimeoutMs: number
  /** connections open at once; more are closed as they arrive */
  maxConnections: number
}

export const DEFAULT_LIMITS: GatewayLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 120_000, maxConnections: 256 }

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1', 'localhost'])
const MAX_BODY = 6 * 1024 * 1024 // CloudBase's request limit
const MAX_UPLOAD = 10 * 1024 * 1024
/** No contract nests anywhere near this; a body that does is a parser bomb, refused before JSON.parse and zod see it. */
const MAX_JSON_DEPTH = 64
/** The charset of the functions' `id()` (types/core.ts); no `..` and not `.`, since the openid becomes a storage folder. */
const WELL_FORMED_OPENID = /^[A-Za-z0-9_:.-]{1,64}$/
const wellFormedOpenid = (s: string) => WELL_FORMED_OPENID.test(s) && !s.includes('..') && s !== '.'

/** Photos only: the first bytes must say JPEG, PNG or WebP, whatever the request claims. */
/** What an upload is, by its first bytes (never by the name or content type it claims): a photo, or a PDF (notices). */
const imageType = (b: Buffer): 'jpg' | 'png' | 'webp' | 'pdf' | null => {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg'
  if (b.length > 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf'
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (b.length > 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp'
  return null
}
/**
 * A register table for sheets.importRegister: an .xlsx by its zip signature, or a CSV — which has no signature, so only
 * when the client says text/csv and the bytes are text (UTF-8 or GBK) — stored under those names and only ever
 * served as downloads.
 */
const tableType = (b: Buffer, contentType: string | undefined): 'xlsx' | 'csv' | null => {
  if (b.length > 4 && b.readUInt32LE(0) === 0x04034b50) return 'xlsx'
  return /^text\/csv\b/i.test(contentType ?? '') && decodeText(b) !== null ? 'csv' : null
}
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

/** JSON text to the client: compressed (brotli or gzip, off this thread) when it is large enough and the client takes it. */
async function sendText(res: http.ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  const base = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // the same URL answers compressed or not by this header: caches must keep them apart
    vary: 'Accept-Encoding',
    ...headers,
  }
  const bytes = Buffer.from(text)
  const encoding = bytes.length >= MIN_COMPRESS_BYTES ? pickEncoding(res.req?.headers['accept-encoding']) : null
  if (encoding) {
    const body = await compress(bytes, encoding, 'fast').catch(() => null)
    if (body && !res.headersSent && !res.destroyed) {
      res.writeHead(status, { ...base, 'content-encoding': encoding, 'content-length': String(body.length) })
      return res.end(body)
    }
  }
  if (res.headersSent || res.destroyed) return
  res.writeHead(status, { ...base, 'content-length': String(bytes.length) })
  res.end(bytes)
}

const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  sendText(res, status, JSON.stringify(body), headers)

/** How an answer went, for the log line, read off the envelope's JSON text without parsing it all. */
const outcomeOf = (text: string): string => {
  const m = /^\{"ok":(true|false)(?:,"error":\{"code":"([^"]*)")?/.exec(text)
  return m ? (m[1] === 'true' ? 'ok' : (m[2] ?? 'error')) : 'answered'
}

const failure = (code: ErrorCode): Envelope<never> => ({ ok: false, error: { code, message: ERROR_MESSAGES[code] } })

/** A request answered with a 4xx envelope wherever in its handling it turns out to be bad. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(code)
  }
  get envelope() {
    return { ok: false, error: { code: this.code, message: ERROR_MESSAGES[this.code], ...(this.issues ? { issues: this.issues } : {}) } }
  }
}
/** The client went away mid-body: there is nobody to answer. */
class Aborted extends Error {}

const readBytes = (req: http.IncomingMessage, max: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    let size = 0
    let settled = false
    const chunks: Buffer[] = []
    const fail = (e: Error) => {
      if (settled) return
      settled = true
      chunks.length = 0
      reject(e)
    }
    // keep reading what is sent after a refusal, without keeping it, so the answer reaches a client still sending
    req.on('data', (c: Buffer) => {
      size += c.length
      if (settled) return
      if (size > max) fail(new Refusal(413, 'HTTP.TOO_LARGE'))
      else chunks.push(c)
    })
    req.on('end', () => {
      if (settled) return
      settled = true
      resolve(Buffer.concat(chunks))
    })
    req.on('error', () => fail(new Aborted()))
    req.on('close', () => fail(new Aborted()))
    if (Number(req.headers['content-length']) > max) fail(new Refusal(413, 'HTTP.TOO_LARGE'))
  })

/** True when arrays and objects nest deeper than `limit` (brackets inside strings do not count). */
const nestsDeeperThan = (text: string, limit: number): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}

/** The body as JSON (`{}` when empty); refused with 413 above CloudBase's 6 MB, 400 when not JSON or nested too deep. */
const readJson = async (req: http.IncomingMessage): Promise<unknown> => {
  const text = (await readBytes(req, MAX_BODY)).toString('utf8')
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw new Refusal(400, 'INPUT.INVALID', [{ path: '', message: '请求的 JSON 嵌套过深' }])
  try {
    return JSON.parse(text || '{}')
  } catch {
    throw new Refusal(400, 'INPUT.INVALID', [{ path: '', message: '请求不是有效的 JSON' }])
  }
}

/** The request target's decoded path and its query, or null when it is no URL or its percent-encoding is broken. */
const parseTarget = (raw: string | undefined): { pathname: string; query: URLSearchParams } | null => {
  try {
    const url = new URL(raw ?? '/', 'http://local')
    const pathname = decodeURIComponent(url.pathname)
    // control characters (NUL above all) have no business in a path and confuse the file system
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    return /[\u0000-\u001f\u007f]/.test(pathname) ? null : { pathname, query: url.searchParams }
  } catch {
    return null
  }
}

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

  // CloudBase custom login, played locally: tickets checked with the environment's key, then a cookie only this gateway signs
  const consoleCookieSecret = randomBytes(32)
  const usedTickets = new Map<string, number>()
  const clockNow = () => Date.now() + (globalThis.__LOCAL_CLOCK_SKEW_MS__ ?? 0)
  const webCaller = (req: http.IncomingMessage) => ({
    customUserId: readConsoleCookie(req.headers.cookie, consoleCookieSecret, clockNow()),
    ip: req.socket.remoteAddress ?? null,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'].slice(0, 400) : null,
  })

  const limits = { ...DEFAULT_LIMITS, ...opts.limits }
  const staticCache = new StaticCompressionCache()
  // the page shell's scripts and styles compressed at their smallest before the first browser asks (once per build)
  if (opts.h5Dir) staticCache.warm(opts.h5Dir)

  const identity = (req: http.IncomingMessage): { openid: string | null; refused: boolean } => {
    const header = req.headers['x-dev-openid']
    const openid = typeof header === 'string' && header ? header : null
    if (!openid) return { openid: null, refused: false }
    const fromLoopback = LOOPBACK.has(req.socket.remoteAddress ?? '')
    if (!devAllowed || !fromLoopback) return { openid: null, refused: true }
    // it becomes the caller's OPENID and a folder of uploads/: nothing a real OPENID could not be
    if (!wellFormedOpenid(openid)) throw new Refusal(400, 'AUTH.DEV_IDENTITY_INVALID')
    return { openid, refused: false }
  }

  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // how often those timeouts are checked (node's default, 30 s, would let a slow sender outstay them)
      connectionsCheckingInterval: Math.max(25, Math.min(1000, limits.headersTimeoutMs / 4)),
      // checked in `handle`, so the refusal is an envelope like every other
      requireHostHeader: false,
    },
    (req, res) => {
      handle(req, res).catch((e) => {
        log(`gateway error answering ${req.url}: ${(e as Error).stack ?? e}`)
        res.destroy()
      })
    },
  )
  server.maxConnections = limits.maxConnections
  // what node's parser refuses (bad request lines, headers, methods, sizes) or times out never reaches `handle`
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: http.ServerResponse })._httpMessage
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) return socket.destroy()
    const [status, code]: [number, ErrorCode] =
      err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'HTTP.TOO_LARGE'] : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'HTTP.TIMEOUT'] : [400, 'HTTP.BAD_REQUEST']
    const body = JSON.stringify(failure(code))
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
        `cache-control: no-store\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n${body}`,
    )
  })
  // after listen: a failed listen still reaches the caller's handler; later ones (accept under load) are only logged
  server.once('listening', () => server.on('error', (e) => log(`gateway server error: ${e.stack ?? e}`)))
  return server

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    res.on('error', (e) => log(`gateway response error on ${req.url}: ${e.message}`))
    const target = parseTarget(req.url)
    const pathname = target?.pathname ?? '?'
    try {
      if (!target || (req.httpVersion === '1.1' && !req.headers.host)) throw new Refusal(400, 'HTTP.BAD_REQUEST')
      if (pathname === '/api' && req.method === 'GET') return send(res, 200, apiDescription)
      if (pathname === '/api/dev/identities' && req.method === 'GET') {
        if (!devAllowed) return send(res, 403, failure('AUTH.DEV_IDENTITY_REFUSED'))
        return send(
          res,
          200,
          DEMO_IDENTITIES.map(({ openid, name, label, roles }) => ({ openid, name, label, roles: roles.map((r) => r.role) })),
        )
      }
      if (pathname === '/api/upload' && req.method === 'POST' && opts.uploadFile) {
        const who = identity(req)
        if (who.refused) return send(res, 403, failure('AUTH.DEV_IDENTITY_REFUSED'))
        if (!who.openid) return send(res, 401, failure('AUTH.NOT_SIGNED_IN'))
        let body: Buffer
        try {
          body = await readBytes(req, MAX_UPLOAD)
        } catch (e) {
          if (e instanceof Refusal && e.status === 413) return send(res, 413, failure('UPLOAD.TOO_LARGE'))
          throw e
        }
        const ext = imageType(body) ?? tableType(body, req.headers['content-type'])
        if (!ext) return send(res, 415, failure('UPLOAD.NOT_AN_IMAGE'))
        const day = shanghai(Date.now()).format('YYYYMMDD')
        const cloudPath = `uploads/${who.openid}/${day}/${randomUUID().replace(/-/g, '')}.${ext}`
        const fileID = await opts.uploadFile(cloudPath, body)
        log(`upload ${who.openid} ${cloudPath} ${body.length}B`)
        return send(res, 200, { ok: true, data: { fileID } })
      }
      if (pathname === '/api/auth/ticket' && req.method === 'POST') {
        // @cloudbase/js-sdk's customAuthProvider().signIn(ticket), as the platform answers it
        const key = localLoginKey({ create: false })
        const ticket = ((await readJson(req)) as { ticket?: unknown } | null)?.ticket
        const claims = key ? verifyTicket(ticket, key, clockNow(), usedTickets) : null
        if (!claims) return send(res, 401, failure('AUTH.TICKET_INVALID'))
        const maxAge = Math.max(0, Math.floor((claims.expire - clockNow()) / 1000))
        log(`console sign-in ${claims.uid}`)
        return send(
          res,
          200,
          { ok: true, data: { uid: claims.uid, env: claims.env } },
          {
            'set-cookie': `${CONSOLE_COOKIE}=${signConsoleCookie(claims.uid, claims.expire, consoleCookieSecret)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}`,
          },
        )
      }
      if (pathname === '/api/auth/signout' && req.method === 'POST') {
        return send(res, 200, { ok: true, data: { signedOut: true } }, { 'set-cookie': `${CONSOLE_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0` })
      }
      if (pathname === '/api/dev/clock') {
        if (!devAllowed || !LOOPBACK.has(req.socket.remoteAddress ?? '')) return send(res, 403, failure('AUTH.DEV_IDENTITY_REFUSED'))
        if (req.method === 'POST') {
          // moves the functions' clock forward (demos and journeys: a publicity period, a vote's closing time)
          const days = Number(((await readJson(req)) as { days?: unknown } | null)?.days)
          if (!Number.isFinite(days) || days < 0 || days > 400) return send(res, 400, failure('INPUT.INVALID'))
          globalThis.__LOCAL_CLOCK_SKEW_MS__ = (globalThis.__LOCAL_CLOCK_SKEW_MS__ ?? 0) + days * 86_400_000
          log(`dev clock +${days} d`)
        }
        return send(res, 200, {
          ok: true,
          data: {
            skewDays: (globalThis.__LOCAL_CLOCK_SKEW_MS__ ?? 0) / 86_400_000,
            now: new Date(Date.now() + (globalThis.__LOCAL_CLOCK_SKEW_MS__ ?? 0)).toISOString(),
          },
        })
      }
      if (pathname === '/api/dev/outbox' && req.method === 'GET') {
        if (!devAllowed) return send(res, 403, failure('AUTH.DEV_IDENTITY_REFUSED'))
        // what the functions would have pushed to phones: the outbox, newest first
        const page = await findPage('outbox', {}, [{ field: 'createdAt', order: 'desc' }], { page: 1, pageSize: 50 })
        return send(res, 200, { ok: true, data: page.items })
      }
      if (pathname === '/api/dev/media-checks' && req.method === 'POST') {
        if (!devAllowed || !LOOPBACK.has(req.socket.remoteAddress ?? '')) return send(res, 403, failure('AUTH.DEV_IDENTITY_REFUSED'))
        // WeChat's later verdicts on photos the local check held back ("async" in the path), pushed to mediaCheck
        const fn = opts.functions.get('mediaCheck')
        if (!fn) return send(res, 404, failure('FN.UNKNOWN_FUNCTION'))
        const delivered = await deliverMediaChecks(fn.main)
        log(`dev media checks: ${delivered.map((c) => `${c.traceId} ${c.suggest}`).join(', ') || 'none due'}`)
        return send(res, 200, { ok: true, data: delivered.map(({ traceId, fileID, suggest }) => ({ traceId, fileID, suggest })) })
      }
      const api = /^\/api\/([A-Za-z0-9_-]+)$/.exec(pathname)
      if (api) {
        if (req.method !== 'POST') return send(res, 405, failure('HTTP.METHOD_NOT_ALLOWED'), { allow: 'POST' })
        const who = identity(req)
        if (who.refused) return send(res, 403, failure('AUTH.DEV_IDENTITY_REFUSED'))
        const fn = opts.functions.get(api[1])
        // only functions with a client contract are callable; timer-only ones (sweeper) are not an API
        if (!fn || !Object.prototype.hasOwnProperty.call(contracts, api[1])) return send(res, 404, failure('FN.UNKNOWN_FUNCTION'))
        const event = await readJson(req)
        const started = Date.now()
        // a function in worker threads answers JSON text: sent as it is, never parsed on this shared thread
        const web = webCaller(req)
        const context = platformContext(who.openid, undefined, web)
        const text = fn.mainJson ? await fn.mainJson(event, context) : JSON.stringify(await fn.main(event, context))
        const action = (event as { action?: unknown } | null)?.action
        log(
          `${api[1]}.${typeof action === 'string' ? action : '?'} ${who.openid ?? (web.customUserId ? `console:${web.customUserId}` : '-')} ${outcomeOf(text)} ${Date.now() - started}ms`,
        )
        return sendText(res, 200, text)
      }
      if (pathname.startsWith('/files/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, failure('HTTP.METHOD_NOT_ALLOWED'), { allow: 'GET, HEAD' })
        let cloudPath: string
        try {
          cloudPath = normalizeCloudPath(pathname.slice('/files/'.length))
        } catch {
          return send(res, 404, failure('NOT_FOUND'))
        }
        // checked on the normalized path, so `uploads/../private/…` and `PRIVATE/…` are private too
        if (isPrivatePath(cloudPath) && !verifyFileLink(cloudPath, target.query.get('expires'), target.query.get('sig')))
          return send(res, 403, failure('FILE.LINK_INVALID'))
        const file = opts.readFile(cloudPath)
        if (!file) return send(res, 404, failure('NOT_FOUND'))
        return sendFile(res, cloudPath, file)
      }
      // A stairwell QR code's URL (/s/) or a bind notice's (/b/): open its page the way WeChat does, the whole URL in `q`.
      // A certificate's (/v/) opens its public verification page, which needs nobody signed in.
      const scan =
        /^\/(s)\/([A-Za-z0-9]{4,16})$/.exec(pathname) ?? /^\/(b)\/([A-Za-z0-9-]{10,11})$/.exec(pathname) ?? /^\/(v)\/([A-Za-z0-9-]{18,22})$/.exec(pathname)
      if (scan) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, failure('HTTP.METHOD_NOT_ALLOWED'), { allow: 'GET, HEAD' })
        const full = `http://${req.headers.host ?? 'localhost'}${pathname}`
        const opens = scan[1] === 's' ? 'pages/report/index' : scan[1] === 'b' ? 'pages/me/index' : 'packages/volunteer/pages/verify/index'
        res.writeHead(302, { location: `/${opens}?q=${encodeURIComponent(full)}` })
        return res.end()
      }
      // the staff console's sign-in QR (/l/<request>?env=…): opens the phone's confirmation page, the whole URL in `q`
      const consoleScan = /^\/l\/([a-f0-9]{32})$/.exec(pathname)
      if (consoleScan && (req.method === 'GET' || req.method === 'HEAD')) {
        const full = `http://${req.headers.host ?? 'localhost'}${pathname}?env=${encodeURIComponent(target.query.get('env') ?? '')}`
        res.writeHead(302, { location: `/packages/console/pages/confirm/index?q=${encodeURIComponent(full)}` })
        return res.end()
      }
      if (pathname === '/api' || pathname.startsWith('/api/')) {
        const allow = API_METHODS[pathname]
        if (allow) return send(res, 405, failure('HTTP.METHOD_NOT_ALLOWED'), { allow })
        return send(res, 404, failure('HTTP.NOT_FOUND'))
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, failure('HTTP.METHOD_NOT_ALLOWED'), { allow: 'GET, HEAD' })
      return serveStatic(opts.h5Dir, pathname, req, res, log, staticCache)
    } catch (e) {
      if (e instanceof Aborted) return res.destroy()
      if (e instanceof Refusal) return res.headersSent ? res.end() : send(res, e.status, e.envelope)
      log(`gateway error on ${pathname}: ${(e as Error).stack ?? e}`)
      if (!res.headersSent) send(res, 500, failure('INTERNAL'))
      else res.end()
    }
  }
}

/** The methods of the gateway's own routes under /api, for the 405 that names them. */
const API_METHODS: Record<string, string> = {
  '/api': 'GET',
  '/api/dev/identities': 'GET',
  '/api/dev/outbox': 'GET',
  '/api/dev/media-checks': 'POST',
  '/api/auth/ticket': 'POST',
  '/api/auth/signout': 'POST',
}

/** Stored files are never run by the browser: images show inline, everything else only downloads. */
function sendFile(res: http.ServerResponse, cloudPath: string, file: Buffer) {
  const ext = path.posix.extname(cloudPath).toLowerCase()
  const image = INLINE_IMAGES.has(ext)
  const name = path.posix.basename(cloudPath).replace(/[^A-Za-z0-9._-]/g, '_')
  res.writeHead(200, {
    'content-type': image ? TYPES[ext] : (TYPES[ext] ?? 'application/octet-stream'),
    'content-length': file.length,
    'x-content-type-options': 'nosniff',
    ...(image ? {} : { 'content-disposition': `attachment; filename="${name}"` }),
    ...(isPrivatePath(cloudPath) ? { 'cache-control': 'private, no-store' } : {}),
  })
  res.end(file)
}

/** SVG is left out on purpose: it is a document that can carry script. */
const INLINE_IMAGES = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif'])

/** Kinds of file a page route never is: when missing, they answer 404, not the app's page (which would be cached as them). */
const ASSET_EXTENSIONS = new Set(['.js', '.css', '.map', '.json', '.png', '.jpg', '.jpeg', '.webp', '.gif', '.svg', '.ico', '.woff2', '.txt'])

async function serveStatic(
  root: string | null,
  pathname: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  log: (line: string) => void,
  cache: StaticCompressionCache,
) {
  if (!root || !existsSync(path.join(root, 'index.html'))) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    return res.end('H5 应用尚未构建：请运行 npm run build:h5')
  }
  const candidate = path.normalize(path.join(root, pathname))
  const inside = candidate.startsWith(path.normalize(root + path.sep))
  const found = inside && existsSync(candidate) && statSync(candidate).isFile()
  if (!found && ASSET_EXTENSIONS.has(path.extname(pathname).toLowerCase())) {
    // an old build's script asked for by a page still open: a 404 it can retry from, never the page in its place
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
    return res.end('not found')
  }
  const file = found ? candidate : path.join(root, 'index.html')
  let st: { mtimeMs: number; size: number }
  try {
    st = statSync(file)
  } catch (e) {
    log(`static file error on ${pathname}: ${(e as Error).message}`)
    return res.destroy()
  }
  const ext = path.extname(file).toLowerCase()
  const type = TYPES[ext] ?? 'application/octet-stream'
  const compressible = COMPRESSIBLE.test(type) && st.size >= MIN_COMPRESS_BYTES
  // weak: the same tag stands for the file however it is encoded on the wire
  const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`
  const headers: Record<string, string> = {
    'content-type': type,
    // hashed assets never change under their name; the page shell (and every page route, which answers it) is asked
    // for again each time, so a rebuild shows at once; anything else may be kept a few minutes
    'cache-control': HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : ext === '.html' ? 'no-cache' : 'public, max-age=300',
    etag,
    'x-content-type-options': 'nosniff',
    ...(compressible ? { vary: 'Accept-Encoding' } : {}),
  }
  if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
    res.writeHead(304, headers)
    return res.end()
  }
  const encoding = compressible ? pickEncoding(req.headers['accept-encoding']) : null
  if (encoding) {
    let body: Buffer
    try {
      body = await cache.get(file, encoding, st)
    } catch (e) {
      log(`static file error on ${pathname}: ${(e as Error).message}`)
      return res.destroy()
    }
    res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': String(body.length) })
    return res.end(body)
  }
  res.writeHead(200, { ...headers, 'content-length': String(st.size) })
  createReadStream(file)
    .on('error', (e) => {
      // removed or unreadable since the check (a rebuild under way): cut the answer short rather than crash
      log(`static file error on ${pathname}: ${e.message}`)
      res.destroy()
    })
    .pipe(res)
}
