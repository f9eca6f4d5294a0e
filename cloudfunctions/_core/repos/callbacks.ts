import type { CallbackStatus, Paged, TicketDoc } from '../../../types'
import { CALLBACK_STATUSES } from '../../../types/callbackLabels'
import { collection, command, defined } from './base'

/**
 * The callback queue (回访): tickets whose latest callback has a status, read from the tickets collection by the
 * index `community_callback_due` (open ones, due first) or `community_callback_updated` (ended ones, latest first).
 */

export interface CallbackQueueFilter {
  communityId: string
  status: CallbackStatus
  /** a grid member never calls back their own grid's tickets: those are left out of their queue */
  excludeGridIds: string[]
}

const whereOf = (f: Omit<CallbackQueueFilter, 'status'>, status: CallbackStatus): Record<string, unknown> => ({
  ...defined({ communityId: f.communityId, callbackStatus: status }),
  ...(f.excludeGridIds.length ? { gridId: command().nin(f.excludeGridIds) } : {}),
})

const count = async (where: object) => (await collection('tickets').where(where).count()).total ?? 0

/** One page of the queue in one status, with exact totals of every status (three counts the index answers). */
export async function callbackPage(
  f: CallbackQueueFilter,
  paging: { page: number; pageSize: number },
): Promise<Paged<TicketDoc> & { counts: Record<CallbackStatus, number> }> {
  const where = whereOf(f, f.status)
  let q = collection('tickets').where(where)
  // open: the ones that may be called now first, oldest waiting first; ended: the latest first. Ties by id
  q = f.status === 'open' ? q.orderBy('callbackDueAt', 'asc').orderBy('_id', 'asc') : q.orderBy('updatedAt', 'desc').orderBy('_id', 'desc')
  const [rows, ...totals] = await Promise.all([
    q
      .skip((paging.page - 1) * paging.pageSize)
      .limit(paging.pageSize)
      .get(),
    ...CALLBACK_STATUSES.map((s) => count(whereOf(f, s))),
  ])
  const counts = Object.fromEntries(CALLBACK_STATUSES.map((s, i) => [s, totals[i]])) as Record<CallbackStatus, number>
  return { items: (rows.data ?? []) as TicketDoc[], ...paging, total: counts[f.status], counts }
}
