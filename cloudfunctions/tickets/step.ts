import { AppError, type TicketDoc, type TicketView } from '../../types'
import { SCENE, screen } from '../_core/contentCheck'
import { decide, ticketSettings, type TicketActor, type TicketEvent } from '../_core/domain/ticket'
import { hold } from '../_core/moderation'
import { saveTicket } from '../_core/repos/tickets'
import { notifyTicket } from '../_core/workflows/tickets'
import type { Ctx } from '../_core/serve'
import { actorIn, loadTicket, sightOf } from './access'
import { viewFor } from './views'

export interface ActOptions {
  /** role-restricted actions: the caller must hold the action's roles in the ticket's community */
  authorize: boolean
  /** the caller must be able to see the ticket at all (everything but "me too", which comes from a stairwell scan) */
  mustSee: boolean
  /**
   * Words and photos the action adds that others will see (notes, a rating's comment): checked first. Risky is
   * refused; 'review' saves them but holds the ticket's content from the neighbours until staff publish it.
   */
  content?: { texts: (string | null | undefined)[]; images?: string[] }
}

/**
 * Load, decide, save, notify. The save is conditional on the version read; when another write landed first the
 * ticket is read again and the event decided once more on the fresh state (so the loser of two accepts hears
 * TICKET.INVALID_TRANSITION); a second collision answers CONFLICT.
 */
export async function act(
  ctx: Ctx,
  ticketId: string,
  opts: ActOptions,
  eventFor: (t: TicketDoc, actor: TicketActor) => TicketEvent | Promise<TicketEvent>,
): Promise<TicketView> {
  let t = await loadTicket(ticketId)
  const community = opts.authorize ? await ctx.authorize(t.communityId) : await ctx.community(t.communityId)
  const { actor } = await actorIn(ctx, community)
  const sight = await sightOf(ctx, t, actor)
  if (opts.mustSee && !sight) throw new AppError('AUTH.FORBIDDEN')
  // a stranger to the community hears the same refusal whatever state the ticket is in
  if (!sight && actor.roles.length === 0) throw new AppError('AUTH.FORBIDDEN')
  const settings = ticketSettings(community.settings)
  const verdict = opts.content ? await screen(opts.content, { openid: ctx.openid, scene: SCENE.comment }) : null
  for (let attempt = 0; attempt < 2; attempt++) {
    const r = decide(t, await eventFor(t, actor), actor, ctx.now, settings)
    if (!r.ok) throw new AppError(r.code, r.message)
    const next: TicketDoc = verdict?.suggest === 'review' ? { ...r.next, moderation: 'pending' } : r.next
    if (await saveTicket(t, next)) {
      const at = ctx.now.toISOString()
      if (verdict && opts.content && verdict.suggest === 'review') {
        const text = opts.content.texts.filter(Boolean).join('\n')
        await hold({
          id: `ticket:${t._id}:${next.version}`,
          communityId: t.communityId,
          kind: 'ticket',
          refId: t._id,
          text,
          images: opts.content.images ?? [],
          byOpenid: ctx.openid,
          verdict,
          at,
        })
      }
      await notifyTicket(r.effects, next, at)
      return viewFor(ctx, next, { community, actor, sight: (await sightOf(ctx, next, actor)) ?? 'follower' })
    }
    t = await loadTicket(ticketId)
  }
  throw new AppError('CONFLICT')
}
