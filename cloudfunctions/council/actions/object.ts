import { AppError, type councilContract } from '../../../types'
import { publicityOpen } from '../../_core/domain/council'
import { SCENE, screen } from '../../_core/contentCheck'
import { hold } from '../../_core/moderation'
import type { Handler } from '../../_core/serve'
import { idFor } from '../../_core/ids'
import { insertObjection } from '../../_core/repos/council'
import { loadMatter, mustConcern } from '../access'
import { matterView } from '../views'

/** An objection during the publicity period (content-checked); a retried request does not file it twice. */
export const object: Handler<typeof councilContract.actions.object> = async (input, ctx) => {
  const { matter, community } = await loadMatter(ctx, input.matterId)
  await mustConcern(ctx, community, matter)
  if (!publicityOpen(matter, ctx.now)) throw new AppError('COUNCIL.PUBLICITY_CLOSED')
  // risky wording is refused; 'review' is filed (staff must still answer it) but shown to nobody else until published
  const verdict = await screen({ texts: [input.text] }, { openid: ctx.openid, scene: SCENE.comment })
  const id = idFor('objection', ctx.openid, input.requestId)
  const at = ctx.now.toISOString()
  await insertObjection({
    _id: id,
    matterId: matter._id,
    communityId: matter.communityId,
    byOpenid: ctx.openid,
    byName: ctx.user?.name ?? '',
    text: input.text,
    at,
    answer: null,
    ...(verdict.suggest === 'review' ? { moderation: 'pending' as const } : {}),
  })
  if (verdict.suggest === 'review') {
    await hold({
      id: `objection:${id}`,
      communityId: matter.communityId,
      kind: 'objection',
      refId: id,
      text: input.text,
      images: [],
      byOpenid: ctx.openid,
      verdict,
      at,
    })
  }
  return matterView(ctx, community, matter)
}
