/** The console sign-in's shared facts and shapes, without zod: pages of the mini-program's main package import them. */
import { SUPERVISORS } from './roles'

/**
 * The staff console on an office computer (the H5 build), signed in by scanning with the mini-program. Only these roles
 * may approve a computer, and a console session stays usable only while its person holds one of them.
 */
export const CONSOLE_ROLES = SUPERVISORS

/** A login request lives this long: the QR on the computer's screen is renewed after it. */
export const CONSOLE_LOGIN_TTL_MS = 3 * 60_000
/** A console session lasts a working day (with the lunch break and some overtime), then the computer signs in again. */
export const CONSOLE_SESSION_MS = 10 * 3_600_000

/** A computer's request to sign in, made by the console page before anyone is signed in there. */
export interface ConsoleLoginDoc {
  /** random, 32 hex: what the QR carries */
  _id: string
  /** sha-256 of the poll token only the asking page holds: seeing the QR is not enough to take its sign-in */
  pollTokenHash: string
  /** the CloudBase environment the request was made in; a QR from another environment is refused */
  env: string
  status: 'pending' | 'approved' | 'cancelled' | 'used'
  /** as the platform reported the caller: never taken from the request body */
  ip: string | null
  /** the browser's user agent (the platform's, else what the page said: shown, never trusted) */
  userAgent: string | null
  createdAt: string
  expiresAt: string
  approvedBy: string | null
  decidedAt: string | null
  /** the console session an approval opened */
  sessionId: string | null
}

/** One signed-in computer: its id is the CloudBase custom login's user id, mapped back to the person on every call. */
export interface ConsoleSessionDoc {
  _id: string
  openid: string
  env: string
  ip: string | null
  userAgent: string | null
  createdAt: string
  expiresAt: string
  endedAt: string | null
}

export interface ConsoleLoginStart {
  requestId: string
  /** keep it on the page; the status of the request is answered only to it */
  pollToken: string
  /** what the QR says: the console link prefix, the request id and the environment */
  qrText: string
  /** the QR drawn as a PNG data URL */
  qr: string
  env: string
  expiresAt: string
}

export type ConsoleLoginStatus =
  | { status: 'pending'; expiresAt: string }
  | { status: 'cancelled' }
  | { status: 'expired' }
  /** once: the custom-login ticket for the page to sign in with (CloudBase custom login; locally the gateway's) */
  | { status: 'approved'; ticket: string; env: string; sessionId: string; expiresAt: string }

/** What the phone shows before the staff member confirms: which computer, from where, when. */
export interface ConsoleLoginRequestView {
  requestId: string
  /** e.g. Windows 电脑 · Chrome 浏览器 */
  computer: string
  /** the address the platform saw, e.g. 192.168.1.20 */
  ip: string | null
  createdAt: string
  expiresAt: string
}

export interface ConsoleSessionView {
  sessionId: string
  computer: string
  ip: string | null
  createdAt: string
  expiresAt: string
  /** the session the caller is using right now (called from that console) */
  current: boolean
}

/** QR text: `<prefix><requestId>?env=<env>`; the prefix is the console's sign-in link (CONSOLE_URL_PREFIX). */
export const consoleQrFrom = (text: string): { requestId: string; env: string } | null => {
  const m = /(?:^|\/)([a-f0-9]{32})\?env=([A-Za-z0-9_-]{1,64})$/.exec(text.trim())
  return m ? { requestId: m[1], env: m[2] } : null
}
