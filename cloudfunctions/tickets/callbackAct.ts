import { AppError, type CallbackItem, type Community, type TicketDoc } from '../../types'
import { SCENE, screen } from '../_core/contentCheck'
import { decideCallback, type CallbackEvent } from '../_core/domain/callbacks'
import { ticketSettings, type TicketActor } from '../_core/domain/ticket'
import { hold } from '../_core/moderation'
import { gridsOf } from '../_core/repos/places'
import { saveTicket } from '../_core/repos/tickets'
import { notifyTicket } from '../_core/workflows/tickets'
import { findUsers } from '../_core/repos/users'
import type { Ctx } from '../_core/serve'
import { callbackItem, callbackOpenids } from './callbackViews'
import { actorIn, loadTicket } from './access'
import { STAFF, inGroup } from '../../types/roles'

/** The queue's view of callbacks for the caller: names in one query, the community's grids for their names. */
export async function callbackItems(ctx: Ctx, community: Community, actor: TicketActor, tickets: TicketDoc[]): Promise<CallbackItem[]> {
  const [users, grids] = await Promise.all([findUsers(callbackOpenids(tickets)), gridsOf(community._id)])
  const viewer = { actor, staff: actor.roles.some((r) => inGroup(STAFF, r)), now: ctx.now, names: new Map(users.map((u) => [u._id, u.name])), grids }
  return tickets.map((t) => callbackItem(t, viewer))
}

/**
 * Load, decide, save, notify — as the tickets' `act`, for a callback event. The caller must hold a calling role in
 * the ticket's community (serve's access list, checked here against the loaded ticket). A note is screened as any
 * words others will read: risky is refused, review holds the ticket's words from neighbours until staff decide.
 * `before` runs on the ticket as loaded (callbackDial refuses a ticket without a phone before taking it).
 */
export async function callbackAct(
  ctx: Ctx,
  ticketId: string,
  event: CallbackEvent,
  before?: (t: TicketDoc) => void,
): Promise<{ ticket: TicketDoc; item: CallbackItem }> {
  let t = await loadTicket(ticketId)
  const community = await ctx.authorize(t.communityId)
  const { actor } = await actorIn(ctx, community)
  const settings = ticketSettings(community.settings)
  const note = event.type === 'take' ? null : event.note
  const verdict = note ? await screen({ texts: [note] }, { openid: ctx.openid, scene: SCENE.comment }) : null
  for (let attempt = 0; attempt < 2; attempt++) {
    before?.(t)
    const r = decideCallback(t, event, actor, ctx.now, settings)
    if (!r.ok) throw new AppError(r.code, r.message)
    const next: TicketDoc = verdict?.suggest === 'review' ? { ...r.next, moderation: 'pending' } : r.next
    if (await saveTicket(t, next)) {
      const at = ctx.now.toISOString()
      if (verdict?.suggest === 'review' && note) {
        await hold({
          id: `ticket:${t._id}:${next.version}`,
          communityId: t.communityId,
          kind: 'ticket',
          refId: t._id,
          text: note,
          images: [],
          byOpenid: ctx.openid,
          verdict,
          at,
        })
      }
      await notifyTicket(r.effects, next, at)
      const [item] = await callbackItems(ctx, community, actor, [next])
      return { ticket: next, item }
    }
    t = await loadTicket(ticketId)
  }
  throw new AppError('CONFLICT')
}
