import type { councilContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { step } from '../step'

/** 决议公开: the resolution goes up with a publicity period (default 7 days) in which residents may object. */
export const publish: Handler<typeof councilContract.actions.publish> = (input, ctx) =>
  step(ctx, input.matterId, () => ({ type: 'publish', text: input.text, days: input.days }))
