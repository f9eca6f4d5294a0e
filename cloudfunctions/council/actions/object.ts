import { AppError, type councilContract } from '../../../types'
import { publicityOpen } from '../../_core/domain/council'
import type { Handler } from '../../_core/serve'
import { idFor, insertObjection } from '../../_core/repos/council'
import { loadMatter, matterView, mustConcern } from '../common'

/** An objection during the publicity period; a retried request does not file it twice. */
export const object: Handler<typeof councilContract.actions.object> = async (input, ctx) => {
  const { matter, community } = await loadMatter(ctx, input.matterId)
  await mustConcern(ctx, community, matter)
  if (!publicityOpen(matter, ctx.now)) throw new AppError('COUNCIL.PUBLICITY_CLOSED')
  await insertObjection({
    _id: idFor('objection', ctx.openid, input.requestId),
    matterId: matter._id,
    communityId: matter.communityId,
    byOpenid: ctx.openid,
    byName: ctx.user?.name ?? '',
    text: input.text,
    at: ctx.now.toISOString(),
    answer: null,
  })
  return matterView(ctx, community, matter)
}
