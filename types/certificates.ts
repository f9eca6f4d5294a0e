import { z } from 'zod'
import { action, communityId, id, page, returns, type Paged } from './core'
import { EVALUATION_GRADES, REVOKE_REASONS, type CertificateStatus, type EvaluationGrade, type RecordNoteKind } from './certificateLabels'
import { COMMUNITY_MEMBERS, ORGANISERS } from './roles'

/**
 * The volunteer record beyond service hours (training, commendations, evaluations) and certificates of service
 * (志愿服务证明), as actions of the `volunteers` function. Issuing renders a PDF, so that one action is `qrcodes`'
 * (types/qrcodes.ts): the everyday functions never load the PDF renderer and its font.
 */
export * from './certificateLabels'
export type * from './certificateModels'

export interface RecordNoteView {
  id: string
  kind: RecordNoteKind
  kindLabel: string
  date: string
  title: string
  organisation: string
  hours: number | null
  grade: EvaluationGrade | null
  gradeLabel: string | null
  text: string
  byName: string
  createdAt: string
}

/** A volunteer's training, commendations and evaluations, newest first; `canEdit` for the community's organisers. */
export interface RecordNotesView {
  openid: string
  name: string
  communityId: string
  training: RecordNoteView[]
  commendations: RecordNoteView[]
  evaluations: RecordNoteView[]
  canEdit: boolean
}

export type CertificateAction = 'issue' | 'decline' | 'revoke' | 'open'

/** A request for a certificate and, once issued, the certificate, as the volunteer and the community's organisers see it. */
export interface CertificateView {
  id: string
  communityId: string
  communityName: string
  openid: string
  name: string
  from: string
  to: string
  purpose: string
  status: CertificateStatus
  statusLabel: string
  requestedAt: string
  /** the service of the period: recounted now while requested, as printed once issued */
  service: { activities: number; hours: number; minutes: number; training: number; commendations: number }
  number: string | null
  verifyUrl: string | null
  issuedAt: string | null
  issuerName: string | null
  organisation: string | null
  contact: string | null
  declinedAt: string | null
  declinedByName: string | null
  declineReason: string | null
  revokedAt: string | null
  revokedByName: string | null
  /** as the verification page says it */
  revokeReason: string | null
  revokeNote: string | null
  can: CertificateAction[]
}

export interface CertificateFileView {
  certificateId: string
  number: string
  /** a link valid 15 minutes */
  url: string
}

/** One service as the verification page shows it. */
export interface VerifiedServiceRow {
  date: string
  place: string
  content: string
  hours: number
  /** "2小时", "1小时20分" */
  duration: string
}

/**
 * What the verification page shows of a certificate: whether it stands and the facts it states. Of the person only the
 * masked name (the holder's paper has it in full; `nameMatches` answers whether the name on it is the one issued);
 * no phone, no home, nothing else they did.
 */
export interface CertificateCheckView {
  number: string
  status: 'valid' | 'revoked'
  statusLabel: string
  volunteerName: string
  /** null when no name was given to compare */
  nameMatches: boolean | null
  from: string
  to: string
  activities: VerifiedServiceRow[]
  totalHours: number
  totalDuration: string
  training: { date: string; title: string; organisation: string; hours: number | null }[]
  commendations: { date: string; title: string; organisation: string }[]
  organisation: string
  issuerName: string
  contact: string
  issuedOn: string
  revokedOn: string | null
  revokeReason: string | null
}

