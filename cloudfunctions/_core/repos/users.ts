import {
  AppError,
  type BindingRequestDoc,
  type GridDoc,
  type HouseholdDoc,
  type InviteDoc,
  type MemberDoc,
  type OwnerDoc,
  type RoleGrant,
  type UserDoc,
} from '../../../types'
import { blankUser, withGrant, type Redemption } from '../domain/users'
import { collection, command, defined, findAll, findPage, getById, isDuplicateKey, runTransaction, txGet, txPut, type Tx } from './base'

export const findUser = (openid: string) => getById<UserDoc>('users', openid)

export const findUsers = async (openids: string[]): Promise<UserDoc[]> =>
  openids.length ? findAll<UserDoc>('users', { _id: command().in([...new Set(openids)]) }) : []

/**
 * Users holding a role other than resident in the community (staff, grid people, party members, representatives): a
 * few hundred at most, whereas residents are thousands. The match is a superset (a grant elsewhere can satisfy the
 * role condition); callers keep the grants of this community.
 */
export const peopleWithRolesIn = (communityId: string, roles: readonly string[]) =>
  findAll<UserDoc>('users', { ...defined({ 'roles.communityId': communityId }), 'roles.role': command().in([...roles]) }, [
    { field: 'createdAt', order: 'asc' },
  ])

/** Creates the user on first registration; later calls only change the given fields. */
export async function upsertProfile(openid: string, fields: Partial<Pick<UserDoc, 'name' | 'phone'>>, at: string): Promise<void> {
  const existing = await findUser(openid)
  if (existing) {
    await collection('users')
      .doc(openid)
      .update({ ...fields, updatedAt: at })
    return
  }
  const doc: UserDoc = { _id: openid, name: fields.name ?? '', phone: fields.phone ?? null, roles: [], householdIds: [], createdAt: at, updatedAt: at }
  try {
    await collection('users').add(doc)
  } catch (e) {
    if (!isDuplicateKey(e)) throw e
    // two first calls raced: the other created the record, so apply ours as an update
    await collection('users')
      .doc(openid)
      .update({ ...fields, updatedAt: at })
  }
}

/** Adds a grant unless an equal one is there. `addToSet` keeps concurrent grants from duplicating. */
export async function addGrant(openid: string, grant: RoleGrant, at: string): Promise<void> {
  const user = await findUser(openid)
  if (user?.roles.some((g) => g.role === grant.role && g.communityId === grant.communityId && g.streetId === grant.streetId)) return
  await collection('users')
    .doc(openid)
    .update({ roles: command().push([grant]), updatedAt: at })
}

export async function removeGrants(openid: string, keep: (g: RoleGrant) => boolean, at: string): Promise<void> {
  const user = await findUser(openid)
  if (!user) return
  await collection('users')
    .doc(openid)
    .update({ roles: command().set(user.roles.filter(keep)), updatedAt: at })
}

export async function addHousehold(openid: string, householdId: string, at: string): Promise<void> {
  await collection('users')
    .doc(openid)
    .update({ householdIds: command().addToSet(householdId), updatedAt: at })
}

export const countResidentsOf = async (householdId: string): Promise<number> =>
  (
    await collection('users')
      .where(defined({ householdIds: householdId }))
      .count()
  ).total ?? 0

// invites ------------------------------------------------------------------------------------------------------

/** Adds the invite; false when its code is already taken (the caller draws another). */
export async function insertInvite(doc: InviteDoc): Promise<boolean> {
  try {
    await collection('invites').add(doc)
    return true
  } catch (e) {
    if (isDuplicateKey(e)) return false
    throw e
  }
}
export const findInvite = (code: string) => getById<InviteDoc>('invites', code)

