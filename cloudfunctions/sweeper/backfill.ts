import { reachOf } from '../_core/domain/notices'
import { backfillVoting } from '../_core/repos/council'
import { noticesWithoutReach, setReach } from '../_core/repos/notices'

/** Notices given their `reach` per run: a run is 5 minutes apart, so thousands of old notices are done within the hour. */
const NOTICES_PER_RUN = 200

export interface BackfillReport {
  /** notices given their `reach` this run */
  noticeReach: number
  /** matters given their `voting` this run */
  matterVoting: number
}

/**
 * Fields added for lists paged by index, filled in on documents stored before them, on every sweeper run (one-off in
 * effect: once none is missing, a run costs one read and two updates that change nothing). Idempotent: each value is
 * derived from the document itself and written only where the field is still missing (repos `setReach`,
 * `backfillVoting`), so reruns, overlapping runs and saves made meanwhile by the domain all end in the same state.
 *   - notices' `reach` (domain/notices `reachOf`): until filled, a notice is not listed to residents (staff see it);
 *   - matters' `voting`: until filled, a matter with a vote under way sorts among those without one.
 */
export async function backfillFields(): Promise<BackfillReport> {
  const notices = await noticesWithoutReach(NOTICES_PER_RUN)
  for (const n of notices) await setReach(n._id, reachOf(n.communityId, n.audience))
  const matterVoting = await backfillVoting()
  return { noticeReach: notices.length, matterVoting }
}
