import type { volunteersContract } from '../../../types'
import { decideAdjust } from '../../_core/domain/volunteers'
import type { Handler } from '../../_core/serve'
import { mustHaveName } from '../access'
import { stepSignup } from '../step'

/** Staff correct a volunteer's hours; the correction (who, when, before, after, why) stays on the record. */
export const adjustHours: Handler<typeof volunteersContract.actions.adjustHours> = (input, ctx) =>
  stepSignup(ctx, input.activityId, input.openid, (a, s) =>
    decideAdjust(a, s, input.hours, input.reason, { openid: ctx.openid, name: mustHaveName(ctx) }, ctx.now),
  )
