import { AppError, type TicketDoc, type ticketsContract } from '../../../types'
import { decide, ticketSettings, type Decision } from '../../_core/domain/ticket'
import { saveTwo } from '../../_core/repos/tickets'
import { notifyTicket } from '../../_core/workflows/tickets'
import type { Handler } from '../../_core/serve'
import { actorIn, loadTicket } from '../access'
import { viewFor } from '../views'

const must = (r: Decision) => {
  if (!r.ok) throw new AppError(r.code, r.message)
  return r
}

/**
 * A duplicate merges into another open ticket of the same community: it becomes "merged" (its timeline stays),
 * the target takes over its followers. Both change in one transaction, decided on the copies read inside it.
 */
export const merge: Handler<typeof ticketsContract.actions.merge> = async (input, ctx) => {
  const source = await loadTicket(input.ticketId)
  const community = await ctx.authorize(source.communityId)
  const target = await loadTicket(input.intoTicketId).catch(() => null)
  if (!target || target.communityId !== source.communityId || target._id === source._id) throw new AppError('TICKET.MERGE_INVALID')
  const { actor } = await actorIn(ctx, community)
  const settings = ticketSettings(community.settings)
  const effects: Extract<Decision, { ok: true }>['effects'] = []
  const { after } = await saveTwo([source._id, target._id], (a, b) => {
    if (!a || !b) throw new AppError('TICKET.NOT_FOUND')
    effects.length = 0
    const merged = must(decide(a, { type: 'merge', into: b._id }, actor, ctx.now, settings))
    const absorbed = must(decide(b, { type: 'absorb', from: a._id, followers: a.followers, households: a.followerHouseholds }, actor, ctx.now, settings))
    effects.push(...merged.effects, ...absorbed.effects)
    return [merged.next, absorbed.next] as [TicketDoc, TicketDoc]
  })
  await notifyTicket(effects, after[0], ctx.now.toISOString())
  return viewFor(ctx, after[0])
}
