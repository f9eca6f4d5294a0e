import { z } from 'zod'
import { action, communityId, defineFunction, id, page, returns, type Paged } from './core'
import type { ActivityPhase, SignupStatus } from './volunteerLabels'
import { certificateActions } from './certificates'
import { COMMUNITY_MEMBERS, ORGANISERS } from './roles'

/**
 * Volunteer service (志愿服务) and in-service party members (在职党员双报到), see cloudfunctions/_core/domain/volunteers.ts:
 * staff publish activities; people of the community sign up (a waitlist past capacity moves up by itself), check in
 * and out at the place with the organiser's changing code, and build up service hours a record and a CSV can show.
 */
export * from './volunteerLabels'
export * from './certificates'

/** What the caller may do on an activity now (buttons to show). */
export type VolunteerAction = 'signup' | 'cancel' | 'checkin' | 'checkout' | 'showCode' | 'adjustHours'

export interface MySignupView {
  status: SignupStatus
  statusLabel: string
  /** 1-based place on the waitlist while waitlisted */
  waitlistPosition: number | null
  checkinAt: string | null
  checkoutAt: string | null
  /** credited hours: once checked out, or as staff corrected them */
  hours: number | null
}

export interface ActivitySummary {
  id: string
  communityId: string
  title: string
  place: string
  startAt: string
  endAt: string
  /** sign-up and cancelling close at this time */
  deadline: string
  capacity: number
  /** who runs it, as published (e.g. "幸福社区党委") */
  organiser: string
  skills: string[]
  confirmed: number
  waitlisted: number
  /** places left; 0 = new sign-ups go to the waitlist */
  remaining: number
  phase: ActivityPhase
  phaseLabel: string
  /** the caller's sign-up, if any (a cancelled one included) */
  me: MySignupView | null
}

export interface HoursAdjustmentView {
  at: string
  byName: string
  oldHours: number | null
  newHours: number
  reason: string
}

/** One person on an activity, as organisers see it. */
export interface RosterEntryView {
  openid: string
  name: string
  /** masked */
  phone: string | null
  status: SignupStatus
  statusLabel: string
  /** arrival order on this activity */
  seq: number
  waitlistPosition: number | null
  signedUpAt: string
  checkinAt: string | null
  checkoutAt: string | null
  hours: number | null
  recorderName: string | null
  adjustments: HoursAdjustmentView[]
}

export interface ActivityView extends ActivitySummary {
  description: string
  publishedBy: string
  createdAt: string
  can: VolunteerAction[]
  /** organisers of the community only (confirmed, then waitlisted, then cancelled); null for everyone else */
  roster: RosterEntryView[] | null
}

/** What the organiser's phone shows at the place; ask again when `secondsLeft` runs out. */
export interface CheckinCodeView {
  activityId: string
  /** 6 digits */
  code: string
  /** seconds a code lasts */
  period: number
  secondsLeft: number
  validUntil: string
  /** the code as a QR image (PNG data URL) for volunteers to scan */
  qr: string
}

export interface RecordEntryView {
  activityId: string
  title: string
  place: string
  organiser: string
  /** the service date, YYYY-MM-DD (Shanghai) */
  date: string
  startAt: string
  endAt: string
  checkinAt: string | null
  checkoutAt: string | null
  /** null while not credited yet */
  hours: number | null
  /** who confirmed the hours: the organiser whose code was used, or the staff who corrected them */
  recorderName: string | null
  adjusted: boolean
}

export interface VolunteerRecordView {
  openid: string
  name: string
  communityId: string
  communityName: string
  totalHours: number
  /** activities with credited hours */
  activities: number
  /** newest year first */
  years: { year: number; hours: number; activities: number }[]
  /** activities the person held a place on, newest first */
  entries: RecordEntryView[]
}

export interface VolunteerExport {
  /** UTF-8 with a BOM, CRLF lines: Excel opens it as it is */
  csv: string
  filename: string
  rows: number
}

export interface PartyMemberView {
  openid: string
  name: string
  /** masked */
  phone: string | null
  workplace: string
  branchName: string
  registeredAt: string
  updatedAt: string
  /** service hours credited in this community, all years and this year */
  hours: number
  hoursThisYear: number
  activities: number
}

const activityId = () => id()
const requestId = () =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确')
const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, `不能超过${max}个字`)
const isoTime = () => z.iso.datetime({ offset: true, message: '时间格式不正确' })
const code = () =>
  z
    .string()
    .trim()
    .regex(/^\d{6}$/, '请输入6位数字签到码')
const year = () => z.number().int('年份不正确').min(2000, '年份不正确').max(2100, '年份不正确')

/** Everyone holding a role in the community may take part. */
/** The street oversees its communities' activities. */
const readers = [...COMMUNITY_MEMBERS, 'street_staff'] as const

