import { z } from 'zod'
import { action, defineFunction, returns, id, communityId, page, COMMUNITY_ROLES, type Paged, type Role } from './core'
import type { BindingStatus } from './models'
import { consoleActions } from './console'
import { STAFF } from './roles'

export interface RoleView {
  role: Role
  communityId: string | null
  communityName: string | null
  streetId: string
  streetName: string
}

export interface HouseholdRef {
  householdId: string
  communityId: string
  communityName: string
  buildingName: string
  unitName: string
  room: string
}

export interface MeView {
  openid: string
  /** false until the person first saves a profile, redeems an invite or binds a household */
  registered: boolean
  name: string
  /** masked, e.g. 138****5678 */
  phone: string | null
  roles: RoleView[]
  households: HouseholdRef[]
  pendingBindings: { requestId: string; householdId: string; communityName: string; label: string }[]
}

export interface InviteView {
  code: string
  communityId: string
  role: Role
  gridId: string | null
  expiresAt: string
  used: boolean
  usedByName: string | null
}

export interface BindingRequestView {
  requestId: string
  name: string
  householdId: string
  /** e.g. 3栋 2单元 301 */
  label: string
  holderName: string
  /** the person says they live there (member) or own it (owner) */
  claim: 'member' | 'owner'
  /** bound to the household already with its code: only which member they are waits for staff */
  bound: boolean
  status: BindingStatus
  createdAt: string
}

/** What a household's bind code opens: which household, and who is on its register (names masked). */
export interface CodeHouseholdView {
  householdId: string
  communityName: string
  label: string
  members: { memberId: string; name: string; relation: string; taken: boolean }[]
}

export interface MemberView {
  openid: string
  name: string
  phone: string | null
  roles: Role[]
}

const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, '请填写11位手机号')

/** As printed (ABCDE-FGHJK) or typed any way: spaces and dashes dropped, letters upper-cased. */
const bindCode = z
  .string()
  .max(40, '住户绑定码是10位字母或数字')
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{10}$/, '住户绑定码是10位字母或数字'))

/** A resident's own data, as they download it (个人信息保护法: the right to see and copy one's data). */
export interface MyDataResult {
  /** a link to the whole download as a JSON file, valid 15 minutes */
  url: string
  fileID: string
  /** what it holds, counted, for the page to say */
  counts: {
    households: number
    members: number
    owners: number
    tickets: number
    voteReceipts: number
    volunteerSignups: number
    objections: number
    bindingRequests: number
  }
}

export interface DeletionView {
  at: string
}

/** A notification kind the mini-program may ask the person to subscribe to, with its template id. */
export interface SubscriptionTemplate {
  kind: string
  templateId: string
}

