import { AppError, type ActivityView, type Role, type VolunteerActivityDoc, type VolunteerSignupDoc } from '../../types'
import type { Refusal } from '../_core/domain/volunteers'
import { tryCode } from '../_core/repos/attempts'
import { findSignup, saveSignup } from '../_core/repos/volunteers'
import type { Ctx } from '../_core/serve'
import { loadActivity, refused } from './access'
import { activityView } from './views'

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
