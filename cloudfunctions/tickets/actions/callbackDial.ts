import { AppError, type ticketsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { callbackAct } from '../callbackAct'

/**
 * The reporter's number, at the moment of calling, to the one person allowed to make this callback (the page hands it
 * to makePhoneCall and never shows it). Answering it takes the callback for the caller, so the take is the record of
 * who obtained the number and when.
 */
export const callbackDial: Handler<typeof ticketsContract.actions.callbackDial> = async (input, ctx) => {
  const { ticket, item } = await callbackAct(ctx, input.ticketId, { type: 'take' }, (t) => {
    if (!t.reporterPhone) throw new AppError('CALLBACK.NO_PHONE')
  })
  return { phone: ticket.reporterPhone as string, item }
}
