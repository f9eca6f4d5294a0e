import { usersContract } from '../../types/users'
import { serve } from '../_core/serve'
import { me } from './actions/me'
import { updateProfile } from './actions/updateProfile'
import { createInvite } from './actions/createInvite'
import { listInvites } from './actions/listInvites'
import { redeemInvite } from './actions/redeemInvite'
import { requestBinding } from './actions/requestBinding'
import { bindByCode } from './actions/bindByCode'
import { householdByCode } from './actions/householdByCode'
import { listBindingRequests } from './actions/listBindingRequests'
import { decideBinding } from './actions/decideBinding'
import { listMembers } from './actions/listMembers'
import { revokeRole } from './actions/revokeRole'
import { myData } from './actions/myData'
import { deleteAccount } from './actions/deleteAccount'
import { deletions } from './actions/deletions'
import { recordSubscriptions, subscriptionTemplates } from './actions/subscriptions'
import { createConsoleLogin } from './actions/createConsoleLogin'
import { consoleLoginStatus } from './actions/consoleLoginStatus'
import { consoleLoginRequest } from './actions/consoleLoginRequest'
import { approveConsoleLogin } from './actions/approveConsoleLogin'
import { consoleSessions, endConsoleSession } from './actions/consoleSessions'

/** Identity and roles: who the caller is, invites, household binding, the staff console's sign-in by scanning. */
export const main = serve(usersContract, {
  me,
  subscriptionTemplates,
  recordSubscriptions,
  updateProfile,
  createInvite,
  listInvites,
  redeemInvite,
  requestBinding,
  householdByCode,
  bindByCode,
  listBindingRequests,
  decideBinding,
  listMembers,
  revokeRole,
  myData,
  deleteAccount,
  deletions,
  createConsoleLogin,
  consoleLoginStatus,
  consoleLoginRequest,
  approveConsoleLogin,
  consoleSessions,
  endConsoleSession,
})
