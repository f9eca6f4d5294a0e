import type { volunteersContract } from '../../../types'
import { decideCheckin } from '../../_core/domain/volunteers'
import type { Handler } from '../../_core/serve'
import { stepWithCode } from '../step'

/** At the place: the code on the organiser's screen proves the volunteer is there. */
export const checkin: Handler<typeof volunteersContract.actions.checkin> = (input, ctx) =>
  stepWithCode(ctx, input.activityId, (a, s) => decideCheckin(a, s, input.code, ctx.now))
