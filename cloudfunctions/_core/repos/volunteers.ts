import type { Paged, PartyRegistrationDoc, VolunteerActivityDoc, VolunteerRosterDoc, VolunteerSignupDoc } from '../../../types'
import { emptyRoster } from '../domain/volunteers'
import { idFor } from '../ids'
import { addOnce, collection, command, defined, findAll, findPage, getById, isDuplicateKey, runTransaction, saveIfVersion, txGet, txPut } from './base'
import { retrying } from './retrying'

/** The only code that builds volunteer queries. */

/** A retried publish computes the same id, so its `add` collides instead of making a second activity. */
export const activityIdFor = (openid: string, requestId: string) => idFor('volunteerActivity', openid, requestId)
export const signupId = (activityId: string, openid: string) => `${activityId}|${openid}`
export const registrationId = (communityId: string, openid: string) => `${communityId}|${openid}`

// Activities -----------------------------------------------------------------------------------------------------

export const findActivity = (id: string) => getById<VolunteerActivityDoc>('volunteerActivities', id)

export const insertActivity = async (doc: VolunteerActivityDoc): Promise<VolunteerActivityDoc> => (await addOnce('volunteerActivities', doc)).doc

/** Upcoming (not ended yet, soonest first) or past (ended, latest first) activities of a community. */
export const activitiesPage = (communityId: string, when: 'upcoming' | 'past', now: string, paging: { page: number; pageSize: number }) =>
  findPage<VolunteerActivityDoc>(
    'volunteerActivities',
    { ...defined({ communityId }), endAt: when === 'upcoming' ? command().gt(now) : command().lte(now) },
    [{ field: 'startAt', order: when === 'upcoming' ? 'asc' : 'desc' }],
    paging,
  )

// by id: no more rows than ids asked for
export const activitiesByIds = (ids: string[]) =>
  ids.length ? findAll<VolunteerActivityDoc>('volunteerActivities', { _id: command().in([...new Set(ids)]) }, [], ids.length) : Promise.resolve([])

// Rosters --------------------------------------------------------------------------------------------------------

export const findRoster = (activityId: string) => getById<VolunteerRosterDoc>('volunteerRosters', activityId)

// by id: no more rows than ids asked for
export const rostersByIds = (ids: string[]) =>
  ids.length ? findAll<VolunteerRosterDoc>('volunteerRosters', { _id: command().in([...new Set(ids)]) }, [], ids.length) : Promise.resolve([])

export interface RosterState {
  roster: VolunteerRosterDoc
  /** the caller's sign-up */
  mine: VolunteerSignupDoc | null
  /** the sign-up of the first in line on the waitlist (not the caller's) */
  head: VolunteerSignupDoc | null
}

export interface RosterChange<O extends { _id: string }> {
  roster: VolunteerRosterDoc
  signups: VolunteerSignupDoc[]
  /** notifications written with the change, so a committed promotion is never left unannounced */
  outbox: O[]
}

/**
 * Reads the roster and the sign-ups it concerns, lets `decide` place or withdraw, and writes its answer, all in one
 * transaction on the roster document: of any number of sign-ups arriving together each gets its own sequence number
 * and the places go exactly once. `decide` throws to refuse (nothing is written). Losers of a race retry.
 */
export function changeRoster<O extends { _id: string }>(
  activityId: string,
  openid: string,
  decide: (s: RosterState) => RosterChange<O>,
): Promise<RosterChange<O>> {
  return retrying(
    () =>
      runTransaction(async (tx) => {
        const roster = (await txGet<VolunteerRosterDoc>(tx, 'volunteerRosters', activityId)) ?? emptyRoster(activityId)
        const mine = await txGet<VolunteerSignupDoc>(tx, 'volunteerSignups', signupId(activityId, openid))
        const first = roster.waitlist[0]
        const head = first && first !== openid ? await txGet<VolunteerSignupDoc>(tx, 'volunteerSignups', signupId(activityId, first)) : null
        const change = decide({ roster, mine, head })
        await txPut(tx, 'volunteerRosters', change.roster)
        for (const s of change.signups) await txPut(tx, 'volunteerSignups', s)
        for (const o of change.outbox) await txPut(tx, 'outbox', o)
        return change
      }),
    // a popular activity's sign-ups all meet on one document: keep trying, spreading out as it stays busy
    60,
    10,
  )
}

// Sign-ups -------------------------------------------------------------------------------------------------------

export const findSignup = (activityId: string, openid: string) => getById<VolunteerSignupDoc>('volunteerSignups', signupId(activityId, openid))

