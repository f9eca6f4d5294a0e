import { AppError, type GridDoc, type InviteDoc, type UserDoc, type usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { runTransaction, txGet, txPut } from '../../_core/repos/base'
import { tryCode } from '../../_core/repos/attempts'
import { blankUser, findInvite, withGrant } from '../../_core/repos/users'
import { meView } from '../views'

/**
 * One transaction: the invite is marked used and the role granted together, so a code is never spent without
 * the role, and of two people redeeming one code at once exactly one succeeds.
 */
export const redeemInvite: Handler<typeof usersContract.actions.redeemInvite> = async (input, ctx) => {
  const at = ctx.now.toISOString()
  // a code nobody issued counts as a wrong try: invites are typed, and someone will try to guess one
  if (!(await tryCode('invite', { caller: ctx.openid }, ctx.now, () => findInvite(input.code)))) throw new AppError('INVITE.NOT_FOUND')
  await runTransaction(async (tx) => {
    const invite = await txGet<InviteDoc>(tx, 'invites', input.code)
    if (!invite) throw new AppError('INVITE.NOT_FOUND')
    if (invite.usedBy) throw new AppError('INVITE.USED')
    if (invite.expiresAt <= at) throw new AppError('INVITE.EXPIRED')
    const user = (await txGet<UserDoc>(tx, 'users', ctx.openid)) ?? blankUser(ctx.openid, at)
    const granted = withGrant(user, {
      role: invite.role,
      communityId: invite.communityId,
      streetId: invite.streetId,
      grantedAt: at,
      grantedBy: invite.createdBy,
    })
    await txPut(tx, 'users', { ...granted, updatedAt: at })
    await txPut(tx, 'invites', { ...invite, usedBy: ctx.openid, usedAt: at })
    if (invite.gridId && (invite.role === 'grid_member' || invite.role === 'grid_leader')) {
      const grid = await txGet<GridDoc>(tx, 'grids', invite.gridId)
      if (grid) {
        const members = grid.memberOpenids.includes(ctx.openid) ? grid.memberOpenids : [...grid.memberOpenids, ctx.openid]
        await txPut(tx, 'grids', { ...grid, memberOpenids: members, leaderOpenid: invite.role === 'grid_leader' ? ctx.openid : grid.leaderOpenid })
      }
    }
  })
  return meView(ctx.openid)
}
