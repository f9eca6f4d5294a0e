import type { ticketsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { act } from '../step'

/** 吹哨: up to the community or the street, with the reason. */
export const escalate: Handler<typeof ticketsContract.actions.escalate> = (input, ctx) =>
  act(ctx, input.ticketId, { authorize: true, mustSee: true }, () => ({ type: 'escalate', to: input.to, reason: input.reason }))
