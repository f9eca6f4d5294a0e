import type { volunteersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { activityView } from '../views'
import { loadActivity } from '../access'

/** The activity with the caller's standing and what they can do; organisers also see the roster. */
export const get: Handler<typeof volunteersContract.actions.get> = async (input, ctx) => {
  const { activity, community } = await loadActivity(ctx, input.activityId)
  return activityView(ctx, community, activity)
}
