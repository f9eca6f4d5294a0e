import type { MeView, PlaceTree, PlaceView } from '../../../types'

export const buildPlace = (overrides: Partial<PlaceView> = {}): PlaceView => ({
  code: 'AB12CD34',
  street: { id: 'st1', name: '锦江街道' },
  community: { id: 'c1', name: '幸福社区' },
  building: { id: 'b3', name: '3栋' },
  unit: { id: 'u32', name: '2单元' },
  grid: { id: 'g1', name: '第一网格' },
  ...overrides,
})

export const buildMe = (overrides: Partial<MeView> = {}): MeView => ({
  openid: 'o-resident-1',
  registered: true,
  name: '王秀英',
  phone: '138****5678',
  roles: [],
  households: [],
  pendingBindings: [],
  ...overrides,
})

export const buildStaffMe = (overrides: Partial<MeView> = {}): MeView =>
  buildMe({
    openid: 'o-staff-1',
    name: '张社工',
    roles: [{ role: 'community_staff', communityId: 'c1', communityName: '幸福社区', streetId: 'st1', streetName: '锦江街道' }],
    ...overrides,
  })

export const buildTree = (overrides: Partial<PlaceTree> = {}): PlaceTree => ({
  community: { id: 'c1', name: '幸福社区', streetId: 'st1', streetName: '锦江街道' },
  grids: [{ id: 'g1', name: '第一网格', leaderOpenid: null, memberOpenids: ['o-grid-1'], buildingIds: ['b3'] }],
  buildings: [
    {
      id: 'b3',
      name: '3栋',
      gridId: 'g1',
      units: [
        { id: 'u31', name: '1单元', code: 'AB12CD31' },
        { id: 'u32', name: '2单元', code: 'AB12CD32' },
      ],
    },
    { id: 'b5', name: '5栋', gridId: null, units: [{ id: 'u51', name: '1单元', code: 'EF56GH51' }] },
  ],
  ...overrides,
})
