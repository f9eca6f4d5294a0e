import type { ticketsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { householdsOf } from '../common'
import { categoryIn, fileTicket, placeOf, placeFields } from '../file'

/**
 * 扫码报事. A stairwell scan is enough to report (no household needed); when the reporter lives in that unit or
 * building, their household is recorded so "me too" counts households.
 */
export const submit: Handler<typeof ticketsContract.actions.submit> = async (input, ctx) => {
  const { unit, building } = await placeOf(input.placeCode)
  const community = await ctx.community(building.communityId)
  const category = categoryIn(community, input.category)
  return fileTicket(
    ctx,
    input.requestId,
    async () => {
      const homes = await householdsOf(ctx)
      const home = homes.find((h) => h.unitId === unit._id) ?? homes.find((h) => h.buildingId === building._id) ?? null
      return {
        ...placeFields(community, building, unit),
        category,
        text: input.text,
        photos: input.photos,
        reporterOpenid: ctx.openid,
        reporterName: ctx.user?.name || '居民',
        reporterPhone: ctx.user?.phone ?? null,
        reporterHouseholdId: home?._id ?? null,
        anonymous: input.anonymous,
        filedBy: null,
        actorRole: 'resident',
      }
    },
    community,
  )
}
