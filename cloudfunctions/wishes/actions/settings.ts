import type { wishesContract } from '../../../types'
import { wishSettings } from '../../_core/domain/wishes'
import { setCommunitySetting } from '../../_core/repos/places'
import type { Handler } from '../../_core/serve'

/** How many days a claim may stay undone before it lapses back to open. */
export const settings: Handler<typeof wishesContract.actions.settings> = async (input, ctx) => wishSettings((await ctx.community(input.communityId)).settings)

/** Changes it for claims made from now on (a claim keeps the expiry it was given). */
export const updateSettings: Handler<typeof wishesContract.actions.updateSettings> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  await setCommunitySetting(community._id, 'wishClaimDays', input.claimDays)
  return { claimDays: input.claimDays }
}
