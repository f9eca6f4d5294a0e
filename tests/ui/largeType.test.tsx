import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Me from '../../src/pages/me/index'
import { largeTypeOn } from '../../src/lib/largeType'
import { fakeBackend } from './support/fakeTransport'
import { buildMe } from './support/factories'
import { renderPage } from './support/render'

describe('大字模式 on 我的', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => {
    backend.restore()
    Taro.removeStorageSync('large-type')
    document.documentElement.classList.remove('large-type')
  })

  it('when a person turns 大字模式 on, then the switch says so, the choice is kept on the phone and the page and document take large type', async () => {
    backend = fakeBackend().ok('users', 'me', buildMe())
    renderPage(Me, {}, '/pages/me/index')
    const toggle = await screen.findByLabelText('大字模式')
    expect(toggle.getAttribute('aria-checked')).toBe('false')

    fireEvent.click(toggle)

    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'))
    expect(Taro.getStorageSync('large-type')).toBe('on')
    expect(largeTypeOn()).toBe(true)
    expect(document.documentElement.classList.contains('large-type')).toBe(true)
    expect(document.querySelector('.page.me')!.classList.contains('large-type')).toBe(true)
  })

  it('when a person who chose large type turns it off, then the choice is kept as off', async () => {
    Taro.setStorageSync('large-type', 'on')
    backend = fakeBackend().ok('users', 'me', buildMe())
    renderPage(Me, {}, '/pages/me/index')
    const toggle = await screen.findByLabelText('大字模式')
    expect(toggle.getAttribute('aria-checked')).toBe('true')

    fireEvent.click(toggle)

    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'))
    expect(Taro.getStorageSync('large-type')).toBe('off')
    expect(document.documentElement.classList.contains('large-type')).toBe(false)
  })

  describe('on weapp, before a person has chosen', () => {
    const env = process.env.TARO_ENV
    const taro = Taro as unknown as { getAppBaseInfo?: () => { fontSizeSetting?: number } }
    const original = taro.getAppBaseInfo
    afterEach(() => {
      process.env.TARO_ENV = env
      taro.getAppBaseInfo = original
    })
    const wechatFontSize = (px: number) => {
      process.env.TARO_ENV = 'weapp'
      taro.getAppBaseInfo = () => ({ fontSizeSetting: px })
    }

    it('when WeChat’s font size is turned up, then large type is on', () => {
      wechatFontSize(20)
      expect(largeTypeOn()).toBe(true)
    })

    it('when WeChat’s font size is the standard one, then large type is off', () => {
      wechatFontSize(17)
      expect(largeTypeOn()).toBe(false)
    })

    it('when the person turned large type off on 我的, then WeChat’s larger font size does not turn it back on', () => {
      wechatFontSize(22)
      Taro.setStorageSync('large-type', 'off')
      expect(largeTypeOn()).toBe(false)
    })
  })
})
