import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ConsoleLogin from '../../src/packages/console/pages/login/index'
import ConfirmConsoleLogin from '../../src/packages/console/pages/confirm/index'
import ConsoleSessions from '../../src/packages/console/pages/sessions/index'
import Me from '../../src/pages/me/index'
import type { ConsoleLoginStart, ConsoleSessionView } from '../../types'
import { fakeBackend } from './support/fakeTransport'
import { buildMe, buildStaffMe } from './support/factories'
import { renderPage } from './support/render'

const REQUEST = 'ab'.repeat(16)
const start = (n = 1): ConsoleLoginStart => ({
  requestId: n === 1 ? REQUEST : 'cd'.repeat(16),
  pollToken: 'poll-token-0123456789abcdef',
  qrText: `http://127.0.0.1:3000/l/${n === 1 ? REQUEST : 'cd'.repeat(16)}?env=local-dev`,
  qr: 'data:image/png;base64,iVBORw0KGgo=',
  env: 'local-dev',
  expiresAt: '2099-01-01T00:03:00.000Z',
})
const session = (over: Partial<ConsoleSessionView> = {}): ConsoleSessionView => ({
  sessionId: 'cs0123456789abcdef0123456789abcd',
  computer: 'Windows 电脑 · Chrome 浏览器',
  ip: '192.168.1.20',
  createdAt: '2026-11-22T01:00:00.000Z',
  expiresAt: '2026-11-22T11:00:00.000Z',
  current: false,
  ...over,
})

describe('the console sign-in page on the office computer', () => {
  let backend: ReturnType<typeof fakeBackend>
  let fetchMock: jest.Mock
  beforeEach(() => {
    jest.useFakeTimers()
    // the platform's sign-in (the local gateway's /api/auth/ticket): the world's edge
    fetchMock = jest.fn(async () => ({ ok: true, status: 200, json: async () => ({ ok: true, data: {} }) }))
    global.fetch = fetchMock as never
  })
  afterEach(() => {
    backend.restore()
    jest.useRealTimers()
    jest.restoreAllMocks()
  })

  it('when the phone confirms, then the page signs in with the ticket it was handed and opens the dashboard', async () => {
    let approved = false
    backend = fakeBackend()
      .ok('users', 'createConsoleLogin', start())
      .on('users', 'consoleLoginStatus', () => ({
        ok: true,
        data: approved
          ? { status: 'approved' as const, ticket: 'kid/@@/jwt', env: 'local-dev', sessionId: 'cs1', expiresAt: '2099-01-01T10:00:00.000Z' }
          : { status: 'pending' as const, expiresAt: '2099-01-01T00:03:00.000Z' },
      }))
    const go = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never)
    renderPage(ConsoleLogin, {}, '/packages/console/pages/login/index')

    const qr = await screen.findByLabelText('电脑登录二维码，请用小程序扫描')
    expect(qr).toBeTruthy()
    expect(screen.getByText('等待手机扫码确认…')).toBeTruthy()
    await act(() => jest.advanceTimersByTimeAsync(2000))
    expect(backend.callsOf('users', 'consoleLoginStatus')[0].data).toEqual({ requestId: REQUEST, pollToken: 'poll-token-0123456789abcdef' })
    expect(go).not.toHaveBeenCalled()

    approved = true
    await act(() => jest.advanceTimersByTimeAsync(2000))
    await waitFor(() => expect(go).toHaveBeenCalledWith({ url: '/packages/staff/pages/dashboard/index' }))
    expect(fetchMock).toHaveBeenCalledWith('/api/auth/ticket', expect.objectContaining({ method: 'POST', body: JSON.stringify({ ticket: 'kid/@@/jwt' }) }))
  })

  it('when the QR expires unconfirmed, then the page asks for a new one by itself', async () => {
    let n = 0
    backend = fakeBackend()
      .on('users', 'createConsoleLogin', () => ({ ok: true, data: start(++n) }))
      .ok('users', 'consoleLoginStatus', { status: 'expired' })
    renderPage(ConsoleLogin, {}, '/packages/console/pages/login/index')
    await screen.findByLabelText('电脑登录二维码，请用小程序扫描')
    await act(() => jest.advanceTimersByTimeAsync(2000))
    await waitFor(() => expect(backend.callsOf('users', 'createConsoleLogin')).toHaveLength(2))
  })

  it('when the staff member cancels on the phone, then the page says so and offers a new QR', async () => {
    backend = fakeBackend().ok('users', 'createConsoleLogin', start()).ok('users', 'consoleLoginStatus', { status: 'cancelled' })
    renderPage(ConsoleLogin, {}, '/packages/console/pages/login/index')
    await screen.findByLabelText('电脑登录二维码，请用小程序扫描')
    await act(() => jest.advanceTimersByTimeAsync(2000))
    expect(await screen.findByText('已在手机上取消登录')).toBeTruthy()
    fireEvent.click(screen.getByText('重新获取二维码'))
    await waitFor(() => expect(backend.callsOf('users', 'createConsoleLogin')).toHaveLength(2))
  })
})

