import {
  ERROR_MESSAGES,
  type CertificateNoteRow,
  type CertificateServiceRow,
  type ErrorCode,
  type IssuedCertificate,
  type RevokeReason,
  type VolunteerActivityDoc,
  type VolunteerCertificateDoc,
  type VolunteerNoteDoc,
  type VolunteerSignupDoc,
} from '../../../types'
import { credited, dateOf } from './volunteers'

/**
 * Certificates of volunteer service (志愿服务证明) as pure rules: the period one may ask for, the service a period holds
 * (the record's own rows, so the certificate's total is the record's recount), what fits on one A4 page, and the
 * request's life (requested → issued | declined; issued → revoked). A refusal carries an error code and changes nothing.
 */

export type Refusal = { ok: false; code: ErrorCode; message: string }
const refuse = (code: ErrorCode, message?: string): Refusal => ({ ok: false, code, message: message ?? ERROR_MESSAGES[code] })

/** Today, YYYY-MM-DD in Shanghai. */
export const todayOf = (now: Date): string => dateOf(now.toISOString())

/** A period may not end after today (service not yet served cannot be certified). */
export function checkPeriod(from: string, to: string, now: Date): Refusal | null {
  if (from > to || to > todayOf(now)) return refuse('CERTIFICATE.PERIOD_INVALID')
  return null
}

/** A date the organiser enters on the record (a training, a commendation): not after today. */
export const checkNoteDate = (date: string, now: Date): Refusal | null => (date > todayOf(now) ? refuse('RECORD.DATE_INVALID') : null)

const inPeriod = (date: string, from: string, to: string) => date >= from && date <= to

/** What was done, in the record's words: the activity's name and description, or a small wish's words. */
function contentOf(s: VolunteerSignupDoc, a: VolunteerActivityDoc | undefined): string {
  if (s.service) return [s.service.title, s.service.content].filter(Boolean).join('：')
  const title = a?.title ?? ''
  const description = (a?.description ?? '').replace(/\s+/g, ' ').trim()
  return (description && description !== title ? `${title}：${description}` : title).slice(0, 120)
}

/**
 * The credited service of a period (by the Shanghai date it started, both ends included), oldest first: the very rows
 * the volunteer's record counts (a place held and minutes recorded), activities and small wishes alike.
 */
export function serviceRows(signups: VolunteerSignupDoc[], activities: Map<string, VolunteerActivityDoc>, from: string, to: string): CertificateServiceRow[] {
  return signups
    .filter((s) => credited(s) && inPeriod(dateOf(s.startAt), from, to))
    .sort((x, y) => x.startAt.localeCompare(y.startAt) || x.activityId.localeCompare(y.activityId))
    .map((s) => {
      const a = activities.get(s.activityId)
      return { activityId: s.activityId, date: dateOf(s.startAt), place: s.service?.place ?? a?.place ?? '', content: contentOf(s, a), minutes: s.minutes! }
    })
}

export const totalMinutes = (rows: Pick<CertificateServiceRow, 'minutes'>[]): number => rows.reduce((n, r) => n + r.minutes, 0)

/** Training and commendations dated inside the period, oldest first (evaluations are the organisers' and stay off the paper). */
export function notesInPeriod(notes: VolunteerNoteDoc[], from: string, to: string): { training: CertificateNoteRow[]; commendations: CertificateNoteRow[] } {
  const rows = (kind: VolunteerNoteDoc['kind']) =>
    notes
      .filter((n) => n.kind === kind && !n.removedAt && inPeriod(n.date, from, to))
      .sort((x, y) => x.date.localeCompare(y.date) || x.createdAt.localeCompare(y.createdAt))
      .map((n) => ({ date: n.date, title: n.title, organisation: n.organisation, hours: n.hours }))
  return { training: rows('training'), commendations: rows('commendation') }
}

/** "2小时", "1小时20分", "40分钟": exact, so the rows printed add up to the total printed. */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (!h) return `${m}分钟`
  return m ? `${h}小时${m}分` : `${h}小时`
}

// One A4 page ------------------------------------------------------------------------------------------------------

/**
 * The page's plan in PDF points (origin bottom-left), shared by the renderer and by the check that a period fits before
 * anyone asks for it. Between the heading (title, number, the opening sentence) and the foot (issuer, date, QR) the
 * table of service and the training and commendation lines share one band. Rows are regular (one column) while they
 * fit; then compact (smaller type, two columns side by side); past that the period is refused as too long for one page,
 * and the volunteer asks for shorter periods.
 */
