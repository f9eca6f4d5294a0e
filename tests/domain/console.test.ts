import { describeComputer, loginProblem, mayUseConsole, sessionStands } from '../../cloudfunctions/_core/domain/console'
import type { ConsoleLoginDoc, ConsoleSessionDoc, Role } from '../../types'

const NOW = new Date('2026-11-30T01:00:00.000Z')
const LATER = '2026-11-30T01:05:00.000Z'
const request = (overrides: Partial<ConsoleLoginDoc> = {}): ConsoleLoginDoc => ({
  _id: 'req1',
  pollTokenHash: 'h',
  env: 'prod',
  status: 'pending',
  ip: null,
  userAgent: null,
  createdAt: NOW.toISOString(),
  expiresAt: LATER,
  approvedBy: null,
  decidedAt: null,
  sessionId: null,
  ...overrides,
})
const session = (overrides: Partial<ConsoleSessionDoc> = {}): ConsoleSessionDoc => ({
  _id: 's1',
  openid: 'o',
  env: 'prod',
  ip: null,
  userAgent: null,
  createdAt: NOW.toISOString(),
  expiresAt: LATER,
  endedAt: null,
  ...overrides,
})
const user = (...roles: Role[]) => ({ roles: roles.map((role) => ({ role, communityId: 'c1', streetId: 'st1', grantedAt: '', grantedBy: null })) })

describe('whether a console login request can be approved now', () => {
  it('can while pending, of this environment, and before it expires', () => {
    expect(loginProblem(request(), 'prod', NOW, 'prod')).toBeNull()
  })

  it('cannot when the QR names another environment, whatever the request', () => {
    expect(loginProblem(request(), 'prod', NOW, 'test')).toBe('CONSOLE.WRONG_ENV')
    expect(loginProblem(null, 'prod', NOW, 'test')).toBe('CONSOLE.WRONG_ENV')
  })

  it('cannot when there is no such request', () => {
    expect(loginProblem(null, 'prod', NOW, 'prod')).toBe('CONSOLE.LOGIN_UNKNOWN')
  })

  it('cannot when the request was made in another environment', () => {
    expect(loginProblem(request({ env: 'test' }), 'prod', NOW, 'prod')).toBe('CONSOLE.WRONG_ENV')
  })

  it('cannot once approved, cancelled or used', () => {
    for (const status of ['approved', 'cancelled', 'used'] as const) expect(loginProblem(request({ status }), 'prod', NOW, 'prod')).toBe('CONSOLE.LOGIN_USED')
  })

  it('cannot from the moment it expires', () => {
    expect(loginProblem(request({ expiresAt: NOW.toISOString() }), 'prod', NOW, 'prod')).toBe('CONSOLE.LOGIN_EXPIRED')
    expect(loginProblem(request({ expiresAt: '2026-11-30T00:59:59.999Z' }), 'prod', NOW, 'prod')).toBe('CONSOLE.LOGIN_EXPIRED')
    expect(loginProblem(request({ expiresAt: '2026-11-30T01:00:00.001Z' }), 'prod', NOW, 'prod')).toBeNull()
  })
})

describe('who may use the console', () => {
  it('staff, secretaries, street staff and grid leaders; not grid members, residents or nobody', () => {
    expect(mayUseConsole(user('community_staff'))).toBe(true)
    expect(mayUseConsole(user('grid_leader'))).toBe(true)
    expect(mayUseConsole(user('resident', 'street_staff'))).toBe(true)
    expect(mayUseConsole(user('grid_member', 'resident'))).toBe(false)
    expect(mayUseConsole(user())).toBe(false)
    expect(mayUseConsole(null)).toBe(false)
  })
})

describe('whether a console session still stands', () => {
  it('stands while not ended, not expired, and of this environment', () => {
    expect(sessionStands(session(), 'prod', NOW)).toBe(true)
  })

  it('falls when ended, expired (at the moment it expires), of another environment, or missing', () => {
    expect(sessionStands(session({ endedAt: NOW.toISOString() }), 'prod', NOW)).toBe(false)
    expect(sessionStands(session({ expiresAt: NOW.toISOString() }), 'prod', NOW)).toBe(false)
    expect(sessionStands(session({ env: 'test' }), 'prod', NOW)).toBe(false)
    expect(sessionStands(null, 'prod', NOW)).toBe(false)
  })
})

describe('how a browser is described to the person asked to trust it', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36', 'Windows 电脑 · Chrome 浏览器'],
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0', 'Windows 电脑 · Edge 浏览器'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15', '苹果电脑 · Safari 浏览器'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 MicroMessenger/8.0', '手机或平板 · 微信内置浏览器'],
    ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36', 'Chromebook · Chrome 浏览器'],
    ['Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36', '手机或平板 · Chrome 浏览器'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0', 'Linux 电脑 · Firefox 浏览器'],
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 QQBrowser/12.0', 'Windows 电脑 · QQ 浏览器'],
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/86.0 Safari/537.36 360SE', 'Windows 电脑 · 360 浏览器'],
    ['Mozilla/5.0 (X11; UOS) AppleWebKit/537.36 Chromium/100.0', 'Linux 电脑 · Chrome 浏览器'],
    ['curl/8.0', '未知设备 · 未知浏览器'],
  ])('%s → %s', (ua, said) => {
    expect(describeComputer(ua)).toBe(said)
  })

  it('says unknown device and browser when the browser said nothing', () => {
    expect(describeComputer(null)).toBe('未知设备 · 未知浏览器')
  })
})
