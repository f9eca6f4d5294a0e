import type { volunteersContract } from '../../../types'
import { placeSignup } from '../../_core/domain/volunteers'
import { changeRoster } from '../../_core/repos/volunteers'
import type { Handler } from '../../_core/serve'
import type { OutboxDoc } from '../../_core/outbox'
import { activityView } from '../views'
import { loadActivity, mustHaveName, refused } from '../access'

/** A place while places last, else the waitlist; a second sign-up (or a retry) hears ALREADY_SIGNED_UP. */
export const signup: Handler<typeof volunteersContract.actions.signup> = async (input, ctx) => {
  const { activity, community } = await loadActivity(ctx, input.activityId)
  const name = mustHaveName(ctx)
  await changeRoster<OutboxDoc>(activity._id, ctx.openid, ({ roster, mine }) => {
    const d = placeSignup(activity, roster, mine, { openid: ctx.openid, name }, ctx.now)
    if (!d.ok) return refused(d)
    return { roster: d.roster, signups: [d.signup], outbox: [] }
  })
  return activityView(ctx, community, activity)
}
