import { createHmac, createPublicKey, generateKeyPairSync, randomBytes, timingSafeEqual, verify } from 'crypto'
import type { CustomLoginKey } from '../cloudfunctions/_core/cloud'

/**
 * The local platform's custom login (CloudBase 自定义登录), played as CloudBase plays it: the environment has a private
 * key of the same shape as the one CloudBase's console hands out; functions make tickets with the SDK's own
 * `auth().createTicket` (an RS256 JWT naming the environment, the user id, 10 minutes to use it and the login state's
 * end); the gateway checks a ticket as CloudBase's sign-in does — signature, environment, time, once — and then
 * carries the user id into every function call's context as `TCB_CUSTOM_USER_ID`, from a cookie it signed itself.
 *
 * The key lives in this process's environment (LOCAL_CUSTOM_LOGIN_KEY), so the function threads, which get the
 * environment with each call, make tickets with the very key the gateway checks them with.
 */
const KEY_VAR = 'LOCAL_CUSTOM_LOGIN_KEY'
export const LOCAL_ENV_ID = 'local-dev'

/** The local environment's key; made once per process (a restart signs every console out, as a new key would). */
export function localLoginKey(opts: { create?: boolean } = {}): CustomLoginKey | undefined {
  const stored = process.env[KEY_VAR]
  if (stored) {
    try {
      return JSON.parse(stored) as CustomLoginKey
    } catch {
      // fall through: replaced below when allowed
    }
  }
  if (opts.create === false) return undefined
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const key: CustomLoginKey = {
    private_key_id: randomBytes(8).toString('hex'),
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    env_id: process.env.LOCAL_ENV_ID || LOCAL_ENV_ID,
  }
  process.env[KEY_VAR] = JSON.stringify(key)
  return key
}

export interface TicketClaims {
  uid: string
  env: string
  /** when the login state it opens ends (ms) */
  expire: number
}

const b64json = (part: string): Record<string, unknown> | null => {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return null
  }
}

/**
 * Checks a ticket as CloudBase's custom sign-in does: made with this environment's key (its id and signature), for
 * this environment, still within its 10 minutes, never used before. Null when any of that fails.
 */
export function verifyTicket(ticket: unknown, key: CustomLoginKey, nowMs: number, used: Map<string, number>): TicketClaims | null {
  // a used ticket needs remembering only until it would have expired anyway
  for (const [sig, exp] of used) if (exp <= nowMs) used.delete(sig)
  if (typeof ticket !== 'string' || ticket.length > 4096) return null
  const at = ticket.indexOf('/@@/')
  if (at < 0 || ticket.slice(0, at) !== key.private_key_id) return null
  const jwt = ticket.slice(at + 4)
  const parts = jwt.split('.')
  if (parts.length !== 3) return null
  const header = b64json(parts[0])
  if (header?.alg !== 'RS256') return null
  const signed = verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), createPublicKey(key.private_key), Buffer.from(parts[2], 'base64url'))
  if (!signed) return null
  const claims = b64json(parts[1])
  if (!claims || claims.env !== key.env_id) return null
  if (typeof claims.exp !== 'number' || claims.exp <= nowMs) return null
  if (typeof claims.uid !== 'string' || !/^[A-Za-z0-9_-]{4,32}$/.test(claims.uid)) return null
  if (used.has(parts[2])) return null
  used.set(parts[2], claims.exp)
  return { uid: claims.uid, env: claims.env, expire: typeof claims.expire === 'number' ? claims.expire : nowMs }
}

/** The cookie the gateway sets after a sign-in: `uid.expire.hmac`, HttpOnly, readable by no script. */
export const CONSOLE_COOKIE = 'tcb_console'

export const signConsoleCookie = (uid: string, expire: number, secret: Buffer): string => {
  const body = `${uid}.${expire}`
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`
}

/** The custom-login user id a request's cookie carries, when the gateway signed it and it has not ended. */
export function readConsoleCookie(cookieHeader: string | undefined, secret: Buffer, nowMs: number): string | null {
  if (!cookieHeader) return null
  for (const part of cookieHeader.split(/;\s*/)) {
    if (!part.startsWith(`${CONSOLE_COOKIE}=`)) continue
    const value = part.slice(CONSOLE_COOKIE.length + 1)
    const m = /^([A-Za-z0-9_-]{4,32})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(value)
    if (!m) continue
    const want = Buffer.from(signConsoleCookie(m[1], Number(m[2]), secret).split('.')[2])
    if (want.length === m[3].length && timingSafeEqual(want, Buffer.from(m[3])) && Number(m[2]) > nowMs) return m[1]
  }
  return null
}
