import type { PartyMemberView, PartyRegistrationDoc, UserDoc, VolunteerSignupDoc, volunteersContract } from '../../../types'
import { credited, hoursOf, summarise, yearOf } from '../../_core/domain/volunteers'
import { maskPhone } from '../../_core/mask'
import { findUsers } from '../../_core/repos/users'
import { registrationsPage, signupsOfPeople } from '../../_core/repos/volunteers'
import type { Handler } from '../../_core/serve'

export function partyMemberView(r: PartyRegistrationDoc, user: UserDoc | null, signups: VolunteerSignupDoc[], now: Date): PartyMemberView {
  const mine = signups.filter((s) => s.openid === r.openid)
  const { totalHours, activities } = summarise(mine)
  const thisYear = yearOf(now.toISOString())
  const minutesThisYear = mine.filter((s) => credited(s) && yearOf(s.startAt) === thisYear).reduce((n, s) => n + s.minutes!, 0)
  return {
    openid: r.openid,
    name: user?.name || r.name,
    phone: maskPhone(user?.phone),
    workplace: r.workplace,
    branchName: r.branchName,
    registeredAt: r.registeredAt,
    updatedAt: r.updatedAt,
    hours: totalHours,
    hoursThisYear: hoursOf(minutesThisYear),
    activities,
  }
}

/** Who reported to the community (latest first) and how many hours each has served here. */
export const partyMembers: Handler<typeof volunteersContract.actions.partyMembers> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const found = await registrationsPage(community._id, { page: input.page, pageSize: input.pageSize })
  const openids = found.items.map((r) => r.openid)
  const [users, signups] = await Promise.all([findUsers(openids), signupsOfPeople(community._id, openids)])
  const user = new Map(users.map((u) => [u._id, u]))
  return { ...found, items: found.items.map((r) => partyMemberView(r, user.get(r.openid) ?? null, signups, ctx.now)) }
}
