import { AppError, type ticketsContract } from '../../../types'
import { findHousehold } from '../../_core/repos/places'
import type { Handler } from '../../_core/serve'
import { categoryIn, fileTicket, placeOf, placeFields } from '../file'

/**
 * 代办: staff or grid people file for a resident who phoned or came in. The filer stands in as the reporter (they
 * follow it and can confirm after calling the resident back); `filedBy` records who and by which channel.
 */
export const fileOnBehalf: Handler<typeof ticketsContract.actions.fileOnBehalf> = async (input, ctx) => {
  const { unit, building } = await placeOf(input.placeCode)
  const community = await ctx.authorize(building.communityId)
  const category = categoryIn(community, input.category)
  const household = input.householdId ? await findHousehold(input.householdId) : null
  if (input.householdId && household?.communityId !== community._id) throw new AppError('HOUSEHOLD.NOT_FOUND')
  const role = ctx.rolesIn(community).find((r) => r !== 'resident') ?? 'community_staff'
  return fileTicket(
    ctx,
    input.requestId,
    async () => ({
      ...placeFields(community, building, unit),
      category,
      text: input.text,
      photos: input.photos,
      reporterOpenid: ctx.openid,
      reporterName: input.residentName,
      reporterPhone: input.residentPhone ?? null,
      reporterHouseholdId: household?._id ?? null,
      anonymous: false,
      filedBy: { openid: ctx.openid, channel: input.channel },
      actorRole: role,
    }),
    community,
  )
}
