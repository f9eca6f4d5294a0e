import type { councilContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { step } from '../step'

/** 两委商议 / 党员大会审议 held as a meeting: minutes, attendance, date and the conclusion. */
export const recordStage: Handler<typeof councilContract.actions.recordStage> = (input, ctx) =>
  step(ctx, input.matterId, () => ({
    type: 'record',
    stage: input.stage,
    date: input.date,
    minutes: input.minutes,
    attendance: input.attendance,
    attendees: input.attendees,
    outcome: input.outcome,
    votes: input.votes ?? null,
    reason: input.reason,
  }))
