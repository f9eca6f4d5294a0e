import type { ticketsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { act } from '../step'

export const progress: Handler<typeof ticketsContract.actions.progress> = (input, ctx) =>
  act(ctx, input.ticketId, { authorize: true, mustSee: true, content: { texts: [input.note], images: input.photos } }, () => ({
    type: 'progress',
    note: input.note,
    photos: input.photos,
  }))
