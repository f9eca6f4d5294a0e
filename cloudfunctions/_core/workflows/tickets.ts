import type { TicketDoc } from '../../../types'
import type { TicketEffect } from '../domain/ticket'
import { enqueue, outboxEntry } from '../outbox'

/** Tells the people a ticket's change concerns, through the outbox (recorded first, then sent). */
export const notifyTicket = (effects: TicketEffect[], ticket: Pick<TicketDoc, 'communityId' | 'categoryLabel' | 'placeLabel'>, at: string) =>
  enqueue(
    effects.map((e) =>
      outboxEntry({
        to: e.to,
        kind: e.kind,
        ticketId: e.ticketId,
        communityId: ticket.communityId,
        payload: { state: e.state, category: ticket.categoryLabel, place: ticket.placeLabel },
        createdAt: at,
      }),
    ),
  )
