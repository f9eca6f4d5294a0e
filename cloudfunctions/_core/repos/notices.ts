import type { NoticeDoc, NoticeReadDoc } from '../../../types'
import { addOnce, collection, command, defined, findAll, getById, isDuplicateKey } from './base'

/** The only code that builds notice queries. */

export const findNotice = (id: string) => getById<NoticeDoc>('notices', id)

/** Inserts a notice; a retried publish (same id) answers the stored one. */
export const insertNotice = async (doc: NoticeDoc): Promise<NoticeDoc> => (await addOnce('notices', doc)).doc

/** A community's notices still up (not withdrawn, not expired), newest first. A community posts hundreds a year. */
export const currentNotices = (communityId: string, now: string) =>
  findAll<NoticeDoc>('notices', { ...defined({ communityId }), withdrawnAt: null }, [{ field: 'publishedAt', order: 'desc' }], 2000).then((ns) =>
    ns.filter((n) => !n.expiresAt || n.expiresAt > now),
  )

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
  const reads = await findAll<NoticeReadDoc>('noticeReads', { _id: command().in(noticeIds.map((n) => `${n}|${openid}`)) }, [], noticeIds.length)
  return new Set(reads.map((r) => r.noticeId))
}

/** Unique readers of a notice: one read document each, counted through the index. */
export const readersOf = async (noticeId: string): Promise<number> => (await collection('noticeReads').where(defined({ noticeId })).count()).total ?? 0
