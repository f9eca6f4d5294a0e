import {
  AppError,
  CERTIFICATE_PREFIX,
  CERTIFICATE_STATUS_LABELS,
  REVOKE_REASON_LABELS,
  type CertificateAction,
  type CertificateNoteRow,
  type CertificateServiceRow,
  type CertificateView,
  type Community,
  type Role,
  type VolunteerCertificateDoc,
  formatCertificateNumber,
} from '../../../types'
import { notesInPeriod, serviceRows, totalMinutes, type Refusal } from '../domain/certificates'
import { hoursOf } from '../domain/volunteers'
import { readableCode } from '../ids'
import { enqueue, outboxEntry } from '../outbox'
import { findCertificate, notesOf, saveCertificate } from '../repos/certificates'
import { activitiesByIds, signupsOfPerson } from '../repos/volunteers'
import type { Ctx } from '../serve'
import { ORGANISERS } from '../../../types/roles'

/**
 * Certificates of volunteer service, shared by the `volunteers` function (requests, decisions, verification) and the
 * `qrcodes` function (issuing prints the PDF): whose certificate a caller may touch, the service of a period as the
 * record counts it, and the view both answer with.
 */

/** Who decide on certificates: the community's organisers, as for activities and hours. */
export const CERTIFICATE_ORGANISERS: readonly Role[] = ORGANISERS

/** A fresh certificate number: CERTIFICATE_PREFIX and 16 random readable characters (≈ 79 bits). */
export const newCertificateNumber = (): string => formatCertificateNumber(`${CERTIFICATE_PREFIX}${readableCode(16)}`)

export interface PeriodService {
  rows: CertificateServiceRow[]
  totalMinutes: number
  training: CertificateNoteRow[]
  commendations: CertificateNoteRow[]
}

/** A volunteer's credited service, training and commendations in a period of a community, from the record itself. */
export async function periodService(communityId: string, openid: string, from: string, to: string): Promise<PeriodService> {
  const [signups, notes] = await Promise.all([signupsOfPerson(communityId, openid), notesOf(communityId, openid)])
  const held = signups.filter((s) => s.status === 'confirmed' && s.minutes !== null)
  const activities = new Map((await activitiesByIds(held.filter((s) => !s.service).map((s) => s.activityId))).map((a) => [a._id, a]))
  const rows = serviceRows(held, activities, from, to)
  return { rows, totalMinutes: totalMinutes(rows), ...notesInPeriod(notes, from, to) }
}

export const refused = (r: Refusal): never => {
  throw new AppError(r.code, r.message)
}

/**
 * A certificate the caller may see: the volunteer's own, or any of a community where they are an organiser.
 * `organisersOnly` for the decisions (issue, decline, revoke), which are never the volunteer's own to take.
 */
export async function loadCertificate(ctx: Ctx, id: string, organisersOnly: boolean): Promise<{ certificate: VolunteerCertificateDoc; community: Community }> {
  const certificate = await findCertificate(id)
  if (!certificate) throw new AppError('CERTIFICATE.NOT_FOUND')
  const own = certificate.openid === ctx.openid
  const community = await ctx.authorize(certificate.communityId, organisersOnly || !own ? CERTIFICATE_ORGANISERS : undefined)
  // an organiser who asked for a certificate of their own has another organiser decide on it
  if (organisersOnly && own) throw new AppError('AUTH.FORBIDDEN', '不能为自己出具或作废证明，请由本社区其他工作人员办理')
  return { certificate, community }
}

export const isCertificateOrganiser = (ctx: Ctx, community: Community) => ctx.rolesIn(community).some((r) => CERTIFICATE_ORGANISERS.includes(r))

function canOf(ctx: Ctx, community: Community, c: VolunteerCertificateDoc): CertificateAction[] {
  const organiser = isCertificateOrganiser(ctx, community) && c.openid !== ctx.openid
  const can: CertificateAction[] = []
  if (c.status === 'requested' && organiser) can.push('issue', 'decline')
  if (c.status === 'issued' && (organiser || c.openid === ctx.openid)) can.push('open')
  if (c.status === 'issued' && organiser) can.push('revoke')
  return can
}

/** The view of a request or certificate; `now` (a recount) for a request still waiting, the printed facts once issued. */
export function certificateView(ctx: Ctx, community: Community, c: VolunteerCertificateDoc, now: PeriodService | null): CertificateView {
  const printed = c.issued
  const service = printed
    ? { activities: printed.activities.length, minutes: printed.totalMinutes, training: printed.training.length, commendations: printed.commendations.length }
    : now
      ? { activities: now.rows.length, minutes: now.totalMinutes, training: now.training.length, commendations: now.commendations.length }
      : { activities: 0, minutes: 0, training: 0, commendations: 0 }
  return {
    id: c._id,
    communityId: c.communityId,
    communityName: community.name,
    openid: c.openid,
    name: c.name,
    from: c.from,
    to: c.to,
    purpose: c.purpose,
    status: c.status,
    statusLabel: CERTIFICATE_STATUS_LABELS[c.status],
    requestedAt: c.requestedAt,
    service: { ...service, hours: hoursOf(service.minutes) },
    number: c.number,
    verifyUrl: c.verifyUrl,
    issuedAt: printed ? c.decidedAt : null,
    issuerName: printed?.issuerName ?? null,
    organisation: printed?.organisation ?? null,
    contact: printed?.contact ?? null,
    declinedAt: c.status === 'declined' ? c.decidedAt : null,
    declinedByName: c.status === 'declined' ? c.decidedByName : null,
    declineReason: c.declineReason,
    revokedAt: c.revokedAt,
    revokedByName: c.revokedByName,
    revokeReason: c.revokeReason ? REVOKE_REASON_LABELS[c.revokeReason] : null,
    revokeNote: c.revokeNote,
    can: canOf(ctx, community, c),
  }
}

/**
 * Load → decide → save, re-deciding on the fresh document when another organiser wrote first (of two deciding at once,
 * the second hears that it was decided already).
 */
export async function stepCertificate(
  ctx: Ctx,
  id: string,
  decide: (c: VolunteerCertificateDoc) => { ok: true; next: VolunteerCertificateDoc } | Refusal,
): Promise<{ certificate: VolunteerCertificateDoc; community: Community }> {
  for (let attempt = 0; ; attempt++) {
    const { certificate, community } = await loadCertificate(ctx, id, true)
    const d = decide(certificate)
    if (!d.ok) return refused(d)
    if (await saveCertificate(certificate, d.next)) return { certificate: d.next, community }
    if (attempt >= 3) throw new AppError('CONFLICT')
  }
}

/** Tells the volunteer their certificate was issued or declined (a subscription message where one is configured). */
export const notifyDecision = (c: VolunteerCertificateDoc, community: Community, at: string) =>
  enqueue([
    outboxEntry({
      to: c.openid,
      kind: 'certificateDecided',
      ticketId: '',
      communityId: c.communityId,
      page: `packages/volunteer/pages/certificates/index?communityId=${c.communityId}`,
      payload: { state: CERTIFICATE_STATUS_LABELS[c.status], category: '志愿服务证明', place: community.name },
      createdAt: at,
    }),
  ])
