import { z } from 'zod'
import { action, defineFunction, returns, id, communityId, name, page, type Paged } from './core'

/** What a resident sees after scanning a stairwell code. */
export interface PlaceView {
  code: string
  street: { id: string; name: string }
  community: { id: string; name: string }
  building: { id: string; name: string }
  unit: { id: string; name: string }
  grid: { id: string; name: string } | null
}

export interface CommunityView {
  id: string
  name: string
  streetId: string
  streetName: string
}

export interface UnitView {
  id: string
  name: string
  code: string
}

export interface BuildingView {
  id: string
  name: string
  gridId: string | null
  units: UnitView[]
}

export interface GridView {
  id: string
  name: string
  leaderOpenid: string | null
  memberOpenids: string[]
  buildingIds: string[]
}

export interface PlaceTree {
  community: CommunityView
  grids: GridView[]
  buildings: BuildingView[]
}

/** Buildings and units by name only: what a resident picks from when binding a household. */
export interface DirectoryView {
  community: CommunityView
  buildings: { id: string; name: string; units: { id: string; name: string }[] }[]
}

export interface HouseholdView {
  id: string
  buildingId: string
  unitId: string
  label: string
  room: string
  holderName: string
  /** masked */
  phone: string | null
  area: number | null
  isOwner: boolean
  bindCode: string
  boundResidents: number
}

export interface ImportResult {
  buildings: number
  units: number
  households: number
}

const staff = ['community_staff', 'branch_secretary', 'street_staff'] as const
const placeCode = () => z.string().trim().regex(/^[A-Za-z0-9]{4,16}$/, '楼道码格式不正确')

export const placesContract = defineFunction('places', {
  resolveCode: action({
    summary: '扫楼道码：得到社区、楼栋和单元',
    input: z.object({ code: placeCode() }).strict(),
    output: returns<PlaceView>(),
    access: 'anyone',
  }),
  communities: action({
    summary: '可选择的社区',
    input: z.object({ streetId: id().optional() }).strict(),
    output: returns<CommunityView[]>(),
    access: 'anyone',
  }),
  directory: action({
    summary: '社区的楼栋与单元（供居民选择）',
    input: z.object({ communityId: communityId() }).strict(),
    output: returns<DirectoryView>(),
    access: 'anyone',
  }),
  rooms: action({
    summary: '某单元的房号（供居民绑定住户）',
    input: z.object({ unitId: id() }).strict(),
    output: returns<{ householdId: string; room: string }[]>(),
    access: 'anyone',
  }),
  createCommunity: action({
    summary: '街道新建社区',
    input: z.object({ streetId: id(), name: name(30) }).strict(),
    output: returns<CommunityView>(),
    access: ['street_staff'],
  }),
  renameCommunity: action({
    summary: '街道修改社区名称',
    input: z.object({ communityId: communityId(), name: name(30) }).strict(),
    output: returns<CommunityView>(),
    access: ['street_staff'],
  }),
  tree: action({
    summary: '社区的网格、楼栋、单元与楼道码',
    input: z.object({ communityId: communityId() }).strict(),
    output: returns<PlaceTree>(),
    access: [...staff, 'grid_leader', 'grid_member'],
  }),
  createGrid: action({
    summary: '新建网格',
    input: z.object({ communityId: communityId(), name: name() }).strict(),
    output: returns<GridView>(),
    access: staff,
  }),
  renameGrid: action({
    summary: '修改网格名称',
    input: z.object({ gridId: id(), name: name() }).strict(),
    output: returns<GridView>(),
    access: staff,
  }),
  setGridMembers: action({
    summary: '设置网格的网格长和网格员',
    input: z
      .object({ gridId: id(), leaderOpenid: id().nullable(), memberOpenids: z.array(id()).max(50, '一个网格最多50名网格员') })
      .strict(),
    output: returns<GridView>(),
    access: staff,
  }),
  createBuilding: action({
    summary: '新建楼栋（同时建好单元）',
    input: z
      .object({
        communityId: communityId(),
        name: name(20),
        gridId: id().nullable().optional(),
        units: z.number().int().min(1, '至少1个单元').max(30, '最多30个单元').default(1),
      })
      .strict(),
    output: returns<BuildingView>(),
    access: staff,
  }),
  updateBuilding: action({
    summary: '修改楼栋名称或所属网格',
    input: z.object({ buildingId: id(), name: name(20).optional(), gridId: id().nullable().optional() }).strict(),
    output: returns<BuildingView>(),
    access: staff,
  }),
  addUnit: action({
    summary: '为楼栋增加单元',
    input: z.object({ buildingId: id(), name: name(20) }).strict(),
    output: returns<UnitView>(),
    access: staff,
  }),
  importCsv: action({
    summary: '从表格批量导入楼栋、单元和住户',
    input: z.object({ communityId: communityId(), csv: z.string().max(2_000_000, '文件过大，请分批导入') }).strict(),
    output: returns<ImportResult>(),
    access: staff,
  }),
  households: action({
    summary: '住户名册',
    input: page().extend({ communityId: communityId(), buildingId: id().optional(), unitId: id().optional() }).strict(),
    output: returns<Paged<HouseholdView>>(),
    access: staff,
  }),
})
