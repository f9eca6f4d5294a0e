import type { BindingRequestDoc, InviteDoc, RoleGrant, UserDoc } from '../../../types'
import { collection, command, defined, findAll, findPage, getById, isDuplicateKey } from './base'

export const findUser = (openid: string) => getById<UserDoc>('users', openid)

export const findUsers = async (openids: string[]): Promise<UserDoc[]> =>
  openids.length ? findAll<UserDoc>('users', { _id: command().in([...new Set(openids)]) }) : []

/** Users holding any grant in the community (staff, grid members, residents). */
export const usersOfCommunity = (communityId: string) =>
  findAll<UserDoc>('users', defined({ 'roles.communityId': communityId }), [{ field: 'createdAt', order: 'asc' }])

/** Creates the user on first registration; later calls only change the given fields. */
export async function upsertProfile(openid: string, fields: Partial<Pick<UserDoc, 'name' | 'phone'>>, at: string): Promise<void> {
  const existing = await findUser(openid)
  if (existing) {
    await collection('users').doc(openid).update({ ...fields, updatedAt: at })
    return
  }
  const doc: UserDoc = { _id: openid, name: fields.name ?? '', phone: fields.phone ?? null, roles: [], householdIds: [], createdAt: at, updatedAt: at }
  try {
    await collection('users').add(doc)
  } catch (e) {
    if (!isDuplicateKey(e)) throw e
    // two first calls raced: the other created the record, so apply ours as an update
    await collection('users').doc(openid).update({ ...fields, updatedAt: at })
  }
}

/** Adds a grant unless an equal one is there. `addToSet` keeps concurrent grants from duplicating. */
export async function addGrant(openid: string, grant: RoleGrant, at: string): Promise<void> {
  const user = await findUser(openid)
  if (user?.roles.some((g) => g.role === grant.role && g.communityId === grant.communityId && g.streetId === grant.streetId)) return
  await collection('users').doc(openid).update({ roles: command().push([grant]), updatedAt: at })
}

export async function removeGrants(openid: string, keep: (g: RoleGrant) => boolean, at: string): Promise<void> {
  const user = await findUser(openid)
  if (!user) return
  await collection('users').doc(openid).update({ roles: command().set(user.roles.filter(keep)), updatedAt: at })
}

export async function addHousehold(openid: string, householdId: string, at: string): Promise<void> {
  await collection('users').doc(openid).update({ householdIds: command().addToSet(householdId), updatedAt: at })
}

export const countResidentsOf = async (householdId: string): Promise<number> =>
  (await collection('users').where(defined({ householdIds: householdId })).count()).total ?? 0

// invites ------------------------------------------------------------------------------------------------------

export const insertInvite = (doc: InviteDoc) => collection('invites').add(doc)
export const findInvite = (code: string) => getById<InviteDoc>('invites', code)

/** Marks the invite used only if nobody has: of two people redeeming at once, exactly one gets `true`. */
export async function claimInvite(code: string, openid: string, at: string): Promise<boolean> {
  const res = await collection('invites').where(defined({ _id: code, usedBy: null })).update({ usedBy: openid, usedAt: at })
  return (res.updated ?? 0) === 1
}

export const invitesPage = (communityId: string, paging: { page: number; pageSize: number }) =>
  findPage<InviteDoc>('invites', { communityId }, [{ field: 'createdAt', order: 'desc' }], paging)

// binding requests ---------------------------------------------------------------------------------------------

export const insertBindingRequest = (doc: BindingRequestDoc) => collection('bindingRequests').add(doc)
export const findBindingRequest = (id: string) => getById<BindingRequestDoc>('bindingRequests', id)
export const pendingRequestsOf = (openid: string) =>
  findAll<BindingRequestDoc>('bindingRequests', { openid, status: 'pending' }, [{ field: 'createdAt', order: 'desc' }])

export const bindingRequestsPage = (communityId: string, status: string, paging: { page: number; pageSize: number }) =>
  findPage<BindingRequestDoc>('bindingRequests', { communityId, status }, [{ field: 'createdAt', order: 'desc' }], paging)

/** Decides a pending request once: of two staff deciding at once, exactly one gets `true`. */
export async function decideBindingRequest(
  id: string,
  decision: Pick<BindingRequestDoc, 'status' | 'reason' | 'decidedAt' | 'decidedBy'>,
): Promise<boolean> {
  const res = await collection('bindingRequests').where(defined({ _id: id, status: 'pending' })).update(decision)
  return (res.updated ?? 0) === 1
}

export const blankUser = (openid: string, at: string): UserDoc => ({
  _id: openid,
  name: '',
  phone: null,
  roles: [],
  householdIds: [],
  createdAt: at,
  updatedAt: at,
})

/** Adds a grant to a user document unless an equal one is there (pure). */
export const withGrant = (user: UserDoc, grant: RoleGrant): UserDoc =>
  user.roles.some((g) => g.role === grant.role && g.communityId === grant.communityId && g.streetId === grant.streetId)
    ? user
    : { ...user, roles: [...user.roles, grant] }
