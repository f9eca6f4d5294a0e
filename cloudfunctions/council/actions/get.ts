import type { councilContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { loadMatter, mustConcern } from '../access'
import { matterView } from '../views'

/** The whole record, visible to the residents it concerns. */
export const get: Handler<typeof councilContract.actions.get> = async (input, ctx) => {
  const { matter, community } = await loadMatter(ctx, input.matterId)
  await mustConcern(ctx, community, matter)
  return matterView(ctx, community, matter)
}
