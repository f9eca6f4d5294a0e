import type { wishesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { step } from '../steps'

/** Staff approve a wish (volunteers can then claim it) or reject it with a reason the requester sees. */
export const review: Handler<typeof wishesContract.actions.review> = (input, ctx) =>
  step(ctx, input.wishId, () => (input.approve ? { type: 'approve' } : { type: 'reject', reason: input.reason! }))
