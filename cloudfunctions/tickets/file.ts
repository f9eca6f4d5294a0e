import { AppError, type BuildingDoc, type Community, type TicketDoc, type TicketView, type UnitDoc } from '../../types'
import { chooseAssignee, decide, findCategory, openTicket, SYSTEM_ACTOR, ticketSettings, type TicketDraft, type TicketEffect } from '../_core/domain/ticket'
import { findBuilding, findGrid, findUnitByCode } from '../_core/repos/places'
import { findTicket, insertTicket, openCountsOf, ticketIdFor } from '../_core/repos/tickets'
import { notifyTicket } from '../_core/workflows/tickets'
import { SCENE, screen } from '../_core/contentCheck'
import { hold } from '../_core/moderation'
import type { Ctx } from '../_core/serve'
import { viewFor } from './views'

export interface Place {
  unit: UnitDoc
  building: BuildingDoc
}

/** The stairwell a code names. */
export async function placeOf(code: string): Promise<Place> {
  const unit = await findUnitByCode(code.toUpperCase())
  const building = unit ? await findBuilding(unit.buildingId) : null
  if (!unit || !building) throw new AppError('PLACE.UNKNOWN_CODE')
  return { unit, building }
}

export function categoryIn(community: Community, key: string) {
  const category = findCategory(ticketSettings(community.settings), key)
  if (!category) throw new AppError('TICKET.CATEGORY_UNKNOWN')
  return category
}

/** Routing: the grid owning the building, its member with the fewest open tickets; no grid or nobody → waits as submitted. */
async function route(t: TicketDoc, community: Community, now: Date): Promise<{ ticket: TicketDoc; effects: TicketEffect[] }> {
  const grid = t.gridId ? await findGrid(t.gridId) : null
  if (!grid) return { ticket: t, effects: [] }
  const to = chooseAssignee(grid, await openCountsOf(grid.memberOpenids))
  if (!to) return { ticket: t, effects: [] }
  const r = decide(t, { type: 'assign', to }, SYSTEM_ACTOR, now, ticketSettings(community.settings))
  // the reporter has just submitted and sees the answer: only the assignee needs telling
  return r.ok ? { ticket: r.next, effects: r.effects.filter((e) => e.kind === 'assigned') } : { ticket: t, effects: [] }
}

/**
 * Files a ticket once per (caller, requestId): a retry, even concurrent, answers the ticket the first call made.
 * The id is checked first (cheap, the usual retry), and the insert itself collides for the racing ones.
 */
/** Where a ticket is, as every new ticket records it, whoever files it. */
export const placeFields = (community: Community, building: BuildingDoc, unit: UnitDoc) => ({
  communityId: community._id,
  streetId: community.streetId,
  gridId: building.gridId,
  buildingId: building._id,
  unitId: unit._id,
  placeCode: unit.code,
  placeLabel: `${building.name} ${unit.name}`,
})

export async function fileTicket(
  ctx: Ctx,
  requestId: string,
  build: (id: string) => Promise<Omit<TicketDraft, '_id'> & { actorRole: TicketDoc['timeline'][number]['actorRole'] }>,
  community: Community,
): Promise<TicketView> {
  return viewFor(ctx, await fileTicketDoc(ctx, requestId, build, community))
}

/** fileTicket, answering the stored ticket itself (submit also reads whom it went to). */
export async function fileTicketDoc(
  ctx: Ctx,
  requestId: string,
  build: (id: string) => Promise<Omit<TicketDraft, '_id'> & { actorRole: TicketDoc['timeline'][number]['actorRole'] }>,
  community: Community,
): Promise<TicketDoc> {
  const id = ticketIdFor(ctx.openid, requestId)
  const existing = await findTicket(id)
  if (existing) return existing
  const { actorRole, ...draft } = await build(id)
  // risky wording is refused before anything is written; 'review' still files and routes the ticket (the problem
  // must reach its grid member), but keeps its text and photos from the neighbours until staff publish them
  const verdict = await screen({ texts: [draft.text], images: draft.photos }, { openid: ctx.openid, scene: SCENE.forum })
  const opened: TicketDoc = {
    ...openTicket({ _id: id, ...draft }, actorRole, ctx.now),
    ...(verdict.suggest === 'review' ? { moderation: 'pending' as const } : {}),
  }
  const routed = await route(opened, community, ctx.now)
  const { ticket, created } = await insertTicket(routed.ticket)
  if (created) {
    const at = ctx.now.toISOString()
    if (ticket.moderation === 'pending') {
      await hold({
        id: `ticket:${id}`,
        communityId: community._id,
        kind: 'ticket',
        refId: id,
        text: draft.text,
        images: draft.photos,
        byOpenid: ctx.openid,
        verdict,
        at,
      })
    }
    await notifyTicket(routed.effects, ticket, at)
  }
  return ticket
}
