/** Who may see and act on a matter or vote of the council, and where the caller stands on a vote's roll. */
import { AppError, type Community, type MatterDoc, type Role, type RollEntryDoc, type VoteDoc } from '../../types'
import type { MatterActor } from '../_core/domain/council'
import { findMatter, findVote, rollEntriesOf, rollEntry } from '../_core/repos/council'
import { findHouseholds } from '../_core/repos/places'
import type { Ctx } from '../_core/serve'
import { ORGANISERS, OVERSEERS } from '../../types/roles'
export { OVERSEERS }

/** Roles that run the council's steps and see its objections' authors. */
export const COMMITTEE: readonly Role[] = ORGANISERS

export const actorOf = (ctx: Ctx, community: Community): MatterActor => ({
  openid: ctx.openid,
  name: ctx.user?.name ?? '',
  roles: ctx.rolesIn(community),
})

/** The matter and its community, once the caller is known to hold one of `roles` (default: the action's) there. */
export async function loadMatter(ctx: Ctx, id: string, roles?: readonly Role[]): Promise<{ matter: MatterDoc; community: Community }> {
  const matter = await findMatter(id)
  if (!matter) throw new AppError('COUNCIL.NOT_FOUND')
  const community = await ctx.authorize(matter.communityId, roles)
  return { matter, community }
}

/** Whether the matter concerns the caller: overseers always; others when it is community-wide or about their building. */
export async function concerns(ctx: Ctx, community: Community, m: MatterDoc): Promise<boolean> {
  if (ctx.rolesIn(community).some((r) => OVERSEERS.includes(r))) return true
  if (!m.buildingIds.length) return true
  const homes = await findHouseholds(ctx.user?.householdIds ?? [])
  if (homes.some((h) => m.buildingIds.includes(h.buildingId))) return true
  // a party member or representative on the roll of the matter's vote is concerned by it whatever their building
  return !!m.activeVoteId && !!(await rollEntry(m.activeVoteId, ctx.openid))
}

export async function mustConcern(ctx: Ctx, community: Community, m: MatterDoc): Promise<void> {
  if (!(await concerns(ctx, community, m))) throw new AppError('COUNCIL.NOT_CONCERNED')
}

/** The vote and its community, once the caller holds one of the action's roles there. */
export async function loadVote(ctx: Ctx, id: string): Promise<{ vote: VoteDoc; community: Community }> {
  const vote = await findVote(id)
  if (!vote) throw new AppError('COUNCIL.VOTE_NOT_FOUND')
  const community = await ctx.authorize(vote.communityId)
  return { vote, community }
}

/** The roll keys the caller could hold in a vote: themselves (role rolls) or their member record, their households, their owner identities. */
export const candidateKeys = (ctx: Ctx, v: Pick<VoteDoc, 'unit'>): string[] =>
  v.unit === 'person' ? [ctx.openid, ...(ctx.user?.memberIds ?? [])] : v.unit === 'household' ? (ctx.user?.householdIds ?? []) : (ctx.user?.ownerIds ?? [])

/** The caller's entries on the rolls of these openings, in candidate-key order, in one read. */
export async function entriesIn(ctx: Ctx, votes: VoteDoc[]): Promise<Map<string, RollEntryDoc[]>> {
  const found = new Map((await rollEntriesOf(votes.flatMap((v) => candidateKeys(ctx, v).map((key) => ({ voteId: v._id, key }))))).map((e) => [e._id, e]))
  return new Map(
    votes.map((v) => [
      v._id,
      candidateKeys(ctx, v).flatMap((k) => {
        const e = found.get(`${v._id}|${k}`)
        return e && e.rollToken === v.rollToken ? [e] : []
      }),
    ]),
  )
}

/** The caller's entries on this opening's roll. */
export const entriesOf = async (ctx: Ctx, v: VoteDoc): Promise<RollEntryDoc[]> => (await entriesIn(ctx, [v])).get(v._id) ?? []
