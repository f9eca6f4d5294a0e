import type { ConsoleLoginDoc, ConsoleSessionDoc, ErrorCode, Role, UserDoc } from '../../../types'
import { CONSOLE_ROLES } from '../../../types'

/**
 * Pure rules of signing in to the staff console by scanning: whether a login request can still be approved, whether a
 * session still stands, and how a browser is described to the person asked to trust it.
 */

/** Why a request cannot be approved (or shown to approve) now, or null when it can. */
export function loginProblem(req: ConsoleLoginDoc | null, env: string, now: Date, askedEnv: string): ErrorCode | null {
  // a QR made by the console of another environment (a test one, another city's) names that environment
  if (askedEnv !== env) return 'CONSOLE.WRONG_ENV'
  if (!req) return 'CONSOLE.LOGIN_UNKNOWN'
  if (req.env !== env) return 'CONSOLE.WRONG_ENV'
  if (req.status !== 'pending') return 'CONSOLE.LOGIN_USED'
  if (req.expiresAt <= now.toISOString()) return 'CONSOLE.LOGIN_EXPIRED'
  return null
}

export const mayUseConsole = (user: Pick<UserDoc, 'roles'> | null): boolean =>
  !!user && user.roles.some((g) => (CONSOLE_ROLES as readonly Role[]).includes(g.role))

/** A session counts while it was not ended, has not expired and belongs to this environment. */
export const sessionStands = (s: ConsoleSessionDoc | null, env: string, now: Date): s is ConsoleSessionDoc =>
  !!s && !s.endedAt && s.env === env && s.expiresAt > now.toISOString()

/** "Windows 电脑 · Chrome 浏览器" from a user agent: what a person recognises of their own office computer. */
export function describeComputer(userAgent: string | null): string {
  const ua = userAgent ?? ''
  const system = /Windows/i.test(ua)
    ? 'Windows 电脑'
    : /Macintosh|Mac OS X/i.test(ua) && !/iPhone|iPad/i.test(ua)
      ? '苹果电脑'
      : /CrOS/i.test(ua)
        ? 'Chromebook'
        : /Android|iPhone|iPad/i.test(ua)
          ? '手机或平板'
          : /Linux|X11|UOS|Kylin/i.test(ua)
            ? 'Linux 电脑'
            : '未知设备'
  const browser = /MicroMessenger/i.test(ua)
    ? '微信内置浏览器'
    : /Edg\//i.test(ua)
      ? 'Edge 浏览器'
      : /QQBrowser/i.test(ua)
        ? 'QQ 浏览器'
        : /360SE|360EE/i.test(ua)
          ? '360 浏览器'
          : /Firefox\//i.test(ua)
            ? 'Firefox 浏览器'
            : /Chrome\/|Chromium\//i.test(ua)
              ? 'Chrome 浏览器'
              : /Safari\//i.test(ua)
                ? 'Safari 浏览器'
                : '未知浏览器'
  return `${system} · ${browser}`
}
