import { AppError, type Community, type ImportResult } from '../../../types'
import { planImport, type TableRow } from '../domain/registerImport'
import { newId, readableCode } from '../ids'
import { buildingsOf, householdsOf, insertImport, ownersOf, unitsOfCommunity } from '../repos/places'

/**
 * Imports a register table into a community, whatever file it came from (a CSV's rows, an Excel workbook's sheets):
 * every bad row reported by sheet and line and nothing written, or everything written in one transaction.
 */
export async function importRegisterRows(community: Community, rows: TableRow[], now: Date): Promise<ImportResult> {
  const [buildings, units, households, owners] = await Promise.all([
    buildingsOf(community._id),
    unitsOfCommunity(community._id),
    householdsOf(community._id),
    ownersOf(community._id),
  ])
  const plan = planImport(rows, community, { buildings, units, households, owners }, { id: newId, placeCode: () => readableCode(8) }, now.toISOString())
  if (!plan.ok) throw new AppError(plan.code, undefined, plan.issues)
  await insertImport(plan.docs)
  const d = plan.docs
  return {
    buildings: d.buildings.length,
    units: d.units.length,
    households: d.households.length,
    members: d.members.length,
    owners: d.owners.length,
    warnings: plan.warnings,
  }
}
