import type { ticketsContract } from '../../../types'
import { templatesOf } from '../../_core/repos/tickets'
import type { Handler } from '../../_core/serve'

/** Reusable replies of the community, of one category when asked. */
export const templates: Handler<typeof ticketsContract.actions.templates> = async (input) =>
  (await templatesOf(input.communityId, input.category)).map((t) => ({ id: t._id, category: t.category, text: t.text }))
