import { z } from 'zod'
import { action, communityId, defineFunction, id, page, returns, type Paged } from './core'
import { WISH_CLAIM_DAYS_MAX, WISH_HOURS_STEP, WISH_MAX_HOURS, WISH_STATES, type WishNear, type WishState } from './wishLabels'
import { COMMUNITY_MEMBERS, ORGANISERS } from './roles'

/**
 * 微心愿 (small wishes), see cloudfunctions/_core/domain/wishes.ts: residents — often elderly — post a small personal
 * need (a light bulb, a ride to the clinic, help with a phone); staff approve it; volunteers and party members of the
 * community claim one near their home, do it, and the requester (or staff) confirms; the hours go to the volunteer's
 * service record, where activities' hours go.
 */
export * from './wishLabels'
export type * from './wishModels'

/** What the caller may do on a wish now (buttons to show). `call`: ask for the other party's number (contact). */
export type WishAction = 'claim' | 'withdraw' | 'complete' | 'confirm' | 'cancel' | 'review' | 'call'

export interface WishSummary {
  id: string
  communityId: string
  title: string
  /** the description's opening */
  excerpt: string
  /** the building it is near, e.g. "4栋" (never the room) */
  place: string
  /** how near the caller's own home it is (lists for volunteers); null: elsewhere, or not asked */
  near: WishNear | null
  nearLabel: string | null
  wantedAt: string
  state: WishState
  stateLabel: string
  createdAt: string
  /** the caller's part in it */
  mine: 'requester' | 'claimant' | null
}

export interface WishView extends WishSummary {
  description: string
  /** "4栋 2单元": to the requester, the claimant and staff; null to other volunteers */
  placeDetail: string | null
  /** to the claimant masked (王**), to staff in full, to the requester their own; null to other volunteers */
  requesterName: string | null
  /** to the requester masked, to staff in full, to the claimant their own; null while unclaimed and to others */
  claimantName: string | null
  claimedAt: string | null
  /** the claim lapses at this time unless done */
  claimExpiresAt: string | null
  /** the claimant's report: to the requester, the claimant and staff */
  done: { note: string; photos: string[]; hours: number; at: string } | null
  /** hours credited to the claimant's volunteer record (confirmed) */
  creditedHours: number | null
  creditedBy: 'requester' | 'staff' | null
  /** staff credited other hours than entered: to the claimant and staff */
  adjusted: { fromHours: number; reason: string } | null
  /** to the requester and staff */
  rejectReason: string | null
  cancelReason: string | null
  postedByStaff: boolean
  /** staff only (null to everyone else): the content check asked for a person's look at the words */
  flagged: boolean | null
  /** staff only: claims that ended without the wish done */
  releases: { name: string; why: 'withdrawn' | 'expired'; at: string }[] | null
  can: WishAction[]
}

/** The open wishes a volunteer may claim, nearest to their home first; `volunteer` false: they may not claim (yet). */
export interface WishBoard extends Paged<WishSummary> {
  volunteer: boolean
}

export interface WishContact {
  /** the full number, for Taro.makePhoneCall only: never to be shown on screen */
  phone: string
  /** whom it calls, masked */
  name: string
}

export interface WishSettingsView {
  claimDays: number
}

const wishId = () => id()
/** One idempotency key per submission: a retry with the same key never makes a second wish. */
const requestId = () =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确')
const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, `不能超过${max}个字`)
const isoTime = () => z.iso.datetime({ offset: true, message: '时间格式不正确' })
const hours = () =>
  z
    .number({ message: '请填写服务时长' })
    .min(WISH_HOURS_STEP, `服务时长至少${WISH_HOURS_STEP}小时`)
    .max(WISH_MAX_HOURS, `服务时长不超过${WISH_MAX_HOURS}小时`)
    .multipleOf(WISH_HOURS_STEP, '服务时长按半小时填写')
const photos = () =>
  z
    .array(
      z
        .string()
        .trim()
        .regex(/^cloud:\/\/[^\s]{1,300}$/, '图片地址不正确'),
    )
    .max(3, '最多上传3张照片')
    .default([])
const wish = {
  title: text(30, '请用一句话说说需要什么帮助'),
  description: z.string().trim().max(300, '不能超过300个字').default(''),
  wantedAt: isoTime(),
}

/** Everyone holding a role in the community may post, see and (when they volunteer) claim. */
/** Staff and the party branch approve, post for residents without the app, and confirm for them. */

