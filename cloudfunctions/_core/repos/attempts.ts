import { AppError } from '../../../types'
import { CALLER_POLICY, TARGET_POLICY, afterTry, current, lockedUntil, retryAt, type AttemptPolicy, type AttemptState } from '../domain/attempts'
import { collection, command, runTransaction, txGet, txPut } from './base'
import { retrying } from './retrying'

/** What is being typed: each kind counts apart (`certificate`: a number checked on the public verification page). */
export type CodeKind = 'bind' | 'invite' | 'checkin' | 'certificate'

interface AttemptDoc extends AttemptState {
  _id: string
}

interface Key {
  id: string
  policy: AttemptPolicy
}

/**
 * One try at a code, counted in the database before the code is checked (in one transaction for the caller and the
 * target, so simultaneous tries line up one after another and a burst cannot slip past the limit). `check` answers the
 * matched record, or null for a wrong code; a right code clears the caller's count and gives the target its try back.
 * A locked caller or target hears CODE.TOO_MANY_TRIES with the time to try again, and the code is not even looked at.
 */
export async function tryCode<T>(kind: CodeKind, who: { caller: string; target?: string }, now: Date, check: () => Promise<T | null>): Promise<T | null> {
  const keys: Key[] = [{ id: `${kind}|caller|${who.caller}`, policy: CALLER_POLICY }]
  if (who.target) keys.push({ id: `${kind}|target|${who.target}`, policy: TARGET_POLICY })
  // a burst from one caller lines up behind the transaction: many tries, each conflict retried (never let through)
  await retrying(
    () =>
      runTransaction(async (tx) => {
        const states = await Promise.all(keys.map(async (k) => current(await txGet<AttemptDoc>(tx, 'codeAttempts', k.id), now, k.policy)))
        const locks = states.map((s) => lockedUntil(s, now)).filter((x): x is string => !!x)
        if (locks.length) {
          const until = locks.sort().at(-1)!
          throw new AppError('CODE.TOO_MANY_TRIES', `输错次数太多，为防止他人猜码，请于${retryAt(until, now)}以后再试`)
        }
        for (const [i, k] of keys.entries()) await txPut(tx, 'codeAttempts', { _id: k.id, ...afterTry(states[i], now, k.policy) })
      }),
    60,
  )
  const found = await check()
  if (found) {
    await collection('codeAttempts').doc(keys[0].id).set({ failures: 0, lockedUntil: null, lastFailureAt: null })
    if (keys[1])
      await collection('codeAttempts')
        .where({ _id: keys[1].id, failures: command().gt(0) })
        .update({ failures: command().inc(-1) })
  }
  return found
}
