import type { TicketDoc, ticketsContract } from '../../../types'
import { findGrid } from '../../_core/repos/places'
import { streetStaffOf } from '../../_core/repos/tickets'
import { usersOfCommunity } from '../../_core/repos/users'
import type { Handler } from '../../_core/serve'
import { act } from '../common'

/** Who may be given the ticket at its level: the grid's people, the community's staff, the street's staff. */
async function eligible(t: TicketDoc): Promise<string[]> {
  if (t.level === 'grid') {
    const grid = t.gridId ? await findGrid(t.gridId) : null
    return grid ? [...grid.memberOpenids, ...(grid.leaderOpenid ? [grid.leaderOpenid] : [])] : []
  }
  if (t.level === 'community') {
    const users = await usersOfCommunity(t.communityId)
    return users.filter((u) => u.roles.some((g) => g.communityId === t.communityId && (g.role === 'community_staff' || g.role === 'branch_secretary'))).map((u) => u._id)
  }
  return (await streetStaffOf(t.streetId)).map((u) => u._id)
}

/** 改派: a supervisor gives the ticket to someone who can handle it at its level. */
export const reassign: Handler<typeof ticketsContract.actions.reassign> = (input, ctx) =>
  act(ctx, input.ticketId, { authorize: true, mustSee: true }, async (t) => ({
    type: 'reassign',
    to: input.toOpenid,
    eligible: await eligible(t),
    note: input.note || null,
  }))
