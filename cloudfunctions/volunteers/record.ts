import { AppError, type Community, type RecordEntryView, type VolunteerActivityDoc, type VolunteerRecordView, type VolunteerSignupDoc } from '../../types'
import { rolesIn } from '../_core/auth'
import { credited, dateOf, hoursOf, summarise } from '../_core/domain/volunteers'
import { activitiesByIds, signupsOfPerson } from '../_core/repos/volunteers'
import { findUsers } from '../_core/repos/users'
import type { Ctx } from '../_core/serve'
import { ORGANISERS } from './access'

export interface Volunteer {
  openid: string
  name: string
  phone: string | null
  /** sign-ups holding a place in the community, newest activity first */
  signups: VolunteerSignupDoc[]
}

/**
 * Whose record: the caller's own, or (organisers only) someone of the community: a person holding a role there or
 * having served there.
 */
export async function volunteerOf(ctx: Ctx, community: Community, openid: string | undefined): Promise<Volunteer> {
  const target = openid ?? ctx.openid
  if (target !== ctx.openid) await ctx.authorize(community._id, ORGANISERS)
  const [user] = target === ctx.openid ? [ctx.user] : await findUsers([target])
  const signups = (await signupsOfPerson(community._id, target)).filter((s) => s.status === 'confirmed')
  if (!user || (!rolesIn(user, community).length && !signups.length)) throw new AppError('VOLUNTEER.NOT_A_MEMBER')
  return { openid: target, name: user.name || signups[0]?.name || '', phone: user.phone, signups }
}

// a service that was no activity (a 微心愿 fulfilled) carries its own words
const entryOf = (s: VolunteerSignupDoc, a: VolunteerActivityDoc | undefined): RecordEntryView => ({
  activityId: s.activityId,
  title: a?.title ?? s.service?.title ?? '',
  place: a?.place ?? s.service?.place ?? '',
  organiser: a?.organiser ?? s.service?.organiser ?? '',
  date: dateOf(s.startAt),
  startAt: s.startAt,
  endAt: a?.endAt ?? s.startAt,
  checkinAt: s.checkinAt,
  checkoutAt: s.checkoutAt,
  hours: credited(s) ? hoursOf(s.minutes!) : null,
  recorderName: credited(s) ? s.recorderName : null,
  adjusted: s.adjustments.length > 0,
})

export async function recordView(community: Community, v: Volunteer): Promise<VolunteerRecordView> {
  const activities = new Map((await activitiesByIds(v.signups.map((s) => s.activityId))).map((a) => [a._id, a]))
  return {
    openid: v.openid,
    name: v.name,
    communityId: community._id,
    communityName: community.name,
    ...summarise(v.signups),
    entries: v.signups.map((s) => entryOf(s, activities.get(s.activityId))),
  }
}
