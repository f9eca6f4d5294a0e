import type { CertificateStatus, EvaluationGrade, RecordNoteKind, RevokeReason } from './certificateLabels'

/**
 * A training, a commendation or an evaluation an organiser added to a volunteer's record (collection `volunteerNotes`).
 * Removed notes are kept, marked, for the record of who removed what.
 */
export interface VolunteerNoteDoc {
  /** deterministic from the organiser and the request id: a retried save collides instead of adding a second note */
  _id: string
  communityId: string
  streetId: string
  /** the volunteer */
  openid: string
  kind: RecordNoteKind
  /** YYYY-MM-DD (Shanghai): the day of the training, the commendation, the evaluation */
  date: string
  /** training: what it taught; commendation: its name; evaluation: '' */
  title: string
  /** training: who gave it; commendation: who awarded it; evaluation: '' */
  organisation: string
  /** training: its hours (学时), if given; never service hours */
  hours: number | null
  grade: EvaluationGrade | null
  /** evaluation: the organiser's words; '' otherwise */
  text: string
  byOpenid: string
  byName: string
  createdAt: string
  removedAt: string | null
  removedBy: string | null
}

/** One service as a certificate prints it. */
export interface CertificateServiceRow {
  activityId: string
  /** YYYY-MM-DD (Shanghai) */
  date: string
  place: string
  /** what was done: the activity's name and description (a small wish's words) */
  content: string
  minutes: number
}

/** A training or a commendation as a certificate prints it. */
export interface CertificateNoteRow {
  date: string
  title: string
  organisation: string
  /** training hours, if recorded */
  hours: number | null
}

/** What an issued certificate states, fixed when it was issued: the PDF and the verification page both show this. */
export interface IssuedCertificate {
  volunteerName: string
  /** 138****0001, or null when the volunteer left no phone */
  maskedPhone: string | null
  communityName: string
  organisation: string
  contact: string
  issuerName: string
  /** YYYY-MM-DD (Shanghai) */
  issuedOn: string
  activities: CertificateServiceRow[]
  /** the sum of the rows' minutes: the record's own recount for the period */
  totalMinutes: number
  training: CertificateNoteRow[]
  commendations: CertificateNoteRow[]
}

/**
 * A volunteer's request for a certificate of service over a period, and the certificate once issued (collection
 * `volunteerCertificates`). Saves are conditional on `version`, so of two organisers deciding at once one wins.
 */
export interface VolunteerCertificateDoc {
  /** deterministic from the volunteer and the request id: a retried request collides */
  _id: string
  communityId: string
  streetId: string
  openid: string
  /** the volunteer's name when asking */
  name: string
  /** YYYY-MM-DD, both days included */
  from: string
  to: string
  /** what it is for (升学, 求职…), as the volunteer said; '' when not said */
  purpose: string
  status: CertificateStatus
  requestedAt: string
  /** issued or declined: when, and by whom */
  decidedAt: string | null
  decidedBy: string | null
  decidedByName: string | null
  declineReason: string | null
  /** ZY-XXXX-XXXX-XXXX-XXXX, from issuing on; null before */
  number: string | null
  /** the link the QR carries */
  verifyUrl: string | null
  /** the PDF in private storage */
  fileID: string | null
  issued: IssuedCertificate | null
  revokedAt: string | null
  revokedBy: string | null
  revokedByName: string | null
  revokeReason: RevokeReason | null
  /** the organiser's own words on a revocation: shown to the volunteer and organisers, never on the public page */
  revokeNote: string | null
  version: number
}
