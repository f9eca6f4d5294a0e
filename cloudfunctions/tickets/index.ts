import { ticketsContract } from '../../types/tickets'
import { serve } from '../_core/serve'
import { categories } from './actions/categories'
import { similar } from './actions/similar'
import { submit } from './actions/submit'
import { join } from './actions/join'
import { mine } from './actions/mine'
import { get } from './actions/get'
import { withdraw } from './actions/withdraw'
import { confirm } from './actions/confirm'
import { reopen } from './actions/reopen'
import { rate } from './actions/rate'
import { inbox } from './actions/inbox'
import { accept } from './actions/accept'
import { progress } from './actions/progress'
import { resolve } from './actions/resolve'
import { escalate } from './actions/escalate'
import { transfer } from './actions/transfer'
import { gridMembers } from './actions/gridMembers'
import { templates } from './actions/templates'
import { saveTemplate } from './actions/saveTemplate'
import { list } from './actions/list'
import { reassign } from './actions/reassign'
import { merge } from './actions/merge'
import { fileOnBehalf } from './actions/fileOnBehalf'
import { dashboard } from './actions/dashboard'
import { exportTickets } from './actions/export'
import { callbackQueue } from './actions/callbackQueue'
import { callbackTake } from './actions/callbackTake'
import { callbackDial } from './actions/callbackDial'
import { callbackRecord } from './actions/callbackRecord'

/** Scan-to-report: a stairwell scan becomes a ticket on a grid member's phone and comes back to the resident. */
export const main = serve(ticketsContract, {
  categories,
  similar,
  submit,
  join,
  mine,
  get,
  withdraw,
  confirm,
  reopen,
  rate,
  inbox,
  accept,
  progress,
  resolve,
  escalate,
  transfer,
  gridMembers,
  templates,
  saveTemplate,
  list,
  reassign,
  merge,
  fileOnBehalf,
  dashboard,
  export: exportTickets,
  callbackQueue,
  callbackTake,
  callbackDial,
  callbackRecord,
})
