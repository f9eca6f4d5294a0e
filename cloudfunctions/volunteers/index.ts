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
import { addRecordNote } from './actions/addRecordNote'
import { removeRecordNote } from './actions/removeRecordNote'
import { recordNotes } from './actions/recordNotes'
import { requestCertificate } from './actions/requestCertificate'
import { certificates } from './actions/certificates'
import { declineCertificate } from './actions/declineCertificate'
import { revokeCertificate } from './actions/revokeCertificate'
import { certificateFile } from './actions/certificateFile'
import { verifyCertificate } from './actions/verifyCertificate'

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
  // the record's training, commendations and evaluations; certificates of service (issued by qrcodes.issueCertificate)
  addRecordNote,
  removeRecordNote,
  recordNotes,
  requestCertificate,
  certificates,
  declineCertificate,
  revokeCertificate,
  certificateFile,
  verifyCertificate,
})
