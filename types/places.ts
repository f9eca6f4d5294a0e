import { z } from 'zod'
import { action, defineFunction, returns, id, communityId, name, page, type Paged } from './core'
import { OWNERSHIPS, type Ownership } from './registerLabels'
import { STAFF } from './roles'

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
  communityId: string
  buildingId: string
  unitId: string
  label: string
  room: string
  holderName: string
  /** masked */
  phone: string | null
  area: number | null
  ownerName: string | null
  ownership: Ownership | null
  members: number
  adults: number
  /** whether a bind notice with a valid code is out, and until when (the code is printed on it, never shown here) */
  bindCodeUntil: string | null
  boundResidents: number
}

export interface ResidentView {
  id: string
  name: string
  relation: string
  birth: string | null
  adult: boolean
  /** masked */
  phone: string | null
  /** someone uses the app as this member (their name as the app knows it) */
  boundTo: string | null
}

export interface OwnerView {
  id: string
  name: string
  kind: 'person' | 'developer'
  ref: string | null
  /** all the units this owner holds in the community, e.g. 1栋 1单元 301 */
  units: string[]
  boundTo: string | null
}

export interface HouseholdDetail extends HouseholdView {
  people: ResidentView[]
  owner: OwnerView | null
}

export interface CommunitySettingsView {
  photoRetentionDays: number
  /** 回访: the share (percent, 0–100) of closed tickets called back besides every low rating and every unconfirmed one */
  callbackShare: number
}

export interface ImportResult {
  buildings: number
  units: number
  households: number
  members: number
  owners: number
  /** imported, but worth a look: e.g. units that share an owner by name only */
  warnings: string[]
}

/** A member of a household as staff enter them: birth as the register has it (a year or a date). */
const member = z
  .object({
    householdId: id(),
    /** absent: a new member */
    memberId: id().optional(),
    name: z.string().trim().min(1, '请填写姓名').max(20, '姓名不超过20个字'),
    relation: z.string().trim().min(1, '请填写与户主关系').max(10, '不超过10个字'),
    /** as staff write it: 1950-03-08, 1950/3/8, 19500308 or a year alone */
    birth: z.string().trim().max(12, '出生日期格式如 1950-03-08 或 1950').nullable().default(null),
    adult: z.boolean().nullable().default(null),
    /** absent when correcting someone: their phone stays as it is; null clears it */
    phone: z
      .string()
      .trim()
      .regex(/^(1\d{10}|\d{7,12})$/, '电话号码格式不正确')
      .nullable()
      .optional(),
  })
  .strict()

const placeCode = () =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{4,16}$/, '楼道码格式不正确')

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
    access: [...STAFF, 'grid_leader', 'grid_member'],
  }),
  createGrid: action({
    summary: '新建网格',
    input: z.object({ communityId: communityId(), name: name() }).strict(),
    output: returns<GridView>(),
    access: STAFF,
  }),
  renameGrid: action({
    summary: '修改网格名称',
    input: z.object({ gridId: id(), name: name() }).strict(),
    output: returns<GridView>(),
    access: STAFF,
  }),
  setGridMembers: action({
    summary: '设置网格的网格长和网格员',
    input: z.object({ gridId: id(), leaderOpenid: id().nullable(), memberOpenids: z.array(id()).max(50, '一个网格最多50名网格员') }).strict(),
    output: returns<GridView>(),
    access: STAFF,
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
    access: STAFF,
  }),
  updateBuilding: action({
    summary: '修改楼栋名称或所属网格',
    input: z.object({ buildingId: id(), name: name(20).optional(), gridId: id().nullable().optional() }).strict(),
    output: returns<BuildingView>(),
    access: STAFF,
  }),
  addUnit: action({
    summary: '为楼栋增加单元',
    input: z.object({ buildingId: id(), name: name(20) }).strict(),
    output: returns<UnitView>(),
    access: STAFF,
  }),
  importCsv: action({
    summary: '从表格导入住户名册（楼栋、单元、住户、家庭成员、产权人）',
    input: z
      .object({
        communityId: communityId(),
        /** the file's text (browser), or the fileID of the file uploaded to cloud storage (mini-program) */
        csv: z.string().max(4_000_000, '文件过大，请分批导入').optional(),
        fileID: z
          .string()
          .trim()
          .regex(/^cloud:\/\/[^\s]{1,300}$/, '文件地址不正确')
          .optional(),
      })
      .strict()
      .refine((v) => (v.csv === undefined) !== (v.fileID === undefined), { message: '请选择要导入的文件', path: ['csv'] }),
    output: returns<ImportResult>(),
    access: STAFF,
  }),
  households: action({
    summary: '住户名册',
    input: page()
      .extend({ communityId: communityId(), buildingId: id().optional(), unitId: id().optional(), q: z.string().trim().max(20, '不超过20个字').optional() })
      .strict(),
    output: returns<Paged<HouseholdView>>(),
    access: STAFF,
  }),
  settings: action({
    summary: '社区设置：报事照片保存期限、回访抽查比例',
    input: z.object({ communityId: communityId() }).strict(),
    output: returns<CommunitySettingsView>(),
    access: STAFF,
  }),
  updateSettings: action({
    summary: '修改社区设置：报事办结后照片保存多少天（到期自动删除照片，报事记录保留）；回访抽查多少比例的办结报事',
    input: z
      .object({
        communityId: communityId(),
        photoRetentionDays: z.number().int().min(30, '至少保存30天').max(3650, '最多保存10年').optional(),
        callbackShare: z.number().int('请填写整数').min(0, '抽查比例在0到100之间').max(100, '抽查比例在0到100之间').optional(),
      })
      .strict()
      .refine((v) => v.photoRetentionDays !== undefined || v.callbackShare !== undefined, { message: '没有要修改的设置', path: ['communityId'] }),
    output: returns<CommunitySettingsView>(),
    access: STAFF,
  }),
  revokeBindCode: action({
    summary: '作废某户的绑定码（通知丢失或被他人看到时）',
    input: z.object({ householdId: id() }).strict(),
    output: returns<HouseholdDetail>(),
    access: STAFF,
  }),
  household: action({
    summary: '一户的家庭成员和产权人',
    input: z.object({ householdId: id() }).strict(),
    output: returns<HouseholdDetail>(),
    access: STAFF,
  }),
  saveMember: action({
    summary: '新增或修改家庭成员',
    input: member,
    output: returns<HouseholdDetail>(),
    access: STAFF,
  }),
  removeMember: action({
    summary: '从名册中移除家庭成员',
    input: z.object({ memberId: id() }).strict(),
    output: returns<HouseholdDetail>(),
    access: STAFF,
  }),
  setOwner: action({
    summary: '登记房屋的产权人、产权状态和专有部分面积',
    input: z
      .object({
        householdId: id(),
        area: z.number().positive('面积应大于0').max(9999, '面积过大').nullable(),
        ownership: z.enum(OWNERSHIPS).nullable(),
        ownerName: z.string().trim().max(40, '产权人不超过40个字').default(''),
        ownerRef: z
          .string()
          .trim()
          .regex(/^[0-9A-Za-z-]{0,30}$/, '产权人编号只能是数字、字母或短横线')
          .default(''),
      })
      .strict()
      .refine((v) => (v.ownership === null) === (v.ownerName === ''), { message: '请同时填写产权人和产权状态（或都不填）', path: ['ownerName'] }),
    output: returns<HouseholdDetail>(),
    access: STAFF,
  }),
})