export const CERTIFICATE_PAGE = {
  width: 595.28,
  height: 841.89,
  marginX: 48,
  /** top of the band: below the title, the number and a three-line opening sentence */
  bandTop: 664,
  /** bottom of the band: above the foot (issuer, date and the QR with its quiet zone) */
  bandBottom: 196,
  headerRow: 20,
  /** the table's closing line: 合计 */
  totalRow: 18,
  regularRow: 17,
  compactRow: 11.5,
  /** each of the two sections (培训经历, 表彰奖励): a heading line, then one line per entry */
  noteHeading: 18,
  noteRow: 15,
  gap: 8,
} as const

export type CertificateLayout = 'regular' | 'compact'

/** Height the training and commendation sections take (each says 无 on its heading line when empty). */
export const notesHeight = (training: number, commendations: number): number =>
  2 * CERTIFICATE_PAGE.noteHeading + (training + commendations) * CERTIFICATE_PAGE.noteRow + CERTIFICATE_PAGE.gap

/** Rows of service each layout holds on the page beside this many notes. */
export function capacity(training: number, commendations: number): Record<CertificateLayout, number> {
  const p = CERTIFICATE_PAGE
  const rows = p.bandTop - p.bandBottom - p.headerRow - p.totalRow - notesHeight(training, commendations)
  return { regular: Math.max(0, Math.floor(rows / p.regularRow)), compact: 2 * Math.max(0, Math.floor(rows / p.compactRow)) }
}

/** The layout that fits the period on one page, or null when it does not fit. */
export function layoutFor(rows: number, training: number, commendations: number): CertificateLayout | null {
  const c = capacity(training, commendations)
  return rows <= c.regular ? 'regular' : rows <= c.compact ? 'compact' : null
}

/** The refusal for a period with more than one page holds, naming the figures. */
export function checkFits(rows: number, training: number, commendations: number): Refusal | null {
  if (!rows) return refuse('CERTIFICATE.NO_SERVICE')
  if (layoutFor(rows, training, commendations)) return null
  const most = capacity(training, commendations).compact
  return refuse('CERTIFICATE.TOO_LONG', `这段时间有${rows}次服务，一页证明最多列${most}次，请把时间段分成较短的几段分别申请`)
}

// The request's life ------------------------------------------------------------------------------------------------

export interface Actor {
  openid: string
  name: string
}

type Next = { ok: true; next: VolunteerCertificateDoc }

export function decideIssue(
  c: VolunteerCertificateDoc,
  issued: IssuedCertificate,
  number: string,
  verifyUrl: string,
  fileID: string,
  by: Actor,
  now: Date,
): Next | Refusal {
  if (c.status !== 'requested') return refuse('CERTIFICATE.NOT_PENDING')
  const at = now.toISOString()
  return {
    ok: true,
    next: { ...c, status: 'issued', decidedAt: at, decidedBy: by.openid, decidedByName: by.name, number, verifyUrl, fileID, issued, version: c.version + 1 },
  }
}

export function decideDecline(c: VolunteerCertificateDoc, reason: string, by: Actor, now: Date): Next | Refusal {
  if (c.status !== 'requested') return refuse('CERTIFICATE.NOT_PENDING')
  return {
    ok: true,
    next: {
      ...c,
      status: 'declined',
      decidedAt: now.toISOString(),
      decidedBy: by.openid,
      decidedByName: by.name,
      declineReason: reason,
      version: c.version + 1,
    },
  }
}

export function decideRevoke(c: VolunteerCertificateDoc, reason: RevokeReason, note: string, by: Actor, now: Date): Next | Refusal {
  if (c.status !== 'issued') return refuse('CERTIFICATE.NOT_ISSUED')
  return {
    ok: true,
    next: {
      ...c,
      status: 'revoked',
      revokedAt: now.toISOString(),
      revokedBy: by.openid,
      revokedByName: by.name,
      revokeReason: reason,
      revokeNote: note || null,
      version: c.version + 1,
    },
  }
}

/** Whether the name someone read off the paper is the one the certificate was issued to (spaces and dots aside). */
export const sameName = (issued: string, given: string): boolean => {
  const norm = (s: string) => s.normalize('NFKC').replace(/[\s·•.]/g, '')
  return norm(issued) === norm(given) && norm(given).length > 0
}
