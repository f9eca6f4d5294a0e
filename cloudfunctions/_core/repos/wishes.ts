import type { Paged, VolunteerSignupDoc, WishDoc, WishNear, WishState } from '../../../types'
import { pageSlices, type Tier } from '../domain/wishes'
import { idFor } from '../ids'
import type { OutboxDoc } from './outbox'
import { addOnce, collection, command, defined, findAll, findFirst, findPage, getById, runTransaction, saveIfVersion, txGet, txPut } from './base'
import { retrying } from './retrying'
import { findRegistration } from './volunteers'

/** The only code that builds 微心愿 queries. */

/** A retried post computes the same id, so its `add` collides instead of making a second wish. */
export const wishIdFor = (openid: string, requestId: string) => idFor('wish', openid, requestId)

export const findWish = (id: string) => getById<WishDoc>('wishes', id)

export const insertWish = (doc: WishDoc) => addOnce('wishes', doc)

/** Writes `next` only if the stored wish is still `before` (same version): of thirty claims at once, one lands. */
export const saveWish = (before: WishDoc, next: WishDoc) => saveIfVersion('wishes', before, next)

// Lists ----------------------------------------------------------------------------------------------------------

const ORDER = [
  { field: 'wantedAt', order: 'asc' as const },
  { field: '_id', order: 'asc' as const },
]

function tierWhere(communityId: string, tier: Tier, except: string): Record<string, unknown> {
  const _ = command()
  const where: Record<string, unknown> = { ...defined({ communityId }), state: 'open', requesterOpenid: _.neq(except) }
  for (const [field, values] of Object.entries(tier.in)) where[field] = _.in(values!)
  for (const [field, values] of Object.entries(tier.notIn)) where[field] = _.nin(values!)
  return where
}

/**
 * Open wishes of a community but `except`'s own, band by band (nearest first), soonest wanted first inside a band,
 * one page of them: each band is counted, and only the bands the page falls in are read, so the total is exact and the
 * page cheap at any size.
 */
export async function openWishesNear(
  communityId: string,
  tiers: Tier[],
  except: string,
  paging: { page: number; pageSize: number },
): Promise<Paged<{ wish: WishDoc; near: WishNear | null }>> {
  const counts = await Promise.all(
    tiers.map(
      async (tier) =>
        (
          await collection('wishes')
            .where(tierWhere(communityId, tier, except))
            .count()
        ).total ?? 0,
    ),
  )
  const items: { wish: WishDoc; near: WishNear | null }[] = []
  for (const slice of pageSlices(counts, paging.page, paging.pageSize)) {
    const tier = tiers[slice.tier]
    let q = collection('wishes').where(tierWhere(communityId, tier, except))
    for (const s of ORDER) q = q.orderBy(s.field, s.order)
    const rows = ((await q.skip(slice.skip).limit(slice.limit).get()).data ?? []) as WishDoc[]
    items.push(...rows.map((wish) => ({ wish, near: tier.near })))
  }
  return { items, ...paging, total: counts.reduce((a, b) => a + b, 0) }
}

/** Wishes the person asked for (newest first), or holds the claim of (latest change first). */
export const wishesOf = (communityId: string, openid: string, as: 'requester' | 'claimant', paging: { page: number; pageSize: number }) =>
  as === 'requester'
    ? findPage<WishDoc>(
        'wishes',
        defined({ communityId, requesterOpenid: openid }),
        [
          { field: 'createdAt', order: 'desc' },
          { field: '_id', order: 'desc' },
        ],
        paging,
      )
    : findPage<WishDoc>(
        'wishes',
        defined({ communityId, 'claim.openid': openid }),
        [
          { field: 'updatedAt', order: 'desc' },
          { field: '_id', order: 'desc' },
        ],
        paging,
      )

/** A community's wishes in one state: the pending ones oldest first (as they came), the others newest first. */
export const wishesInState = (communityId: string, state: WishState, paging: { page: number; pageSize: number }) => {
  const order = state === 'pending' ? ('asc' as const) : ('desc' as const)
  return findPage<WishDoc>(
    'wishes',
    defined({ communityId, state }),
    [
      { field: 'createdAt', order },
      { field: '_id', order },
    ],
    paging,
  )
}

/** Claims past their time, the oldest first: a batch for the sweeper. */
export const lapsedClaims = (now: string, n: number) =>
  findFirst<WishDoc>('wishes', { state: 'claimed', claimExpiresAt: command().lte(now) }, [{ field: 'claimExpiresAt', order: 'asc' }], n)

