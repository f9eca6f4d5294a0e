import {
  AppError,
  REVOKE_REASON_LABELS,
  certificateNumberFrom,
  type CertificateCheckView,
  type VolunteerCertificateDoc,
  type volunteersContract,
} from '../../../types'
import { durationText, sameName } from '../../_core/domain/certificates'
import { dateOf, hoursOf } from '../../_core/domain/volunteers'
import { maskName } from '../../_core/mask'
import { tryCode } from '../../_core/repos/attempts'
import { certificateByNumber } from '../../_core/repos/certificates'
import type { Handler } from '../../_core/serve'

/**
 * Anyone holding a certificate (a school, an employer) checks it by the number its QR carries, without signing in.
 * Each try is counted per caller as typed codes are (5 wrong ones free, then a doubling wait), so numbers cannot be
 * walked; a name that does not match the one issued counts as a wrong try too. The answer states what the paper states,
 * with the name masked and no phone: nothing more of the person.
 */
export const verifyCertificate: Handler<typeof volunteersContract.actions.verifyCertificate> = async (input, ctx) => {
  const number = certificateNumberFrom(input.number)
  let found: VolunteerCertificateDoc | null = null
  const right = await tryCode('certificate', { caller: ctx.caller }, ctx.now, async () => {
    found = number ? await certificateByNumber(number) : null
    if (!found?.issued || (found.status !== 'issued' && found.status !== 'revoked')) found = null
    return found && (input.name === undefined || sameName(found.issued!.volunteerName, input.name)) ? found : null
  })
  const c = found as VolunteerCertificateDoc | null
  if (!c) throw new AppError('CERTIFICATE.UNKNOWN_NUMBER')
  return checkView(c, input.name === undefined ? null : !!right)
}

function checkView(c: VolunteerCertificateDoc, nameMatches: boolean | null): CertificateCheckView {
  const issued = c.issued!
  const revoked = c.status === 'revoked'
  return {
    number: c.number!,
    status: revoked ? 'revoked' : 'valid',
    statusLabel: revoked ? '已作废' : '有效',
    volunteerName: maskName(issued.volunteerName),
    nameMatches,
    from: c.from,
    to: c.to,
    activities: issued.activities.map((r) => ({
      date: r.date,
      place: r.place,
      content: r.content,
      hours: hoursOf(r.minutes),
      duration: durationText(r.minutes),
    })),
    totalHours: hoursOf(issued.totalMinutes),
    totalDuration: durationText(issued.totalMinutes),
    training: issued.training.map((t) => ({ date: t.date, title: t.title, organisation: t.organisation, hours: t.hours })),
    commendations: issued.commendations.map((t) => ({ date: t.date, title: t.title, organisation: t.organisation })),
    organisation: issued.organisation,
    issuerName: issued.issuerName,
    contact: issued.contact,
    issuedOn: issued.issuedOn,
    revokedOn: revoked && c.revokedAt ? dateOf(c.revokedAt) : null,
    revokeReason: revoked && c.revokeReason ? REVOKE_REASON_LABELS[c.revokeReason] : null,
  }
}
