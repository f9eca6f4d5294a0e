import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Places from '../../src/packages/staff/pages/places/index'
import { fakeBackend } from './support/fakeTransport'
import { buildStaffMe, buildTree } from './support/factories'
import { renderPage } from './support/render'

describe('staff places page', () => {
  let backend: ReturnType<typeof fakeBackend>
  beforeEach(() => Taro.clearStorageSync())
  afterEach(() => backend.restore())

  it('when a community worker opens it, then the tree shows grids, buildings, units and their place codes', async () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe()).ok('places', 'tree', buildTree())
    renderPage(Places, {}, '/packages/staff/pages/places/index')

    expect(await screen.findByText('第一网格', { selector: '.subtitle' })).toBeTruthy()
    expect(screen.getByText('AB12CD31')).toBeTruthy()
    expect(screen.getByText('AB12CD32')).toBeTruthy()
    expect(screen.getByText('未划入网格的楼栋')).toBeTruthy()
    expect(screen.getByText('EF56GH51')).toBeTruthy()
    expect(backend.callsOf('places', 'tree')[0].data).toEqual({ communityId: 'c1' })
  })

  it('when a building is moved into a grid, then updateBuilding is called and the tree is read again', async () => {
    backend = fakeBackend()
      .ok('users', 'me', buildStaffMe())
      .ok('places', 'tree', buildTree())
      .on('places', 'updateBuilding', ({ buildingId, gridId }) => ({ ok: true, data: { id: buildingId, name: '5栋', gridId: gridId ?? null, units: [] } }))
    renderPage(Places, {}, '/packages/staff/pages/places/index')

    fireEvent.click(await screen.findByText('调整5栋所属网格'))
    const choices = screen.getAllByText('第一网格').filter((el) => el.className.includes('choice-label'))
    fireEvent.click(choices[0])

    await waitFor(() => expect(backend.callsOf('places', 'updateBuilding')).toHaveLength(1))
    expect(backend.callsOf('places', 'updateBuilding')[0].data).toEqual({ buildingId: 'b5', gridId: 'g1' })
    await waitFor(() => expect(backend.callsOf('places', 'tree')).toHaveLength(2))
  })

  it('when the person has no staff role, then the page says so instead of showing a tree', async () => {
    backend = fakeBackend().ok('users', 'me', buildStaffMe({ roles: [] }))
    renderPage(Places, {}, '/packages/staff/pages/places/index')

    expect(await screen.findByText('您还没有社区管理身份，请使用邀请码获得身份')).toBeTruthy()
    expect(backend.callsOf('places', 'tree')).toEqual([])
  })
})
