import type { Paged, VolunteerActivityDoc, volunteersContract } from '../../../types'
import { activitiesByIds, activitiesPage, rostersByIds, signupId, signupsByIds, signupsOfPerson } from '../../_core/repos/volunteers'
import type { Handler } from '../../_core/serve'
import { summaryOf } from '../views'

/** Activities not ended yet (soonest first) or past ones (latest first); `mine`: those the caller holds a place on or waits for. */
export const list: Handler<typeof volunteersContract.actions.list> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const now = ctx.now.toISOString()
  const paging = { page: input.page, pageSize: input.pageSize }
  let found: Paged<VolunteerActivityDoc>
  if (input.mine) {
    const held = (await signupsOfPerson(community._id, ctx.openid)).filter((s) => s.status !== 'cancelled')
    const all = (await activitiesByIds(held.map((s) => s.activityId)))
      .filter((a) => (input.when === 'upcoming' ? a.endAt > now : a.endAt <= now))
      .sort((x, y) => (input.when === 'upcoming' ? x.startAt.localeCompare(y.startAt) : y.startAt.localeCompare(x.startAt)))
    const from = (input.page - 1) * input.pageSize
    found = { items: all.slice(from, from + input.pageSize), ...paging, total: all.length }
  } else {
    found = await activitiesPage(community._id, input.when, now, paging)
  }
  const ids = found.items.map((a) => a._id)
  const [rosters, mine] = await Promise.all([rostersByIds(ids), signupsByIds(ids.map((id) => signupId(id, ctx.openid)))])
  const rosterOf = new Map(rosters.map((r) => [r._id, r]))
  const mineOf = new Map(mine.map((s) => [s.activityId, s]))
  return { ...found, items: found.items.map((a) => summaryOf(ctx, a, rosterOf.get(a._id) ?? null, mineOf.get(a._id) ?? null)) }
}
