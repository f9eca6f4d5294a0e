import type { PartyMemberView, PartyRegistrationDoc, UserDoc, volunteersContract } from '../../../types'
import { hoursOf, yearOf, yearRange } from '../../_core/domain/volunteers'
import { maskPhone } from '../../_core/mask'
import { findUsers } from '../../_core/repos/users'
import { registrationsPage, serviceTotalsOf, type ServiceTotals } from '../../_core/repos/volunteers'
import type { Handler } from '../../_core/serve'

/** Service hours of registered party members, summed by the database for this page's people. */
export const partyServiceOf = (communityId: string, openids: string[], now: Date): Promise<Map<string, ServiceTotals>> =>
  serviceTotalsOf(communityId, openids, yearRange(yearOf(now.toISOString())))

export function partyMemberView(r: PartyRegistrationDoc, user: UserDoc | null, service: ServiceTotals | undefined): PartyMemberView {
  return {
    openid: r.openid,
    name: user?.name || r.name,
    phone: maskPhone(user?.phone),
    workplace: r.workplace,
    branchName: r.branchName,
    registeredAt: r.registeredAt,
    updatedAt: r.updatedAt,
    hours: hoursOf(service?.minutes ?? 0),
    hoursThisYear: hoursOf(service?.minutesInYear ?? 0),
    activities: service?.activities ?? 0,
  }
}

/** Who reported to the community (latest first) and how many hours each has served here. */
export const partyMembers: Handler<typeof volunteersContract.actions.partyMembers> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const found = await registrationsPage(community._id, { page: input.page, pageSize: input.pageSize })
  const openids = found.items.map((r) => r.openid)
  const [users, service] = await Promise.all([findUsers(openids), partyServiceOf(community._id, openids, ctx.now)])
  const user = new Map(users.map((u) => [u._id, u]))
  return { ...found, items: found.items.map((r) => partyMemberView(r, user.get(r.openid) ?? null, service.get(r.openid))) }
}
