import type { ticketsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { act } from '../step'

/** The reporter takes it back before anyone accepted it. */
export const withdraw: Handler<typeof ticketsContract.actions.withdraw> = (input, ctx) =>
  act(ctx, input.ticketId, { authorize: false, mustSee: true }, () => ({ type: 'withdraw', reason: input.reason || null }))
