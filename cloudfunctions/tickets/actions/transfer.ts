import type { ticketsContract } from '../../../types'
import { findGrid } from '../../_core/repos/places'
import type { Handler } from '../../_core/serve'
import { act } from '../step'

/** To another member (or the leader) of the ticket's grid. */
export const transfer: Handler<typeof ticketsContract.actions.transfer> = (input, ctx) =>
  act(ctx, input.ticketId, { authorize: true, mustSee: true }, async (t) => {
    const grid = t.gridId ? await findGrid(t.gridId) : null
    const gridMembers = grid ? [...grid.memberOpenids, ...(grid.leaderOpenid ? [grid.leaderOpenid] : [])] : []
    return { type: 'transfer', to: input.toOpenid, gridMembers, note: input.note || null }
  })
