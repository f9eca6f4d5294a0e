import type { usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { deletionsPage } from '../../_core/repos/personal'

/** That residents deleted their accounts, and when: what they were is not kept anywhere to show. */
export const deletions: Handler<typeof usersContract.actions.deletions> = async (input) => {
  const page = await deletionsPage(input.communityId, input)
  return { ...page, items: page.items.map((d) => ({ at: d.at })) }
}
