import {
  ACTIVITY_PHASE_LABELS,
  AppError,
  SIGNUP_STATUS_LABELS,
  type ActivitySummary,
  type ActivityView,
  type CommunityDoc,
  type Role,
  type RosterEntryView,
  type VolunteerAction,
  type VolunteerActivityDoc,
  type VolunteerRosterDoc,
  type VolunteerSignupDoc,
} from '../../types'
import {
  checkinOpen,
  checkoutOpen,
  codeShowable,
  hoursOf,
  phaseOf,
  signupOpen,
  type Refusal,
} from '../_core/domain/volunteers'
import { maskPhone } from '../_core/mask'
import { outboxEntry, type OutboxDoc } from '../_core/outbox'
import { tryCode } from '../_core/repos/attempts'
import { findActivity, findRoster, findSignup, saveSignup, signupsOfActivity } from '../_core/repos/volunteers'
import { findUsers } from '../_core/repos/users'
import type { Ctx } from '../_core/serve'
import { COMMUNITY_MEMBERS, ORGANISERS } from '../../types/roles'
export { ORGANISERS }

/** Roles that may take part (street staff only look on). */
export const MEMBERS: readonly Role[] = COMMUNITY_MEMBERS

export const isOrganiser = (ctx: Ctx, community: CommunityDoc) => ctx.rolesIn(community).some((r) => ORGANISERS.includes(r))

export const refused = (r: Refusal): never => {
  throw new AppError(r.code, r.message)
}

/** The activity and its community, once the caller holds one of `roles` (default: the action's) there. */
export async function loadActivity(ctx: Ctx, id: string, roles?: readonly Role[]): Promise<{ activity: VolunteerActivityDoc; community: CommunityDoc }> {
  const activity = await findActivity(id)
  if (!activity) throw new AppError('VOLUNTEER.NOT_FOUND')
  const community = await ctx.authorize(activity.communityId, roles)
  return { activity, community }
}

/** A person named on record: sign-ups, hours and registrations carry the name. */
export const mustHaveName = (ctx: Ctx): string => {
  if (!ctx.user?.name) throw new AppError('PROFILE.NAME_REQUIRED')
  return ctx.user.name
}

// Notifications --------------------------------------------------------------------------------------------------

/** The entry telling a waitlisted person they now hold a place (written in the roster's transaction). */
export const promotionNotice = (id: string, a: VolunteerActivityDoc, to: string, at: string): OutboxDoc => ({
  ...outboxEntry({
    to,
    kind: 'volunteerPromoted',
    ticketId: '',
    activityId: a._id,
    communityId: a.communityId,
    page: `packages/volunteer/pages/activity/index?id=${a._id}`,
    payload: { state: '报名成功', category: a.title, place: a.place },
    createdAt: at,
  }),
  _id: id,
})

// Views ----------------------------------------------------------------------------------------------------------

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

function canOf(ctx: Ctx, community: CommunityDoc, a: VolunteerActivityDoc, mine: VolunteerSignupDoc | null): VolunteerAction[] {
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
export async function activityView(ctx: Ctx, community: CommunityDoc, a: VolunteerActivityDoc): Promise<ActivityView> {
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

/**
 * Load → decide → save a sign-up, re-deciding on the fresh record when someone else wrote first (a check-in and a
 * correction at the same moment land one after the other).
 */
export async function stepSignup(
  ctx: Ctx,
  activityId: string,
  openid: string,
  decide: (a: VolunteerActivityDoc, s: VolunteerSignupDoc | null) => { ok: true; next: VolunteerSignupDoc } | Refusal,
  roles?: readonly Role[],
): Promise<ActivityView> {
  for (let attempt = 0; ; attempt++) {
    const { activity, community } = await loadActivity(ctx, activityId, roles)
    const before = await findSignup(activityId, openid)
    const d = decide(activity, before)
    if (!d.ok) return refused(d)
    if (before && (await saveSignup(before, d.next))) return activityView(ctx, community, activity)
    if (attempt >= 3) throw new AppError('CONFLICT')
  }
}

type SignupStep = (a: VolunteerActivityDoc, s: VolunteerSignupDoc | null) => { ok: true; next: VolunteerSignupDoc } | Refusal

/**
 * A step decided by the check-in code on the organiser's screen. The decision checks the code last, so when it answers
 * anything but a wrong code, the code played no part and no try is counted; otherwise the try is counted for the
 * person and for the activity (many people cannot pool their guesses) before the answer is given.
 */
export async function stepWithCode(ctx: Ctx, activityId: string, decide: SignupStep): Promise<ActivityView> {
  const { activity } = await loadActivity(ctx, activityId)
  const d = decide(activity, await findSignup(activityId, ctx.openid))
  if (!d.ok && d.code !== 'VOLUNTEER.CODE_INVALID') return refused(d)
  const right = await tryCode('checkin', { caller: ctx.openid, target: activityId }, ctx.now, async () => (d.ok ? true : null))
  if (!right) throw new AppError('VOLUNTEER.CODE_INVALID')
  return stepSignup(ctx, activityId, ctx.openid, decide)
}
