import type { ticketsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { act } from '../step'

/** First responder owns it: of two accepting at once, the second re-decides and hears TICKET.INVALID_TRANSITION. */
export const accept: Handler<typeof ticketsContract.actions.accept> = (input, ctx) =>
  act(ctx, input.ticketId, { authorize: true, mustSee: true }, () => ({ type: 'accept' }))
