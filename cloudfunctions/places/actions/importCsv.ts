import { AppError, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { storage } from '../../_core/cloud'
import { newId, readableCode } from '../../_core/ids'
import { buildingsOf, householdsOf, insertImport, ownersOf, unitsOfCommunity } from '../../_core/repos/places'
import { decodeText } from '../csv'
import { planImport } from '../importPlan'

/** The file's text: sent as text from a browser, or uploaded to storage from the mini-program (UTF-8 or GBK). */
async function textOf(input: { csv?: string; fileID?: string }): Promise<string> {
  if (input.csv !== undefined) return input.csv
  let bytes: Buffer
  try {
    bytes = await storage.downloadFile(input.fileID!)
  } catch {
    throw new AppError('IMPORT.FILE_UNREADABLE', '没有读到上传的文件，请重新选择')
  }
  if (bytes.length > 8_000_000) throw new AppError('IMPORT.TOO_LARGE')
  const text = decodeText(bytes)
  if (text === null) throw new AppError('IMPORT.FILE_UNREADABLE')
  return text
}

/** The household register from a spreadsheet: every bad row reported by line, and nothing half-imported. */
export const importCsv: Handler<typeof placesContract.actions.importCsv> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const text = await textOf(input)
  const [buildings, units, households, owners] = await Promise.all([
    buildingsOf(community._id),
    unitsOfCommunity(community._id),
    householdsOf(community._id),
    ownersOf(community._id),
  ])
  const plan = planImport(
    text,
    community,
    { buildings, units, households, owners },
    { id: newId, placeCode: () => readableCode(8) },
    ctx.now.toISOString(),
  )
  if (!plan.ok) throw new AppError(plan.code, undefined, plan.issues)
  await insertImport(plan.docs)
  const d = plan.docs
  return { buildings: d.buildings.length, units: d.units.length, households: d.households.length, members: d.members.length, owners: d.owners.length, warnings: plan.warnings }
}
