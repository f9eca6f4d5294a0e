import { newId } from './ids'
import { deliver } from './notify'
import { addOutbox, recordDelivery, type OutboxDoc, type OutboxEntry } from './repos/outbox'

export type { OutboxDoc, OutboxEntry }

/**
 * The one way a notification leaves the functions, for tickets, council, volunteers, wishes and certificates.
 * An entry is recorded before it is sent, so nothing acknowledged is lost if sending fails: either written here
 * (`enqueue`, after the change it reports was saved) or inside the change's own transaction by its repository,
 * and then handed to `deliverAll`.
 */

/** A fresh outbox record, not yet sent. */
export const outboxEntry = (fields: OutboxEntry & { communityId: string; [ref: string]: unknown }): OutboxDoc => ({
  ...fields,
  _id: newId(),
  sentAt: null,
  errcode: null,
})

/** Sends entries already recorded, and records what WeChat answered where a template is configured. */
export async function deliverAll(entries: readonly OutboxDoc[]): Promise<void> {
  for (const entry of entries) {
    const sent = await deliver(entry)
    if (sent) await recordDelivery(entry._id, sent)
  }
}

/** Records the entries, then sends them. */
export async function enqueue(entries: readonly OutboxDoc[]): Promise<void> {
  for (const entry of entries) await addOutbox(entry)
  await deliverAll(entries)
}
