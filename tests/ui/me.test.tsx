import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Me from '../../src/pages/me/index'
import { fakeBackend } from './support/fakeTransport'
import { buildMe } from './support/factories'
import { renderPage } from './support/render'
import { typeInto } from './support/tickets'
import { askMeTo } from '../../src/lib/intent'

describe('me page', () => {
  let backend: ReturnType<typeof fakeBackend>
  afterEach(() => backend.restore())

  const withDirectory = () =>
    fakeBackend()
      .ok('users', 'me', buildMe())
      .ok('places', 'communities', [
        { id: 'c1', name: '幸福社区', streetId: 'st1', streetName: '锦江街道' },
        { id: 'c2', name: '和平社区', streetId: 'st1', streetName: '锦江街道' },
      ])
      .on('places', 'directory', ({ communityId }) => ({
        ok: true,
        data: {
          community: { id: communityId, name: '幸福社区', streetId: 'st1', streetName: '锦江街道' },
          buildings: [
            {
              id: 'b3',
              name: '3栋',
              units: [
                { id: 'u31', name: '1单元' },
                { id: 'u32', name: '2单元' },
              ],
            },
            { id: 'b5', name: '5栋', units: [{ id: 'u51', name: '1单元' }] },
          ],
        },
      }))
      .on('places', 'rooms', ({ unitId }) => ({
        ok: true,
        data:
          unitId === 'u32'
            ? [
                { householdId: 'h-3-2-301', room: '301' },
                { householdId: 'h-3-2-302', room: '302' },
              ]
            : [],
      }))

  it('when a resident picks community, building, unit and room, then requestBinding is called with that household', async () => {
    backend = withDirectory().on('users', 'requestBinding', ({ householdId }) => ({
      ok: true,
      data: buildMe({ pendingBindings: [{ requestId: 'r1', householdId, communityName: '幸福社区', label: '3栋 2单元 302' }] }),
    }))
    renderPage(Me, {}, '/pages/me/index')

    fireEvent.click(await screen.findByText('选择住户绑定'))
    fireEvent.click(await screen.findByText('幸福社区'))
    fireEvent.click(await screen.findByText('3栋'))
    fireEvent.click(await screen.findByText('2单元'))
    fireEvent.click(await screen.findByText('302'))
    expect(screen.getByText('申请绑定：幸福社区 · 3栋 · 2单元 · 302')).toBeTruthy()
    fireEvent.click(screen.getByText('提交绑定申请'))

    await waitFor(() => expect(backend.callsOf('users', 'requestBinding')).toHaveLength(1))
    expect(backend.callsOf('users', 'requestBinding')[0].data).toEqual({ householdId: 'h-3-2-302', claim: 'member' })
    expect(backend.callsOf('places', 'directory')[0].data).toEqual({ communityId: 'c1' })
    expect(await screen.findByText('幸福社区 · 审核中')).toBeTruthy()
  })

  it('when the request is refused because one is pending, then the envelope message is shown and the choice is kept', async () => {
    backend = withDirectory().fail('users', 'requestBinding', { code: 'HOUSEHOLD.REQUEST_PENDING', message: '您的绑定申请正在审核中' })
    renderPage(Me, {}, '/pages/me/index')

    fireEvent.click(await screen.findByText('选择住户绑定'))
    fireEvent.click(await screen.findByText('幸福社区'))
    fireEvent.click(await screen.findByText('3栋'))
    fireEvent.click(await screen.findByText('2单元'))
    fireEvent.click(await screen.findByText('301'))
    fireEvent.click(screen.getByText('提交绑定申请'))

    expect(await screen.findByText('您的绑定申请正在审核中')).toBeTruthy()
    expect(screen.getByText('申请绑定：幸福社区 · 3栋 · 2单元 · 301')).toBeTruthy()
  })

  it('when the person holds roles and households, then both are listed with Chinese role names', async () => {
    backend = fakeBackend().ok(
      'users',
      'me',
      buildMe({
        roles: [{ role: 'grid_member', communityId: 'c1', communityName: '幸福社区', streetId: 'st1', streetName: '锦江街道' }],
        households: [{ householdId: 'h1', communityId: 'c1', communityName: '幸福社区', buildingName: '3栋', unitName: '2单元', room: '301' }],
      }),
    )
    renderPage(Me, {}, '/pages/me/index')

    expect(await screen.findByText('网格员')).toBeTruthy()
    expect(screen.getByText('3栋 2单元 301')).toBeTruthy()
  })

  it('when an owner who lives elsewhere asks to bind, then the request says they claim to be the owner', async () => {
    backend = withDirectory().on('users', 'requestBinding', () => ({ ok: true, data: buildMe() }))
    renderPage(Me, {}, '/pages/me/index')
    fireEvent.click(await screen.findByText('选择住户绑定'))
    fireEvent.click(await screen.findByText('幸福社区'))
    fireEvent.click(await screen.findByText('3栋'))
    fireEvent.click(await screen.findByText('2单元'))
    fireEvent.click(await screen.findByText('301'))
    fireEvent.click(screen.getByText('我是这套房子的产权人'))
    fireEvent.click(screen.getByText('提交绑定申请'))
    await waitFor(() => expect(backend.callsOf('users', 'requestBinding')).toHaveLength(1))
    expect(backend.callsOf('users', 'requestBinding')[0].data).toEqual({ householdId: 'h-3-2-301', claim: 'owner' })
  })

  it('when a resident types the household code, then they choose which member they are and bind as that member', async () => {
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    backend = fakeBackend()
      .ok('users', 'me', buildMe())
      .ok('users', 'householdByCode', {
        householdId: 'h1',
        communityName: '幸福社区',
        label: '3栋 2单元 301',
        members: [
          { memberId: 'm1', name: '王**', relation: '户主', taken: false },
          { memberId: 'm2', name: '李*', relation: '配偶', taken: true },
          { memberId: 'm3', name: '王**', relation: '子女', taken: false },
        ],
      })
      .on('users', 'bindByCode', () => ({
        ok: true,
        data: buildMe({
          households: [{ householdId: 'h1', communityId: 'c1', communityName: '幸福社区', buildingName: '3栋', unitName: '2单元', room: '301' }],
        }),
      }))
    renderPage(Me, {}, '/pages/me/index')
    typeInto(await screen.findByLabelText('住户绑定码'), 'ab12c-d3456')
    fireEvent.click(screen.getByText('查找这一户'))
    expect(await screen.findByText('请选择您是哪一位')).toBeTruthy()
    // the member someone else holds is not offered
    expect(screen.queryByText('配偶')).toBeNull()
    fireEvent.click(screen.getByLabelText('王**，子女'))
    await waitFor(() => expect(backend.callsOf('users', 'bindByCode')).toHaveLength(1))
    expect(backend.callsOf('users', 'bindByCode')[0].data).toEqual({ code: 'AB12CD3456', memberId: 'm3' })
    expect(await screen.findByText('3栋 2单元 301')).toBeTruthy()
  })

  it('when the app is opened from the QR on a bind notice, then the household is looked up without typing the code', async () => {
    backend = fakeBackend()
      .ok('users', 'me', buildMe())
      .ok('users', 'householdByCode', {
        householdId: 'h1',
        communityName: '幸福社区',
        label: '3栋 2单元 301',
        members: [{ memberId: 'm1', name: '王**', relation: '户主', taken: false }],
      })
    renderPage(Me, { q: encodeURIComponent('https://gov.example.cn/b/AB12C-D3456') }, '/pages/me/index')
    expect(await screen.findByText('请选择您是哪一位')).toBeTruthy()
    expect(backend.callsOf('users', 'householdByCode')[0].data).toEqual({ code: 'AB12CD3456' })
  })

  it('when a newcomer comes from their stairwell’s code, then three taps reach a binding request: the room, the claim kept as it is, submit — the name asked on the way', async () => {
    backend = fakeBackend()
      .ok('users', 'me', buildMe({ registered: false, name: '' }))
      .ok('places', 'resolveCode', {
        code: 'AB12CD34',
        street: { id: 'st1', name: '锦江街道' },
        community: { id: 'c1', name: '幸福社区' },
        building: { id: 'b3', name: '3栋' },
        unit: { id: 'u32', name: '2单元' },
        grid: null,
      })
      .ok('places', 'rooms', [
        { householdId: 'h-3-2-301', room: '301' },
        { householdId: 'h-3-2-302', room: '302' },
      ])
      .on('users', 'updateProfile', ({ name }) => ({ ok: true, data: buildMe({ registered: true, name }) }))
      .on('users', 'requestBinding', ({ householdId }) => ({
        ok: true,
        data: buildMe({ name: '孙大爷', pendingBindings: [{ requestId: 'r1', householdId, communityName: '幸福社区', label: '3栋 2单元 302' }] }),
      }))
    askMeTo({ bind: true, placeCode: 'AB12CD34' })
    renderPage(Me, {}, '/pages/me/index')
    // (tap 1 was on the home page: 扫我家楼道的二维码绑定)
    fireEvent.click(await screen.findByText('302')) // tap 2
    typeInto(screen.getByLabelText('您的姓名'), '孙大爷')
    fireEvent.click(screen.getByText('提交绑定申请')) // tap 3
    await waitFor(() => expect(backend.callsOf('users', 'requestBinding')).toHaveLength(1))
    expect(backend.callsOf('users', 'updateProfile')[0].data).toEqual({ name: '孙大爷' })
    expect(backend.callsOf('users', 'requestBinding')[0].data).toEqual({ householdId: 'h-3-2-302', claim: 'member' })
    expect(await screen.findByText('幸福社区 · 审核中')).toBeTruthy()
  })
})
