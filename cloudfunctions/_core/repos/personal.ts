import type {
  BindingRequestDoc,
  GridDoc,
  MemberDoc,
  NoticeReadDoc,
  ObjectionDoc,
  OwnerDoc,
  PartyRegistrationDoc,
  RollEntryDoc,
  TicketDoc,
  UserDoc,
  VolunteerRosterDoc,
  VolunteerSignupDoc,
  VoteReceiptDoc,
} from '../../../types'
import { collection, command, defined, findAll, getById, runTransaction, saveIfVersion, txGet, txPut } from './base'
import { retrying } from './retrying'
import { anonymiseWishes } from './wishes'
import { anonymiseCertificates } from './certificates'

/**
 * Everything the database holds about one person, for the two rights 个人信息保护法 gives them here: to download it,
 * and to delete their account. The only code that finds a person's traces across collections.
 */

/** Generous bounds: one person's records over years of use (loud if ever passed, see findAll). */
const MINE = 20_000

export const ticketsFollowedBy = (openid: string) => findAll<TicketDoc>('tickets', defined({ followers: openid }), [{ field: 'createdAt', order: 'asc' }], MINE)
export const receiptsOf = (openid: string) => findAll<VoteReceiptDoc>('voteReceipts', defined({ voterOpenid: openid }), [{ field: 'at', order: 'asc' }], MINE)
export const signupsOf = (openid: string) => findAll<VolunteerSignupDoc>('volunteerSignups', defined({ openid }), [{ field: 'startAt', order: 'asc' }], MINE)
export const partyRegistrationsOf = (openid: string) => findAll<PartyRegistrationDoc>('partyRegistrations', defined({ openid }), [], 100)
export const objectionsBy = (openid: string) => findAll<ObjectionDoc>('objections', defined({ byOpenid: openid }), [{ field: 'at', order: 'asc' }], MINE)
export const bindingRequestsBy = (openid: string) =>
  findAll<BindingRequestDoc>('bindingRequests', defined({ openid }), [{ field: 'createdAt', order: 'asc' }], MINE)
export const membersBoundTo = (openid: string) => findAll<MemberDoc>('members', defined({ openid }), [], 100)
export const ownersBoundTo = (openid: string) => findAll<OwnerDoc>('owners', defined({ openid }), [], 100)

export interface DeletionDoc {
  _id: string
  /** the communities the person was part of: staff there see that a deletion happened, and when — nothing more */
  communityIds: string[]
  at: string
}

export const deletionsPage = async (communityId: string, paging: { page: number; pageSize: number }) => {
  const where = defined({ communityIds: communityId })
  const [rows, count] = await Promise.all([
    collection('deletions')
      .where(where)
      .orderBy('at', 'desc')
      .skip((paging.page - 1) * paging.pageSize)
      .limit(paging.pageSize)
      .get(),
    collection('deletions').where(where).count(),
  ])
  return { items: (rows.data ?? []) as DeletionDoc[], ...paging, total: count.total ?? 0 }
}

const GONE = '已注销用户'
const swap = (list: string[], from: string, to: string) => list.map((x) => (x === from ? to : x))

/**
 * Erases a person: their profile and bindings go; what they did for the community stays, under a pseudonym that leads
 * back to nobody. Tickets keep their place, text and timeline (the community's record) with the reporter shown as
 * 已注销用户; ballots stay counted while their receipts are detached; readers of notices and volunteers of activities
 * are still counted. Each step can run again, so a deletion that dies half-way is finished by asking again.
 */
