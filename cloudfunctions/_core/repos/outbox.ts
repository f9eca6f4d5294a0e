import { collection } from './base'

/** What a notification says, whatever sent it: the fields a subscription-message template can show. */
export interface OutboxEntry {
  to: string
  kind: string
  /** the ticket it is about; '' for council, volunteer, wish and certificate notices */
  ticketId: string
  /** the mini-program page the message opens; a ticket's page unless given */
  page?: string
  payload: { state: string; category: string; place: string }
  createdAt: string
}

/** An outbox record: the entry, where it belongs, and what happened when it was sent. */
export type OutboxDoc = OutboxEntry & {
  _id: string
  communityId: string
  sentAt: string | null
  errcode: number | null
  /** the record it is about besides tickets (matterId, activityId, wishId …), for the dev page and deletion */
  [ref: string]: unknown
}

export const addOutbox = (entry: OutboxDoc) => collection('outbox').add(entry)
export const recordDelivery = (id: string, result: { sentAt: string | null; errcode: number }) => collection('outbox').doc(id).update(result)
