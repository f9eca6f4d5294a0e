import { volunteersContract } from '../../types/volunteers'
import { serve } from '../_core/serve'
import { adjustHours } from './actions/adjustHours'
import { cancel } from './actions/cancel'
import { checkin } from './actions/checkin'
import { checkinCode } from './actions/checkinCode'
import { checkout } from './actions/checkout'
import { exportRecord } from './actions/export'
import { get } from './actions/get'
import { list } from './actions/list'
import { partyMembers } from './actions/partyMembers'
import { publish } from './actions/publish'
import { record } from './actions/record'
import { registerPartyMember } from './actions/registerPartyMember'
import { signup } from './actions/signup'

/** Volunteer service: activities, places and a self-moving waitlist, on-site check-in by code, hours and records; 双报到. */
export const main = serve(volunteersContract, {
  publish,
  list,
  get,
  signup,
  cancel,
  checkinCode,
  checkin,
  checkout,
  adjustHours,
  record,
  export: exportRecord,
  registerPartyMember,
  partyMembers,
})
