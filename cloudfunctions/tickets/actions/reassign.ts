import type { TicketDoc, ticketsContract } from '../../../types'
import { findGrid } from '../../_core/repos/places'
import { findUsers } from '../../_core/repos/users'
import type { Handler } from '../../_core/serve'
import { act } from '../step'

/**
 * Who of the grid's people may be given a grid-level ticket; above the grid, whether the one chosen is staff of the
 * ticket's community or street — asked of that one person rather than by listing everyone who holds such a role.
 */
async function eligible(t: TicketDoc, to: string): Promise<string[]> {
  if (t.level === 'grid') {
    const grid = t.gridId ? await findGrid(t.gridId) : null
    return grid ? [...grid.memberOpenids, ...(grid.leaderOpenid ? [grid.leaderOpenid] : [])] : []
  }
  const [user] = await findUsers([to])
  const holds = (user?.roles ?? []).some((g) =>
    t.level === 'community'
      ? g.communityId === t.communityId && (g.role === 'community_staff' || g.role === 'branch_secretary')
      : g.role === 'street_staff' && g.streetId === t.streetId,
  )
  return holds ? [to] : []
}

/** 改派: a supervisor gives the ticket to someone who can handle it at its level. */
export const reassign: Handler<typeof ticketsContract.actions.reassign> = (input, ctx) =>
  act(ctx, input.ticketId, { authorize: true, mustSee: true }, async (t) => ({
    type: 'reassign',
    to: input.toOpenid,
    eligible: await eligible(t, input.toOpenid),
    note: input.note || null,
  }))
