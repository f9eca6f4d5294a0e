/**
 * Volunteer service (志愿服务) names, labels and timings, free of zod so the mini-program can import the values.
 */

/** Where a person stands on an activity: a place, a place on the waitlist, or withdrawn. */
export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const
export type SignupStatus = (typeof SIGNUP_STATUSES)[number]
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
}

/** An activity's phase, from its times: sign-up open → sign-up closed → under way → ended. */
export const ACTIVITY_PHASES = ['open', 'closed', 'ongoing', 'ended'] as const
export type ActivityPhase = (typeof ACTIVITY_PHASES)[number]
export const ACTIVITY_PHASE_LABELS: Record<ActivityPhase, string> = {
  open: '报名中',
  closed: '报名已截止',
  ongoing: '进行中',
  ended: '已结束',
}

/** The check-in code changes every this many seconds; a code of the step before or after is still accepted. */
export const CODE_STEP_SECONDS = 30
/** Check-in opens this long before the start (and closes at the end). */
export const CHECKIN_OPENS_BEFORE_MINUTES = 60
/** Check-out stays possible this long after the end, for those who leave last. */
export const CHECKOUT_GRACE_MINUTES = 120
