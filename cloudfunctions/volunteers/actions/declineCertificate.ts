import type { volunteersContract } from '../../../types'
import { decideDecline } from '../../_core/domain/certificates'
import type { Handler } from '../../_core/serve'
import { certificateView, notifyDecision, stepCertificate } from '../../_core/workflows/certificates'
import { mustHaveName } from '../access'

/** An organiser declines a request, saying why; the volunteer reads the reason with their request. */
export const declineCertificate: Handler<typeof volunteersContract.actions.declineCertificate> = async (input, ctx) => {
  const by = { openid: ctx.openid, name: mustHaveName(ctx) }
  const { certificate, community } = await stepCertificate(ctx, input.certificateId, (c) => decideDecline(c, input.reason, by, ctx.now))
  await notifyDecision(certificate, community, ctx.now.toISOString())
  return certificateView(ctx, community, certificate, null)
}
