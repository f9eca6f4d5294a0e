import type { ticketsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { act } from '../step'

/** The reporter rates the handling once, after it was resolved. */
export const rate: Handler<typeof ticketsContract.actions.rate> = (input, ctx) =>
  act(ctx, input.ticketId, { authorize: false, mustSee: true, content: { texts: [input.comment] } }, () => ({
    type: 'rate',
    score: input.score,
    comment: input.comment || null,
  }))