// Who may claim --------------------------------------------------------------------------------------------------

/** Whether the person reported to the community as an in-service party member, and holds a place on any of its activities. */
export async function volunteerStanding(communityId: string, openid: string): Promise<{ partyRegistered: boolean; volunteered: boolean }> {
  const [registration, signups] = await Promise.all([
    findRegistration(communityId, openid),
    findFirst<VolunteerSignupDoc>('volunteerSignups', defined({ communityId, openid, status: 'confirmed' }), [{ field: 'startAt', order: 'desc' }], 1),
  ])
  return { partyRegistered: !!registration, volunteered: signups.length > 0 }
}

// Notifications --------------------------------------------------------------------------------------------------

// Confirmation ---------------------------------------------------------------------------------------------------

export interface Confirmation {
  wish: WishDoc
  /** the claimant's volunteer-record entry for this service */
  service: VolunteerSignupDoc
  outbox: OutboxDoc[]
}

/**
 * Confirms in one transaction: the wish, the service entry on the claimant's volunteer record and the notices are
 * written together or not at all. `decide` reads the wish as the transaction sees it and throws to refuse, so of two
 * confirmations at once the second reads a confirmed wish and is refused: the hours are credited once.
 */
export function confirmWish(wishId: string, decide: (w: WishDoc | null) => Confirmation): Promise<Confirmation> {
  return retrying(() =>
    runTransaction(async (tx) => {
      const change = decide(await txGet<WishDoc>(tx, 'wishes', wishId))
      await txPut(tx, 'wishes', change.wish)
      await txPut(tx, 'volunteerSignups', change.service)
      for (const o of change.outbox) await txPut(tx, 'outbox', o)
      return change
    }),
  )
}

// Personal data (个人信息保护法) ----------------------------------------------------------------------------------

/** A person's wishes: the ones they asked for, claimed, or once claimed and let go, oldest first. */
export async function wishesOfPerson(openid: string): Promise<WishDoc[]> {
  const mine = 20_000
  const found = await Promise.all([
    findAll<WishDoc>('wishes', defined({ requesterOpenid: openid }), [{ field: 'createdAt', order: 'asc' }], mine),
    findAll<WishDoc>('wishes', defined({ 'claim.openid': openid }), [{ field: 'createdAt', order: 'asc' }], mine),
    findAll<WishDoc>('wishes', defined({ 'releases.openid': openid }), [{ field: 'createdAt', order: 'asc' }], mine),
  ])
  const byId = new Map(found.flat().map((w) => [w._id, w]))
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

/**
 * Erases a person from wishes: the wish stays (the community's record, and a volunteer's confirmed service), with the
 * person as the pseudonym and 已注销用户 wherever they were named. Conditional on the version, repeatable.
 */
export async function anonymiseWishes(openid: string, pseudonym: string, at: string): Promise<void> {
  const gone = '已注销用户'
  for (const found of await wishesOfPerson(openid)) {
    for (let attempt = 0; ; attempt++) {
      const w = attempt === 0 ? found : await findWish(found._id)
      if (!w) break
      const next: WishDoc = {
        ...w,
        requesterOpenid: w.requesterOpenid === openid ? pseudonym : w.requesterOpenid,
        requesterName: w.requesterOpenid === openid ? gone : w.requesterName,
        postedBy: w.postedBy.openid === openid ? { ...w.postedBy, openid: pseudonym, name: gone } : w.postedBy,
        claim: w.claim?.openid === openid ? { ...w.claim, openid: pseudonym, name: gone } : w.claim,
        releases: w.releases.map((r) => (r.openid === openid ? { ...r, openid: pseudonym, name: gone } : r)),
        review: w.review?.byOpenid === openid ? { ...w.review, byOpenid: pseudonym, byName: gone } : w.review,
        credit: w.credit?.byOpenid === openid ? { ...w.credit, byOpenid: pseudonym, byName: gone } : w.credit,
        cancelled: w.cancelled?.byOpenid === openid ? { ...w.cancelled, byOpenid: pseudonym } : w.cancelled,
        version: w.version + 1,
        updatedAt: at,
      }
      if (await saveWish(w, next)) break
      if (attempt >= 4) throw new Error(`wishes ${w._id}: could not anonymise after 5 tries`)
    }
  }
}
