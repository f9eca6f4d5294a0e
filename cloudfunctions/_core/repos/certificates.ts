import type { Paged, VolunteerCertificateDoc, VolunteerNoteDoc } from '../../../types'
import { idFor } from '../ids'
import { addOnce, collection, command, defined, findAll, findFirst, findPage, getById, saveIfVersion } from './base'

/** The only code that builds queries on volunteers' notes (training, commendations, evaluations) and certificates. */

// Notes ------------------------------------------------------------------------------------------------------------

/** A retried save computes the same id, so its `add` collides instead of adding the note twice. */
export const noteIdFor = (openid: string, requestId: string) => idFor('volunteerNote', openid, requestId)

export const insertNote = async (doc: VolunteerNoteDoc): Promise<VolunteerNoteDoc> => (await addOnce('volunteerNotes', doc)).doc

export const findNote = (id: string) => getById<VolunteerNoteDoc>('volunteerNotes', id)

/**
 * A volunteer's notes in a community (removed ones included: callers leave them out), newest first. 2000 is a note a
 * week for forty years; past it the record fails loudly rather than showing part of it as the whole.
 */
export const notesOf = (communityId: string, openid: string) =>
  findAll<VolunteerNoteDoc>(
    'volunteerNotes',
    defined({ communityId, openid }),
    [
      { field: 'date', order: 'desc' },
      { field: 'createdAt', order: 'desc' },
    ],
    2000,
  )

/** Marks a note removed (kept, with who removed it); false when it was removed already. */
export async function removeNote(id: string, by: string, at: string): Promise<boolean> {
  const res = await collection('volunteerNotes')
    .where(defined({ _id: id, removedAt: null }))
    .update({ removedAt: at, removedBy: by })
  return (res.updated ?? 0) === 1
}

// Certificates -----------------------------------------------------------------------------------------------------

export const certificateIdFor = (openid: string, requestId: string) => idFor('volunteerCertificate', openid, requestId)

/** Adds a request; a retry with the same request id answers the stored one (`created` false). */
export const insertCertificate = (doc: VolunteerCertificateDoc) => addOnce('volunteerCertificates', doc)

export const findCertificate = (id: string) => getById<VolunteerCertificateDoc>('volunteerCertificates', id)

/** The certificate printed with this number, if any (numbers are random and never reused: at most one). */
export async function certificateByNumber(number: string): Promise<VolunteerCertificateDoc | null> {
  const [found] = await findFirst<VolunteerCertificateDoc>('volunteerCertificates', defined({ number }), [], 1)
  return found ?? null
}

/** Requests of a person waiting for an organiser. */
export async function pendingCountOf(communityId: string, openid: string): Promise<number> {
  const res = await collection('volunteerCertificates')
    .where(defined({ communityId, openid, status: 'requested' }))
    .count()
  return res.total ?? 0
}

/** A person's requests and certificates in a community, newest first. */
export const certificatesOfPerson = (
  communityId: string,
  openid: string,
  paging: { page: number; pageSize: number },
): Promise<Paged<VolunteerCertificateDoc>> =>
  findPage<VolunteerCertificateDoc>(
    'volunteerCertificates',
    defined({ communityId, openid }),
    [
      { field: 'requestedAt', order: 'desc' },
      { field: '_id', order: 'desc' },
    ],
    paging,
  )

/** Requests waiting for an organiser, oldest first: the queue. */
export const pendingCertificates = (communityId: string, paging: { page: number; pageSize: number }): Promise<Paged<VolunteerCertificateDoc>> =>
  findPage<VolunteerCertificateDoc>(
    'volunteerCertificates',
    defined({ communityId, status: 'requested' }),
    [
      { field: 'requestedAt', order: 'asc' },
      { field: '_id', order: 'asc' },
    ],
    paging,
  )

/** Issued, declined and revoked certificates of a community, newest request first. */
export const decidedCertificates = (communityId: string, paging: { page: number; pageSize: number }): Promise<Paged<VolunteerCertificateDoc>> =>
  findPage<VolunteerCertificateDoc>(
    'volunteerCertificates',
    { ...defined({ communityId }), status: command().in(['issued', 'declined', 'revoked']) },
    [
      { field: 'requestedAt', order: 'desc' },
      { field: '_id', order: 'desc' },
    ],
    paging,
  )

/** Writes `next` only if the stored certificate is still `before`; false when someone else decided first. */
export const saveCertificate = (before: VolunteerCertificateDoc, next: VolunteerCertificateDoc) => saveIfVersion('volunteerCertificates', before, next)

// Personal data -----------------------------------------------------------------------------------------------------

/** Notes on the person's record and the certificates they asked for, in every community: for their download. */
export const notesAbout = (openid: string) => findAll<VolunteerNoteDoc>('volunteerNotes', defined({ openid }), [], 20_000)
export const certificatesAsked = (openid: string) => findAll<VolunteerCertificateDoc>('volunteerCertificates', defined({ openid }), [], 20_000)

/**
 * A deleted account: requests still waiting or declined go; certificates issued stay, since a paper is out in the world
 * and whoever holds it must still be able to check it (the verification page shows the masked name only), under the
 * pseudonym and without the masked phone; notes about the person stay with the record under the pseudonym, and notes
 * they entered as an organiser no longer lead back to them.
 */
export async function anonymiseCertificates(openid: string, pseudonym: string): Promise<void> {
  const _ = command()
  await collection('volunteerCertificates')
    .where({ ...defined({ openid }), status: _.in(['requested', 'declined']) })
    .remove()
  for (const c of await certificatesAsked(openid)) {
    await collection('volunteerCertificates')
      .doc(c._id)
      .update({ openid: pseudonym, name: '已注销用户', ...(c.issued ? { 'issued.maskedPhone': null } : {}) })
  }
  await collection('volunteerNotes').where(defined({ openid })).update({ openid: pseudonym })
  await collection('volunteerNotes')
    .where(defined({ byOpenid: openid }))
    .update({ byOpenid: pseudonym })
}
