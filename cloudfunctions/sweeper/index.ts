import { platformContext } from '../_core/cloud'
import { now } from '../_core/clock'
import { closeDueVotes } from '../_core/workflows/council'
import { releaseLapsedClaims } from '../_core/workflows/wishes'
import { backfillFields, type BackfillReport } from './backfill'
import { recountDue, type RecountRun } from './recount'
import { purgeOldPhotos, type RetentionReport } from './retention'
import { sweep, type SweepReport } from './sweep'

type Answer =
  | {
      ok: true
      data: SweepReport & { votesClosed: number; wishClaimsReleased: number; recount: RecountRun | null; retention: RetentionReport; backfill: BackfillReport }
    }
  | { ok: false; error: { code: 'AUTH.FORBIDDEN'; message: string } }

/** Of the function's 60 s timeout: the nightly recount starts no street after this, and the sweep stops by this. */
const RECOUNT_UNTIL_MS = 20_000
const SWEEP_UNTIL_MS = 40_000

/** Identities the platform attaches to a user's call (mini-program OPENID, web SDK user ids); a timer carries none. */
const CALLER_KEYS = ['WX_OPENID', 'WX_UNIONID', 'TCB_UUID', 'TCB_CUSTOM_USER_ID'] as const

/** True for a call made by a user (mini-program or web client). */
const hasCaller = (context: unknown): boolean => {
  let env: Record<string, unknown>
  try {
    env = platformContext(context)
  } catch {
    return true // a context we cannot read is not a timer's
  }
  return CALLER_KEYS.some((k) => typeof env[k] === 'string' && env[k] !== '')
}

/**
 * A timer call as CloudBase (and local/timers.ts) makes it: `{ Type: 'Timer', TriggerName, Time }` and no user.
 * Any call carrying a user, or shaped otherwise, is refused: clients must not be able to run the sweep.
 */
export const isTimerCall = (event: unknown, context: unknown): boolean => {
  const e = (event ?? {}) as { Type?: unknown; TriggerName?: unknown }
  return e.Type === 'Timer' && typeof e.TriggerName === 'string' && !hasCaller(context)
}

/**
 * The `sweeper` function (timer, every 5 minutes: see function.json; in the hour from 03:00 also the nightly recount
 * of the dashboard counters, see plan.ts). Not served through `serve`: a timer call has no OPENID, so instead of
 * identifying a caller it accepts timer triggers only.
 */
export async function main(event: unknown, context: unknown): Promise<Answer> {
  if (!isTimerCall(event, context)) return { ok: false, error: { code: 'AUTH.FORBIDDEN', message: '该功能只由定时任务触发' } }
  const started = Date.now()
  // once a night the dashboard counters are recounted from the tickets (null on the runs where it is not due);
  // before the sweep, or the sweep's own saves would make every street they touch look busy
  const recount = await recountDue(now(), started + RECOUNT_UNTIL_MS)
  const report = await sweep(now(), { budgetMs: SWEEP_UNTIL_MS - (Date.now() - started) })
  // council votes past their closing time are counted and published on the same timer
  const votesClosed = await closeDueVotes(now())
  // 微心愿 claims not done within their community's wishClaimDays go back to open
  const wishClaimsReleased = await releaseLapsedClaims(now())
  // photos past their community's retention are deleted, a batch a run
  const retention = await purgeOldPhotos(now())
  // fields added for lists paged by index (notices' reach, matters' voting), filled in on older documents
  const backfill = await backfillFields()
  return { ok: true, data: { ...report, votesClosed, wishClaimsReleased, recount, retention, backfill } }
}
