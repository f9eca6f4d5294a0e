import type { ticketsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { callbackAct } from '../callbackAct'

/** What the call found: nobody answered (tried again another day, three days at most), or the resident's answer. */
export const callbackRecord: Handler<typeof ticketsContract.actions.callbackRecord> = async (input, ctx) => {
  const note = input.note || null
  const event = input.reached ? { type: 'reached' as const, fixed: input.fixed, satisfaction: input.satisfaction, note } : { type: 'unreached' as const, note }
  return (await callbackAct(ctx, input.ticketId, event)).item
}
