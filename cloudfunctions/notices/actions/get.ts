import { AppError, type noticesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { markRead, readersOf } from '../../_core/repos/notices'
import { PUBLISHERS, homeOf, isFor, loadNotice, oversees } from '../access'
import { audienceLabeller, viewOf } from '../views'

/** The whole notice; opening it records a resident as a reader (once). Residents see only notices for their home. */
export const get: Handler<typeof noticesContract.actions.get> = async (input, ctx) => {
  const { notice, community } = await loadNotice(ctx, input.noticeId)
  const staff = oversees(ctx, community)
  const gone = !!notice.withdrawnAt || (!!notice.expiresAt && notice.expiresAt <= ctx.now.toISOString())
  if (!staff && (gone || notice.moderation === 'pending' || !isFor(notice, await homeOf(ctx, community)))) throw new AppError('NOTICE.NOT_FOUND')
  if (!staff && notice.moderation === 'rejected') throw new AppError('CONTENT.REJECTED')
  // read counts are residents reached: staff and grid members opening it to check do not count
  const first = staff ? false : await markRead(notice._id, ctx.openid, ctx.now.toISOString())
  const label = await audienceLabeller(community._id)
  return viewOf(notice, {
    unread: first,
    readers: staff ? await readersOf(notice._id) : null,
    audienceLabel: label(notice),
    canWithdraw: ctx.rolesIn(community).some((r) => PUBLISHERS.includes(r)),
  })
}
