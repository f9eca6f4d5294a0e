import type { volunteersContract } from '../../../types'
import { withdrawSignup } from '../../_core/domain/volunteers'
import { newId } from '../../_core/ids'
import { changeRoster } from '../../_core/repos/volunteers'
import type { Handler } from '../../_core/serve'
import { deliverAll, type OutboxDoc } from '../../_core/outbox'
import { activityView } from '../views'
import { loadActivity, refused } from '../access'
import { promotionNotice } from '../notify'

/** Gives the place up before the deadline; the first on the waitlist moves up in the same step and is told so. */
export const cancel: Handler<typeof volunteersContract.actions.cancel> = async (input, ctx) => {
  const { activity, community } = await loadActivity(ctx, input.activityId)
  const at = ctx.now.toISOString()
  const change = await changeRoster<OutboxDoc>(activity._id, ctx.openid, ({ roster, mine, head }) => {
    const d = withdrawSignup(activity, roster, mine, head, ctx.now)
    if (!d.ok) return refused(d)
    return { roster: d.roster, signups: d.signups, outbox: d.promoted ? [promotionNotice(newId(), activity, d.promoted.openid, at)] : [] }
  })
  await deliverAll(change.outbox)
  return activityView(ctx, community, activity)
}
