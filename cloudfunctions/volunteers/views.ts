import {
  ACTIVITY_PHASE_LABELS,
  SIGNUP_STATUS_LABELS,
  type ActivitySummary,
  type ActivityView,
  type Community,
  type RosterEntryView,
  type VolunteerAction,
  type VolunteerActivityDoc,
  type VolunteerRosterDoc,
  type VolunteerSignupDoc,
} from '../../types'
import { checkinOpen, checkoutOpen, codeShowable, hoursOf, phaseOf, signupOpen } from '../_core/domain/volunteers'
import { maskPhone } from '../_core/mask'
import { findRoster, findSignup, signupsOfActivity } from '../_core/repos/volunteers'
import { findUsers } from '../_core/repos/users'
import type { Ctx } from '../_core/serve'
import { ORGANISERS } from '../../types/roles'
import { MEMBERS, isOrganiser } from './access'

const EMPTY: Pick<VolunteerRosterDoc, 'confirmed' | 'waitlist'> = { confirmed: [], waitlist: [] }

export function summaryOf(ctx: Ctx, a: VolunteerActivityDoc, roster: VolunteerRosterDoc | null, mine: VolunteerSignupDoc | null): ActivitySummary {
  const r = roster ?? EMPTY
  const phase = phaseOf(a, ctx.now)
  const position = r.waitlist.indexOf(ctx.openid)
  return {
    id: a._id,
    communityId: a.communityId,
    title: a.title,
    place: a.place,
    startAt: a.startAt,
    endAt: a.endAt,
    deadline: a.deadline,
    capacity: a.capacity,
    organiser: a.organiser,
    skills: a.skills,
    confirmed: r.confirmed.length,
    waitlisted: r.waitlist.length,
    remaining: Math.max(0, a.capacity - r.confirmed.length),
    phase,
    phaseLabel: ACTIVITY_PHASE_LABELS[phase],
    me: mine
      ? {
          status: mine.status,
          statusLabel: SIGNUP_STATUS_LABELS[mine.status],
          waitlistPosition: mine.status === 'waitlisted' && position >= 0 ? position + 1 : null,
          checkinAt: mine.checkinAt,
          checkoutAt: mine.checkoutAt,
          hours: mine.minutes === null ? null : hoursOf(mine.minutes),
        }
      : null,
  }
}

function canOf(ctx: Ctx, community: Community, a: VolunteerActivityDoc, mine: VolunteerSignupDoc | null): VolunteerAction[] {
  const roles = ctx.rolesIn(community)
  const can: VolunteerAction[] = []
  const active = !!mine && mine.status !== 'cancelled'
  const open = signupOpen(a, ctx.now)
  if (!active && open && roles.some((r) => MEMBERS.includes(r))) can.push('signup')
  if (active && open && !mine!.checkinAt) can.push('cancel')
  if (mine?.status === 'confirmed') {
    if (!mine.checkinAt && checkinOpen(a, ctx.now)) can.push('checkin')
    if (mine.checkinAt && !mine.checkoutAt && checkoutOpen(a, ctx.now)) can.push('checkout')
  }
  if (roles.some((r) => ORGANISERS.includes(r))) {
    if (codeShowable(a, ctx.now)) can.push('showCode')
    if (ctx.now.getTime() >= Date.parse(a.startAt)) can.push('adjustHours')
  }
  return can
}

const STATUS_ORDER = { confirmed: 0, waitlisted: 1, cancelled: 2 } as const

async function rosterOf(a: VolunteerActivityDoc, roster: VolunteerRosterDoc | null): Promise<RosterEntryView[]> {
  const signups = await signupsOfActivity(a._id)
  const phones = new Map((await findUsers(signups.map((s) => s.openid))).map((u) => [u._id, u.phone]))
  const waitlist = roster?.waitlist ?? []
  return signups
    .sort((x, y) => STATUS_ORDER[x.status] - STATUS_ORDER[y.status] || x.seq - y.seq)
    .map((s) => ({
      openid: s.openid,
      name: s.name,
      phone: maskPhone(phones.get(s.openid)),
      status: s.status,
      statusLabel: SIGNUP_STATUS_LABELS[s.status],
      seq: s.seq,
      waitlistPosition: s.status === 'waitlisted' ? waitlist.indexOf(s.openid) + 1 || null : null,
      signedUpAt: s.signedUpAt,
      checkinAt: s.checkinAt,
      checkoutAt: s.checkoutAt,
      hours: s.minutes === null ? null : hoursOf(s.minutes),
      recorderName: s.recorderName,
      adjustments: s.adjustments.map((j) => ({
        at: j.at,
        byName: j.byName,
        oldHours: j.oldMinutes === null ? null : hoursOf(j.oldMinutes),
        newHours: hoursOf(j.newMinutes),
        reason: j.reason,
      })),
    }))
}

/** The activity as the caller sees it; organisers also get the roster. The code's secret is never in it. */
export async function activityView(ctx: Ctx, community: Community, a: VolunteerActivityDoc): Promise<ActivityView> {
  const [roster, mine] = await Promise.all([findRoster(a._id), findSignup(a._id, ctx.openid)])
  return {
    ...summaryOf(ctx, a, roster, mine),
    description: a.description,
    publishedBy: a.createdByName,
    createdAt: a.createdAt,
    can: canOf(ctx, community, a, mine),
    roster: isOrganiser(ctx, community) ? await rosterOf(a, roster) : null,
  }
}
