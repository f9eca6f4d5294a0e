import type { CallbackReason, TicketCallback, TicketDoc } from '../../../types/models'

/**
 * Which closed tickets are called back (回访), as a pure rule of the stored ticket: a recount from the records
 * reproduces every draw.
 *   lowRating    the reporter rated it 1 or 2 of 5 stars (很不满意, 不满意; 3 is 一般, and the dashboard counts
 *                4–5 as satisfied): every one
 *   unconfirmed  resolved, then closed by the timer because the reporter never answered: every one
 *   recheck      an earlier callback found it not really fixed, and it has been closed again: every one
 *   share        any other closing, when the ticket's bucket (below) is under the community's `callbackShare`
 * A closing is sampled once: at the moment it closes, or later when a low rating arrives on the closed ticket.
 */
export const LOW_RATING_MAX = 2

/**
 * The ticket's fixed place among 100 buckets: FNV-1a (32-bit) of its id, mod 100. A share of 20 % picks buckets
 * 0–19. It depends on nothing the handler does, and anyone holding the id can check the draw.
 */
export function callbackBucket(ticketId: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < ticketId.length; i++) {
    h ^= ticketId.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h % 100
}

type Sampled = Pick<TicketDoc, '_id' | 'state' | 'rating' | 'confirmation' | 'callbacks'>

/** Why this closed ticket is called back, or null when it is not. `share` in percent. */
export function callbackReason(t: Sampled, share: number): CallbackReason | null {
  if (t.state !== 'closed') return null
  if (t.rating && t.rating.score <= LOW_RATING_MAX) return 'lowRating'
  if (t.confirmation === 'unconfirmed') return 'unconfirmed'
  if ((t.callbacks ?? []).some((c) => c.result && !c.result.fixed)) return 'recheck'
  return callbackBucket(t._id) < share ? 'share' : null
}

/** The callbacks and the queue's copy of the latest one's status and due time, always written together. */
export const withCallbacks = (t: TicketDoc, callbacks: TicketCallback[]): TicketDoc => {
  const last = callbacks[callbacks.length - 1]
  return { ...t, callbacks, callbackStatus: last?.status ?? null, callbackDueAt: last && last.status === 'open' ? last.dueAt : null }
}

/** The ticket with a callback for its current closing added, when the rule picks it and it has none yet. */
export function sampleCallback(t: TicketDoc, share: number, now: Date): TicketDoc {
  if (t.state !== 'closed' || !t.closedAt) return t
  const list = t.callbacks ?? []
  if (list.some((c) => c.closedAt === t.closedAt)) return t
  const reason = callbackReason(t, share)
  if (!reason) return t
  const at = now.toISOString()
  return withCallbacks(t, [
    ...list,
    { closedAt: t.closedAt, sampledAt: at, reason, share, status: 'open', dueAt: at, takenBy: null, unreached: [], result: null, endedAt: null },
  ])
}
