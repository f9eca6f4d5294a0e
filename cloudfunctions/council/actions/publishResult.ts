import type { councilContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { objectionsOf } from '../../_core/repos/council'
import { step } from '../step'
import { awaitsAnswer } from '../views'

/** 实施结果公开: after the publicity period, with every objection answered; links back to the evidence tickets. */
export const publishResult: Handler<typeof councilContract.actions.publishResult> = (input, ctx) =>
  step(ctx, input.matterId, async (m) => ({
    type: 'publishResult',
    text: input.text,
    photos: input.photos,
    unanswered: (await objectionsOf(m._id)).filter(awaitsAnswer).length,
  }))