export const volunteersContract = defineFunction('volunteers', {
  publish: action({
    summary: '发布志愿服务活动',
    input: z
      .object({
        communityId: communityId(),
        requestId: requestId(),
        title: text(40, '请填写活动名称'),
        description: z.string().trim().max(2000, '不能超过2000个字').default(''),
        place: text(60, '请填写活动地点'),
        startAt: isoTime(),
        endAt: isoTime(),
        deadline: isoTime(),
        capacity: z.number({ message: '请填写招募人数' }).int('招募人数须为整数').min(1, '至少招募1人').max(500, '最多招募500人'),
        organiser: text(40, '请填写组织单位'),
        skills: z.array(text(12, '技能不能为空')).max(8, '最多填写8项技能').default([]),
      })
      .strict(),
    output: returns<ActivityView>(),
    access: ORGANISERS,
  }),
  list: action({
    summary: '本社区的志愿服务活动（即将开始的在前，或往期）',
    input: z
      .object({
        communityId: communityId(),
        when: z.enum(['upcoming', 'past']).default('upcoming'),
        /** only activities I hold a place on or wait for */
        mine: z.boolean().default(false),
        ...page().shape,
      })
      .strict(),
    output: returns<Paged<ActivitySummary>>(),
    access: readers,
  }),
  get: action({
    summary: '活动详情（组织者可见报名名单）',
    input: z.object({ activityId: activityId() }).strict(),
    output: returns<ActivityView>(),
    access: readers,
  }),
  signup: action({
    summary: '报名（名额已满时进入候补，有人取消时自动递补）',
    input: z.object({ activityId: activityId() }).strict(),
    output: returns<ActivityView>(),
    access: COMMUNITY_MEMBERS,
  }),
  cancel: action({
    summary: '取消报名（报名截止前）',
    input: z.object({ activityId: activityId() }).strict(),
    output: returns<ActivityView>(),
    access: COMMUNITY_MEMBERS,
  }),
  checkinCode: action({
    summary: '组织者出示的签到码（每30秒更换）',
    input: z.object({ activityId: activityId() }).strict(),
    output: returns<CheckinCodeView>(),
    access: ORGANISERS,
  }),
  checkin: action({
    summary: '现场签到：输入组织者手机上的签到码',
    input: z.object({ activityId: activityId(), code: code() }).strict(),
    output: returns<ActivityView>(),
    access: COMMUNITY_MEMBERS,
  }),
  checkout: action({
    summary: '现场签退：再次输入签到码，计入服务时长',
    input: z.object({ activityId: activityId(), code: code() }).strict(),
    output: returns<ActivityView>(),
    access: COMMUNITY_MEMBERS,
  }),
  adjustHours: action({
    summary: '更正志愿者的服务时长（须说明理由）',
    input: z
      .object({
        activityId: activityId(),
        openid: id(),
        hours: z.number({ message: '请填写服务时长' }).min(0, '时长不能为负').max(24, '时长不能超过24小时'),
        reason: text(200, '请填写更正理由'),
      })
      .strict(),
    output: returns<ActivityView>(),
    access: ORGANISERS,
  }),
  record: action({
    summary: '志愿服务记录：参加的活动、每年时长和总时长（社区工作人员可查看本社区志愿者）',
    input: z.object({ communityId: communityId(), openid: id().optional() }).strict(),
    output: returns<VolunteerRecordView>(),
    access: COMMUNITY_MEMBERS,
  }),
  export: action({
    summary: '导出志愿服务记录（CSV）：某位志愿者，或全社区某一年',
    input: z
      .object({ communityId: communityId(), openid: id().optional(), year: year().optional() })
      .strict()
      .refine((v) => v.openid !== undefined || v.year !== undefined, { message: '请选择志愿者或年份', path: ['year'] }),
    output: returns<VolunteerExport>(),
    access: ORGANISERS,
  }),
  registerPartyMember: action({
    summary: '在职党员到居住地社区报到（双报到）',
    input: z
      .object({
        communityId: communityId(),
        workplace: text(60, '请填写工作单位'),
        branchName: text(60, '请填写所在党组织'),
      })
      .strict(),
    output: returns<PartyMemberView>(),
    access: COMMUNITY_MEMBERS,
  }),
  partyMembers: action({
    summary: '到社区报到的在职党员及其服务时长',
    input: z.object({ communityId: communityId(), ...page().shape }).strict(),
    output: returns<Paged<PartyMemberView>>(),
    access: ORGANISERS,
  }),
  // the record's training, commendations and evaluations, and certificates of service (types/certificates.ts)
  ...certificateActions,
})

export type VolunteersContract = typeof volunteersContract
