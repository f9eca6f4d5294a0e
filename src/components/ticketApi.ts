import type { InputOf, OutputOf } from '../../types/core'
import type { ticketsContract } from '../../types/tickets'

/** Types of the `tickets` actions, for pages and their test fakes. */
type Actions = (typeof ticketsContract)['actions']
export type TicketActionName = keyof Actions & string
export type TicketInput<A extends TicketActionName> = InputOf<Actions[A]>
export type TicketOutput<A extends TicketActionName> = OutputOf<Actions[A]>
