import type { placesContract } from '../../../types'
import { ticketSettings } from '../../_core/domain/ticketRules'
import type { Handler } from '../../_core/serve'
import { setCommunitySetting } from '../../_core/repos/places'

export const settings: Handler<typeof placesContract.actions.settings> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  return { photoRetentionDays: ticketSettings(community.settings).photoRetentionDays }
}

/** How long photos of ended tickets are kept; the timer deletes them after that (the tickets themselves stay). */
export const updateSettings: Handler<typeof placesContract.actions.updateSettings> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  await setCommunitySetting(community._id, 'photoRetentionDays', input.photoRetentionDays)
  return { photoRetentionDays: input.photoRetentionDays }
}
