import type { ticketsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { act } from '../step'

/** The reporter says it is fixed: closed, confirmed. */
export const confirm: Handler<typeof ticketsContract.actions.confirm> = (input, ctx) =>
  act(ctx, input.ticketId, { authorize: false, mustSee: true }, () => ({ type: 'confirm' }))
