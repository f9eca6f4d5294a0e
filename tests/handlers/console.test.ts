import { main as users } from '../../cloudfunctions/users'
import { main as tickets } from '../../cloudfunctions/tickets'
import { collection } from '../../cloudfunctions/_core/repos/base'
import { LOCAL_ENV_ID, localLoginKey, verifyTicket } from '../../local/customLogin'
import { platformContext, type WebCaller } from '../../local/context'
import { CONSOLE_LOGIN_TTL_MS, CONSOLE_SESSION_MS, consoleQrFrom, type ConsoleLoginStart, type Envelope, type MeView } from '../../types'
import { NOW, P, XINGFU, as, errorCode, ok, snapshot, useWorld } from '../support/world'

const world = useWorld()

const OFFICE_PC = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36'

/** A call from a browser, as the platform hands it: no OPENID, maybe a custom-login user id, its address and browser. */
const fromBrowser =
  (web: WebCaller) =>
  (action: string, data: unknown = {}) =>
    users({ action, data }, platformContext(null, undefined, web)) as Promise<Envelope<never>>
const officePc = fromBrowser({ ip: '192.168.1.20', userAgent: OFFICE_PC })

async function startLogin(): Promise<ConsoleLoginStart> {
  return ok((await officePc('createConsoleLogin', { userAgent: 'whatever the page claims' })) as Envelope<ConsoleLoginStart>)
}

/** The QR scanned and confirmed on the staff member's phone; answers the console's custom-login user id. */
async function signIn(openid: string = P.staff): Promise<string> {
  const start = await startLogin()
  const qr = consoleQrFrom(start.qrText)!
  ok(await as(openid)('users', 'approveConsoleLogin', { ...qr, approve: true }))
  const status = ok(
    (await officePc('consoleLoginStatus', { requestId: start.requestId, pollToken: start.pollToken })) as Envelope<{ status: string; sessionId: string }>,
  )
  return status.sessionId
}

describe('a computer asks to sign in to the staff console', () => {
  it('when the console page asks without anyone signed in, then it gets a QR of its request in this environment and a poll token the QR does not show', async () => {
    const start = await startLogin()
    expect(consoleQrFrom(start.qrText)).toEqual({ requestId: start.requestId, env: LOCAL_ENV_ID })
    expect(start.qrText).not.toContain(start.pollToken)
    expect(start.qr).toMatch(/^data:image\/png;base64,/)
    expect(Date.parse(start.expiresAt) - NOW.getTime()).toBe(CONSOLE_LOGIN_TTL_MS)
  })

  it('when the phone opens the scanned request, then it sees the computer and address the platform reported, not what the page claimed', async () => {
    const start = await startLogin()
    const view = ok(await as(P.staff)('users', 'consoleLoginRequest', consoleQrFrom(start.qrText)!))
    expect(view).toMatchObject({ computer: 'Windows 电脑 · Chrome 浏览器', ip: '192.168.1.20' })
  })

  it('when one browser asks for requests over and over, then past 30 in ten minutes it is told to wait', async () => {
    const flood = fromBrowser({ ip: '10.0.0.9' })
    for (let i = 0; i < 30; i++) ok(await flood('createConsoleLogin'))
    expect(errorCode(await flood('createConsoleLogin'))).toBe('CODE.TOO_MANY_TRIES')
    world.clock(new Date(NOW.getTime() + 10 * 60_000))
    expect(errorCode(await flood('createConsoleLogin'))).toBeNull()
  }, 180_000)

  it('when nobody has confirmed yet, then the poll says pending; with a wrong token it learns nothing', async () => {
    const start = await startLogin()
    expect(ok(await officePc('consoleLoginStatus', { requestId: start.requestId, pollToken: start.pollToken }))).toEqual({
      status: 'pending',
      expiresAt: start.expiresAt,
    })
    expect(errorCode(await officePc('consoleLoginStatus', { requestId: start.requestId, pollToken: 'x'.repeat(32) }))).toBe('CONSOLE.LOGIN_UNKNOWN')
  })
})

