import type { ticketsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { act } from '../step'

/** The reporter says it is not fixed: it reopens one level up. */
export const reopen: Handler<typeof ticketsContract.actions.reopen> = (input, ctx) =>
  act(ctx, input.ticketId, { authorize: false, mustSee: true }, () => ({ type: 'reopen', reason: input.reason }))
