import type { BuildingDoc, BuildingView, Community, CommunityView, GridDoc, GridView, StreetDoc, UnitDoc, UnitView } from '../../types'

export const communityView = (c: Pick<Community, '_id' | 'streetId' | 'name'>, street: StreetDoc | null): CommunityView => ({
  id: c._id,
  name: c.name,
  streetId: c.streetId,
  streetName: street?.name ?? '',
})

export const unitView = (u: UnitDoc): UnitView => ({ id: u._id, name: u.name, code: u.code })

export const buildingView = (b: BuildingDoc, units: UnitDoc[]): BuildingView => ({
  id: b._id,
  name: b.name,
  gridId: b.gridId,
  units: units.filter((u) => u.buildingId === b._id).map(unitView),
})

export const gridView = (g: GridDoc, buildings: BuildingDoc[]): GridView => ({
  id: g._id,
  name: g.name,
  leaderOpenid: g.leaderOpenid,
  memberOpenids: g.memberOpenids,
  buildingIds: buildings.filter((b) => b.gridId === g._id).map((b) => b._id),
})

export { naturalSort } from '../_core/domain/places'
