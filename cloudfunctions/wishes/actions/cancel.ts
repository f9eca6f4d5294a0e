import { AppError, type wishesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { step } from '../steps'

/** The requester takes the wish back (not once done), or staff cancel it with a reason; a claimant is told. */
export const cancel: Handler<typeof wishesContract.actions.cancel> = (input, ctx) =>
  step(ctx, input.wishId, (w, _c, actor) => {
    const own = !!w.requesterOpenid && w.requesterOpenid === actor.openid
    if (actor.staff && !own && !input.reason) throw new AppError('INPUT.INVALID', '请填写撤销的理由', [{ path: 'reason', message: '请填写撤销的理由' }])
    return { type: 'cancel', reason: input.reason ?? null }
  })