/** Marks the invite used only if nobody has: of two people redeeming at once, exactly one gets `true`. */
export async function claimInvite(code: string, openid: string, at: string): Promise<boolean> {
  const res = await collection('invites')
    .where(defined({ _id: code, usedBy: null }))
    .update({ usedBy: openid, usedAt: at })
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
export async function decideBindingRequest(id: string, decision: Pick<BindingRequestDoc, 'status' | 'reason' | 'decidedAt' | 'decidedBy'>): Promise<boolean> {
  const res = await collection('bindingRequests')
    .where(defined({ _id: id, status: 'pending' }))
    .update(decision)
  return (res.updated ?? 0) === 1
}

// binding a person to the register ----------------------------------------------------------------------------------

export interface Binding {
  openid: string
  household: HouseholdDoc
  /** the register's member this person is (one member, one person; one member per person in a community) */
  memberId?: string | null
  /** not on the register yet: added as a member bound to this person */
  newMember?: MemberDoc | null
  /** the household's owner identity, as staff confirmed it */
  owner?: boolean
  grantedBy: string | null
  at: string
}

/**
 * Binds a person inside a transaction: the household, the resident role, and — where given — the member of the
 * register and the owner identity. Refuses a member or owner someone else holds, and a second member in the same
 * community; the transaction makes two people claiming the same member at once conflict, so exactly one holds it.
 */
export async function bindInTx(tx: Tx, b: Binding): Promise<void> {
  const user = (await txGet<UserDoc>(tx, 'users', b.openid)) ?? blankUser(b.openid, b.at)
  const memberIds = new Set(user.memberIds ?? [])
  const ownerIds = new Set(user.ownerIds ?? [])
  const memberId = b.newMember?._id ?? b.memberId ?? null
  let name = user.name
  if (memberId) {
    for (const other of memberIds) {
      if (other === memberId) continue
      const m = await txGet<MemberDoc>(tx, 'members', other)
      if (m && m.communityId === b.household.communityId && m.openid === b.openid) throw new AppError('HOUSEHOLD.ALREADY_MEMBER')
    }
    if (b.newMember) await tx.collection('members').add({ ...b.newMember, openid: b.openid })
    else {
      const m = await txGet<MemberDoc>(tx, 'members', memberId)
      if (!m || m.householdId !== b.household._id) throw new AppError('HOUSEHOLD.MEMBER_NOT_FOUND')
      if (m.openid && m.openid !== b.openid) throw new AppError('HOUSEHOLD.MEMBER_TAKEN')
      await txPut(tx, 'members', { ...m, openid: b.openid, updatedAt: b.at })
      // the register knows their name: a newcomer need not type it
      name = name || m.name
    }
    memberIds.add(memberId)
  }
  if (b.owner) {
    const o = b.household.ownerId ? await txGet<OwnerDoc>(tx, 'owners', b.household.ownerId) : null
    if (!o) throw new AppError('HOUSEHOLD.NO_OWNER')
    if (o.openid && o.openid !== b.openid) throw new AppError('HOUSEHOLD.OWNER_TAKEN')
    await txPut(tx, 'owners', { ...o, openid: b.openid, updatedAt: b.at })
    ownerIds.add(o._id)
  }
  const granted = withGrant(user, {
    role: 'resident',
    communityId: b.household.communityId,
    streetId: b.household.streetId,
    grantedAt: b.at,
    grantedBy: b.grantedBy,
  })
  await txPut(tx, 'users', {
    ...granted,
    name,
    householdIds: [...new Set([...granted.householdIds, b.household._id])],
    memberIds: [...memberIds],
    ownerIds: [...ownerIds],
    updatedAt: b.at,
  })
}

export const bind = (b: Binding) => runTransaction((tx) => bindInTx(tx, b))

/** Undoes a member's binding (staff correcting a mistake, or the member removed from the register). */
export async function unbindMember(member: MemberDoc, at: string): Promise<void> {
  await runTransaction(async (tx) => {
    const m = await txGet<MemberDoc>(tx, 'members', member._id)
    if (!m?.openid) return
    const user = await txGet<UserDoc>(tx, 'users', m.openid)
    if (user) await txPut(tx, 'users', { ...user, memberIds: (user.memberIds ?? []).filter((x) => x !== m._id), updatedAt: at })
    await txPut(tx, 'members', { ...m, openid: null, updatedAt: at })
  })
}

// changes decided by the users domain's pure rules -----------------------------------------------------------------

/**
 * Redeems an invite in one transaction: reads the invite, the person and the invite's grid, asks `decide` (the
 * domain's `redeem`), writes what it answers. A code is never spent without the role, and of two people redeeming one
 * code at once exactly one succeeds.
 */
export const changeInvite = (code: string, openid: string, decide: (s: Redemption) => { invite: InviteDoc; user: UserDoc; grid: GridDoc | null }) =>
  runTransaction(async (tx) => {
    const invite = await txGet<InviteDoc>(tx, 'invites', code)
    const user = await txGet<UserDoc>(tx, 'users', openid)
    const grid = invite?.gridId ? await txGet<GridDoc>(tx, 'grids', invite.gridId) : null
    const next = decide({ invite, user, grid })
    await txPut(tx, 'users', next.user)
    await txPut(tx, 'invites', next.invite)
    if (next.grid) await txPut(tx, 'grids', next.grid)
    return next
  })

/** Changes a person's roles and the grids that name them in one transaction, as `decide` (the domain's `revoke`) says. */
export const changeRoles = (openid: string, gridIds: string[], decide: (user: UserDoc | null, grids: GridDoc[]) => { user: UserDoc; grids: GridDoc[] }) =>
  runTransaction(async (tx) => {
    const user = await txGet<UserDoc>(tx, 'users', openid)
    const grids: GridDoc[] = []
    for (const id of gridIds) {
      const grid = await txGet<GridDoc>(tx, 'grids', id)
      if (grid) grids.push(grid)
    }
    const next = decide(user, grids)
    await txPut(tx, 'users', next.user)
    for (const grid of next.grids) await txPut(tx, 'grids', grid)
    return next.user
  })

/**
 * Decides a binding request and, when `decide` answers a binding, binds the person, together or not at all: of two
 * staff deciding at once, one decides and the other is refused by `decide` on the request it re-reads.
 */
export const changeBindingRequest = (id: string, decide: (current: BindingRequestDoc | null) => { request: BindingRequestDoc; binding: Binding | null }) =>
  runTransaction(async (tx) => {
    const next = decide(await txGet<BindingRequestDoc>(tx, 'bindingRequests', id))
    await txPut(tx, 'bindingRequests', next.request)
    if (next.binding) await bindInTx(tx, next.binding)
    return next.request
  })
