/**
 * The zod-free values of callbacks (回访), for the functions and the mini-program alike. Re-exported from
 * types/tickets.ts.
 */
import type { CallbackReason, CallbackStatus } from './models'

export const CALLBACK_STATUSES = ['open', 'done', 'unreachable'] as const satisfies readonly CallbackStatus[]

export const CALLBACK_STATUS_LABELS: Record<CallbackStatus, string> = {
  open: '待回访',
  done: '已回访',
  unreachable: '联系不上',
}

export const CALLBACK_REASON_LABELS: Record<CallbackReason, string> = {
  lowRating: '居民评价不满意',
  unconfirmed: '居民未确认，超时自动关闭',
  recheck: '上次回访未解决，重新办结后复核',
  share: '按比例抽查',
}

/** Calls nobody answers, each on a different day, before a callback ends as unreachable. */
export const CALLBACK_MAX_TRIES = 3

/** The community's share of other closed tickets called back, in percent, unless staff set another. */
export const DEFAULT_CALLBACK_SHARE = 20

export const SATISFACTION_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'] as const
