import { parseSettings } from '../../../types/settings'
import type { BuildingDoc, Community, CommunityDoc, GridDoc, HouseholdDoc, MemberDoc, OwnerDoc, Paged, StreetDoc, UnitDoc } from '../../../types'
import { bindCodeHash } from '../ids'
import { collection, command, defined, findAll, getById, isDuplicateKey, literal, pattern, runTransaction, type CollectionName, type Tx } from './base'

export const findStreet = (id: string) => getById<StreetDoc>('streets', id)
/** A community read with its settings parsed, once, here: the rest of the code holds `CommunitySettings`. */
const parsed = <T extends Pick<CommunityDoc, 'settings'>>(c: T): Omit<T, 'settings'> & { settings: Community['settings'] } => ({
  ...c,
  settings: parseSettings(c.settings),
})

export const findCommunity = async (id: string): Promise<Community | null> => {
  const c = await getById<CommunityDoc>('communities', id)
  return c && parsed(c)
}
export const findGrid = (id: string) => getById<GridDoc>('grids', id)
export const findBuilding = (id: string) => getById<BuildingDoc>('buildings', id)
export const findUnit = (id: string) => getById<UnitDoc>('units', id)
export const findHousehold = (id: string) => getById<HouseholdDoc>('households', id)

// Bounds of the reads below (findAll is loud past them): a deployment has a few streets, a street a few dozen
// communities, a community dozens of grids and a few hundred buildings and units, a stairwell unit under 200 rooms.
export const allStreets = () => findAll<StreetDoc>('streets', {}, [{ field: 'name', order: 'asc' }])
export const communitiesOf = async (streetId?: string): Promise<Community[]> =>
  (await findAll<CommunityDoc>('communities', streetId ? defined({ streetId }) : {}, [{ field: 'name', order: 'asc' }])).map(parsed)
export const findCommunities = async (ids: string[]): Promise<Community[]> =>
  ids.length ? (await findAll<CommunityDoc>('communities', { _id: command().in([...new Set(ids)]) })).map(parsed) : []

export const gridsOf = (communityId: string) => findAll<GridDoc>('grids', defined({ communityId }), [{ field: 'createdAt', order: 'asc' }])
export const buildingsOf = (communityId: string) =>
  findAll<BuildingDoc>('buildings', defined({ communityId }), [
    { field: 'sort', order: 'asc' },
    { field: 'name', order: 'asc' },
  ])
export const unitsOfCommunity = (communityId: string) => findAll<UnitDoc>('units', defined({ communityId }), [{ field: 'sort', order: 'asc' }])
export const unitsOfBuilding = (buildingId: string) => findAll<UnitDoc>('units', defined({ buildingId }), [{ field: 'sort', order: 'asc' }])
export const householdsOfUnit = (unitId: string) => findAll<HouseholdDoc>('households', defined({ unitId }), [{ field: 'room', order: 'asc' }])
export const findHouseholds = async (ids: string[]) => (ids.length ? findAll<HouseholdDoc>('households', { _id: command().in([...new Set(ids)]) }) : [])
export const findBuildings = async (ids: string[]) => (ids.length ? findAll<BuildingDoc>('buildings', { _id: command().in([...new Set(ids)]) }) : [])
export const findUnits = async (ids: string[]) => (ids.length ? findAll<UnitDoc>('units', { _id: command().in([...new Set(ids)]) }) : [])

export async function findUnitByCode(code: string): Promise<UnitDoc | null> {
  const res = await collection('units').where(defined({ code })).limit(1).get()
  return ((res.data ?? [])[0] as UnitDoc | undefined) ?? null
}

/** The household whose printed code this is, if the code has not expired or been revoked (two matches: neither). */
export async function findHouseholdByBindCode(code: string, now: Date): Promise<HouseholdDoc | null> {
  const res = await collection('households')
    .where({ bindCodeHash: bindCodeHash(code), bindCodeExpiresAt: command().gt(now.toISOString()) })
    .limit(2)
    .get()
  const rows = (res.data ?? []) as HouseholdDoc[]
  return rows.length === 1 ? rows[0] : null
}

