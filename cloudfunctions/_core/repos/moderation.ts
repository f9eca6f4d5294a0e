import type { ModerationDoc, ModerationKind, ModerationStatus, Paged } from '../../../types'
import { collection, command, defined, findAll, findPage, getById, isDuplicateKey, runTransaction, txGet, txPut } from './base'

/** The only code that builds moderation queries, and the one place held content changes visibility. */

export const findItem = (id: string) => getById<ModerationDoc>('moderation', id)

/** Queues held content once: a retried request computes the same id. */
export async function enqueue(doc: ModerationDoc): Promise<void> {
  try {
    await collection('moderation').add(doc)
  } catch (e) {
    if (!isDuplicateKey(e)) throw e
  }
}

/** A community's queue: pending first (oldest first, a queue), then decided ones, oldest first too. */
export const itemsPage = (communityId: string, status: 'pending' | 'all', paging: { page: number; pageSize: number }): Promise<Paged<ModerationDoc>> =>
  findPage<ModerationDoc>(
    'moderation',
    { ...defined({ communityId }), ...(status === 'pending' ? { status: 'pending' } : {}) },
    [
      { field: 'status', order: 'asc' },
      { field: 'createdAt', order: 'asc' },
    ],
    paging,
  )

/** Decides an item only while it is pending: of two concurrent decisions exactly one lands (true). */
export async function settle(id: string, patch: Pick<ModerationDoc, 'status' | 'reason' | 'decidedBy' | 'decidedAt'>): Promise<boolean> {
  const res = await collection('moderation').where({ _id: id, status: 'pending' }).update(patch)
  return (res.updated ?? 0) === 1
}

/**
 * Shows or keeps hiding the record the content belongs to. A ticket's version is bumped, so a workflow write that
 * read the ticket before cannot put the old status back (its conditional save fails and it reads again).
 */
export async function setModeration(kind: ModerationKind, refId: string, status: ModerationStatus): Promise<void> {
  if (kind === 'ticket')
    await collection('tickets')
      .doc(refId)
      .update({ moderation: status, version: command().inc(1) })
  else if (kind === 'objection') await collection('objections').doc(refId).update({ moderation: status })
  else await collection('notices').doc(refId).update({ moderation: status })
}

/** Items still waiting for an image verdict with this trace id (the mediaCheckAsync push). A trace id names one
 * image check, asked for by one item, so 10 is already room to spare. */
export const awaitingTrace = (traceId: string) => findAll<ModerationDoc>('moderation', { awaitingTraceIds: traceId }, [], 10)

/**
 * Reads one item, lets `decide` answer what it becomes, and writes that, in one transaction: `decide` always sees the
 * item as stored now. Two image verdicts of the same item arriving together are applied one after the other (the
 * SDK runs the loser again on the winner's result), and a staff decision written meanwhile is read, never overwritten.
 * `decide` may run more than once, so it must be pure. Null when the item does not exist.
 */
export function updateItem<R>(id: string, decide: (item: ModerationDoc) => { next: ModerationDoc | null; answer: R }): Promise<R | null> {
  return runTransaction(async (tx) => {
    const item = await txGet<ModerationDoc>(tx, 'moderation', id)
    if (!item) return null
    const { next, answer } = decide(item)
    if (next) await txPut(tx, 'moderation', next)
    return answer
  })
}

/**
 * How many items of one record are in each undecided or refused state (a ticket gathers one per held note, without
 * limit): counted through the index, so the record's status never rests on a read that could stop short.
 */
export async function statusCountsOf(refId: string): Promise<{ pending: number; rejected: number }> {
  const count = async (status: ModerationStatus) => (await collection('moderation').where(defined({ refId, status })).count()).total ?? 0
  const [pending, rejected] = await Promise.all([count('pending'), count('rejected')])
  return { pending, rejected }
}
