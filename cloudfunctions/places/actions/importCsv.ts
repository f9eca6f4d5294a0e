import { AppError, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { newId, readableCode } from '../../_core/ids'
import { findAll } from '../../_core/repos/base'
import { buildingsOf, insertImport, unitsOfCommunity } from '../../_core/repos/places'
import { planImport } from '../importPlan'

/** Buildings, units and households from a spreadsheet: every bad row reported by line, and nothing half-imported. */
export const importCsv: Handler<typeof placesContract.actions.importCsv> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const [buildings, units, households] = await Promise.all([
    buildingsOf(community._id),
    unitsOfCommunity(community._id),
    findAll<{ unitId: string; room: string }>('households', { communityId: community._id }, [], 200_000),
  ])
  const plan = planImport(
    input.csv,
    community,
    { buildings, units, households },
    { id: newId, placeCode: () => readableCode(8), bindCode: () => readableCode(6) },
    ctx.now.toISOString(),
  )
  if (!plan.ok) throw new AppError(plan.code, undefined, plan.issues)
  await insertImport(plan.docs)
  return { buildings: plan.docs.buildings.length, units: plan.docs.units.length, households: plan.docs.households.length }
}
