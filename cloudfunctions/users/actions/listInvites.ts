import type { usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { findUsers, invitesPage } from '../../_core/repos/users'
import { inviteView } from '../views'

export const listInvites: Handler<typeof usersContract.actions.listInvites> = async (input) => {
  const page = await invitesPage(input.communityId, input)
  const users = await findUsers(page.items.map((i) => i.usedBy).filter((x): x is string => !!x))
  const names = new Map(users.map((u) => [u._id, u.name]))
  return { ...page, items: page.items.map((i) => inviteView(i, i.usedBy ? (names.get(i.usedBy) ?? '') : null)) }
}