export const usersContract = defineFunction('users', {
  me: action({
    summary: '我的身份、角色与绑定的住户',
    input: z.object({}).strict(),
    output: returns<MeView>(),
    access: 'anyone',
  }),
  subscriptionTemplates: action({
    summary: '可订阅的消息类别与模板（模板由配置决定）',
    input: z.object({}).strict(),
    output: returns<SubscriptionTemplate[]>(),
    access: 'anyone',
  }),
  recordSubscriptions: action({
    summary: '记录本人在微信订阅弹窗中同意的消息（每同意一次，可收到一条）',
    input: z
      .object({
        accepted: z
          .array(z.string().regex(/^[A-Za-z]{1,32}$/, '消息类别不正确'))
          .min(1)
          .max(10),
      })
      .strict(),
    output: returns<{ kind: string; remaining: number }[]>(),
    access: 'anyone',
  }),
  updateProfile: action({
    summary: '填写或修改姓名、手机号',
    input: z.object({ name: z.string().trim().min(1, '请填写姓名').max(20, '姓名不能超过20个字'), phone: phone.nullable().optional() }).strict(),
    output: returns<MeView>(),
    access: 'anyone',
  }),
  createInvite: action({
    summary: '发放一次性身份邀请码',
    input: z
      .object({
        communityId: communityId(),
        role: z.enum(COMMUNITY_ROLES),
        gridId: id().nullable().optional(),
        validHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 30)
          .default(72),
      })
      .strict(),
    output: returns<InviteView>(),
    access: STAFF,
  }),
  listInvites: action({
    summary: '本社区发放的邀请码',
    input: page().extend({ communityId: communityId() }).strict(),
    output: returns<Paged<InviteView>>(),
    access: STAFF,
  }),
  redeemInvite: action({
    summary: '使用邀请码获得身份',
    input: z
      .object({
        code: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z0-9]{8}$/, '邀请码是8位字母或数字'),
      })
      .strict(),
    output: returns<MeView>(),
    access: 'anyone',
  }),
  requestBinding: action({
    summary: '申请绑定住户（由社区审核，说明是家庭成员还是产权人）',
    input: z.object({ householdId: id(), claim: z.enum(['member', 'owner']).default('member') }).strict(),
    output: returns<MeView>(),
    access: 'anyone',
  }),
  householdByCode: action({
    summary: '住户绑定码对应的住户和家庭成员（姓名打码），供选择“我是谁”',
    input: z.object({ code: bindCode }).strict(),
    output: returns<CodeHouseholdView>(),
    access: 'anyone',
  }),
  bindByCode: action({
    summary: '用社区发放的住户绑定码直接绑定，并说明自己是哪位家庭成员（名单上没有时由社区核对）',
    input: z.object({ code: bindCode, memberId: id().nullable().default(null) }).strict(),
    output: returns<MeView>(),
    access: 'anyone',
  }),
  listBindingRequests: action({
    summary: '待审核的住户绑定申请',
    input: page()
      .extend({ communityId: communityId(), status: z.enum(['pending', 'approved', 'rejected']).default('pending') })
      .strict(),
    output: returns<Paged<BindingRequestView>>(),
    access: STAFF,
  }),
  decideBinding: action({
    summary: '通过或驳回住户绑定申请；通过时核对是哪位家庭成员（或新增为成员），产权人申请核对产权人',
    input: z
      .object({
        requestId: id(),
        approve: z.boolean(),
        reason: z.string().trim().max(200, '理由不能超过200个字').optional(),
        /** the household's member this person is */
        memberId: id().optional(),
        /** not on the register yet: add them as a member with these facts */
        newMember: z
          .object({
            relation: z.string().trim().min(1, '请填写与户主关系').max(10, '不超过10个字'),
            birth: z.string().trim().max(12, '出生日期格式如 1950-03-08 或 1950').nullable().default(null),
            adult: z.boolean().nullable().default(null),
          })
          .strict()
          .optional(),
      })
      .strict()
      .refine((v) => !(v.memberId && v.newMember), { message: '请在名册成员和新增成员中选一个', path: ['memberId'] }),
    output: returns<BindingRequestView>(),
    access: STAFF,
  }),
  myData: action({
    summary: '下载我的个人信息（资料、住户、报事及进展、投票记录（不含选择）、志愿服务记录）',
    input: z.object({}).strict(),
    output: returns<MyDataResult>(),
    access: 'anyone',
  }),
  deleteAccount: action({
    summary: '注销账号：删除个人资料和绑定；报事作为社区记录保留但匿名，选票仍计入结果',
    input: z.object({ confirm: z.literal('注销', { message: '请输入“注销”两个字确认' }) }).strict(),
    output: returns<{ deleted: true }>(),
    access: 'anyone',
  }),
  deletions: action({
    summary: '本社区居民注销账号的记录（只有时间，没有内容）',
    input: page().extend({ communityId: communityId() }).strict(),
    output: returns<Paged<DeletionView>>(),
    access: STAFF,
  }),
  listMembers: action({
    summary: '本社区的工作人员与网格员',
    input: z.object({ communityId: communityId(), role: z.enum(COMMUNITY_ROLES).optional() }).strict(),
    output: returns<MemberView[]>(),
    access: [...STAFF, 'grid_leader'],
  }),
  revokeRole: action({
    summary: '收回某人在本社区的身份',
    input: z.object({ communityId: communityId(), openid: id(), role: z.enum(COMMUNITY_ROLES) }).strict(),
    output: returns<MemberView>(),
    access: STAFF,
  }),
  ...consoleActions,
})
