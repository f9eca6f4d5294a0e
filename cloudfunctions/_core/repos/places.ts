import type { BuildingDoc, CommunityDoc, GridDoc, HouseholdDoc, StreetDoc, UnitDoc } from '../../../types'
import { collection, command, defined, findAll, findPage, getById, runTransaction } from './base'

export const findStreet = (id: string) => getById<StreetDoc>('streets', id)
export const findCommunity = (id: string) => getById<CommunityDoc>('communities', id)
export const findGrid = (id: string) => getById<GridDoc>('grids', id)
export const findBuilding = (id: string) => getById<BuildingDoc>('buildings', id)
export const findUnit = (id: string) => getById<UnitDoc>('units', id)
export const findHousehold = (id: string) => getById<HouseholdDoc>('households', id)

export const allStreets = () => findAll<StreetDoc>('streets', {}, [{ field: 'name', order: 'asc' }])
export const communitiesOf = (streetId?: string) =>
  findAll<CommunityDoc>('communities', streetId ? defined({ streetId }) : {}, [{ field: 'name', order: 'asc' }])
export const findCommunities = async (ids: string[]) =>
  ids.length ? findAll<CommunityDoc>('communities', { _id: command().in([...new Set(ids)]) }) : []

export const gridsOf = (communityId: string) => findAll<GridDoc>('grids', defined({ communityId }), [{ field: 'createdAt', order: 'asc' }])
export const buildingsOf = (communityId: string) =>
  findAll<BuildingDoc>('buildings', defined({ communityId }), [{ field: 'sort', order: 'asc' }, { field: 'name', order: 'asc' }])
export const unitsOfCommunity = (communityId: string) =>
  findAll<UnitDoc>('units', defined({ communityId }), [{ field: 'sort', order: 'asc' }])
export const unitsOfBuilding = (buildingId: string) =>
  findAll<UnitDoc>('units', defined({ buildingId }), [{ field: 'sort', order: 'asc' }])
export const householdsOfUnit = (unitId: string) =>
  findAll<HouseholdDoc>('households', defined({ unitId }), [{ field: 'room', order: 'asc' }])
export const findHouseholds = async (ids: string[]) =>
  ids.length ? findAll<HouseholdDoc>('households', { _id: command().in([...new Set(ids)]) }) : []
export const findBuildings = async (ids: string[]) =>
  ids.length ? findAll<BuildingDoc>('buildings', { _id: command().in([...new Set(ids)]) }) : []
export const findUnits = async (ids: string[]) =>
  ids.length ? findAll<UnitDoc>('units', { _id: command().in([...new Set(ids)]) }) : []

export async function findUnitByCode(code: string): Promise<UnitDoc | null> {
  const res = await collection('units').where(defined({ code })).limit(1).get()
  return ((res.data ?? [])[0] as UnitDoc | undefined) ?? null
}

export async function findHouseholdByBindCode(bindCode: string): Promise<HouseholdDoc | null> {
  const res = await collection('households').where(defined({ bindCode })).limit(1).get()
  return ((res.data ?? [])[0] as HouseholdDoc | undefined) ?? null
}

export async function buildingNamed(communityId: string, name: string): Promise<BuildingDoc | null> {
  const res = await collection('buildings').where(defined({ communityId, name })).limit(1).get()
  return ((res.data ?? [])[0] as BuildingDoc | undefined) ?? null
}

export const householdsPage = (
  filter: { communityId: string; buildingId?: string; unitId?: string },
  paging: { page: number; pageSize: number },
) => {
  const where: Record<string, string> = { communityId: filter.communityId }
  if (filter.buildingId) where.buildingId = filter.buildingId
  if (filter.unitId) where.unitId = filter.unitId
  return findPage<HouseholdDoc>('households', where, [{ field: 'buildingId', order: 'asc' }, { field: 'room', order: 'asc' }], paging)
}

export const insertGrid = (doc: GridDoc) => collection('grids').add(doc)
export const updateGrid = (id: string, fields: Partial<GridDoc>) => collection('grids').doc(id).update(fields)
export const insertBuilding = (doc: BuildingDoc) => collection('buildings').add(doc)
export const updateBuilding = (id: string, fields: Partial<BuildingDoc>) => collection('buildings').doc(id).update(fields)
export const insertUnit = (doc: UnitDoc) => collection('units').add(doc)

/**
 * Writes a whole import in one transaction: either every building, unit and household lands, or none does.
 * (CloudBase transactions take single-document writes only, which is all an import is.)
 */
export async function insertImport(docs: { buildings: BuildingDoc[]; units: UnitDoc[]; households: HouseholdDoc[] }): Promise<void> {
  await runTransaction(async (tx) => {
    for (const b of docs.buildings) await tx.collection('buildings').add(b)
    for (const u of docs.units) await tx.collection('units').add(u)
    for (const h of docs.households) await tx.collection('households').add(h)
  })
}

export const insertCommunity = (doc: CommunityDoc) => collection('communities').add(doc)
export const updateCommunity = (id: string, fields: Partial<CommunityDoc>) => collection('communities').doc(id).update(fields)
