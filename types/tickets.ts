import { z } from 'zod'
import { action, communityId, defineFunction, id, page, returns, type Paged, type Role } from './core'
import { TICKET_STATES, type TicketCategory, type TicketEventType, type TicketLevel, type TicketState } from './ticketLabels'
import { CALLBACK_STATUSES } from './callbackLabels'
import type { CallbackReason, CallbackStatus } from './models'
import { GRID_ROLES, STAFF } from './roles'

/**
 * Scan-to-report tickets. The workflow (see cloudfunctions/_core/domain/ticket.ts):
 *   submitted → assigned → accepted → resolved → closed
 * with escalated (level grid → community → street), transferred, merged, reopened, withdrawn.
 */
export {
  TICKET_STATES,
  TICKET_STATE_LABELS,
  TICKET_LEVELS,
  TICKET_EVENTS,
  DEFAULT_TICKET_CATEGORIES,
  type TicketState,
  type TicketLevel,
  type TicketEventType,
  type TicketCategory,
} from './ticketLabels'
export {
  CALLBACK_STATUSES,
  CALLBACK_STATUS_LABELS,
  CALLBACK_REASON_LABELS,
  CALLBACK_MAX_TRIES,
  DEFAULT_CALLBACK_SHARE,
  SATISFACTION_WORDS,
} from './callbackLabels'
export type { CallbackReason, CallbackStatus } from './models'
export interface TicketActorRef {
  openid: string
  role: Role | 'system'
  /** as shown to the viewer: masked for residents where the community masks names */
  name: string
}

export interface TimelineEntryView {
  at: string
  event: TicketEventType
  actor: TicketActorRef
  note: string | null
  photos: string[]
  /** e.g. the level escalated to, or the member transferred to */
  detail: string | null
}

export interface TicketSummary {
  id: string
  state: TicketState
  stateLabel: string
  level: TicketLevel
  category: string
  categoryLabel: string
  /** "3栋 2单元" */
  placeLabel: string
  /** first line of the text */
  excerpt: string
  createdAt: string
  /** deadline that applies now: to respond while unaccepted, to resolve after */
  dueAt: string | null
  overdue: boolean
  followers: number
}

export interface TicketView extends TicketSummary {
  communityId: string
  gridId: string | null
  buildingId: string
  unitId: string
  text: string
  photos: string[]
  /** hidden when the reporter chose anonymity and the viewer is not staff */
  reporterName: string | null
  /** masked unless the viewer handles the ticket */
  reporterPhone: string | null
  assignee: { openid: string; name: string } | null
  respondBy: string
  resolveBy: string
  resolution: { note: string; photos: string[]; at: string } | null
  confirmation: 'confirmed' | 'unconfirmed' | null
  rating: { score: number; comment: string | null } | null
  mergedInto: string | null
  timeline: TimelineEntryView[]
  /** what the viewer may do now: the app shows only these buttons */
  can: TicketAction[]
  /** the viewer follows the ticket (reporter or "me too") */
  following: boolean
  /**
   * Content security, present once the check held the ticket's words: 'pending' while staff review them (the
   * neighbours see a placeholder), 'rejected' when kept hidden, 'published' when cleared.
   */
  moderation?: 'pending' | 'published' | 'rejected' | null
}

/** A grid member as the grid's notice board shows them (name and phone are posted there): whom to call about a report. */
export interface GridContact {
  name: string
  /** null when the member has given no phone */
  phone: string | null
}

/**
 * What 扫码报事 answers: the ticket, and the grid member it went to with their phone, so the confirmation can name
 * them and offer a call. null when nobody is assigned yet, or when the community hides it (setting `hideGridContact`).
 */
export interface SubmittedTicketView extends TicketView {
  handler: GridContact | null
}

export type TicketAction =
  'withdraw' | 'accept' | 'progress' | 'resolve' | 'escalate' | 'transfer' | 'reassign' | 'merge' | 'confirm' | 'reopen' | 'rate' | 'join'

export interface SimilarTicket {
  id: string
  categoryLabel: string
  placeLabel: string
  /** what the reporter wrote: only for residents of the building and staff (a stairwell code hangs in public) */
  excerpt: string | null
  stateLabel: string
  createdAt: string
  followers: number
  /** same unit, or only the same building */
  sameUnit: boolean
}

export interface InboxView extends Paged<TicketSummary> {
  counts: { overdue: number; new: number; inProgress: number }
}

export interface ReplyTemplate {
  id: string
  category: string
  text: string
}

export interface RateFigure {
  numerator: number
  denominator: number
  /** 0..1, null when the denominator is 0 */
  rate: number | null
}

