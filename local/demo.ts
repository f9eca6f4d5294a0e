import { createHash } from 'crypto'
import type { Role } from '../types'
import { calendar } from '../cloudfunctions/_core/time'

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
  {
    openid: 'dev-resident',
    name: '王秀英',
    label: '居民 · 王秀英（幸福社区 1栋1单元301，党员）',
    roles: [
      { role: 'resident', communityId: 'c-xingfu' },
      { role: 'party_member', communityId: 'c-xingfu' },
    ],
    phone: '13800000001',
    home: '1栋|1单元|301',
  },
  {
    openid: 'dev-resident-2',
    name: '李建国',
    label: '居民 · 李建国（幸福社区 4栋2单元502，居民代表）',
    roles: [
      { role: 'resident', communityId: 'c-xingfu' },
      { role: 'resident_rep', communityId: 'c-xingfu' },
    ],
    phone: '13800000002',
    home: '4栋|2单元|502',
  },
  {
    openid: 'dev-grid-member',
    name: '张伟',
    label: '网格员 · 张伟（幸福社区 第一网格）',
    roles: [{ role: 'grid_member', communityId: 'c-xingfu' }],
    phone: '13800000003',
    grid: 0,
  },
  {
    openid: 'dev-grid-member-2',
    name: '黄丽',
    label: '网格员 · 黄丽（幸福社区 第二网格）',
    roles: [{ role: 'grid_member', communityId: 'c-xingfu' }],
    phone: '13800000004',
    grid: 1,
  },
  {
    openid: 'dev-grid-leader',
    name: '刘芳',
    label: '网格长 · 刘芳（幸福社区）',
    roles: [{ role: 'grid_leader', communityId: 'c-xingfu' }],
    phone: '13800000005',
    grid: 0,
  },
  {
    openid: 'dev-staff',
    name: '陈静',
    label: '社区工作者 · 陈静（幸福社区）',
    roles: [{ role: 'community_staff', communityId: 'c-xingfu' }],
    phone: '13800000006',
  },
  {
    openid: 'dev-secretary',
    name: '赵红梅',
    label: '党组织书记 · 赵红梅（幸福社区）',
    roles: [
      { role: 'branch_secretary', communityId: 'c-xingfu' },
      { role: 'party_member', communityId: 'c-xingfu' },
    ],
    phone: '13800000007',
  },
  { openid: 'dev-street', name: '孙强', label: '街道工作人员 · 孙强（春晖街道）', roles: [{ role: 'street_staff', communityId: null }], phone: '13800000008' },
  {
    openid: 'dev-resident-heping',
    name: '周敏',
    label: '居民 · 周敏（和平社区 1栋1单元101）',
    roles: [{ role: 'resident', communityId: 'c-heping' }],
    phone: '13800000009',
    home: '1栋|1单元|101',
  },
  {
    openid: 'dev-staff-heping',
    name: '吴刚',
    label: '社区工作者 · 吴刚（和平社区）',
    roles: [{ role: 'community_staff', communityId: 'c-heping' }],
    phone: '13800000010',
  },
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
  /** the bind code printed on a demo household's notice (only its hash is stored) */
  bindCode: (householdId: string) => stableCode(`household:${householdId}`, 10),
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭']
const GIVEN = [
  '建华',
  '淑芬',
  '国强',
  '桂英',
  '志明',
  '秀兰',
  '德胜',
  '玉梅',
  '永康',
  '丽华',
  '海涛',
  '晓燕',
  '俊杰',
  '红霞',
  '卫东',
  '美玲',
  '子涵',
  '雨桐',
  '浩然',
  '欣怡',
]

export interface DemoMember {
  name: string
  relation: string
  birth: string
  phone: string | null
}

export interface DemoRegisterEntry {
  members: DemoMember[]
  owner: { kind: 'person' | 'developer'; name: string; key: string; ownership: 'owned' | 'unsold' | 'undelivered' }
}

/** 幸福社区 3栋2单元: one buyer holds three flats (counted as one owner, with the three areas). */
const MULTI_UNIT = { community: 'c-xingfu', b: 3, u: 2, rooms: ['101', '102', '201'], name: '李淑芬', key: 'O-LSF-1968' }
/** 幸福社区 6栋2单元: the developer still holds two unsold flats and one sold but not yet delivered. */
const DEVELOPER = { community: 'c-xingfu', b: 6, u: 2, unsold: ['601', '602'], undelivered: ['501'], name: '幸福置业有限公司' }

/**
 * The register of one demo dwelling: who lives there (one to four people, some of them children, an elderly parent
 * in some; about one dwelling in nine has nobody registered — the owner lives elsewhere) and who owns it. Fixed by
 * the dwelling, so every fresh demo has the same register.
 */
export function demoRegister(communityId: string, b: number, u: number, f: number, r: number, room: string): DemoRegisterEntry {
  const bytes = createHash('sha256').update(`register:${communityId}:${b}:${u}:${room}`).digest()
  const home = DEMO_IDENTITIES.some((p) => p.home === `${b}栋|${u}单元|${room}` && p.roles[0]?.communityId === communityId)
  const surname = SURNAMES[bytes[5] % SURNAMES.length]
  const person = (i: number) => `${i === 1 ? SURNAMES[bytes[6] % SURNAMES.length] : surname}${GIVEN[bytes[7 + i] % GIVEN.length]}`
  const year = (from: number, span: number, byte: number) =>
    calendar(Date.UTC(from + (bytes[byte] % span), bytes[byte + 1] % 12, 1 + (bytes[byte + 2] % 28))).format('YYYY-MM-DD')
  const vacant = !home && bytes[0] % 9 === 0
  const count = vacant ? 0 : 1 + (bytes[1] % 4)
  const members: DemoMember[] = []
  const headYear = year(1945, 40, 12)
  if (count >= 1)
    members.push({ name: person(0), relation: '户主', birth: headYear, phone: `139${String(b).padStart(2, '0')}${u}${room}${r}`.padEnd(11, '0').slice(0, 11) })
  if (count >= 2) members.push({ name: person(1), relation: '配偶', birth: year(Number(headYear.slice(0, 4)) - 3, 7, 15), phone: null })
  // children born 1975–2019: the later ones are under 18 and stay off a residents' roll
  if (count >= 3) members.push({ name: person(2), relation: '子女', birth: year(1975, 45, 18), phone: null })
  if (count >= 4) members.push({ name: person(3), relation: '父母', birth: year(1930, 15, 21), phone: null })

  if (communityId === DEVELOPER.community && b === DEVELOPER.b && u === DEVELOPER.u && !home) {
    const ownership = DEVELOPER.unsold.includes(room) ? 'unsold' : DEVELOPER.undelivered.includes(room) ? 'undelivered' : null
    // nobody lives in an unsold flat
    if (ownership) return { members: ownership === 'unsold' ? [] : members, owner: { kind: 'developer', name: DEVELOPER.name, key: DEVELOPER.name, ownership } }
  }
  if (communityId === MULTI_UNIT.community && b === MULTI_UNIT.b && u === MULTI_UNIT.u && MULTI_UNIT.rooms.includes(room) && !home) {
    return { members, owner: { kind: 'person', name: MULTI_UNIT.name, key: MULTI_UNIT.key, ownership: 'owned' } }
  }
  const ownerName = members[0]?.name ?? `${surname}${GIVEN[bytes[30] % GIVEN.length]}`
  return { members, owner: { kind: 'person', name: ownerName, key: `O-${b}-${u}-${room}`, ownership: 'owned' } }
}
