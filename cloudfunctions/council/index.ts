import { councilContract } from '../../types/council'
import { serve } from '../_core/serve'
import { answerObjection } from './actions/answerObjection'
import { closeVote } from './actions/closeVote'
import { enterPaperVote } from './actions/enterPaperVote'
import { get } from './actions/get'
import { list } from './actions/list'
import { object } from './actions/object'
import { openVote } from './actions/openVote'
import { propose } from './actions/propose'
import { publish } from './actions/publish'
import { publishResult } from './actions/publishResult'
import { recordStage } from './actions/recordStage'
import { roll } from './actions/roll'
import { suggestions } from './actions/suggestions'
import { vote } from './actions/vote'
import { withdraw } from './actions/withdraw'

/** Council decisions: 四议两公开 as an enforced procedure, with votes that hold under law and under load. */
export const main = serve(councilContract, {
  list,
  get,
  suggestions,
  propose,
  recordStage,
  withdraw,
  openVote,
  vote,
  enterPaperVote,
  roll,
  closeVote,
  publish,
  object,
  answerObjection,
  publishResult,
})
