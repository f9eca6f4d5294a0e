import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import DevLogin from '../../src/pages/dev-login/index'
import { getDevIdentity } from '../../src/api'
import { fakeBackend } from './support/fakeTransport'
import { renderPage } from './support/render'

const identities = [
  { openid: 'dev-resident-wang', name: '王阿姨', label: '居民 · 王阿姨', roles: ['resident'] },
  { openid: 'dev-grid-li', name: '李明', label: '网格员 · 李明', roles: ['grid_member'] },
]

describe('dev sign-in page', () => {
  let backend: ReturnType<typeof fakeBackend>
  beforeEach(() => Taro.clearStorageSync())
  afterEach(() => backend.restore())

  it('when a person taps an identity card, then its openid is stored and shown as the current identity', async () => {
    backend = fakeBackend().devIdentities(200, identities)
    renderPage(DevLogin, {}, '/pages/dev-login/index')

    fireEvent.click(await screen.findByText('网格员 · 李明'))

    await waitFor(() => expect(getDevIdentity()?.openid).toBe('dev-grid-li'))
    expect(screen.getByText('当前身份：网格员 · 李明')).toBeTruthy()
    expect(backend.calls).toContainEqual({ fn: 'GET', action: '/api/dev/identities', data: null })
  })

  it('when an identity is stored, then the next api call carries it in x-dev-openid', async () => {
    backend = fakeBackend().devIdentities(200, identities)
    renderPage(DevLogin, {}, '/pages/dev-login/index')
    fireEvent.click(await screen.findByText('居民 · 王阿姨'))
    backend.restore()

    const seen: Record<string, string>[] = []
    const realFetch = globalThis.fetch
    globalThis.fetch = (async (_url: string, init?: { headers?: Record<string, string> }) => {
      seen.push(init?.headers ?? {})
      return { status: 200, json: async () => ({ ok: true, data: {} }) }
    }) as unknown as typeof fetch
    try {
      const { call } = await import('../../src/api')
      await call('users', 'me', {})
    } finally {
      globalThis.fetch = realFetch
    }
    expect(seen[0]['x-dev-openid']).toBe('dev-resident-wang')
  })

  it('when the gateway refuses the dev endpoint (403), then the page says switching is not supported here', async () => {
    backend = fakeBackend().devIdentities(403, { ok: false, error: { code: 'AUTH.DEV_IDENTITY_REFUSED', message: '仅本地演示环境可以切换身份' } })
    renderPage(DevLogin, {}, '/pages/dev-login/index')

    expect(await screen.findByText('当前环境不支持切换身份')).toBeTruthy()
    expect(getDevIdentity()).toBeNull()
  })
})
