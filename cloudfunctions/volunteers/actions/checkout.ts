import type { volunteersContract } from '../../../types'
import { decideCheckout } from '../../_core/domain/volunteers'
import type { Handler } from '../../_core/serve'
import { stepWithCode } from '../step'

/** Leaving: the code again; the time since check-in, inside the activity's window, is credited. */
export const checkout: Handler<typeof volunteersContract.actions.checkout> = (input, ctx) =>
  stepWithCode(ctx, input.activityId, (a, s) => decideCheckout(a, s, input.code, ctx.now))
