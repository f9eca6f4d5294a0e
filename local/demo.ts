import { createHash } from 'crypto'
import type { Role } from '../types'

/**
 * The demo world a fresh `npm start` opens on: one street, two communities, grids, buildings with units, a
 * household roll, and a person for every role. Ids and codes are fixed so links and tests can name them.
 */
export const DEMO = {
  street: { _id: 'st-chunhui', name: '春晖街道', district: '锦江区' },
  communities: [
    { _id: 'c-xingfu', name: '幸福社区', grids: ['第一网格', '第二网格'], buildings: 6, units: 2 },
    { _id: 'c-heping', name: '和平社区', grids: ['第一网格'], buildings: 3, units: 2 },
  ],
  floors: 6,
  roomsPerFloor: 2,
} as const

export interface DemoIdentity {
  openid: string
  name: string
  /** what the sign-in page shows, e.g. "居民 · 王秀英（幸福社区 1栋1单元301）" */
  label: string
  roles: { role: Role; communityId: string | null }[]
  phone: string
  /** household of a resident, as "building|unit|room" in their community */
  home?: string
  /** grid (by index in the community's grid list) a grid member or leader serves */
  grid?: number
}

export const DEMO_IDENTITIES: DemoIdentity[] = [
  { openid: 'dev-resident', name: '王秀英', label: '居民 · 王秀英（幸福社区 1栋1单元301，党员）', roles: [{ role: 'resident', communityId: 'c-xingfu' }, { role: 'party_member', communityId: 'c-xingfu' }], phone: '13800000001', home: '1栋|1单元|301' },
  { openid: 'dev-resident-2', name: '李建国', label: '居民 · 李建国（幸福社区 4栋2单元502，居民代表）', roles: [{ role: 'resident', communityId: 'c-xingfu' }, { role: 'resident_rep', communityId: 'c-xingfu' }], phone: '13800000002', home: '4栋|2单元|502' },
  { openid: 'dev-grid-member', name: '张伟', label: '网格员 · 张伟（幸福社区 第一网格）', roles: [{ role: 'grid_member', communityId: 'c-xingfu' }], phone: '13800000003', grid: 0 },
  { openid: 'dev-grid-member-2', name: '黄丽', label: '网格员 · 黄丽（幸福社区 第二网格）', roles: [{ role: 'grid_member', communityId: 'c-xingfu' }], phone: '13800000004', grid: 1 },
  { openid: 'dev-grid-leader', name: '刘芳', label: '网格长 · 刘芳（幸福社区）', roles: [{ role: 'grid_leader', communityId: 'c-xingfu' }], phone: '13800000005', grid: 0 },
  { openid: 'dev-staff', name: '陈静', label: '社区工作者 · 陈静（幸福社区）', roles: [{ role: 'community_staff', communityId: 'c-xingfu' }], phone: '13800000006' },
  { openid: 'dev-secretary', name: '赵红梅', label: '党组织书记 · 赵红梅（幸福社区）', roles: [{ role: 'branch_secretary', communityId: 'c-xingfu' }, { role: 'party_member', communityId: 'c-xingfu' }], phone: '13800000007' },
  { openid: 'dev-street', name: '孙强', label: '街道工作人员 · 孙强（春晖街道）', roles: [{ role: 'street_staff', communityId: null }], phone: '13800000008' },
  { openid: 'dev-resident-heping', name: '周敏', label: '居民 · 周敏（和平社区 1栋1单元101）', roles: [{ role: 'resident', communityId: 'c-heping' }], phone: '13800000009', home: '1栋|1单元|101' },
  { openid: 'dev-staff-heping', name: '吴刚', label: '社区工作者 · 吴刚（和平社区）', roles: [{ role: 'community_staff', communityId: 'c-heping' }], phone: '13800000010' },
  { openid: 'dev-newcomer', name: '', label: '新用户（尚未绑定住户）', roles: [], phone: '' },
]

const READABLE = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A fixed code derived from a name, so the demo's stairwell links stay the same across resets. */
export const stableCode = (seed: string, length: number): string => {
  const bytes = createHash('sha256').update(seed).digest()
  let out = ''
  for (let i = 0; i < length; i++) out += READABLE[bytes[i] % READABLE.length]
  return out
}

export const demoIds = {
  grid: (communityId: string, i: number) => `${communityId}-g${i + 1}`,
  building: (communityId: string, b: number) => `${communityId}-b${b}`,
  unit: (communityId: string, b: number, u: number) => `${communityId}-b${b}-u${u}`,
  household: (communityId: string, b: number, u: number, room: string) => `${communityId}-b${b}-u${u}-${room}`,
  /** the stairwell code of a demo unit: what its QR code carries */
  unitCode: (communityId: string, b: number, u: number) => stableCode(`unit:${communityId}:${b}:${u}`, 8),
}
