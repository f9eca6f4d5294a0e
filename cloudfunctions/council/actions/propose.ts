import { AppError, type councilContract, type MatterDoc } from '../../../types'
import type { Handler } from '../../_core/serve'
import { idFor } from '../../_core/ids'
import { insertMatter, ticketsByIds } from '../../_core/repos/council'
import { findBuildings } from '../../_core/repos/places'
import { dayOf } from '../../_core/domain/council'
import { actorOf } from '../access'
import { matterView } from '../views'

/** 党组织提议: the branch opens a matter; a retry with the same request id answers the same matter. */
export const propose: Handler<typeof councilContract.actions.propose> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  if (!ctx.user?.name) throw new AppError('PROFILE.NAME_REQUIRED')
  const buildings = await findBuildings(input.buildingIds)
  if (buildings.length !== new Set(input.buildingIds).size || buildings.some((b) => b.communityId !== community._id)) throw new AppError('PLACE.NOT_FOUND')
  const tickets = await ticketsByIds([...new Set(input.ticketIds)])
  if (tickets.length !== new Set(input.ticketIds).size || tickets.some((t) => t.communityId !== community._id)) throw new AppError('COUNCIL.EVIDENCE_INVALID')
  const at = ctx.now.toISOString()
  const actor = actorOf(ctx, community)
  const doc: MatterDoc = {
    _id: idFor('matter', ctx.openid, input.requestId),
    communityId: community._id,
    streetId: community.streetId,
    title: input.title,
    kind: input.kind,
    background: input.background,
    options: input.options,
    attachments: input.attachments,
    ticketIds: [...new Set(input.ticketIds)],
    buildingIds: [...new Set(input.buildingIds)],
    state: 'deliberation',
    records: [
      {
        stage: 'proposal',
        at,
        byOpenid: ctx.openid,
        byName: actor.name,
        byRole: 'branch_secretary',
        date: dayOf(at),
        minutes: input.background,
        attendance: null,
        attendees: null,
        outcome: 'agreed',
        votes: null,
        reason: null,
        voteId: null,
      },
    ],
    activeVoteId: null,
    voting: 0,
    publication: null,
    result: null,
    proposedBy: ctx.openid,
    version: 1,
    createdAt: at,
    updatedAt: at,
  }
  const stored = await insertMatter(doc)
  return matterView(ctx, community, stored)
}