export const wishesContract = defineFunction('wishes', {
  post: action({
    summary: '发布微心愿（在哪栋楼附近取自绑定的住户）',
    input: z.object({ communityId: communityId(), requestId: requestId(), householdId: id().optional(), ...wish }).strict(),
    output: returns<WishView>(),
    access: COMMUNITY_MEMBERS,
  }),
  postFor: action({
    summary: '代居民发布微心愿（从住户名册中选择这位居民）',
    input: z.object({ communityId: communityId(), requestId: requestId(), memberId: id(), ...wish }).strict(),
    output: returns<WishView>(),
    access: ORGANISERS,
  }),
  review: action({
    summary: '审核微心愿：通过后志愿者可以认领；不通过须说明理由',
    input: z
      .object({ wishId: wishId(), approve: z.boolean(), reason: z.string().trim().max(200, '不能超过200个字').optional() })
      .strict()
      .refine((v) => v.approve || !!v.reason, { message: '请填写不通过的理由', path: ['reason'] }),
    output: returns<WishView>(),
    access: ORGANISERS,
    errors: ['WISH.INVALID_STATE'],
  }),
  nearby: action({
    summary: '可认领的微心愿：离我家近的在前（同单元、同楼栋、同网格，再其他）',
    input: z.object({ communityId: communityId(), ...page().shape }).strict(),
    output: returns<WishBoard>(),
    access: COMMUNITY_MEMBERS,
  }),
  mine: action({
    summary: '我的微心愿：我发布的，或我认领的',
    input: z.object({ communityId: communityId(), as: z.enum(['requester', 'claimant']).default('requester'), ...page().shape }).strict(),
    output: returns<Paged<WishSummary>>(),
    access: COMMUNITY_MEMBERS,
  }),
  queue: action({
    summary: '本社区的微心愿（社区工作人员按状态查看，默认待审核）',
    input: z.object({ communityId: communityId(), state: z.enum(WISH_STATES).default('pending'), ...page().shape }).strict(),
    output: returns<Paged<WishSummary>>(),
    access: ORGANISERS,
  }),
  get: action({
    summary: '微心愿详情（各方看到的不同：双方只看到对方脱敏的姓名）',
    input: z.object({ wishId: wishId() }).strict(),
    output: returns<WishView>(),
    access: COMMUNITY_MEMBERS,
  }),
  claim: action({
    summary: '认领微心愿（只能一人认领；规定天数内未完成自动释放）',
    input: z.object({ wishId: wishId() }).strict(),
    output: returns<WishView>(),
    access: COMMUNITY_MEMBERS,
    errors: ['WISH.ALREADY_CLAIMED', 'WISH.INVALID_STATE'],
  }),
  withdraw: action({
    summary: '放弃认领（心愿重新开放认领）',
    input: z.object({ wishId: wishId() }).strict(),
    output: returns<WishView>(),
    access: COMMUNITY_MEMBERS,
    errors: ['WISH.INVALID_STATE'],
  }),
  complete: action({
    summary: '标记已完成：写一句完成情况或拍照，填写服务时长',
    input: z
      .object({ wishId: wishId(), note: z.string().trim().max(300, '不能超过300个字').default(''), photos: photos(), hours: hours() })
      .strict()
      .refine((v) => v.note.length > 0 || v.photos.length > 0, { message: '请写一句完成情况，或拍一张照片', path: ['note'] }),
    output: returns<WishView>(),
    access: COMMUNITY_MEMBERS,
    errors: ['WISH.INVALID_STATE'],
  }),
  confirm: action({
    summary: '确认心愿已完成，服务时长计入志愿者的服务记录（社区工作人员可更改时长并说明理由）',
    input: z.object({ wishId: wishId(), hours: hours().optional(), reason: z.string().trim().max(200, '不能超过200个字').optional() }).strict(),
    output: returns<WishView>(),
    access: COMMUNITY_MEMBERS,
    errors: ['WISH.INVALID_STATE'],
  }),
  cancel: action({
    summary: '撤销微心愿（社区工作人员撤销须说明理由）',
    input: z.object({ wishId: wishId(), reason: z.string().trim().max(200, '不能超过200个字').optional() }).strict(),
    output: returns<WishView>(),
    access: COMMUNITY_MEMBERS,
    errors: ['WISH.INVALID_STATE'],
  }),
  contact: action({
    summary: '联系对方：只给心愿人和认领人，只用于拨打电话，不在页面上显示',
    input: z.object({ wishId: wishId() }).strict(),
    output: returns<WishContact>(),
    access: COMMUNITY_MEMBERS,
  }),
  settings: action({
    summary: '微心愿设置：认领后几天内未完成自动释放',
    input: z.object({ communityId: communityId() }).strict(),
    output: returns<WishSettingsView>(),
    access: ORGANISERS,
  }),
  updateSettings: action({
    summary: '修改微心愿设置：认领后几天内未完成自动释放',
    input: z
      .object({
        communityId: communityId(),
        claimDays: z.number().int('天数须为整数').min(1, '至少1天').max(WISH_CLAIM_DAYS_MAX, `最多${WISH_CLAIM_DAYS_MAX}天`),
      })
      .strict(),
    output: returns<WishSettingsView>(),
    access: ORGANISERS,
  }),
})

export type WishesContract = typeof wishesContract
