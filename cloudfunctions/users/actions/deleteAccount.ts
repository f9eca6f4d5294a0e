import type { usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { newId } from '../../_core/ids'
import { findHouseholds } from '../../_core/repos/places'
import { erasePerson, markDeleting } from '../../_core/repos/personal'

/**
 * 注销账号: the profile and every binding are erased; tickets stay as the community's record under 已注销用户, ballots
 * stay counted with their receipts detached, and staff of the person's communities see only that an account was
 * deleted, and when. The pseudonym and the record's id are kept on the profile first, so asking again finishes a
 * deletion that stopped half-way with the same ones; once the profile is gone there is nothing left to delete.
 */
export const deleteAccount: Handler<typeof usersContract.actions.deleteAccount> = async (_input, ctx) => {
  if (!ctx.user) return { deleted: true }
  const homes = await findHouseholds(ctx.user.householdIds)
  const communityIds = [...new Set([...ctx.user.roles.map((g) => g.communityId), ...homes.map((h) => h.communityId)].filter((c): c is string => !!c))]
  // a pseudonym made now, from nothing of the person: it cannot be traced back
  const deleting = ctx.user.deleting ?? { pseudonym: `gone-${newId().slice(0, 20)}`, deletionId: `deletion-${newId()}`, at: ctx.now.toISOString() }
  if (!ctx.user.deleting) await markDeleting(ctx.openid, deleting)
  await erasePerson(ctx.openid, deleting.pseudonym, ctx.now.toISOString(), { _id: deleting.deletionId, communityIds, at: deleting.at })
  return { deleted: true }
}
