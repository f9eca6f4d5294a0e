import { z } from 'zod'
import { action, communityId, defineFunction, id, page, returns, type Listing, type Paged, type Role } from './core'
import {
  MATTER_KINDS,
  ROLL_KINDS,
  VOTE_UNITS,
  type CouncilStage,
  type MatterKind,
  type MatterState,
  type RollKind,
  type VoteRule,
  type VoteUnit,
} from './councilLabels'
import { ORGANISERS, ROLES } from './roles'

/**
 * Council decisions, 四议两公开 (see cloudfunctions/_core/domain/council.ts):
 *   党组织提议 → 两委商议 → 党员大会审议 → 居民（代表）会议决议 → 决议公开 → 实施结果公开
 * in that order, none skipped; any stage may end the matter (rejected, withdrawn) with a reason.
 */
export * from './councilLabels'

export type CouncilAction =
  'recordDeliberation' | 'recordReview' | 'openVote' | 'enterPaperVote' | 'closeVote' | 'withdraw' | 'publish' | 'object' | 'answerObjection' | 'publishResult'

export interface StageRecordView {
  stage: CouncilStage
  stageLabel: string
  at: string
  by: { name: string; role: Role | 'system' }
  date: string | null
  minutes: string | null
  attendance: { present: number; expected: number } | null
  attendees: string | null
  outcome: 'agreed' | 'rejected' | 'withdrawn' | 'published'
  votes: { for: number; against: number; abstain: number } | null
  reason: string | null
  voteId: string | null
}

export interface VoteFigure {
  key: string
  /** e.g. "参与人数" */
  label: string
  value: number
  of: number
  /** e.g. "≥ 2/3" */
  threshold: string
  met: boolean
}

export interface VoteView {
  id: string
  stage: 'review' | 'resolution'
  rollKind: RollKind
  rollKindLabel: string
  unit: VoteUnit
  unitLabel: string
  rule: VoteRule
  ruleLabel: string
  secret: boolean
  choices: { id: string; label: string }[]
  opensAt: string
  closesAt: string
  status: 'scheduled' | 'open' | 'closed'
  /** how the roll's size is said: 人 / 户 / 位业主 */
  unitNoun: string
  /** the counting basis in words: who is on the roll, how owners and area are counted, the rule and its source */
  basis: string[]
  rollCount: number
  /** area shown in m² */
  rollArea: number
  /** how many have voted so far: staff only while the vote runs (everyone once closed) */
  turnout: number | null
  /** the count and area per choice: once closed, or live for an open ballot */
  tally: { choices: { id: string; label: string; count: number; area: number }[]; participants: number; participantArea: number } | null
  result: { passed: boolean; adopted: string | null; adoptedLabel: string | null; figures: VoteFigure[] } | null
  me: {
    onRoll: boolean
    voted: boolean
    /** under one household one vote: someone of the household voted (name masked) */
    votedBy: string | null
    channel: 'online' | 'paper' | null
    /** the caller's own choice, for an open ballot; a secret ballot is not readable afterwards by anyone */
    choice: string | null
    /** the roll entries the caller may vote as (several: a person bound to two households, or holding two owner identities) */
    as: { key: string; label: string }[]
  }
}

export interface ObjectionView {
  id: string
  text: string
  byName: string
  at: string
  answer: { text: string; at: string; byName: string } | null
  mine: boolean
}

export interface MatterSummary {
  id: string
  title: string
  kind: MatterKind
  kindLabel: string
  state: MatterState
  stateLabel: string
  /** "全社区" or the buildings' names */
  scopeLabel: string
  /** the vote the caller can take part in now */
  openVote: { id: string; closesAt: string; voted: boolean } | null
  publicityUntil: string | null
  createdAt: string
  updatedAt: string
}

