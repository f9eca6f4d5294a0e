import { AppError, type ConsoleLoginDoc, type ConsoleSessionDoc } from '../../../types'
import { collection, command, defined, findAll, getById, runTransaction, txGet, txPut } from './base'
import { retrying } from './retrying'

// login requests -----------------------------------------------------------------------------------------------

export const insertConsoleLogin = (doc: ConsoleLoginDoc) => collection('consoleLogins').add(doc)
export const findConsoleLogin = (id: string) => getById<ConsoleLoginDoc>('consoleLogins', id)

/** Decides a pending, unexpired request once: of two phones confirming the same QR at once, exactly one gets `true`. */
export async function decideConsoleLogin(
  id: string,
  now: Date,
  patch: Pick<ConsoleLoginDoc, 'status' | 'approvedBy' | 'decidedAt' | 'sessionId'>,
): Promise<boolean> {
  const res = await collection('consoleLogins')
    .where(defined({ _id: id, status: 'pending', expiresAt: command().gt(now.toISOString()) }))
    .update(patch)
  return (res.updated ?? 0) === 1
}

/** Hands an approved request's sign-in out once: the second poll (or a copied token) finds it used. */
export async function takeApprovedLogin(id: string): Promise<boolean> {
  const res = await collection('consoleLogins')
    .where(defined({ _id: id, status: 'approved' }))
    .update({ status: 'used' })
  return (res.updated ?? 0) === 1
}

// sessions -----------------------------------------------------------------------------------------------------

export const insertConsoleSession = (doc: ConsoleSessionDoc) => collection('consoleSessions').add(doc)
export const findConsoleSession = (id: string) => getById<ConsoleSessionDoc>('consoleSessions', id)

/** A person's sessions not ended and not expired; a person signs in on a handful of computers at most. */
export const standingSessionsOf = (openid: string, env: string, now: Date) =>
  findAll<ConsoleSessionDoc>(
    'consoleSessions',
    { openid, env, endedAt: null, expiresAt: command().gt(now.toISOString()) },
    [{ field: 'createdAt', order: 'desc' }],
    200,
  )

/** Ends one of the person's own sessions; false when it is not theirs or already ended. */
export async function endConsoleSession(id: string, openid: string, now: Date): Promise<boolean> {
  const res = await collection('consoleSessions')
    .where(defined({ _id: id, openid, endedAt: null }))
    .update({ endedAt: now.toISOString() })
  return (res.updated ?? 0) === 1
}

// calls per window ---------------------------------------------------------------------------------------------

interface RateDoc {
  _id: string
  windowStart: string
  count: number
}

/**
 * Counts one call of `kind` by each key (a caller, an address) in a fixed window, in one transaction, and refuses with
 * CODE.TOO_MANY_TRIES past `max`: an unsigned page may ask for login requests, but not flood the database with them.
 * Kept with the code tries (`codeAttempts`), which snapshots of "nothing changed" leave out for the same reason.
 */
export async function countCall(kind: string, keys: string[], now: Date, limit: { max: number; windowMs: number }): Promise<void> {
  const ids = [...new Set(keys)].map((k) => `rate|${kind}|${k}`)
  await retrying(
    () =>
      runTransaction(async (tx) => {
        const docs = await Promise.all(ids.map((id) => txGet<RateDoc>(tx, 'codeAttempts', id)))
        const next = docs.map((d, i): RateDoc => {
          const fresh = !d || typeof d.windowStart !== 'string' || now.getTime() - Date.parse(d.windowStart) >= limit.windowMs
          return fresh ? { _id: ids[i], windowStart: now.toISOString(), count: 1 } : { _id: ids[i], windowStart: d.windowStart, count: d.count + 1 }
        })
        const over = next.find((d) => d.count > limit.max)
        if (over) {
          const minutes = Math.max(1, Math.ceil((Date.parse(over.windowStart) + limit.windowMs - now.getTime()) / 60_000))
          throw new AppError('CODE.TOO_MANY_TRIES', `请求太频繁，请${minutes}分钟后再试`)
        }
        for (const d of next) await txPut(tx, 'codeAttempts', d)
      }),
    60,
  )
}