export async function erasePerson(openid: string, pseudonym: string, at: string, deletion: DeletionDoc): Promise<void> {
  // tickets: reporter, followers, handler and timeline names (conditional on the version, so a concurrent step is not lost)
  for (const t of await ticketsFollowedBy(openid)) await anonymiseTicket(t._id, openid, pseudonym, at)
  for (const t of await findAll<TicketDoc>('tickets', defined({ assigneeOpenid: openid }), [], MINE)) await anonymiseTicket(t._id, openid, pseudonym, at)

  // votes: the ballot (choice, weight) never named anyone; the receipt loses the person; a roll keyed by them is re-keyed
  for (const r of await receiptsOf(openid)) {
    if (r.key !== openid) await collection('voteReceipts').doc(r._id).update({ voterOpenid: null })
    else await rekey('voteReceipts', r, `${r.voteId}|${pseudonym}`, { key: pseudonym, voterOpenid: null })
  }
  for (const e of await findAll<RollEntryDoc>('rollEntries', defined({ key: openid }), [], MINE)) {
    await rekey('rollEntries', e, `${e.voteId}|${pseudonym}`, { key: pseudonym, label: GONE })
  }

  // notices: still read by one more resident, by nobody in particular
  for (const r of await findAll<NoticeReadDoc>('noticeReads', defined({ openid }), [], MINE))
    await rekey('noticeReads', r, `${r.noticeId}|${pseudonym}`, { openid: pseudonym })

  // words and their review: kept for the record, no longer theirs
  await collection('objections')
    .where(defined({ byOpenid: openid }))
    .update({ byOpenid: pseudonym, byName: GONE })
  await collection('moderation')
    .where(defined({ byOpenid: openid }))
    .update({ byOpenid: pseudonym })
  await collection('outbox')
    .where(defined({ to: openid }))
    .update({ to: pseudonym })

  // volunteering: the hours served stay with the activity; the place on the roster is held by the pseudonym
  for (const s of await signupsOf(openid)) {
    await retrying(() =>
      runTransaction(async (tx) => {
        const roster = await txGet<VolunteerRosterDoc>(tx, 'volunteerRosters', s.activityId)
        if (roster)
          await txPut(tx, 'volunteerRosters', {
            ...roster,
            confirmed: swap(roster.confirmed, openid, pseudonym),
            waitlist: swap(roster.waitlist, openid, pseudonym),
          })
      }),
    )
    await rekey('volunteerSignups', s, `${s.activityId}|${pseudonym}`, {
      openid: pseudonym,
      name: GONE,
      recorderOpenid: s.recorderOpenid === openid ? pseudonym : s.recorderOpenid,
    })
  }

  // 微心愿: the wishes stay (and a volunteer's confirmed service), no longer naming the person
  await anonymiseWishes(openid, pseudonym, at)

  // 志愿服务证明: issued ones stay checkable by whoever holds the paper; requests go; notes stay with the record
  await anonymiseCertificates(openid, pseudonym)

  // bindings, registrations, subscriptions, tries at codes: gone
  await collection('members').where(defined({ openid })).update({ openid: null, updatedAt: at })
  await collection('owners').where(defined({ openid })).update({ openid: null, updatedAt: at })
  await collection('bindingRequests').where(defined({ openid })).remove()
  await collection('partyRegistrations').where(defined({ openid })).remove()
  await collection('subscriptions')
    .where(defined({ _id: openid }))
    .remove()
  for (const kind of ['bind', 'invite', 'checkin', 'certificate'])
    await collection('codeAttempts')
      .where(defined({ _id: `${kind}|caller|${openid}` }))
      .remove()
  for (const g of await findAll<GridDoc>('grids', defined({ memberOpenids: openid }), [], 1000)) {
    await collection('grids')
      .doc(g._id)
      .update({ memberOpenids: command().pull(openid) })
  }
  await collection('grids')
    .where(defined({ leaderOpenid: openid }))
    .update({ leaderOpenid: null })

  // the record that a deletion happened (added once: a second run answers the first), then the profile itself
  try {
    await collection('deletions').add(deletion)
  } catch {
    // already recorded by an earlier run of the same deletion
  }
  await collection('users').doc(openid).remove()
}

async function anonymiseTicket(id: string, openid: string, pseudonym: string, at: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const t = await getById<TicketDoc>('tickets', id)
    if (!t) return
    const next: TicketDoc = {
      ...t,
      reporterOpenid: t.reporterOpenid === openid ? pseudonym : t.reporterOpenid,
      reporterName: t.reporterOpenid === openid ? GONE : t.reporterName,
      reporterPhone: t.reporterOpenid === openid ? null : t.reporterPhone,
      followers: swap(t.followers, openid, pseudonym),
      assigneeOpenid: t.assigneeOpenid === openid ? pseudonym : t.assigneeOpenid,
      filedBy: t.filedBy?.openid === openid ? { ...t.filedBy, openid: pseudonym } : t.filedBy,
      resolution: t.resolution?.byOpenid === openid ? { ...t.resolution, byOpenid: pseudonym } : t.resolution,
      timeline: t.timeline.map((e) => ({
        ...e,
        actorOpenid: e.actorOpenid === openid ? pseudonym : e.actorOpenid,
        detail: e.detail === openid ? pseudonym : e.detail,
      })),
      version: t.version + 1,
      updatedAt: at,
    }
    if (await saveIfVersion('tickets', t, next)) return
  }
  throw new Error(`tickets ${id}: could not anonymise after 5 tries`)
}

/** A document whose id holds the person moves to an id that holds the pseudonym instead. */
async function rekey<T extends { _id: string }>(
  name: 'voteReceipts' | 'rollEntries' | 'noticeReads' | 'volunteerSignups',
  doc: T,
  id: string,
  patch: Partial<T>,
): Promise<void> {
  await runTransaction(async (tx) => {
    const current = await txGet<T>(tx, name, doc._id)
    if (!current) return
    await txPut(tx, name, { ...current, ...patch, _id: id })
    await tx.collection(name).doc(doc._id).remove()
  })
}

export const markDeleting = (openid: string, deleting: NonNullable<UserDoc['deleting']>) =>
  collection('users')
    .doc(openid)
    .update({ deleting: command().set(deleting) })

/** The user document as stored (the download shows it whole: it is theirs). */
export const userDoc = (openid: string) => getById<UserDoc>('users', openid)
