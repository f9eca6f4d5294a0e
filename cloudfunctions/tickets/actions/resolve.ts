import type { ticketsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { act } from '../step'

export const resolve: Handler<typeof ticketsContract.actions.resolve> = (input, ctx) =>
  act(ctx, input.ticketId, { authorize: true, mustSee: true, content: { texts: [input.note], images: input.photos } }, () => ({
    type: 'resolve',
    note: input.note,
    photos: input.photos,
  }))
