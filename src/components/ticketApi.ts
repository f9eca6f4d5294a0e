import type { InputOf, OutputOf } from '../../types/core'
import type { ticketsContract } from '../../types/tickets'

/** Types of the `tickets` actions, for pages and their test fakes. */
type Actions = (typeof ticketsContract)['actions']
export type TicketActionName = keyof Actions & string
export type TicketInput<A extends TicketActionName> = InputOf<Actions[A]>
export type TicketOutput<A extends TicketActionName> = OutputOf<Actions[A]>

/** An idempotency key for one form: kept across retries so a resent submit never files a second ticket. */
export const newRequestId = (): string => {
  const rand = () => Math.random().toString(36).slice(2, 10)
  return `r${Date.now().toString(36)}${rand()}${rand()}`.slice(0, 40)
}
