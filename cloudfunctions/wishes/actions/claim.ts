import type { wishesContract } from '../../../types'
import { wishSettings } from '../../_core/domain/wishes'
import type { Handler } from '../../_core/serve'
import { mustHaveName } from '../access'
import { step } from '../steps'

/** One claimant however many tap at once; the claim lapses after the community's `wishClaimDays` unless done. */
export const claim: Handler<typeof wishesContract.actions.claim> = (input, ctx) => {
  mustHaveName(ctx)
  return step(ctx, input.wishId, (_w, community) => ({ type: 'claim', claimDays: wishSettings(community.settings).claimDays }))
}