export interface MatterView extends MatterSummary {
  communityId: string
  background: string
  options: string[]
  attachments: string[]
  buildingIds: string[]
  records: StageRecordView[]
  votes: VoteView[]
  publication: { text: string; at: string; until: string; open: boolean } | null
  objections: ObjectionView[]
  result: { text: string; photos: string[]; at: string } | null
  evidence: { id: string; categoryLabel: string; placeLabel: string; excerpt: string; stateLabel: string; createdAt: string }[]
  can: CouncilAction[]
}

export interface RollEntryView {
  key: string
  /** the entry's number as printed on its paper ballot and the sign-in sheet ("0042"); null on rolls drawn before numbering */
  ballotNo: string | null
  label: string
  area: number
  voted: boolean
  channel: 'online' | 'paper' | null
  paperNo: string | null
}

export interface MatterSuggestion {
  buildingId: string
  buildingName: string
  category: string
  categoryLabel: string
  count: number
  ticketIds: string[]
}

const matterId = () => id()
const voteId = () => id()
const requestId = () =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确')
const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, `不能超过${max}个字`)
const files = (max: number) =>
  z
    .array(
      z
        .string()
        .trim()
        .regex(/^cloud:\/\/[^\s]{1,300}$/, '附件地址不正确'),
    )
    .max(max, `最多${max}个附件`)
    .default([])
const isoTime = () => z.iso.datetime({ offset: true, message: '时间格式不正确' })
const day = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-01-31')

/** Everyone of the community may read matters that concern them; the roll decides who votes. */

