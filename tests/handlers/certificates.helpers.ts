import { mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { collection } from '../../cloudfunctions/_core/repos/base'
import type { CertificateView, IssuedCertificateResult, VolunteerActivityDoc, VolunteerSignupDoc } from '../../types'
import { rid } from '../support/requestIds'
import { NOW, P, XINGFU, as, ok } from '../support/world'

export interface Service {
  /** YYYY-MM-DD, Shanghai */
  date: string
  /** credited minutes; null: signed up but never credited (no check-out) */
  minutes: number | null
  title?: string
  place?: string
  description?: string
  status?: VolunteerSignupDoc['status']
  /** a small wish fulfilled instead of an activity */
  wish?: boolean
}

let made = 0

/**
 * Service `openid` did in 幸福社区, written as the functions would have left it (an activity 09:00 Shanghai that day and
 * the person's sign-up with the credited minutes; a wish: a sign-up carrying the wish's words).
 */
export async function served(openid: string, services: Service[], name = '王秀英'): Promise<void> {
  for (const s of services) {
    const n = ++made
    const startAt = new Date(`${s.date}T09:00:00+08:00`).toISOString()
    const endAt = new Date(Date.parse(startAt) + 4 * 3_600_000).toISOString()
    const activityId = s.wish ? `wish:w-${n}` : `act-cert-${n}`
    if (!s.wish) {
      const activity: VolunteerActivityDoc = {
        _id: activityId,
        communityId: XINGFU,
        streetId: 'st-chunhui',
        title: s.title ?? `楼道清扫${n}`,
        description: s.description ?? '',
        place: s.place ?? '幸福社区3栋楼下',
        startAt,
        endAt,
        deadline: startAt,
        capacity: 10,
        organiser: '幸福社区党委',
        skills: [],
        codeSecret: 'cd'.repeat(32),
        createdBy: P.staff,
        createdByName: '陈静',
        createdAt: startAt,
        updatedAt: startAt,
      }
      await collection('volunteerActivities').add(activity)
    }
    const signup: VolunteerSignupDoc = {
      _id: `${activityId}|${openid}`,
      activityId,
      communityId: XINGFU,
      openid,
      name,
      startAt,
      seq: 1,
      status: s.status ?? 'confirmed',
      signedUpAt: startAt,
      cancelledAt: null,
      promotedAt: null,
      checkinAt: s.minutes === null ? null : startAt,
      checkoutAt: s.minutes === null ? null : endAt,
      minutes: s.minutes,
      recorderOpenid: P.staff,
      recorderName: '陈静',
      adjustments: [],
      version: 1,
      ...(s.wish
        ? {
            service: {
              kind: 'wish' as const,
              refId: `w-${n}`,
              title: s.title ?? '帮邻居换灯泡',
              content: s.description ?? '为独居老人更换厨房灯泡',
              place: s.place ?? '幸福社区2栋',
              organiser: '幸福社区',
            },
          }
        : {}),
    }
    await collection('volunteerSignups').add(signup)
  }
}

/** The resident 王秀英 asks for a certificate of a period. */
export const asked = async (from: string, to: string, who: string = P.resident): Promise<CertificateView> =>
  ok(await as(who)('volunteers', 'requestCertificate', { communityId: XINGFU, requestId: rid('cert'), from, to }))

/** Staff 陈静 issues it. */
export const issued = async (certificateId: string, by: string = P.staff): Promise<IssuedCertificateResult> =>
  ok(await as(by)('qrcodes', 'issueCertificate', { certificateId, organisation: '幸福社区居民委员会', contact: '028-87654321' }))

/** Runs `fn` with the stored PDF written to a fresh folder, then removes the folder. */
export async function withPdf<T>(bytes: Buffer, fn: (pdf: string, dir: string) => Promise<T> | T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'certificate-'))
  try {
    const pdf = join(dir, 'certificate.pdf')
    writeFileSync(pdf, bytes)
    return await fn(pdf, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export { NOW }

/**
 * For the access matrix: a request of 李建国 waiting (vc-xingfu), an issued certificate of his (vc-xingfu-issued) and a
 * training on his record (vn-xingfu), all of 幸福社区.
 */
export async function certificateFixture(): Promise<void> {
  const at = NOW.toISOString()
  const base = {
    communityId: XINGFU,
    streetId: 'st-chunhui',
    openid: P.resident2,
    name: '李建国',
    from: '2026-01-01',
    to: '2026-11-22',
    purpose: '',
    requestedAt: at,
    decidedAt: null,
    decidedBy: null,
    decidedByName: null,
    declineReason: null,
    number: null,
    verifyUrl: null,
    fileID: null,
    issued: null,
    revokedAt: null,
    revokedBy: null,
    revokedByName: null,
    revokeReason: null,
    revokeNote: null,
    version: 1,
  }
  await collection('volunteerCertificates').add({ ...base, _id: 'vc-xingfu', status: 'requested' })
  await collection('volunteerCertificates').add({
    ...base,
    _id: 'vc-xingfu-issued',
    status: 'issued',
    decidedAt: at,
    decidedBy: P.staff,
    decidedByName: '陈静',
    number: 'ZY-AAAA-BBBB-CCCC-DDDD',
    verifyUrl: 'https://qr.example.invalid/v/ZYAAAABBBBCCCCDDDD',
    fileID: 'cloud://env/private/certificates/c-xingfu/x.pdf',
    issued: {
      volunteerName: '李建国',
      maskedPhone: null,
      communityName: '幸福社区',
      organisation: '幸福社区居民委员会',
      contact: '028-87654321',
      issuerName: '陈静',
      issuedOn: '2026-11-22',
      activities: [{ activityId: 'a', date: '2026-05-01', place: '广场', content: '清扫', minutes: 60 }],
      totalMinutes: 60,
      training: [],
      commendations: [],
    },
  })
  await collection('volunteerNotes').add({
    _id: 'vn-xingfu',
    communityId: XINGFU,
    streetId: 'st-chunhui',
    openid: P.resident2,
    kind: 'training',
    date: '2026-04-12',
    title: '应急救护培训',
    organisation: '红十字会',
    hours: 4,
    grade: null,
    text: '',
    byOpenid: P.staff,
    byName: '陈静',
    createdAt: at,
    removedAt: null,
    removedBy: null,
  })
}
