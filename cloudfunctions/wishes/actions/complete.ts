import type { wishesContract } from '../../../types'
import { SCENE, screen } from '../../_core/contentCheck'
import { minutesOf } from '../../_core/domain/volunteers'
import type { Handler } from '../../_core/serve'
import { loadWish } from '../access'
import { step } from '../steps'

/**
 * The claimant reports it done with a line or a photo and the hours it took (bounded by the time since the claim).
 * Only the requester and staff see the report, so only risky words or images are refused; photos are the claimant's
 * own uploads (serve refuses anyone else's fileID). The check runs once the caller is known to belong to the community.
 */
export const complete: Handler<typeof wishesContract.actions.complete> = async (input, ctx) => {
  await loadWish(ctx, input.wishId)
  await screen({ texts: [input.note], images: input.photos }, { openid: ctx.openid, scene: SCENE.comment })
  return step(ctx, input.wishId, () => ({ type: 'complete', note: input.note, photos: input.photos, minutes: minutesOf(input.hours) }))
}
