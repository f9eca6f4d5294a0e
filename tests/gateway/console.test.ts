import tcb from '@cloudbase/node-sdk'
import { localLoginKey } from '../../local/customLogin'
import { startServer } from '../../local/start'
import { consoleQrFrom } from '../../types'

const STAFF = 'dev-staff'
const OFFICE_PC = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36'

/** The local gateway plays CloudBase's custom login: it checks the ticket and carries the session's user id itself. */
describe('signing in to the staff console through the local gateway', () => {
  let app: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    app = await startServer({ port: 0, host: '127.0.0.1', dataDir: null, functions: 'source', h5Dir: null, timers: false, quiet: true })
  }, 120_000)
  afterAll(() => app.close())

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': OFFICE_PC, ...headers },
      body: JSON.stringify(body),
    })
  const api = async (fn: string, action: string, data: unknown, headers: Record<string, string> = {}) =>
    (await post(`/api/${fn}`, { action, data }, headers)).json()

  /** The computer's request confirmed on the staff member's phone; answers the ticket the poll handed out. */
  async function approvedTicket(): Promise<{ ticket: string; sessionId: string }> {
    const start = (await api('users', 'createConsoleLogin', {})).data
    const qr = consoleQrFrom(start.qrText)!
    expect((await api('users', 'approveConsoleLogin', { ...qr, approve: true }, { 'x-dev-openid': STAFF })).ok).toBe(true)
    const status = (await api('users', 'consoleLoginStatus', { requestId: start.requestId, pollToken: start.pollToken })).data
    return { ticket: status.ticket, sessionId: status.sessionId }
  }

  const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]

  it("when the computer signs in with the ticket, then its calls are the staff member's, carried by the gateway's cookie with no identity in the request", async () => {
    const { ticket } = await approvedTicket()
    const signIn = await post('/api/auth/ticket', { ticket })
    expect(signIn.status).toBe(200)
    expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/)
    const me = await api('users', 'me', {}, { cookie: cookieOf(signIn) })
    expect(me).toMatchObject({ ok: true, data: { openid: STAFF, roles: [expect.objectContaining({ role: 'community_staff' })] } })
  })

  it('when the computer showed the QR, then the phone is told the browser and address the gateway saw', async () => {
    const start = (await api('users', 'createConsoleLogin', { userAgent: 'made up by the page' })).data
    const view = await api('users', 'consoleLoginRequest', consoleQrFrom(start.qrText)!, { 'x-dev-openid': STAFF })
    expect(view.data).toMatchObject({ computer: 'Windows 电脑 · Chrome 浏览器', ip: expect.stringMatching(/127\.0\.0\.1|::1/) })
  })

  it('when a ticket is presented a second time, then the gateway refuses it', async () => {
    const { ticket } = await approvedTicket()
    expect((await post('/api/auth/ticket', { ticket })).status).toBe(200)
    const again = await post('/api/auth/ticket', { ticket })
    expect(again.status).toBe(401)
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'AUTH.TICKET_INVALID' } })
  })

  it('when a ticket was made for another environment, then the gateway refuses it as CloudBase would', async () => {
    const key = localLoginKey()!
    const other = tcb.init({ env: 'prod-8g2x', credentials: { ...key, env_id: 'prod-8g2x' } })
    const ticket = other.auth().createTicket('cs0123456789abcdef0123456789abcd')
    expect((await post('/api/auth/ticket', { ticket })).status).toBe(401)
  })

  it('when a cookie is forged or the user id is sent in the request, then nobody is signed in', async () => {
    const { sessionId } = await approvedTicket()
    const forged = `tcb_console=${sessionId}.${Date.now() + 3_600_000}.${'A'.repeat(43)}`
    expect(await api('users', 'me', {}, { cookie: forged })).toMatchObject({ ok: false, error: { code: 'AUTH.NOT_SIGNED_IN' } })
    expect(await api('users', 'me', { customUserId: sessionId })).toMatchObject({ ok: false })
  })

  it('when the staff member ends the session on the phone, then the signed-in computer is told to sign in again', async () => {
    const { ticket, sessionId } = await approvedTicket()
    const cookie = cookieOf(await post('/api/auth/ticket', { ticket }))
    expect((await api('users', 'endConsoleSession', { sessionId }, { 'x-dev-openid': STAFF })).ok).toBe(true)
    expect(await api('users', 'me', {}, { cookie })).toMatchObject({ ok: false, error: { code: 'AUTH.CONSOLE_SESSION_ENDED' } })
  })

  it('when the computer signs out, then the gateway clears its cookie', async () => {
    const res = await post('/api/auth/signout', {})
    expect(res.headers.get('set-cookie')).toMatch(/^tcb_console=; .*Max-Age=0/)
  })

  it("when the QR's link is opened, then it leads to the phone's confirmation page with the whole link in q", async () => {
    const res = await fetch(`${app.url}/l/${'a'.repeat(32)}?env=local-dev`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    const location = res.headers.get('location')!
    expect(location.startsWith('/packages/console/pages/confirm/index?q=')).toBe(true)
    expect(consoleQrFrom(decodeURIComponent(location.split('q=')[1]))).toEqual({ requestId: 'a'.repeat(32), env: 'local-dev' })
  })
})
