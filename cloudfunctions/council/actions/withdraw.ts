import type { councilContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { step } from '../step'

export const withdraw: Handler<typeof councilContract.actions.withdraw> = (input, ctx) =>
  step(ctx, input.matterId, () => ({ type: 'withdraw', reason: input.reason }))
