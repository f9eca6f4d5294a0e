import { AppError, type Community, type GridDoc, type TicketDoc } from '../../types'
import type { TicketActor } from '../_core/domain/ticket'
import { findHouseholds, gridsOf } from '../_core/repos/places'
import { findTicket } from '../_core/repos/tickets'
import type { Ctx } from '../_core/serve'
import type { Sight } from './views'
import { STAFF } from '../../types/roles'

/** The caller as the workflow sees them in one community: roles there, and the grids they serve or lead. */
export async function actorIn(ctx: Ctx, community: Community): Promise<{ actor: TicketActor; grids: GridDoc[] }> {
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
