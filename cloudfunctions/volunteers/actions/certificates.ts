import type { volunteersContract } from '../../../types'
import { certificatesOfPerson, decidedCertificates, pendingCertificates } from '../../_core/repos/certificates'
import type { Handler } from '../../_core/serve'
import { CERTIFICATE_ORGANISERS, certificateView, periodService } from '../../_core/workflows/certificates'

/**
 * My requests and certificates; or, for the community's organisers, the queue of requests waiting (oldest first, each
 * with the service its period holds now, recounted from the record) and the certificates decided.
 */
export const certificates: Handler<typeof volunteersContract.actions.certificates> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const paging = { page: input.page, pageSize: input.pageSize }
  if (input.scope !== 'mine') await ctx.authorize(community._id, CERTIFICATE_ORGANISERS)
  const found =
    input.scope === 'mine'
      ? await certificatesOfPerson(community._id, ctx.openid, paging)
      : input.scope === 'pending'
        ? await pendingCertificates(community._id, paging)
        : await decidedCertificates(community._id, paging)
  const items = await Promise.all(
    found.items.map(async (c) =>
      certificateView(ctx, community, c, c.status === 'requested' ? await periodService(c.communityId, c.openid, c.from, c.to) : null),
    ),
  )
  return { ...found, items }
}