/** Gives households new bind codes (the old ones stop working), valid until `expiresAt`. */
export async function issueBindCodes(codes: { householdId: string; hash: string }[], expiresAt: string): Promise<void> {
  for (let i = 0; i < codes.length; i += 50) {
    await Promise.all(
      codes.slice(i, i + 50).map((c) => collection('households').doc(c.householdId).update({ bindCodeHash: c.hash, bindCodeExpiresAt: expiresAt })),
    )
  }
}

export async function buildingNamed(communityId: string, name: string): Promise<BuildingDoc | null> {
  const res = await collection('buildings').where(defined({ communityId, name })).limit(1).get()
  return ((res.data ?? [])[0] as BuildingDoc | undefined) ?? null
}

export async function householdsPage(
  filter: { communityId: string; buildingId?: string; unitId?: string; q?: string },
  paging: { page: number; pageSize: number },
): Promise<Paged<HouseholdDoc>> {
  const _ = command()
  const where: Record<string, unknown> = defined({ communityId: filter.communityId })
  if (filter.buildingId) where.buildingId = filter.buildingId
  if (filter.unitId) where.unitId = filter.unitId
  // a room number or the head's name, as staff look a household up
  const q = filter.q ? pattern(literal(filter.q)) : null
  const query = (q ? _.and([where, _.or([{ room: q }, { holderName: q }])]) : where) as object
  const [rows, count] = await Promise.all([
    collection('households')
      .where(query)
      .orderBy('buildingId', 'asc')
      .orderBy('room', 'asc')
      .skip((paging.page - 1) * paging.pageSize)
      .limit(paging.pageSize)
      .get(),
    collection('households').where(query).count(),
  ])
  return { items: (rows.data ?? []) as HouseholdDoc[], ...paging, total: count.total ?? 0 }
}

export const insertGrid = (doc: GridDoc) => collection('grids').add(doc)
export const updateGrid = (id: string, fields: Partial<GridDoc>) => collection('grids').doc(id).update(fields)
export const insertBuilding = (doc: BuildingDoc) => collection('buildings').add(doc)
export const updateBuilding = (id: string, fields: Partial<BuildingDoc>) => collection('buildings').doc(id).update(fields)
export const insertUnit = (doc: UnitDoc) => collection('units').add(doc)

/** Documents per insert request: CloudBase takes an array in one `add`, inside a transaction too. */
const BATCH = 500

async function addInBatches(tx: Tx, name: CollectionName, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) await tx.collection(name).add(docs.slice(i, i + BATCH))
}

/**
 * Writes a whole register import in one transaction: either every building, unit, household, member and owner lands,
 * or none does. Batched inserts keep a 3 000-household register to a few dozen requests, well inside a transaction's
 * lifetime on CloudBase.
 */
export async function insertImport(docs: {
  buildings: BuildingDoc[]
  units: UnitDoc[]
  households: HouseholdDoc[]
  members: MemberDoc[]
  owners: OwnerDoc[]
}): Promise<void> {
  await runTransaction(async (tx) => {
    await addInBatches(tx, 'buildings', docs.buildings)
    await addInBatches(tx, 'units', docs.units)
    await addInBatches(tx, 'owners', docs.owners)
    await addInBatches(tx, 'households', docs.households)
    await addInBatches(tx, 'members', docs.members)
  })
}

/**
 * Every community's settings, for the timers. One environment serves one deployment (a street, a district, a city:
 * a few thousand communities at most), so 100 000 is never reached; if it were, the read fails loudly rather than
 * skipping communities' settings.
 */
export const allCommunitySettings = async () =>
  (await findAll<Pick<CommunityDoc, '_id' | 'settings'>>('communities', {}, [], 100_000, { _id: true, settings: true })).map(parsed)

