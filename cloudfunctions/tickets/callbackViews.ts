import {
  CALLBACK_MAX_TRIES,
  CALLBACK_REASON_LABELS,
  CALLBACK_STATUS_LABELS,
  type CallbackAction,
  type CallbackItem,
  type GridDoc,
  type TicketCallback,
  type TicketDoc,
} from '../../types'
import { callbackGuard, currentCallback } from '../_core/domain/callbacks'
import type { TicketActor } from '../_core/domain/ticket'
import { maskName } from '../_core/mask'

export interface CallbackViewer {
  actor: TicketActor
  /** community or street staff: they see the reporter's name (and, on the ticket, the rest of it) */
  staff: boolean
  now: Date
  names: Map<string, string>
  grids: Pick<GridDoc, '_id' | 'name'>[]
}

/** Whose names a page of callbacks shows: the callers and whoever holds one now. */
export const callbackOpenids = (tickets: TicketDoc[]): string[] => [
  ...new Set(
    tickets.flatMap((t) => {
      const c = currentCallback(t)
      return c ? [...c.unreached.map((u) => u.byOpenid), ...(c.result ? [c.result.byOpenid] : []), ...(c.takenBy ? [c.takenBy.openid] : [])] : []
    }),
  ),
]

/** How the caller addresses the resident: staff by name, others masked (as a handler sees neighbours), nobody an anonymous reporter. */
const residentName = (t: TicketDoc, v: CallbackViewer): string | null => (t.anonymous && !v.staff ? null : v.staff ? t.reporterName : maskName(t.reporterName))

/**
 * A callback as the queue shows it to this viewer. `can` comes from the workflow's own guard (one source of truth);
 * the reporter's phone is never part of it.
 */
export function callbackItem(t: TicketDoc, v: CallbackViewer): CallbackItem {
  const c = currentCallback(t) as TicketCallback
  const name = (openid: string) => v.names.get(openid) ?? ''
  const refusal = c.status === 'open' ? callbackGuard(t, v.actor, v.now) : null
  const mine = !!c.takenBy && c.takenBy.openid === v.actor.openid
  const hasPhone = !!t.reporterPhone
  const can: CallbackAction[] = refusal || c.status !== 'open' ? [] : [...(mine ? [] : ['take' as const]), ...(hasPhone ? ['dial' as const] : []), 'record']
  return {
    ticketId: t._id,
    round: t.callbacks?.length ?? 1,
    status: c.status,
    statusLabel: CALLBACK_STATUS_LABELS[c.status],
    reason: c.reason,
    reasonLabel: CALLBACK_REASON_LABELS[c.reason],
    categoryLabel: t.categoryLabel,
    placeLabel: t.placeLabel,
    gridName: v.grids.find((g) => g._id === t.gridId)?.name ?? null,
    excerpt: (t.text.split('\n')[0] ?? '').slice(0, 60),
    resolutionNote: t.resolution?.note ?? lastResolveNote(t),
    closedAt: c.closedAt,
    confirmation: t.confirmation ?? closingConfirmation(t, c),
    selfRating: t.rating?.score ?? null,
    residentName: residentName(t, v),
    hasPhone,
    unreached: c.unreached.map((u) => ({ at: u.at, byName: name(u.byOpenid) })),
    triesLeft: Math.max(0, CALLBACK_MAX_TRIES - c.unreached.length),
    dueAt: c.dueAt,
    takenBy: c.takenBy ? { name: name(c.takenBy.openid), mine, at: c.takenBy.at } : null,
    result: c.result
      ? { fixed: c.result.fixed, satisfaction: c.result.satisfaction, note: c.result.note, at: c.result.at, byName: name(c.result.byOpenid) }
      : null,
    can,
    blocked: refusal && refusal.code !== 'CALLBACK.ENDED' ? { code: refusal.code, message: refusal.message } : null,
  }
}

/** A ticket reopened by its callback has lost its resolution: the last resolve entry still says what was done. */
const lastResolveNote = (t: TicketDoc): string | null => [...t.timeline].reverse().find((e) => e.event === 'resolve')?.note ?? null

/** How the reporter had answered at the closing the callback follows (the ticket's own field is reset when it reopens). */
const closingConfirmation = (t: TicketDoc, c: TicketCallback): CallbackItem['confirmation'] => {
  const closing = [...t.timeline].reverse().find((e) => e.at === c.closedAt && (e.event === 'confirm' || e.event === 'autoClose'))
  return closing ? (closing.event === 'confirm' ? 'confirmed' : 'unconfirmed') : null
}
