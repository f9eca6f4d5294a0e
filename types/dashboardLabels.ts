/**
 * What each dashboard figure counts, in the words the page, its tables and the CSV export all show, free of zod so
 * the mini-program can import the values. Each figure says its numerator and its denominator: a rate whose words
 * say something else than its number (a count of unconfirmed tickets labelled "已办结") misleads the people it is
 * meant to inform. The definitions are in cloudfunctions/_core/domain/counters.ts; keep the two together.
 */
import type { DashboardFigures, RateFigure } from './tickets'

export interface CountLabel {
  title: string
  /** what exactly is counted, shown after the number */
  note: string
}

export const COUNT_LABELS = {
  total: { title: '报事总数', note: '不含已撤回、已合并的报事' },
  // every state before closed: a ticket marked resolved and awaiting the reporter is still open
  open: { title: '未关闭', note: '含已办结待居民确认' },
  repeatComplaints: { title: '重复投诉', note: '居民说未解决、重新办理过的报事' },
} as const satisfies Record<string, CountLabel>

export type RateKey = 'responseRate' | 'confirmed' | 'markedResolved' | 'satisfactionRate' | 'onTimeRate' | 'closedInGridShare'

export interface RateLabel {
  /** the figure's name */
  title: string
  /** short column header of the breakdown tables */
  column: string
  /** what the numerator counts, read as "<numerator> N 件" */
  numerator: string
  /** what the denominator counts, read as "<denominator> N 件" */
  denominator: string
}

export const RATE_LABELS: Record<RateKey, RateLabel> = {
  // responded / total: accepted at all, on time or not
  responseRate: { title: '响应率', column: '响应率', numerator: '已受理', denominator: '共' },
  // confirmed / total
  confirmed: { title: '解决率（居民确认）', column: '居民确认解决率', numerator: '居民确认已解决', denominator: '共' },
  // (resolved − confirmed) / total: awaiting the reporter's answer, or closed automatically without one
  markedResolved: {
    title: '办结未获居民确认',
    column: '办结未确认',
    numerator: '已办结但居民未确认（含超时自动关闭）',
    denominator: '共',
  },
  // satisfied / rated
  satisfactionRate: { title: '满意率', column: '满意率', numerator: '评价满意（4–5星）', denominator: '已评价' },
  // resolvedOnTime / (resolvedOnTime + resolvedLate + openOverdue)
  onTimeRate: { title: '按期办结率', column: '按期办结率', numerator: '按期办结', denominator: '已办结或已超期未办结' },
  // closedInGrid / closed
  closedInGridShare: { title: '小事不出网格', column: '网格内关闭', numerator: '未上报、在网格内关闭', denominator: '已关闭' },
}

/** The rates of a figure set, in the order the page and the export show them. */
export const rateFigures = (f: DashboardFigures): { key: RateKey; label: RateLabel; figure: RateFigure }[] =>
  (
    [
      ['responseRate', f.responseRate],
      ['confirmed', f.resolutionRate.confirmed],
      ['markedResolved', f.resolutionRate.markedResolved],
      ['satisfactionRate', f.satisfactionRate],
      ['onTimeRate', f.onTimeRate],
      ['closedInGridShare', f.closedInGridShare],
    ] as const
  ).map(([key, figure]) => ({ key, label: RATE_LABELS[key], figure }))

/** "已受理 3 件 / 共 5 件" */
export const rateText = (label: RateLabel, figure: RateFigure): string =>
  `${label.numerator} ${figure.numerator} 件 / ${label.denominator} ${figure.denominator} 件`

/** "2 件（含已办结待居民确认）" */
export const countText = (label: CountLabel, n: number): string => `${n} 件（${label.note}）`

/** Headers of the breakdown tables: name, count, then the rates shown per row. */
export const BREAKDOWN_COLUMNS = {
  name: '名称',
  total: '报事数',
  rates: ['responseRate', 'confirmed', 'satisfactionRate', 'onTimeRate'] as const satisfies readonly RateKey[],
}

// 回访 -------------------------------------------------------------------------------------------------------------

export type CallbackRateKey = 'callbackSatisfaction' | 'callbackNotFixed' | 'callbackCompletion'

/**
 * The callback figures (definitions in cloudfunctions/_core/domain/counters.ts): calls by someone other than the
 * handlers, the honest counterpart of the residents' own ratings. Each callback follows one closing of a ticket.
 */
export const CALLBACK_RATE_LABELS: Record<CallbackRateKey, RateLabel> = {
  // satisfied / reached
  callbackSatisfaction: { title: '回访满意率', column: '回访满意率', numerator: '回访时满意（4–5分）', denominator: '回访接通' },
  // not fixed / reached
  callbackNotFixed: { title: '回访发现未解决', column: '回访未解决', numerator: '回访时居民说未解决', denominator: '回访接通' },
  // reached / sampled
  callbackCompletion: { title: '回访完成率', column: '回访完成率', numerator: '回访接通并记录', denominator: '抽中回访' },
}

export const CALLBACK_COUNT_LABELS = {
  unreachable: { title: '联系不上', note: '三天各打一次都未接通' },
} as const satisfies Record<string, CountLabel>

/** The callback rates of a figure set, in the order the page shows them. */
export const callbackRateFigures = (f: DashboardFigures): { key: CallbackRateKey; label: RateLabel; figure: RateFigure }[] =>
  (
    [
      ['callbackSatisfaction', f.callback.satisfactionRate],
      ['callbackNotFixed', f.callback.notFixedShare],
      ['callbackCompletion', f.callback.completionRate],
    ] as const
  ).map(([key, figure]) => ({ key, label: CALLBACK_RATE_LABELS[key], figure }))

/** Headers of the callback breakdowns: name, the residents' own satisfaction, then the callback rates beside it. */
export const CALLBACK_COLUMNS = {
  name: '名称',
  selfRated: '居民自评满意率',
  rates: ['callbackSatisfaction', 'callbackNotFixed', 'callbackCompletion'] as const satisfies readonly CallbackRateKey[],
}
