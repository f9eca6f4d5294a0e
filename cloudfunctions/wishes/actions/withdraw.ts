import type { wishesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { step } from '../steps'

/** The claimant lets the wish go: it is open to claim again, and the requester is told. */
export const withdraw: Handler<typeof wishesContract.actions.withdraw> = (input, ctx) => step(ctx, input.wishId, () => ({ type: 'withdraw' }))
