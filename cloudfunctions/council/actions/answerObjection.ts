import { AppError, type councilContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { answerObjection as saveAnswer, findObjection } from '../../_core/repos/council'
import { notifyMatter } from '../../_core/workflows/council'
import { loadMatter } from '../access'
import { matterView } from '../views'

/** Staff answer each objection once; the objector is told. */
export const answerObjection: Handler<typeof councilContract.actions.answerObjection> = async (input, ctx) => {
  const objection = await findObjection(input.objectionId)
  if (!objection) throw new AppError('COUNCIL.NOT_FOUND', '没有找到这条异议')
  const { matter, community } = await loadMatter(ctx, objection.matterId)
  if (objection.answer) throw new AppError('COUNCIL.ALREADY_ANSWERED')
  const at = ctx.now.toISOString()
  const saved = await saveAnswer(objection._id, { text: input.text, at, byOpenid: ctx.openid, byName: ctx.user?.name ?? '' })
  if (!saved) throw new AppError('COUNCIL.ALREADY_ANSWERED')
  await notifyMatter([{ type: 'notify', to: objection.byOpenid, state: matter.state }], matter, at)
  return matterView(ctx, community, matter)
}
