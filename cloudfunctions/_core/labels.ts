import type { HouseholdDoc } from '../../types'
import { findBuildings, findUnits } from './repos/places'

/** "3栋 2单元 301" for each household, read in three batched queries. */
export async function householdLabels(households: HouseholdDoc[]): Promise<Map<string, { building: string; unit: string; label: string }>> {
  const [buildings, units] = await Promise.all([findBuildings(households.map((h) => h.buildingId)), findUnits(households.map((h) => h.unitId))])
  const bName = new Map(buildings.map((b) => [b._id, b.name]))
  const uName = new Map(units.map((u) => [u._id, u.name]))
  return new Map(
    households.map((h) => {
      const building = bName.get(h.buildingId) ?? ''
      const unit = uName.get(h.unitId) ?? ''
      return [h._id, { building, unit, label: `${building} ${unit} ${h.room}`.trim() }]
    }),
  )
}
