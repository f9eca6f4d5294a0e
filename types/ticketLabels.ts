/**
 * The zod-free values of the tickets contract: the mini-program imports these at run time without carrying zod.
 * Re-exported from types/tickets.ts.
 */
export const TICKET_STATES = ['submitted', 'assigned', 'accepted', 'resolved', 'closed', 'withdrawn', 'merged'] as const
export type TicketState = (typeof TICKET_STATES)[number]

export const TICKET_STATE_LABELS: Record<TicketState, string> = {
  submitted: '已提交',
  assigned: '待受理',
  accepted: '处理中',
  resolved: '已办结待确认',
  closed: '已关闭',
  withdrawn: '已撤回',
  merged: '已合并',
}

/** Who handles a ticket now: the grid, the community's staff, or the street ("吹哨"). */
export const TICKET_LEVELS = ['grid', 'community', 'street'] as const
export type TicketLevel = (typeof TICKET_LEVELS)[number]

/** Timeline entries: every transition appends one; nothing is ever removed. */
export const TICKET_EVENTS = [
  'submit',
  'assign',
  'join',
  'accept',
  'progress',
  'resolve',
  'escalate',
  'transfer',
  'reassign',
  'confirm',
  'reopen',
  'rate',
  'withdraw',
  'merge',
  'absorb',
  'markOverdue',
  'autoEscalate',
  'autoClose',
  /** 回访: a call to the reporter after closing, by someone other than the handlers */
  'callback',
] as const
export type TicketEventType = (typeof TICKET_EVENTS)[number]

export interface TicketCategory {
  key: string
  label: string
  /** respond (accept) within this many hours */
  respondHours: number
  /** resolve within this many days */
  resolveDays: number
}

/** Defaults a community starts with; staff may change them (community settings). */
export const DEFAULT_TICKET_CATEGORIES: TicketCategory[] = [
  { key: 'sanitation', label: '环境卫生', respondHours: 4, resolveDays: 2 },
  { key: 'repair', label: '设施报修', respondHours: 4, resolveDays: 3 },
  { key: 'safety', label: '安全隐患', respondHours: 1, resolveDays: 1 },
  { key: 'parking', label: '停车秩序', respondHours: 8, resolveDays: 5 },
  { key: 'noise', label: '噪音扰民', respondHours: 4, resolveDays: 3 },
  { key: 'property', label: '物业纠纷', respondHours: 24, resolveDays: 7 },
  { key: 'neighbour', label: '邻里纠纷', respondHours: 24, resolveDays: 7 },
  { key: 'renovation', label: '旧房改造', respondHours: 24, resolveDays: 15 },
  { key: 'other', label: '其他', respondHours: 24, resolveDays: 7 },
]
