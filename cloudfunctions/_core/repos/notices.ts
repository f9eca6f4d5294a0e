import type { Listing, NoticeDoc, NoticeKind, NoticeReadDoc } from '../../../types'
import { addOnce, collection, command, defined, findAll, findFirst, getById, isDuplicateKey, sliceOf } from './base'

/** The only code that builds notice queries. */

export const findNotice = (id: string) => getById<NoticeDoc>('notices', id)

/** Inserts a notice; a retried publish (same id) answers the stored one. */
export const insertNotice = async (doc: NoticeDoc): Promise<NoticeDoc> => (await addOnce('notices', doc)).doc

/** A notice as lists show it: everything but the body, images and files. */
export type NoticeHead = Omit<NoticeDoc, 'body' | 'images' | 'files'>
const HEAD_FIELDS = { body: false, images: false, files: false }

export interface NoticeFilter {
  communityId: string
  kind?: NoticeKind
  /** a resident's reach (domain/notices `homeReach`): the notices whose `reach` holds one of these keys, once not held
   * by moderation; null for those who oversee the community and see every current notice */
  reach: string[] | null
}

/**
 * The current notices (not withdrawn, not expired) a caller may list, pinned first, then newest, ties by id: filtered,
 * ordered and paged by the database, so a page reads one page. Staff get the exact total, counted on the index of the
 * community's notices. A resident's filter is an `$in` on the one indexed array `reach`; her page is an index walk
 * that costs the same at any number of notices, but a total would test every current notice of the community against
 * her keys on each call, so her page says instead whether another follows (`Slice`, one row read past the page).
 * Notices stored before `reach` existed are not listed to residents until the sweeper has filled it in
 * (sweeper/backfill.ts, a batch every 5 minutes).
 */
export async function noticesPage(f: NoticeFilter, now: string, paging: { page: number; pageSize: number }): Promise<Listing<NoticeHead>> {
  const _ = command()
  const conds: object[] = [
    { ...defined({ communityId: f.communityId }), withdrawnAt: null, ...(f.kind ? { kind: f.kind } : {}) },
    _.or([{ expiresAt: null }, { expiresAt: _.gt(now) }]),
  ]
  if (f.reach) conds.push({ reach: _.in(f.reach), moderation: _.nin(['pending', 'rejected']) })
  const where = _.and(conds)
  const rows = (n: number) =>
    collection('notices')
      .where(where)
      .orderBy('pinned', 'desc')
      .orderBy('publishedAt', 'desc')
      .orderBy('_id', 'desc')
      .field(HEAD_FIELDS)
      .skip((paging.page - 1) * paging.pageSize)
      .limit(n)
      .get()
  if (f.reach) return sliceOf<NoticeHead>(await rows(paging.pageSize + 1), paging)
  const [page, count] = await Promise.all([rows(paging.pageSize), collection('notices').where(where).count()])
  return { items: (page.data ?? []) as NoticeHead[], ...paging, total: count.total ?? 0 }
}

/** Bodies of notices stored before excerpts were; bounded by the ids asked for (one page). */
export const bodiesOf = async (ids: string[]): Promise<Map<string, string>> =>
  ids.length
    ? new Map(
        (await findAll<Pick<NoticeDoc, '_id' | 'body'>>('notices', { _id: command().in(ids) }, [], ids.length, { _id: true, body: true })).map((n) => [
          n._id,
          n.body,
        ]),
      )
    : new Map()

export const withdrawNotice = (id: string, at: string) => collection('notices').where({ _id: id, withdrawnAt: null }).update({ withdrawnAt: at })

/** Records a reader once; answers whether this was their first read. */
export async function markRead(noticeId: string, openid: string, at: string): Promise<boolean> {
  const doc: NoticeReadDoc = { _id: `${noticeId}|${openid}`, noticeId, openid, at }
  try {
    await collection('noticeReads').add(doc)
    return true
  } catch (e) {
    if (isDuplicateKey(e)) return false
    throw e
  }
}

/** Which of these notices the person has read. */
export async function readAmong(noticeIds: string[], openid: string): Promise<Set<string>> {
  if (!noticeIds.length) return new Set()
  // one read record per notice and reader (its id), so no more than the ids asked for
  const reads = await findAll<NoticeReadDoc>('noticeReads', { _id: command().in(noticeIds.map((n) => `${n}|${openid}`)) }, [], noticeIds.length)
  return new Set(reads.map((r) => r.noticeId))
}

/** Unique readers of a notice: one read document each, counted through the index. */
export const readersOf = async (noticeId: string): Promise<number> => (await collection('noticeReads').where(defined({ noticeId })).count()).total ?? 0

/**
 * Unique readers of each of these notices (one read document each), counted by the database in one grouped query
 * however many notices the page holds; a notice nobody has read is absent.
 */
export async function readersOfEach(noticeIds: string[]): Promise<Map<string, number>> {
  const ids = [...new Set(noticeIds)]
  if (!ids.length) return new Map()
  const _ = command()
  const res = await collection('noticeReads')
    .aggregate()
    .match({ noticeId: _.in(ids) })
    .group({ _id: '$noticeId', readers: _.aggregate.sum(1) })
    // aggregate answers 20 rows unless told: one row per notice asked about
    .limit(ids.length)
    .end()
  return new Map(((res.data ?? []) as { _id: string; readers: number }[]).map((r) => [r._id, r.readers]))
}

/** Notices without `reach` (stored before it), a batch at a time, for the sweeper to fill in. */
export const noticesWithoutReach = (max: number) => findFirst<NoticeDoc>('notices', { reach: command().exists(false) }, [{ field: '_id', order: 'asc' }], max)

/** Sets a notice's reach, only while it has none (so a rerun, or a race with another sweep, writes the same once). */
export const setReach = (id: string, reach: string[]) =>
  collection('notices')
    .where({ _id: id, reach: command().exists(false) })
    .update({ reach })