/** Adds the community; false when another one of the street already has the name (the unique index says so). */
export async function insertCommunity(doc: CommunityDoc): Promise<boolean> {
  try {
    await collection('communities').add(doc)
    return true
  } catch (e) {
    if (isDuplicateKey(e)) return false
    throw e
  }
}
/** Renames the community; false when another community already has the name. */
export async function renameCommunity(id: string, name: string): Promise<boolean> {
  try {
    await collection('communities').doc(id).update({ name })
    return true
  } catch (e) {
    if (isDuplicateKey(e)) return false
    throw e
  }
}
/** A building and its units, written together or not at all. */
export const insertBuildingWithUnits = (building: BuildingDoc, units: UnitDoc[]) =>
  runTransaction(async (tx) => {
    await tx.collection('buildings').add(building)
    for (const u of units) await tx.collection('units').add(u)
  })
/** One community setting, leaving the others as they are. */
export const setCommunitySetting = (id: string, key: string, value: unknown) =>
  collection('communities')
    .doc(id)
    .update({ [`settings.${key}`]: value })

// The register: members and owners ---------------------------------------------------------------------------------

/** A community's whole register, for rolls: 3 000 households hold about 9 000 people. */
const REGISTER_MAX = 200_000

export const findMember = (id: string) => getById<MemberDoc>('members', id)
export const membersOfHousehold = (householdId: string) => findAll<MemberDoc>('members', defined({ householdId }), [{ field: 'createdAt', order: 'asc' }], 200)
export const membersOfHouseholds = async (ids: string[]): Promise<MemberDoc[]> =>
  ids.length ? findAll<MemberDoc>('members', { householdId: command().in([...new Set(ids)]) }, [], ids.length * 200) : []
/** Members of a community, or of its chosen buildings. */
export const membersOf = (communityId: string, buildingIds: string[] = []) =>
  findAll<MemberDoc>(
    'members',
    { ...defined({ communityId }), ...(buildingIds.length ? { buildingId: command().in(buildingIds) } : {}) },
    [{ field: '_id', order: 'asc' }],
    REGISTER_MAX,
  )
export const insertMember = (doc: MemberDoc) => collection('members').add(doc)
export const updateMember = (id: string, fields: Partial<Omit<MemberDoc, '_id'>>) => collection('members').doc(id).update(fields)
export const removeMember = (id: string) => collection('members').doc(id).remove()

/** Households of a community, or of its chosen buildings (rolls). */
export const householdsOf = (communityId: string, buildingIds: string[] = []) =>
  findAll<HouseholdDoc>(
    'households',
    { ...defined({ communityId }), ...(buildingIds.length ? { buildingId: command().in(buildingIds) } : {}) },
    [{ field: '_id', order: 'asc' }],
    REGISTER_MAX,
  )
export const householdsOfOwner = (ownerId: string) => findAll<HouseholdDoc>('households', defined({ ownerId }), [{ field: '_id', order: 'asc' }], REGISTER_MAX)
export const updateHousehold = (id: string, fields: Partial<Omit<HouseholdDoc, '_id'>>) => collection('households').doc(id).update(fields)

export const findOwners = async (ids: string[]): Promise<OwnerDoc[]> =>
  ids.length ? findAll<OwnerDoc>('owners', { _id: command().in([...new Set(ids)]) }, [], ids.length) : []
export const ownersOf = (communityId: string) => findAll<OwnerDoc>('owners', defined({ communityId }), [{ field: '_id', order: 'asc' }], REGISTER_MAX)
export async function ownerByKey(communityId: string, key: string): Promise<OwnerDoc | null> {
  const res = await collection('owners').where(defined({ communityId, key })).limit(1).get()
  return ((res.data ?? [])[0] as OwnerDoc | undefined) ?? null
}
/** Adds an owner identity; when another request added the same one first (unique community + key), answers that one. */
export async function ensureOwner(doc: OwnerDoc): Promise<OwnerDoc> {
  try {
    await collection('owners').add(doc)
    return doc
  } catch (e) {
    const existing = await ownerByKey(doc.communityId, doc.key)
    if (!existing) throw e
    return existing
  }
}