export interface DashboardFigures {
  total: number
  open: number
  /** open tickets past their deadline to respond or to resolve */
  overdue: number
  responseRate: RateFigure
  /** confirmed by the reporter, and only marked resolved, counted apart */
  resolutionRate: { confirmed: RateFigure; markedResolved: RateFigure }
  satisfactionRate: RateFigure
  /** counts still-open overdue tickets as late */
  onTimeRate: RateFigure
  /** 小事不出网格 */
  closedInGridShare: RateFigure
  repeatComplaints: number
  /** 回访: what calls by someone other than the handlers found, beside the residents' own ratings */
  callback: CallbackFigures
}

export interface CallbackFigures {
  /** satisfied (4–5) / callbacks that reached the resident */
  satisfactionRate: RateFigure
  /** the resident said it was not really fixed / callbacks that reached the resident */
  notFixedShare: RateFigure
  /** callbacks that reached the resident / callbacks sampled */
  completionRate: RateFigure
  /** callbacks ended after three unanswered days */
  unreachable: number
}

/** What the viewer may do with a callback now: the page shows only these buttons. */
export type CallbackAction = 'take' | 'dial' | 'record'

/**
 * One callback in the queue, as the caller sees it. Never the reporter's phone number: `callbackDial` answers it to
 * the caller alone, at the moment of calling.
 */
export interface CallbackItem {
  ticketId: string
  /** 1 for the ticket's first callback, 2 after it was reopened and closed again, … */
  round: number
  status: CallbackStatus
  statusLabel: string
  reason: CallbackReason
  reasonLabel: string
  categoryLabel: string
  placeLabel: string
  gridName: string | null
  /** the report's first line */
  excerpt: string
  /** what the handler wrote when resolving it: what to ask the resident about */
  resolutionNote: string | null
  closedAt: string
  /** the reporter's own answer before the callback */
  confirmation: 'confirmed' | 'unconfirmed' | null
  selfRating: number | null
  /** how to address the resident: staff see the name, others a masked one; null when the reporter chose anonymity */
  residentName: string | null
  /** whether there is a number to call (the number itself only through callbackDial) */
  hasPhone: boolean
  /** calls nobody answered, each on its own day */
  unreached: { at: string; byName: string }[]
  triesLeft: number
  /** not to be called before this (the next morning after an unanswered call) */
  dueAt: string
  takenBy: { name: string; mine: boolean; at: string } | null
  result: { fixed: boolean; satisfaction: number; note: string | null; at: string; byName: string } | null
  can: CallbackAction[]
  /** why the viewer may not take this one, in words (null when they may, or when it has ended) */
  blocked: { code: string; message: string } | null
}

export interface CallbackQueueView extends Paged<CallbackItem> {
  /** how many callbacks the viewer's queue holds in each status (the list shows one status at a time) */
  counts: Record<CallbackStatus, number>
}

export interface DashboardView {
  scope: { kind: 'community' | 'street'; id: string; name: string }
  figures: DashboardFigures
  byGrid: { key: string; label: string; figures: DashboardFigures }[]
  byBuilding: { key: string; label: string; figures: DashboardFigures }[]
  byCategory: { key: string; label: string; figures: DashboardFigures }[]
  /** ISO week, e.g. 2026-W47 */
  byWeek: { key: string; label: string; figures: DashboardFigures }[]
  /**
   * Tickets by building and category (the heat table): `counts[i][j]` counts the tickets of `buildings[i]` in
   * `categories[j]`, as `total` counts them; rows and columns as in byBuilding and byCategory, those without a ticket
   * left out.
   */
  buildingCategory: {
    buildings: { key: string; label: string }[]
    categories: { key: string; label: string }[]
    counts: number[][]
  }
}

const ticketId = () => id()
/** One idempotency key per submission: a retry with the same key never makes a second ticket. */
const requestId = () =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确')
const placeCode = () =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{4,16}$/, '楼道码格式不正确')
const note = (max: number, required = '请填写说明') => z.string().trim().min(1, required).max(max, `不能超过${max}个字`)
/** fileIDs returned by cloud storage uploads */
const photos = () =>
  z
    .array(
      z
        .string()
        .trim()
        .regex(/^cloud:\/\/[^\s]{1,300}$/, '图片地址不正确'),
    )
    .max(6, '最多上传6张照片')
    .default([])

const handlers = [...GRID_ROLES, ...STAFF] as const
/** who may call residents back: staff, grid leaders, grid members (of another grid: the workflow checks) */
const callers = [...STAFF, 'grid_leader', 'grid_member'] as const