describe('a staff member confirms on the phone', () => {
  it('when community staff confirm, then the computer gets a custom-login ticket once, for a session of a working day, made with the environment key', async () => {
    const start = await startLogin()
    const approved = ok(await as(P.staff)('users', 'approveConsoleLogin', { ...consoleQrFrom(start.qrText)!, approve: true }))
    expect(Date.parse(approved.expiresAt!) - NOW.getTime()).toBe(CONSOLE_SESSION_MS)
    const status = ok(
      (await officePc('consoleLoginStatus', { requestId: start.requestId, pollToken: start.pollToken })) as Envelope<{
        status: string
        ticket: string
        sessionId: string
      }>,
    )
    expect(status).toMatchObject({ status: 'approved', sessionId: approved.sessionId })
    // the ticket is what CloudBase's sign-in checks: this environment's key and env, the session as its user id
    const claims = verifyTicket(status.ticket, localLoginKey()!, Date.now(), new Map())
    expect(claims).toMatchObject({ uid: approved.sessionId, env: LOCAL_ENV_ID, expire: Date.parse(approved.expiresAt!) })
    expect(errorCode(await officePc('consoleLoginStatus', { requestId: start.requestId, pollToken: start.pollToken }))).toBe('CONSOLE.LOGIN_USED')
  })

  it.each([
    ['a grid leader', P.gridLeader],
    ['the branch secretary', P.secretary],
    ['street staff', P.street],
  ])('when %s confirms, then the computer is signed in', async (_who, openid) => {
    const start = await startLogin()
    expect(ok(await as(openid)('users', 'approveConsoleLogin', { ...consoleQrFrom(start.qrText)!, approve: true })).approved).toBe(true)
  })

  it.each([
    ['a resident', P.resident],
    ['a grid member', P.gridMember],
    ['someone without a record', 'wx-nobody'],
  ])('when %s scans and confirms, then AUTH.FORBIDDEN answers and the request stays open', async (_who, openid) => {
    const start = await startLogin()
    const before = await snapshot()
    expect(errorCode(await as(openid)('users', 'approveConsoleLogin', { ...consoleQrFrom(start.qrText)!, approve: true }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(openid)('users', 'consoleLoginRequest', consoleQrFrom(start.qrText)!))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot()).toEqual(before)
  })

  it('when the QR is older than its three minutes, then confirming it is refused as expired and the computer is told to renew it', async () => {
    const start = await startLogin()
    world.clock(new Date(NOW.getTime() + CONSOLE_LOGIN_TTL_MS))
    expect(errorCode(await as(P.staff)('users', 'approveConsoleLogin', { ...consoleQrFrom(start.qrText)!, approve: true }))).toBe('CONSOLE.LOGIN_EXPIRED')
    expect(ok(await officePc('consoleLoginStatus', { requestId: start.requestId, pollToken: start.pollToken }))).toEqual({ status: 'expired' })
  })

  it('when a QR already confirmed is scanned again (by anyone), then CONSOLE.LOGIN_USED answers and no second session opens', async () => {
    const start = await startLogin()
    const qr = consoleQrFrom(start.qrText)!
    ok(await as(P.staff)('users', 'approveConsoleLogin', { ...qr, approve: true }))
    expect(errorCode(await as(P.secretary)('users', 'approveConsoleLogin', { ...qr, approve: true }))).toBe('CONSOLE.LOGIN_USED')
    expect(errorCode(await as(P.staff)('users', 'approveConsoleLogin', { ...qr, approve: true }))).toBe('CONSOLE.LOGIN_USED')
    expect(await collection('consoleSessions').count()).toMatchObject({ total: 1 })
  })

  it('when two phones confirm the same QR at once, then exactly one session stands', async () => {
    const start = await startLogin()
    const qr = consoleQrFrom(start.qrText)!
    const answers = await Promise.all([P.staff, P.secretary].map((o) => as(o)('users', 'approveConsoleLogin', { ...qr, approve: true })))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(ok(await as(P.staff)('users', 'consoleSessions', {})).length + ok(await as(P.secretary)('users', 'consoleSessions', {})).length).toBe(1)
  })

  it('when the QR comes from another environment, then it is refused before anything is looked up or written', async () => {
    const start = await startLogin()
    const before = await snapshot()
    const other = { requestId: start.requestId, env: 'prod-8g2x', approve: true }
    expect(errorCode(await as(P.staff)('users', 'approveConsoleLogin', other))).toBe('CONSOLE.WRONG_ENV')
    expect(errorCode(await as(P.staff)('users', 'consoleLoginRequest', { requestId: start.requestId, env: 'prod-8g2x' }))).toBe('CONSOLE.WRONG_ENV')
    expect(await snapshot()).toEqual(before)
  })

  it('when the staff member taps 取消, then the computer is told it was cancelled and the QR cannot be confirmed after', async () => {
    const start = await startLogin()
    const qr = consoleQrFrom(start.qrText)!
    expect(ok(await as(P.staff)('users', 'approveConsoleLogin', { ...qr, approve: false }))).toEqual({ approved: false, sessionId: null, expiresAt: null })
    expect(ok(await officePc('consoleLoginStatus', { requestId: start.requestId, pollToken: start.pollToken }))).toEqual({ status: 'cancelled' })
    expect(errorCode(await as(P.staff)('users', 'approveConsoleLogin', { ...qr, approve: true }))).toBe('CONSOLE.LOGIN_USED')
  })
})

describe('the console calls as the person who confirmed', () => {
  it('when the console calls with its custom-login user id, then the platform identity maps to the staff member and their roles', async () => {
    const sessionId = await signIn(P.staff)
    const console = fromBrowser({ customUserId: sessionId, ip: '192.168.1.20' })
    const me = ok((await console('me')) as Envelope<MeView>)
    expect(me.openid).toBe(P.staff)
    expect(me.roles).toEqual([expect.objectContaining({ role: 'community_staff', communityId: XINGFU })])
    const dashboard = await tickets({ action: 'dashboard', data: { communityId: XINGFU } }, platformContext(null, undefined, { customUserId: sessionId }))
    expect(errorCode(dashboard as Envelope<unknown>)).toBeNull()
  })

  it("when a console names someone else in the request, then the input is refused and the identity stays the platform's", async () => {
    const sessionId = await signIn(P.staff)
    expect(errorCode(await fromBrowser({ customUserId: sessionId })('me', { openid: P.street }))).toBe('INPUT.INVALID')
  })

  it('when a custom-login user id names no session, then the call is refused as an ended console', async () => {
    expect(errorCode(await fromBrowser({ customUserId: 'cs-made-up-0001' })('me'))).toBe('AUTH.CONSOLE_SESSION_ENDED')
  })

  it('when an ended console asks for a new QR, then it gets one, as nobody', async () => {
    const sessionId = await signIn(P.staff)
    ok(await as(P.staff)('users', 'endConsoleSession', { sessionId }))
    const again = (await fromBrowser({ customUserId: sessionId, ip: '192.168.1.20' })('createConsoleLogin')) as Envelope<ConsoleLoginStart>
    expect(ok(again).qrText).toContain(ok(again).requestId)
  })

  it("when the working day is over, then the console's calls are refused and the session is no longer listed", async () => {
    const sessionId = await signIn(P.staff)
    world.clock(new Date(NOW.getTime() + CONSOLE_SESSION_MS))
    expect(errorCode(await fromBrowser({ customUserId: sessionId })('me'))).toBe('AUTH.CONSOLE_SESSION_ENDED')
    expect(ok(await as(P.staff)('users', 'consoleSessions', {}))).toEqual([])
  })

  it('when the person loses every staff role, then their console stops answering', async () => {
    const sessionId = await signIn(P.staff)
    await collection('users').doc(P.staff).update({ roles: [] })
    expect(errorCode(await fromBrowser({ customUserId: sessionId })('me'))).toBe('AUTH.CONSOLE_SESSION_ENDED')
  })

  it('when a signed-in console tries to confirm another computer, then it is refused: only the phone vouches', async () => {
    const sessionId = await signIn(P.staff)
    const start = await startLogin()
    expect(errorCode(await fromBrowser({ customUserId: sessionId })('approveConsoleLogin', { ...consoleQrFrom(start.qrText)!, approve: true }))).toBe(
      'AUTH.FORBIDDEN',
    )
  })
})

describe('我的 → 电脑端登录', () => {
  it('when the staff member lists their computers, then each shows its computer, address and end, and the console itself is marked current', async () => {
    const sessionId = await signIn(P.staff)
    expect(ok(await as(P.staff)('users', 'consoleSessions', {}))).toEqual([
      {
        sessionId,
        computer: 'Windows 电脑 · Chrome 浏览器',
        ip: '192.168.1.20',
        createdAt: NOW.toISOString(),
        expiresAt: new Date(NOW.getTime() + CONSOLE_SESSION_MS).toISOString(),
        current: false,
      },
    ])
    const fromConsole = ok((await fromBrowser({ customUserId: sessionId })('consoleSessions')) as Envelope<{ current: boolean }[]>)
    expect(fromConsole.map((s) => s.current)).toEqual([true])
    expect(ok(await as(P.secretary)('users', 'consoleSessions', {}))).toEqual([])
  })

  it("when the staff member ends a session, then that computer's next call is refused and it is gone from the list", async () => {
    const sessionId = await signIn(P.staff)
    expect(ok(await as(P.staff)('users', 'endConsoleSession', { sessionId }))).toEqual({ ended: true })
    expect(errorCode(await fromBrowser({ customUserId: sessionId })('me'))).toBe('AUTH.CONSOLE_SESSION_ENDED')
    expect(ok(await as(P.staff)('users', 'consoleSessions', {}))).toEqual([])
  })

  it("when someone tries to end another person's session, then NOT_FOUND answers and the session stands", async () => {
    const sessionId = await signIn(P.staff)
    expect(errorCode(await as(P.secretary)('users', 'endConsoleSession', { sessionId }))).toBe('NOT_FOUND')
    expect(ok((await fromBrowser({ customUserId: sessionId })('me')) as Envelope<MeView>).openid).toBe(P.staff)
  })
})
