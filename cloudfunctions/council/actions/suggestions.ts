import type { CommunitySettings, councilContract, MatterSuggestion } from '../../../types'
import type { Handler } from '../../_core/serve'
import { ticketsSince } from '../../_core/repos/council'
import { buildingsOf } from '../../_core/repos/places'

const DAY = 86_400_000

/** Community settings: how many tickets of one category in one building, within how many days, suggest a matter. */
export const suggestionSettings = (settings: CommunitySettings) => ({ threshold: settings.councilSuggestThreshold, days: settings.councilSuggestDays })

/** Buildings where one kind of problem keeps coming back: candidates for a matter, with the tickets as evidence. */
export const suggestions: Handler<typeof councilContract.actions.suggestions> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const { threshold, days } = suggestionSettings(community.settings)
  const since = new Date(ctx.now.getTime() - days * DAY).toISOString()
  const tickets = await ticketsSince(community._id, since)
  const groups = new Map<string, MatterSuggestion>()
  for (const t of tickets) {
    const key = `${t.buildingId}|${t.category}`
    const g = groups.get(key) ?? { buildingId: t.buildingId, buildingName: '', category: t.category, categoryLabel: t.categoryLabel, count: 0, ticketIds: [] }
    g.count++
    if (g.ticketIds.length < 50) g.ticketIds.push(t._id)
    groups.set(key, g)
  }
  const names = new Map((await buildingsOf(community._id)).map((b) => [b._id, b.name]))
  return [...groups.values()]
    .filter((g) => g.count >= threshold)
    .map((g) => ({ ...g, buildingName: names.get(g.buildingId) ?? '' }))
    .sort((a, b) => b.count - a.count)
}
