import type { CommunitySettings, CommunitySettingsView, placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { setCommunitySetting } from '../../_core/repos/places'

const viewOf = (s: Pick<CommunitySettings, 'photoRetentionDays' | 'callbackShare'>): CommunitySettingsView => ({
  photoRetentionDays: s.photoRetentionDays,
  callbackShare: s.callbackShare,
})

export const settings: Handler<typeof placesContract.actions.settings> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  return viewOf(community.settings)
}

/**
 * How long photos of ended tickets are kept (the timer deletes them after that; the tickets themselves stay), and
 * what share of closed tickets is called back besides the low ratings and the unconfirmed ones (回访).
 */
export const updateSettings: Handler<typeof placesContract.actions.updateSettings> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const next = { ...community.settings }
  if (input.photoRetentionDays !== undefined) {
    await setCommunitySetting(community._id, 'photoRetentionDays', input.photoRetentionDays)
    next.photoRetentionDays = input.photoRetentionDays
  }
  if (input.callbackShare !== undefined) {
    await setCommunitySetting(community._id, 'callbackShare', input.callbackShare)
    next.callbackShare = input.callbackShare
  }
  return viewOf(next)
}
