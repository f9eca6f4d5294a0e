import type { Community, GridContact, TicketDoc, ticketsContract } from '../../../types'
import { ticketSettings } from '../../_core/domain/ticketRules'
import { findUser } from '../../_core/repos/users'
import type { Handler } from '../../_core/serve'
import { householdsOf } from '../access'
import { viewFor } from '../views'
import { categoryIn, fileTicketDoc, placeOf, placeFields } from '../file'

/**
 * The grid member the ticket went to, as the grid's notice board shows them (full name and phone), so the reporter
 * can call them. Null while nobody is assigned, and when the community chose to hide it (`hideGridContact`).
 */
async function gridContactOf(t: TicketDoc, community: Community): Promise<GridContact | null> {
  if (!t.assigneeOpenid || ticketSettings(community.settings).hideGridContact) return null
  const member = await findUser(t.assigneeOpenid)
  return member?.name ? { name: member.name, phone: member.phone || null } : null
}

/**
 * 扫码报事. A stairwell scan is enough to report (no household needed); when the reporter lives in that unit or
 * building, their household is recorded so "me too" counts households.
 */
export const submit: Handler<typeof ticketsContract.actions.submit> = async (input, ctx) => {
  const { unit, building } = await placeOf(input.placeCode)
  const community = await ctx.community(building.communityId)
  const category = categoryIn(community, input.category)
  const ticket = await fileTicketDoc(
    ctx,
    input.requestId,
    async () => {
      const homes = await householdsOf(ctx)
      const home = homes.find((h) => h.unitId === unit._id) ?? homes.find((h) => h.buildingId === building._id) ?? null
      return {
        ...placeFields(community, building, unit),
        category,
        text: input.text,
        photos: input.photos,
        reporterOpenid: ctx.openid,
        reporterName: ctx.user?.name || '居民',
        reporterPhone: ctx.user?.phone ?? null,
        reporterHouseholdId: home?._id ?? null,
        anonymous: input.anonymous,
        filedBy: null,
        actorRole: 'resident',
      }
    },
    community,
  )
  const [view, handler] = await Promise.all([viewFor(ctx, ticket), gridContactOf(ticket, community)])
  return { ...view, handler }
}