export const ticketsContract = defineFunction('tickets', {
  categories: action({
    summary: '社区的报事类别与办理时限',
    input: z.object({ communityId: communityId() }).strict(),
    output: returns<TicketCategory[]>(),
    access: 'anyone',
  }),
  similar: action({
    summary: '同楼同类未办结的报事（可“我也遇到”）',
    input: z.object({ placeCode: placeCode(), category: z.string().trim().min(1).max(32) }).strict(),
    output: returns<SimilarTicket[]>(),
    access: 'anyone',
  }),
  submit: action({
    summary: '扫码报事',
    input: z
      .object({
        requestId: requestId(),
        placeCode: placeCode(),
        category: z.string().trim().min(1, '请选择问题类型').max(32),
        text: z.string().trim().max(500, '描述不能超过500个字').default(''),
        photos: photos(),
        anonymous: z.boolean().default(false),
      })
      .strict(),
    output: returns<SubmittedTicketView>(),
    access: 'anyone',
  }),
  join: action({
    summary: '我也遇到（关注已有报事，不重复提交）',
    input: z.object({ ticketId: ticketId() }).strict(),
    output: returns<TicketView>(),
    access: 'anyone',
  }),
  mine: action({
    summary: '我的报事',
    input: page()
      .extend({ status: z.enum(['open', 'done', 'all']).default('all') })
      .strict(),
    output: returns<Paged<TicketSummary>>(),
    access: 'anyone',
  }),
  get: action({
    summary: '报事详情与办理过程',
    input: z.object({ ticketId: ticketId() }).strict(),
    output: returns<TicketView>(),
    access: 'anyone',
  }),
  withdraw: action({
    summary: '受理前撤回报事',
    input: z.object({ ticketId: ticketId(), reason: z.string().trim().max(200).optional() }).strict(),
    output: returns<TicketView>(),
    access: 'anyone',
  }),
  confirm: action({
    summary: '确认已解决',
    input: z.object({ ticketId: ticketId() }).strict(),
    output: returns<TicketView>(),
    access: 'anyone',
  }),
  reopen: action({
    summary: '未解决，重新办理（升级一级）',
    input: z.object({ ticketId: ticketId(), reason: note(200, '请说明哪里还没解决') }).strict(),
    output: returns<TicketView>(),
    access: 'anyone',
  }),
  rate: action({
    summary: '评价满意度',
    input: z.object({ ticketId: ticketId(), score: z.number().int().min(1).max(5), comment: z.string().trim().max(200).optional() }).strict(),
    output: returns<TicketView>(),
    access: 'anyone',
  }),
  inbox: action({
    summary: '网格员待办：超期优先，其次新报事，再次处理中',
    input: page().extend({ communityId: communityId() }).strict(),
    output: returns<InboxView>(),
    access: [...GRID_ROLES, 'community_staff', 'branch_secretary'],
  }),
  accept: action({
    summary: '受理（先到先得）',
    input: z.object({ ticketId: ticketId() }).strict(),
    output: returns<TicketView>(),
    access: handlers,
    errors: ['TICKET.INVALID_TRANSITION', 'CONFLICT'],
  }),
  progress: action({
    summary: '记录办理进展',
    input: z.object({ ticketId: ticketId(), note: note(500), photos: photos() }).strict(),
    output: returns<TicketView>(),
    access: handlers,
    errors: ['TICKET.INVALID_TRANSITION', 'CONFLICT'],
  }),
  resolve: action({
    summary: '办结：写明结果并上传处理后照片',
    input: z
      .object({ ticketId: ticketId(), note: note(500, '请填写办理结果'), photos: photos().refine((p) => p.length >= 1, '请上传至少一张处理后的照片') })
      .strict(),
    output: returns<TicketView>(),
    access: handlers,
    errors: ['TICKET.INVALID_TRANSITION', 'CONFLICT'],
  }),
  escalate: action({
    summary: '上报社区或街道（吹哨）',
    input: z.object({ ticketId: ticketId(), to: z.enum(['community', 'street']), reason: note(300, '请说明上报原因') }).strict(),
    output: returns<TicketView>(),
    access: handlers,
    errors: ['TICKET.INVALID_TRANSITION', 'CONFLICT'],
  }),
  transfer: action({
    summary: '转给本网格其他网格员',
    input: z.object({ ticketId: ticketId(), toOpenid: id(), note: z.string().trim().max(200).optional() }).strict(),
    output: returns<TicketView>(),
    access: handlers,
    errors: ['TICKET.INVALID_TRANSITION', 'CONFLICT'],
  }),
  gridMembers: action({
    summary: '可转交的本网格网格员',
    input: z.object({ ticketId: ticketId() }).strict(),
    output: returns<{ openid: string; name: string; isLeader: boolean }[]>(),
    access: handlers,
  }),
  templates: action({
    summary: '常用回复',
    input: z.object({ communityId: communityId(), category: z.string().trim().max(32).optional() }).strict(),
    output: returns<ReplyTemplate[]>(),
    access: handlers,
  }),
  saveTemplate: action({
    summary: '保存常用回复',
    input: z.object({ communityId: communityId(), id: id().optional(), category: z.string().trim().min(1).max(32), text: note(300) }).strict(),
    output: returns<ReplyTemplate>(),
    access: handlers,
  }),
  list: action({
    summary: '社区全部报事（可筛选、分页）',
    input: page()
      .extend({
        communityId: communityId(),
        state: z.enum(TICKET_STATES).optional(),
        gridId: id().optional(),
        buildingId: id().optional(),
        category: z.string().trim().max(32).optional(),
        overdue: z.boolean().optional(),
      })
      .strict(),
    output: returns<Paged<TicketSummary>>(),
    access: [...STAFF, 'grid_leader'],
  }),
  reassign: action({
    summary: '改派办理人',
    input: z.object({ ticketId: ticketId(), toOpenid: id(), note: z.string().trim().max(200).optional() }).strict(),
    output: returns<TicketView>(),
    access: [...STAFF, 'grid_leader'],
  }),
  merge: action({
    summary: '合并重复报事',
    input: z.object({ ticketId: ticketId(), intoTicketId: ticketId() }).strict(),
    output: returns<TicketView>(),
    access: [...STAFF, 'grid_leader'],
  }),
  fileOnBehalf: action({
    summary: '代居民登记报事（电话或来访）',
    input: z
      .object({
        requestId: requestId(),
        placeCode: placeCode(),
        category: z.string().trim().min(1, '请选择问题类型').max(32),
        text: note(500, '请记录居民反映的问题'),
        photos: photos(),
        channel: z.enum(['phone', 'visit']),
        residentName: z.string().trim().min(1, '请填写居民姓名').max(20),
        residentPhone: z
          .string()
          .trim()
          .regex(/^1\d{10}$/, '请填写11位手机号')
          .optional(),
        householdId: id().optional(),
      })
      .strict(),
    output: returns<TicketView>(),
    access: [...STAFF, 'grid_leader', 'grid_member'],
  }),
  dashboard: action({
    summary: '“三率”看板（社区或街道）',
    input: z.union([z.object({ communityId: communityId() }).strict(), z.object({ streetId: id() }).strict()]),
    output: returns<DashboardView>(),
    access: [...STAFF, 'grid_leader'],
  }),
  callbackQueue: action({
    summary: '回访名单：办结后抽中回访的报事（分页）',
    input: page()
      .extend({ communityId: communityId(), status: z.enum(CALLBACK_STATUSES).default('open') })
      .strict(),
    output: returns<CallbackQueueView>(),
    access: callers,
  }),
  callbackTake: action({
    summary: '认领回访（避免两人同时打给同一位居民）',
    input: z.object({ ticketId: ticketId() }).strict(),
    output: returns<CallbackItem>(),
    access: callers,
  }),
  callbackDial: action({
    summary: '回访拨号：只在拨打时把居民电话交给认领回访的人，不显示在页面上',
    input: z.object({ ticketId: ticketId() }).strict(),
    /** the number for makePhoneCall (never to be shown), and the callback now held by the caller */
    output: returns<{ phone: string; item: CallbackItem }>(),
    access: callers,
  }),
  callbackRecord: action({
    summary: '记录回访结果（未接通可改天再打，最多3次；未解决则重新办理并升级一级）',
    input: z
      .discriminatedUnion('reached', [
        z.object({ ticketId: ticketId(), reached: z.literal(false), note: z.string().trim().max(200, '不能超过200个字').optional() }).strict(),
        z
          .object({
            ticketId: ticketId(),
            reached: z.literal(true),
            fixed: z.boolean(),
            satisfaction: z.number().int().min(1, '请选择满意度').max(5, '请选择满意度'),
            note: z.string().trim().max(200, '不能超过200个字').optional(),
          })
          .strict(),
      ])
      .refine((v) => !v.reached || v.fixed || !!v.note, { message: '请写明哪里还没解决', path: ['note'] }),
    output: returns<CallbackItem>(),
    access: callers,
  }),
  export: action({
    summary: '导出报事与看板数据（CSV）',
    input: z.object({ communityId: communityId() }).strict(),
    output: returns<{ fileID: string; url: string; rows: number }>(),
    access: STAFF,
  }),
})