export const councilContract = defineFunction('council', {
  list: action({
    summary: '与我有关的议题（进行中的表决在前）',
    input: z.object({ communityId: communityId(), ...page().shape }).strict(),
    output: returns<Listing<MatterSummary>>(),
    access: ROLES,
  }),
  get: action({
    summary: '议题详情：各环节记录、表决、公示与异议、实施结果',
    input: z.object({ matterId: matterId() }).strict(),
    output: returns<MatterView>(),
    access: ROLES,
  }),
  suggestions: action({
    summary: '同一楼栋30天内同类报事达到条数时，建议起草议题',
    input: z.object({ communityId: communityId() }).strict(),
    output: returns<MatterSuggestion[]>(),
    access: ORGANISERS,
  }),
  propose: action({
    summary: '党组织提议：新建议题',
    input: z
      .object({
        communityId: communityId(),
        requestId: requestId(),
        title: text(60, '请填写议题名称'),
        /** a community matter, or the item of Civil Code art. 278 an owners' matter falls under */
        kind: z.enum(MATTER_KINDS).default('community'),
        background: text(5000, '请填写提议的背景和理由'),
        options: z.array(text(100, '方案不能为空')).max(6, '最多6个方案').default([]),
        attachments: files(9),
        ticketIds: z.array(id()).max(50, '最多关联50条报事').default([]),
        buildingIds: z.array(id()).max(50, '最多选择50栋楼').default([]),
      })
      .strict()
      .refine((v) => v.options.length !== 1, { message: '方案要么不填（表决同意与否），要么至少两个', path: ['options'] }),
    output: returns<MatterView>(),
    access: ['branch_secretary'],
  }),
  recordStage: action({
    summary: '记录两委商议或党员大会审议（会议记录、出席、结论）',
    input: z
      .object({
        matterId: matterId(),
        stage: z.enum(['deliberation', 'review']),
        date: day(),
        minutes: text(5000, '请填写会议记录'),
        attendance: z.object({ present: z.number().int().min(0).max(100000), expected: z.number().int().min(1).max(100000) }).strict(),
        attendees: z.string().trim().max(500, '不能超过500个字').default(''),
        outcome: z.enum(['agreed', 'rejected']),
        votes: z
          .object({ for: z.number().int().min(0), against: z.number().int().min(0), abstain: z.number().int().min(0) })
          .strict()
          .optional(),
        reason: z.string().trim().max(500, '不能超过500个字').default(''),
      })
      .strict()
      .refine((v) => v.attendance.present <= v.attendance.expected, { message: '出席人数不能多于应到人数', path: ['attendance'] })
      .refine((v) => v.outcome === 'agreed' || v.reason.length > 0, { message: '不同意时请填写理由', path: ['reason'] }),
    output: returns<MatterView>(),
    access: ORGANISERS,
    errors: ['COUNCIL.INVALID_STAGE', 'CONFLICT'],
  }),
  withdraw: action({
    summary: '撤回议题（须说明理由）',
    input: z.object({ matterId: matterId(), reason: text(500, '请填写撤回理由') }).strict(),
    output: returns<MatterView>(),
    access: ['branch_secretary'],
    errors: ['COUNCIL.INVALID_STAGE', 'CONFLICT'],
  }),
  openVote: action({
    summary: '发起表决：确定参加名单、计票规则和起止时间',
    input: z
      .object({
        matterId: matterId(),
        rollKind: z.enum(ROLL_KINDS),
        buildingIds: z.array(id()).max(50).default([]),
        /** residents may vote per person or per household; every other roll has one unit (and the rule follows the matter) */
        unit: z.enum(VOTE_UNITS).optional(),
        secret: z.boolean().default(true),
        opensAt: isoTime(),
        closesAt: isoTime(),
      })
      .strict(),
    output: returns<MatterView>(),
    access: ORGANISERS,
    errors: ['COUNCIL.INVALID_STAGE', 'CONFLICT'],
  }),
  vote: action({
    summary: '投票（只能投一次；一户一票时本户只计第一票；代表多户或多个业主身份时说明代表哪一个）',
    input: z.object({ voteId: voteId(), choice: id(), key: id().optional() }).strict(),
    output: returns<VoteView>(),
    access: ROLES,
  }),
  enterPaperVote: action({
    summary: '录入纸质票或会议现场票（逐人录入，记录录入人）',
    input: z.object({ voteId: voteId(), voterKey: id(), choice: id(), paperNo: z.string().trim().min(1, '请填写纸质票编号').max(20, '编号过长') }).strict(),
    output: returns<VoteView>(),
    access: ORGANISERS,
  }),
  roll: action({
    summary: '表决名单及投票情况（不含投票内容）；按姓名、房号或纸质票上的票号查找',
    input: z.object({ voteId: voteId(), q: z.string().trim().max(20, '不超过20个字').optional(), ...page().shape }).strict(),
    output: returns<Paged<RollEntryView> & { choices: { id: string; label: string }[] }>(),
    access: ORGANISERS,
  }),
  closeVote: action({
    summary: '结束表决并计票',
    input: z.object({ voteId: voteId() }).strict(),
    output: returns<MatterView>(),
    access: ORGANISERS,
  }),
  publish: action({
    summary: '决议公开：发布决议并开始公示期',
    input: z.object({ matterId: matterId(), text: text(5000, '请填写公示内容'), days: z.number().int().min(1).max(30).default(7) }).strict(),
    output: returns<MatterView>(),
    access: ORGANISERS,
    errors: ['COUNCIL.INVALID_STAGE', 'CONFLICT'],
  }),
  object: action({
    summary: '公示期内对决议提出异议',
    input: z.object({ matterId: matterId(), requestId: requestId(), text: text(500, '请填写异议内容') }).strict(),
    output: returns<MatterView>(),
    access: ROLES,
  }),
  answerObjection: action({
    summary: '答复居民异议',
    input: z.object({ objectionId: id(), text: text(1000, '请填写答复内容') }).strict(),
    output: returns<MatterView>(),
    access: ORGANISERS,
  }),
  publishResult: action({
    summary: '实施结果公开',
    input: z.object({ matterId: matterId(), text: text(5000, '请填写实施结果'), photos: files(9) }).strict(),
    output: returns<MatterView>(),
    access: ORGANISERS,
    errors: ['COUNCIL.INVALID_STAGE', 'CONFLICT'],
  }),
})

export type CouncilContract = typeof councilContract
