import { AppError, type usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { redeem } from '../../_core/domain/users'
import { tryCode } from '../../_core/repos/attempts'
import { changeInvite, findInvite } from '../../_core/repos/users'
import { meView } from '../views'

/**
 * The invite is spent and the role granted in one transaction (domain `redeem`), so a code is never spent without
 * the role, and of two people redeeming one code at once exactly one succeeds.
 */
export const redeemInvite: Handler<typeof usersContract.actions.redeemInvite> = async (input, ctx) => {
  const at = ctx.now.toISOString()
  // a code nobody issued counts as a wrong try: invites are typed, and someone will try to guess one
  if (!(await tryCode('invite', { caller: ctx.openid }, ctx.now, () => findInvite(input.code)))) throw new AppError('INVITE.NOT_FOUND')
  await changeInvite(input.code, ctx.openid, (s) => redeem(s, ctx.openid, at))
  return meView(ctx.openid)
}