const requestId = () =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确')
const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, `不能超过${max}个字`)
const realDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}
/** A calendar day, YYYY-MM-DD. */
const day = (label = '日期') =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}请写成 2026-01-31 这样`)
    .refine(realDate, `${label}不存在`)
    .refine((s) => s >= '2000-01-01', `${label}不正确`)

const noteOf = { communityId: communityId(), openid: id(), requestId: requestId(), date: day() }

export const certificateActions = {
  addRecordNote: action({
    summary: '为志愿者记录培训经历、表彰奖励或组织评价',
    input: z.discriminatedUnion('kind', [
      z
        .object({
          ...noteOf,
          kind: z.literal('training'),
          title: text(40, '请填写培训内容'),
          organisation: text(40, '请填写培训单位'),
          hours: z.number({ message: '学时须为数字' }).min(0.5, '学时至少0.5').max(200, '学时不能超过200').nullable().default(null),
        })
        .strict(),
      z.object({ ...noteOf, kind: z.literal('commendation'), title: text(40, '请填写表彰名称'), organisation: text(40, '请填写授予单位') }).strict(),
      z
        .object({
          ...noteOf,
          kind: z.literal('evaluation'),
          grade: z.enum(EVALUATION_GRADES, { message: '请选择评价等级' }),
          text: text(200, '请填写评价内容'),
        })
        .strict(),
    ]),
    output: returns<RecordNotesView>(),
    access: ORGANISERS,
  }),
  removeRecordNote: action({
    summary: '删除志愿者记录中填错的培训、表彰或评价',
    input: z.object({ noteId: id() }).strict(),
    output: returns<RecordNotesView>(),
    access: ORGANISERS,
  }),
  recordNotes: action({
    summary: '志愿者的培训经历、表彰奖励和组织评价（本人，或本社区的组织者）',
    input: z.object({ communityId: communityId(), openid: id().optional() }).strict(),
    output: returns<RecordNotesView>(),
    access: COMMUNITY_MEMBERS,
  }),
  requestCertificate: action({
    summary: '申请某段时间的志愿服务证明',
    input: z
      .object({
        communityId: communityId(),
        requestId: requestId(),
        from: day('开始日期'),
        to: day('结束日期'),
        purpose: z.string().trim().max(40, '用途不能超过40个字').default(''),
      })
      .strict()
      .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] }),
    output: returns<CertificateView>(),
    access: COMMUNITY_MEMBERS,
  }),
  certificates: action({
    summary: '志愿服务证明：我的申请，或（组织者）待出具的申请和已处理的证明',
    input: z.object({ communityId: communityId(), scope: z.enum(['mine', 'pending', 'decided']).default('mine'), ...page().shape }).strict(),
    output: returns<Paged<CertificateView>>(),
    access: COMMUNITY_MEMBERS,
  }),
  declineCertificate: action({
    summary: '不予出具志愿服务证明（须说明原因，告知申请人）',
    input: z.object({ certificateId: id(), reason: text(200, '请填写不予出具的原因') }).strict(),
    output: returns<CertificateView>(),
    access: ORGANISERS,
  }),
  revokeCertificate: action({
    summary: '作废已出具的志愿服务证明（核验页将显示已作废）',
    input: z
      .object({
        certificateId: id(),
        reason: z.enum(REVOKE_REASONS, { message: '请选择作废原因' }),
        note: z.string().trim().max(200, '说明不能超过200个字').default(''),
      })
      .strict(),
    output: returns<CertificateView>(),
    access: ORGANISERS,
  }),
  certificateFile: action({
    summary: '打开已出具的志愿服务证明（PDF，链接15分钟内有效）',
    input: z.object({ certificateId: id() }).strict(),
    output: returns<CertificateFileView>(),
    access: COMMUNITY_MEMBERS,
  }),
  verifyCertificate: action({
    summary: '核验志愿服务证明的真伪（无需登录；可输入证明上的姓名核对）',
    input: z
      .object({
        number: z.string({ message: '请输入证明编号' }).trim().min(1, '请输入证明编号').max(300, '证明编号不正确'),
        name: z.string().trim().max(40, '姓名不能超过40个字').optional(),
      })
      .strict(),
    output: returns<CertificateCheckView>(),
    access: 'public',
    errors: ['CERTIFICATE.UNKNOWN_NUMBER'],
  }),
}

/** The certificate just issued, and its PDF behind a link valid 15 minutes. */
export interface IssuedCertificateResult {
  certificate: CertificateView
  fileID: string
  url: string
  /** rows as printed: one column of regular rows, or two columns of smaller ones when the service is long */
  layout: 'regular' | 'compact'
}

/** Issuing prints a PDF: an action of `qrcodes`, the function that carries the PDF renderer and its font. */
export const certificatePrintActions = {
  issueCertificate: action({
    summary: '出具志愿服务证明：生成带编号和核验二维码的A4证明（PDF）',
    input: z
      .object({
        certificateId: id(),
        organisation: text(40, '请填写出具单位'),
        contact: z
          .string({ message: '请填写联系电话' })
          .trim()
          .regex(/^[0-9][0-9 ()（）+-]{4,19}$/, '联系电话只能是数字、空格、括号或短横线，如 028-12345678'),
      })
      .strict(),
    output: returns<IssuedCertificateResult>(),
    access: ORGANISERS,
  }),
}
