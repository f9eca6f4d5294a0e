import type { noticesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { findNotice, readersOf, withdrawNotice } from '../../_core/repos/notices'
import { audienceLabeller, viewOf } from '../views'
import { loadNotice } from '../access'

/** Takes a notice down (it stays on record for staff); withdrawing twice changes nothing more. */
export const withdraw: Handler<typeof noticesContract.actions.withdraw> = async (input, ctx) => {
  const { notice, community } = await loadNotice(ctx, input.noticeId)
  await withdrawNotice(notice._id, ctx.now.toISOString())
  const now = (await findNotice(notice._id)) ?? notice
  const label = await audienceLabeller(community._id)
  return viewOf(now, { unread: false, readers: await readersOf(notice._id), audienceLabel: label(now), canWithdraw: true })
}
