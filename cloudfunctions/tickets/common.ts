import { AppError, type CommunityDoc, type GridDoc, type TicketDoc, type TicketView } from '../../types'
import { SCENE, screen } from '../_core/contentCheck'
import { decide, ticketSettings, type TicketActor, type TicketEvent } from '../_core/domain/ticket'
import { hold } from '../_core/moderation'
import { findHouseholds, gridsOf } from '../_core/repos/places'
import { findTicket, saveTicket } from '../_core/repos/tickets'
import { notifyTicket } from '../_core/workflows/tickets'
import { findUsers } from '../_core/repos/users'
import type { Ctx } from '../_core/serve'
import { ticketView, type Sight } from './views'
import { STAFF } from '../../types/roles'


/** The caller as the workflow sees them in one community: roles there, and the grids they serve or lead. */
export async function actorIn(ctx: Ctx, community: CommunityDoc): Promise<{ actor: TicketActor; grids: GridDoc[] }> {
  const roles = ctx.rolesIn(community)
  const grids = roles.some((r) => r === 'grid_member' || r === 'grid_leader') ? await gridsOf(community._id) : []
  const mine = grids.filter((g) => g.memberOpenids.includes(ctx.openid) || g.leaderOpenid === ctx.openid)
  return {
    actor: {
      openid: ctx.openid,
      roles,
      gridIds: mine.map((g) => g._id),
      ledGridIds: mine.filter((g) => g.leaderOpenid === ctx.openid).map((g) => g._id),
    },
    grids,
  }
}

/** The caller's households (ids and places), for "me too" and for the building a resident may look into. */
export const householdsOf = async (ctx: Ctx) => findHouseholds(ctx.user?.householdIds ?? [])

/** What the caller may see of the ticket, or null: then it is not theirs to see (AUTH.FORBIDDEN). */
export async function sightOf(ctx: Ctx, t: TicketDoc, actor: TicketActor): Promise<Sight | null> {
  if (actor.roles.some((r) => (STAFF as readonly string[]).includes(r))) return 'staff'
  if (t.assigneeOpenid === actor.openid || (t.gridId && actor.gridIds.includes(t.gridId))) return 'handler'
  if (t.followers.includes(actor.openid)) return 'follower'
  const homes = await householdsOf(ctx)
  return homes.some((h) => h.buildingId === t.buildingId) ? 'public' : null
}

export async function loadTicket(id: string): Promise<TicketDoc> {
  const t = await findTicket(id)
  if (!t) throw new AppError('TICKET.NOT_FOUND')
  return t
}

/** Builds the view of a ticket for the caller, reading the names it shows in one query. */
export async function viewFor(ctx: Ctx, t: TicketDoc, known?: { community: CommunityDoc; actor: TicketActor; sight: Sight }): Promise<TicketView> {
  const community = known?.community ?? (await ctx.community(t.communityId))
  const actor = known?.actor ?? (await actorIn(ctx, community)).actor
  const sight = known?.sight ?? (await sightOf(ctx, t, actor)) ?? 'follower'
  const openids = [t.assigneeOpenid, ...t.timeline.map((e) => e.actorOpenid), ...t.timeline.map((e) => e.detail)].filter(
    (x): x is string => !!x && x !== 'system',
  )
  const users = await findUsers(openids.filter((o) => /^[A-Za-z0-9_-]{1,64}$/.test(o)))
  const names = new Map(users.map((u) => [u._id, u.name]))
  return ticketView(t, { actor, sight, settings: ticketSettings(community.settings), now: ctx.now, names })
}

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
        await hold({ id: `ticket:${t._id}:${next.version}`, communityId: t.communityId, kind: 'ticket', refId: t._id, text, images: opts.content.images ?? [], byOpenid: ctx.openid, verdict, at })
      }
      await notifyTicket(r.effects, next, at)
      return viewFor(ctx, next, { community, actor, sight: (await sightOf(ctx, next, actor)) ?? 'follower' })
    }
    t = await loadTicket(ticketId)
  }
  throw new AppError('CONFLICT')
}