// by id: no more rows than ids asked for
export const signupsByIds = (ids: string[]) =>
  ids.length ? findAll<VolunteerSignupDoc>('volunteerSignups', { _id: command().in([...new Set(ids)]) }, [], ids.length) : Promise.resolve([])

/**
 * The whole roster: held places are bounded by the domain (capacity ≤ 500, WAITLIST_MAX 500), cancelled sign-ups
 * are one record per person however often they come and go. 5000 would be 4000 people of one community letting the
 * same activity go; past it the roster fails loudly rather than leaving people out. Not a domain rule: paging the
 * cancelled part (with a count) would make it one.
 */
export const signupsOfActivity = (activityId: string) =>
  findAll<VolunteerSignupDoc>('volunteerSignups', defined({ activityId }), [{ field: 'seq', order: 'asc' }], 5000)

/**
 * A person's sign-ups in a community, newest activity first: one per activity they signed up for. 5000 is a weekly
 * activity for a hundred years; past it the record fails loudly rather than showing part of it as the whole.
 */
export const signupsOfPerson = (communityId: string, openid: string) =>
  findAll<VolunteerSignupDoc>('volunteerSignups', defined({ communityId, openid }), [{ field: 'startAt', order: 'desc' }], 5000)

/** Credited service per person: minutes and activities in all, and minutes within [yearFrom, yearTo). */
export interface ServiceTotals {
  minutes: number
  activities: number
  minutesInYear: number
}

/**
 * The credited service of these people in a community, summed by the database (one aggregate, one row per person),
 * so the figures are exact however many activities each has served; people with none are absent.
 */
export async function serviceTotalsOf(communityId: string, openids: string[], year: { from: string; to: string }): Promise<Map<string, ServiceTotals>> {
  const ids = [...new Set(openids)]
  if (!ids.length) return new Map()
  const _ = command()
  const $ = _.aggregate
  const res = await collection('volunteerSignups')
    .aggregate()
    // credited: a place held and minutes recorded (domain/volunteers `credited`)
    .match({ ...defined({ communityId }), openid: _.in(ids), status: 'confirmed', minutes: _.neq(null) })
    .group({
      _id: '$openid',
      minutes: $.sum('$minutes'),
      activities: $.sum(1),
      minutesInYear: $.sum($.cond({ if: $.and([$.gte(['$startAt', year.from]), $.lt(['$startAt', year.to])]), then: '$minutes', else: 0 })),
    })
    // aggregate answers 20 rows unless told: one row per person asked about
    .limit(ids.length)
    .end()
  const rows = (res.data ?? []) as ({ _id: string } & ServiceTotals)[]
  return new Map(rows.map((r) => [r._id, { minutes: r.minutes, activities: r.activities, minutesInYear: r.minutesInYear }]))
}

/**
 * Every sign-up of a community's activities starting in [from, to) (a year: the CSV export). 100 000 is 270 services
 * a day all year in one community; past it the export fails loudly rather than leaving rows out.
 */
export const signupsOfCommunity = (communityId: string, from: string, to: string) =>
  findAll<VolunteerSignupDoc>(
    'volunteerSignups',
    { ...defined({ communityId }), startAt: command().gte(from).and(command().lt(to)) },
    [{ field: 'startAt', order: 'asc' }],
    100_000,
  )

/** Writes `next` only if the stored sign-up is still `before` (same version); false when someone else wrote first. */
export const saveSignup = (before: VolunteerSignupDoc, next: VolunteerSignupDoc) => saveIfVersion('volunteerSignups', before, next)

// Party members (双报到) ------------------------------------------------------------------------------------------

export const findRegistration = (communityId: string, openid: string) =>
  getById<PartyRegistrationDoc>('partyRegistrations', registrationId(communityId, openid))

/** Registers, or updates the workplace of one already registered (the first registration time stays). */
export async function saveRegistration(doc: PartyRegistrationDoc): Promise<PartyRegistrationDoc> {
  const { _id, ...rest } = doc
  try {
    await collection('partyRegistrations').add(doc)
    return doc
  } catch (e) {
    if (!isDuplicateKey(e)) throw e
    const { registeredAt: _first, ...fields } = rest
    await collection('partyRegistrations').doc(_id).update(fields)
    return (await findRegistration(doc.communityId, doc.openid)) ?? doc
  }
}

export const registrationsPage = (communityId: string, paging: { page: number; pageSize: number }): Promise<Paged<PartyRegistrationDoc>> =>
  findPage<PartyRegistrationDoc>('partyRegistrations', defined({ communityId }), [{ field: 'registeredAt', order: 'desc' }], paging)