describe('the phone confirms a computer', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => backend.restore())
  const q = encodeURIComponent(`http://127.0.0.1:3000/l/${REQUEST}?env=local-dev`)

  it('when the scanned QR opens the page, then it shows the computer and address, and 确认登录 confirms that request', async () => {
    backend = fakeBackend()
      .ok('users', 'consoleLoginRequest', {
        requestId: REQUEST,
        computer: 'Windows 电脑 · Chrome 浏览器',
        ip: '192.168.1.20',
        createdAt: '2026-11-22T01:00:00.000Z',
        expiresAt: '2026-11-22T01:03:00.000Z',
      })
      .ok('users', 'approveConsoleLogin', { approved: true, sessionId: 'cs1', expiresAt: '2026-11-22T11:00:00.000Z' })
    renderPage(ConfirmConsoleLogin, { q }, '/packages/console/pages/confirm/index')

    expect(await screen.findByText('Windows 电脑 · Chrome 浏览器')).toBeTruthy()
    expect(screen.getByText('192.168.1.20')).toBeTruthy()
    expect(screen.getByText('11月22日 09:00')).toBeTruthy()
    expect(backend.callsOf('users', 'consoleLoginRequest')[0].data).toEqual({ requestId: REQUEST, env: 'local-dev' })
    fireEvent.click(screen.getByLabelText('确认登录Windows 电脑 · Chrome 浏览器'))
    expect(await screen.findByText('✓ 电脑已登录')).toBeTruthy()
    expect(backend.callsOf('users', 'approveConsoleLogin')[0].data).toEqual({ requestId: REQUEST, env: 'local-dev', approve: true })
  })

  it('when the staff member taps 取消, then the request is cancelled and the page says the computer was not signed in', async () => {
    backend = fakeBackend()
      .ok('users', 'consoleLoginRequest', {
        requestId: REQUEST,
        computer: '苹果电脑 · Safari 浏览器',
        ip: null,
        createdAt: '2026-11-22T01:00:00.000Z',
        expiresAt: '2026-11-22T01:03:00.000Z',
      })
      .ok('users', 'approveConsoleLogin', { approved: false, sessionId: null, expiresAt: null })
    renderPage(ConfirmConsoleLogin, { requestId: REQUEST, env: 'local-dev' }, '/packages/console/pages/confirm/index')
    fireEvent.click(await screen.findByLabelText('取消，不登录这台电脑'))
    expect(await screen.findByText('已取消，电脑没有登录')).toBeTruthy()
    expect(backend.callsOf('users', 'approveConsoleLogin')[0].data).toMatchObject({ approve: false })
  })

  it('when the QR has expired, then the page says to refresh it on the computer and offers no confirmation', async () => {
    backend = fakeBackend().fail('users', 'consoleLoginRequest', { code: 'CONSOLE.LOGIN_EXPIRED', message: '电脑上的二维码已过期，请在电脑上刷新后重新扫描' })
    renderPage(ConfirmConsoleLogin, { q }, '/packages/console/pages/confirm/index')
    expect(await screen.findByText('电脑上的二维码已过期，请在电脑上刷新后重新扫描')).toBeTruthy()
    expect(screen.queryByText('确认登录')).toBeNull()
  })

  it('when the page opens with something that is not a console QR, then it says so without calling anything', async () => {
    backend = fakeBackend()
    renderPage(ConfirmConsoleLogin, { q: encodeURIComponent('https://example.com/s/ABCD1234') }, '/packages/console/pages/confirm/index')
    expect(await screen.findByText('这不是电脑登录二维码，请在电脑上打开工作人员登录页后重新扫描')).toBeTruthy()
    expect(backend.calls).toEqual([])
  })
})

describe('我的 → 电脑端登录', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => {
    backend.restore()
    jest.restoreAllMocks()
  })

  it('when staff open 我的, then 电脑端登录 is offered; a resident does not see it', async () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe())
    const { unmount } = renderPage(Me, {}, '/pages/me/index')
    expect(await screen.findByText('在办公电脑上使用管理后台：扫电脑屏幕上的二维码登录，也可以在这里退出已登录的电脑。')).toBeTruthy()
    unmount()
    backend.restore()
    backend = fakeBackend().ok('users', 'me', buildMe())
    renderPage(Me, {}, '/pages/me/index')
    await screen.findByText('我的住户')
    expect(screen.queryByText('电脑端登录')).toBeNull()
  })

  it('when the staff member taps 退出 and confirms, then that session is ended; declining ends nothing', async () => {
    backend = fakeBackend()
      .ok('users', 'consoleSessions', [session(), session({ sessionId: 'cs-current-000001', computer: '苹果电脑 · Safari 浏览器', current: true })])
      .ok('users', 'endConsoleSession', { ended: true })
    const ask = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
    renderPage(ConsoleSessions, {}, '/packages/console/pages/sessions/index')

    expect(await screen.findByText('（当前电脑）')).toBeTruthy()
    expect(screen.getAllByText('网络地址 192.168.1.20')).toHaveLength(2)
    expect(screen.getAllByText('11月22日 09:00 登录，11月22日 19:00 自动退出')).toHaveLength(2)
    fireEvent.click(screen.getByLabelText('退出Windows 电脑 · Chrome 浏览器的登录'))
    await waitFor(() => expect(ask).toHaveBeenCalledWith(expect.objectContaining({ title: '退出电脑登录', confirmText: '退出' })))
    expect(backend.callsOf('users', 'endConsoleSession')).toEqual([])
    await act(() => new Promise((done) => setTimeout(done, 0)))

    ask.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    fireEvent.click(screen.getByLabelText('退出Windows 电脑 · Chrome 浏览器的登录'))
    await waitFor(() => expect(backend.callsOf('users', 'endConsoleSession')).toHaveLength(1))
    expect(backend.callsOf('users', 'endConsoleSession')[0].data).toEqual({ sessionId: 'cs0123456789abcdef0123456789abcd' })
  })

  it('when no computer is signed in, then the list says so and scanning is offered', async () => {
    backend = fakeBackend().ok('users', 'consoleSessions', [])
    renderPage(ConsoleSessions, {}, '/packages/console/pages/sessions/index')
    expect(await screen.findByText('没有电脑以您的身份登录')).toBeTruthy()
    expect(screen.getByText('扫码登录电脑')).toBeTruthy()
  })
})
