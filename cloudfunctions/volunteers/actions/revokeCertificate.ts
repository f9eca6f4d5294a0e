import type { volunteersContract } from '../../../types'
import { decideRevoke } from '../../_core/domain/certificates'
import type { Handler } from '../../_core/serve'
import { certificateView, stepCertificate } from '../../_core/workflows/certificates'
import { mustHaveName } from '../access'

/**
 * An organiser revokes an issued certificate: from then on its verification page says it is void, since when and (in
 * neutral words chosen from a list) why. The PDF stays stored for the record but is no longer handed out.
 */
export const revokeCertificate: Handler<typeof volunteersContract.actions.revokeCertificate> = async (input, ctx) => {
  const by = { openid: ctx.openid, name: mustHaveName(ctx) }
  const { certificate, community } = await stepCertificate(ctx, input.certificateId, (c) => decideRevoke(c, input.reason, input.note, by, ctx.now))
  return certificateView(ctx, community, certificate, null)
}
