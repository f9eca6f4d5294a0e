import type { ticketsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { callbackAct } from '../callbackAct'

/** "I'll make this call": held for the caller a while, so nobody else rings the same resident meanwhile. */
export const callbackTake: Handler<typeof ticketsContract.actions.callbackTake> = async (input, ctx) =>
  (await callbackAct(ctx, input.ticketId, { type: 'take' })).item
