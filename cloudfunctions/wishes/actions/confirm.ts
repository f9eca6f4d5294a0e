import { AppError, type wishesContract } from '../../../types'
import { minutesOf } from '../../_core/domain/volunteers'
import { decideWish, serviceRecordOf } from '../../_core/domain/wishes'
import { maskName } from '../../_core/mask'
import { deliverAll } from '../../_core/outbox'
import { confirmWish } from '../../_core/repos/wishes'
import { wishOutbox } from '../../_core/workflows/wishes'
import type { Handler } from '../../_core/serve'
import { loadWish } from '../access'
import { wishView } from '../views'

/**
 * The requester (or staff for them) confirms the wish was done: the hours the claimant entered — or, from staff, other
 * hours with a reason — go to the claimant's volunteer record in the same transaction as the confirmation, so they are
 * credited exactly once, and count in their service totals and 双报到 figures like an activity's.
 */
export const confirm: Handler<typeof wishesContract.actions.confirm> = async (input, ctx) => {
  const { wish, community, actor } = await loadWish(ctx, input.wishId)
  const at = ctx.now.toISOString()
  const change = await confirmWish(wish._id, (w) => {
    if (!w) throw new AppError('WISH.NOT_FOUND')
    const d = decideWish(w, { type: 'confirm', minutes: input.hours === undefined ? undefined : minutesOf(input.hours), reason: input.reason }, actor, ctx.now)
    if (!d.ok) throw new AppError(d.code, d.message)
    const recorder = d.next.credit!.by === 'requester' ? `服务对象${maskName(d.next.requesterName)}` : d.next.credit!.byName
    return { wish: d.next, service: serviceRecordOf(d.next, `${community.name}·微心愿`, recorder), outbox: wishOutbox(d.notices, d.next, at) }
  })
  await deliverAll(change.outbox)
  return wishView(change.wish, actor, ctx.now)
}
