import type { placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { householdDetail, loadHousehold } from '../register'

export const household: Handler<typeof placesContract.actions.household> = async (input, ctx) =>
  householdDetail(await loadHousehold(ctx, input.householdId), ctx.now)
