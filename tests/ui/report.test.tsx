import Taro from '@tarojs/taro'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import Report from '../../src/pages/report/index'
import { fakeBackend } from './support/fakeTransport'
import { buildMe, buildPlace } from './support/factories'
import { takeMeIntent } from '../../src/lib/intent'
import { renderPage } from './support/render'

describe('report page', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => backend.restore())

  it('when opened from a stairwell QR (q launch query), then it shows the community, building and unit of that code', async () => {
    backend = fakeBackend().on('places', 'resolveCode', ({ code }) =>
      code === 'AB12CD34'
        ? { ok: true, data: buildPlace({ code }) }
        : { ok: false, error: { code: 'PLACE.UNKNOWN_CODE', message: '没有找到这个楼道码，请确认二维码是否完整' } },
    )

    renderPage(Report, { q: encodeURIComponent('https://gov.example.cn/s/AB12CD34') }, '/pages/report/index')

    expect(await screen.findByText('幸福社区 · 3栋 · 2单元')).toBeTruthy()
    expect(backend.callsOf('places', 'resolveCode')).toEqual([{ fn: 'places', action: 'resolveCode', data: { code: 'AB12CD34' } }])
    // the form asks for the categories of the place's community
    await waitFor(() => expect(backend.callsOf('tickets', 'categories')[0]?.data).toEqual({ communityId: 'c1' }))
  })

  it('when the code is unknown, then the Chinese message from the envelope is shown with retry and home buttons', async () => {
    backend = fakeBackend().fail('places', 'resolveCode', { code: 'PLACE.UNKNOWN_CODE', message: '没有找到这个楼道码，请确认二维码是否完整' })

    renderPage(Report, { code: 'ZZ99ZZ99' }, '/pages/report/index')

    expect(await screen.findByText('没有找到这个楼道码，请确认二维码是否完整')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
    expect(screen.getByText('回到首页')).toBeTruthy()
  })

  it('when retry is tapped after a network failure, then the code is resolved again and the place appears', async () => {
    let attempts = 0
    backend = fakeBackend().on('places', 'resolveCode', ({ code }) =>
      ++attempts === 1 ? { ok: false, error: { code: 'NETWORK', message: '网络不太好，请稍后重试' } } : { ok: true, data: buildPlace({ code }) },
    )
    renderPage(Report, { scene: 'AB12CD34' }, '/pages/report/index')

    fireEvent.click(await screen.findByText('重试'))

    expect(await screen.findByText('幸福社区 · 3栋 · 2单元')).toBeTruthy()
    expect(attempts).toBe(2)
  })

  it('when the launch query holds no code, then no call is made and the person is told to scan again', async () => {
    backend = fakeBackend()
    renderPage(Report, { q: 'garbage' }, '/pages/report/index')

    expect(await screen.findByText('没有识别到楼道码，请重新扫描楼道里的二维码')).toBeTruthy()
    expect(backend.calls).toEqual([])
  })

  it('when someone with no household reports from a stairwell, then the page offers binding their home starting at that stairwell', async () => {
    backend = fakeBackend()
      .ok('places', 'resolveCode', buildPlace({ code: 'AB12CD34' }))
      .ok('users', 'me', buildMe({ households: [], pendingBindings: [] }))
    const toTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never)
    renderPage(Report, { code: 'AB12CD34' }, '/pages/report/index')

    fireEvent.click(await screen.findByText('绑定我家'))

    expect(toTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
    expect(takeMeIntent()).toEqual({ bind: true, placeCode: 'AB12CD34' })
    toTab.mockRestore()
  })

  it('when the reporter has a household already, then no binding is offered', async () => {
    backend = fakeBackend()
      .ok('places', 'resolveCode', buildPlace({ code: 'AB12CD34' }))
      .ok('users', 'me', buildMe({ households: [{ householdId: 'h1', communityId: 'c1', communityName: '幸福社区', label: '3栋 2单元 301' } as never] }))
    renderPage(Report, { code: 'AB12CD34' }, '/pages/report/index')

    expect(await screen.findByText('幸福社区 · 3栋 · 2单元')).toBeTruthy()
    await waitFor(() => expect(backend.callsOf('users', 'me')).toHaveLength(1))
    expect(screen.queryByText('绑定我家')).toBeNull()
  })
})
