import { AppError, MAX_PENDING_CERTIFICATES, type VolunteerCertificateDoc, type volunteersContract } from '../../../types'
import { checkFits, checkPeriod } from '../../_core/domain/certificates'
import { certificateIdFor, findCertificate, insertCertificate, pendingCountOf } from '../../_core/repos/certificates'
import type { Handler } from '../../_core/serve'
import { certificateView, periodService, refused } from '../../_core/workflows/certificates'
import { mustHaveName } from '../access'

/**
 * A volunteer asks for a certificate of their service over a period. Refused at once when the period holds no credited
 * service, or more than one page can list (the volunteer then asks for shorter periods); a retry with the same request
 * id answers the same request.
 */
export const requestCertificate: Handler<typeof volunteersContract.actions.requestCertificate> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const name = mustHaveName(ctx)
  const bad = checkPeriod(input.from, input.to, ctx.now)
  if (bad) return refused(bad)
  const service = await periodService(community._id, ctx.openid, input.from, input.to)
  const unfit = checkFits(service.rows.length, service.training.length, service.commendations.length)
  if (unfit) return refused(unfit)
  const id = certificateIdFor(ctx.openid, input.requestId)
  const doc: VolunteerCertificateDoc = {
    _id: id,
    communityId: community._id,
    streetId: community.streetId,
    openid: ctx.openid,
    name,
    from: input.from,
    to: input.to,
    purpose: input.purpose,
    status: 'requested',
    requestedAt: ctx.now.toISOString(),
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
  // a retry of a request already made answers it; a new one waits its turn behind at most a few of the same person's
  const existing = await findCertificate(id)
  if (existing) return certificateView(ctx, community, existing, existing.status === 'requested' ? service : null)
  if ((await pendingCountOf(community._id, ctx.openid)) >= MAX_PENDING_CERTIFICATES) throw new AppError('CERTIFICATE.TOO_MANY_PENDING')
  const { doc: stored } = await insertCertificate(doc)
  return certificateView(ctx, community, stored, stored.status === 'requested' ? service : null)
}
