/**
 * 志愿服务记录与证明 (民政部《志愿服务记录与证明出具办法（试行）》, 2020): what organisers add to a volunteer's record
 * beside the service itself (training, commendations, evaluations), and the certificates of service that anyone holding
 * one can check. Free of zod so the mini-program can import the values. The rules are in
 * cloudfunctions/_core/domain/certificates.ts.
 */

/** What an organiser records beside the service hours (the 办法 lists them as parts of a volunteer record). */
export const RECORD_NOTE_KINDS = ['training', 'commendation', 'evaluation'] as const
export type RecordNoteKind = (typeof RECORD_NOTE_KINDS)[number]
export const RECORD_NOTE_KIND_LABELS: Record<RecordNoteKind, string> = {
  training: '培训经历',
  commendation: '表彰奖励',
  evaluation: '组织评价',
}

/** An organiser's evaluation of a volunteer's service: a grade and words. */
export const EVALUATION_GRADES = ['excellent', 'good', 'fair', 'improve'] as const
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number]
export const EVALUATION_GRADE_LABELS: Record<EvaluationGrade, string> = {
  excellent: '优秀',
  good: '良好',
  fair: '合格',
  improve: '有待提高',
}

/**
 * requested → issued (a PDF with a number) or declined (with a reason, told to the volunteer); issued → revoked (with a
 * reason the verification page shows). A volunteer may ask again after a decline or a revocation.
 */
export const CERTIFICATE_STATUSES = ['requested', 'issued', 'declined', 'revoked'] as const
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number]
export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  requested: '待出具',
  issued: '已出具',
  declined: '未予出具',
  revoked: '已作废',
}

/**
 * Why a certificate was revoked, as the public verification page says it: a fixed list of neutral reasons, so what a
 * stranger holding the number reads says nothing more of the person. The organiser's own words stay internal.
 */
export const REVOKE_REASONS = ['error', 'reissued', 'corrected', 'request', 'other'] as const
export type RevokeReason = (typeof REVOKE_REASONS)[number]
export const REVOKE_REASON_LABELS: Record<RevokeReason, string> = {
  error: '证明内容有误',
  reissued: '已重新出具新的证明',
  corrected: '服务记录已更正',
  request: '应本人申请作废',
  other: '出具单位已作废',
}

/** A volunteer may wait for this many certificates at once (per community). */
export const MAX_PENDING_CERTIFICATES = 3

/**
 * Certificate numbers: `ZY-` and 16 characters of the readable alphabet (no 0/O, 1/I/L) in groups of four, random
 * (31^16 ≈ 7 × 10^23 numbers), so a number is found only on the paper it was printed on.
 */
export const CERTIFICATE_PREFIX = 'ZY'
const READABLE = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const NUMBER = new RegExp(`^${CERTIFICATE_PREFIX}([${READABLE}]{16})$`)

/** ZYABCDEFGHJKMNPQ → ZY-ABCD-EFGH-JKMN-PQRS: the printed and stored form. */
export const formatCertificateNumber = (compact: string): string => {
  const m = NUMBER.exec(compact)
  if (!m) throw new Error(`not a certificate number: ${compact}`)
  return `${CERTIFICATE_PREFIX}-${m[1].match(/.{4}/g)!.join('-')}`
}

/** The number without dashes, as the QR's link carries it (shorter, so the code is coarser and reads better). */
export const compactCertificateNumber = (number: string): string => number.replace(/-/g, '')

/**
 * What a person typed or a scan returned (the number with or without dashes or spaces, in lower case, or the whole
 * verification link) as a stored number, or null when it cannot be one.
 */
export function certificateNumberFrom(text: string | null | undefined): string | null {
  if (!text) return null
  let s = text.trim()
  // a link: the number is its last path segment, or its `no` parameter
  const link = /^[a-z]+:\/\//i.test(s) || s.includes('/')
  if (link) {
    const param = /[?&]no=([^&#]+)/.exec(s)
    s = param ? decodeURIComponent(param[1]) : (s.split(/[?#]/)[0].split('/').filter(Boolean).pop() ?? '')
  }
  const compact = s.toUpperCase().replace(/[\s\-－—_.·]/g, '')
  return NUMBER.test(compact) ? formatCertificateNumber(compact) : null
}

export const CERTIFICATE_ERROR_MESSAGES = {
  'CERTIFICATE.NOT_FOUND': '没有找到这份证明申请',
  'CERTIFICATE.UNKNOWN_NUMBER': '查无此证明编号：这份证明可能是伪造的，或编号有误。请核对证明上的编号，或联系出具单位核实',
  'CERTIFICATE.NOT_PENDING': '这份申请已经处理过了，请刷新后再看',
  'CERTIFICATE.NOT_ISSUED': '这份证明尚未出具或已作废',
  'CERTIFICATE.PERIOD_INVALID': '证明的时间段不正确：开始日期不能晚于结束日期，结束日期不能晚于今天',
  'CERTIFICATE.NO_SERVICE': '这段时间没有已计入时长的志愿服务，无法出具证明',
  'CERTIFICATE.TOO_LONG': '这段时间的服务记录一页证明列不下，请把时间段分成较短的几段分别申请',
  'CERTIFICATE.TOO_MANY_PENDING': `您已有${MAX_PENDING_CERTIFICATES}份证明申请在等待出具，请等社区处理后再申请`,
  'RECORD.NOTE_NOT_FOUND': '没有找到这条记录，可能已被删除',
  'RECORD.DATE_INVALID': '日期不能晚于今天',
} as const
