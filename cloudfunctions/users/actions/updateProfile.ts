import type { usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { upsertProfile } from '../../_core/repos/users'
import { meView } from '../views'

export const updateProfile: Handler<typeof usersContract.actions.updateProfile> = async (input, ctx) => {
  await upsertProfile(ctx.openid, { name: input.name, ...(input.phone !== undefined ? { phone: input.phone } : {}) }, ctx.now.toISOString())
  return meView(ctx.openid)
}
