import { AppError, MAX_IMPORT_FILE_BYTES, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { storage } from '../../_core/cloud'
import { decodeText, parseCsv } from '../../_core/tables/csv'
import { importRegisterRows } from '../../_core/workflows/registerImport'

/** The file's text: sent as text from a browser, or uploaded to storage from the mini-program (UTF-8 or GBK). */
async function textOf(input: { csv?: string; fileID?: string }): Promise<string> {
  if (input.csv !== undefined) return input.csv
  let bytes: Buffer
  try {
    bytes = await storage.downloadFile(input.fileID!)
  } catch {
    throw new AppError('IMPORT.FILE_UNREADABLE', '没有读到上传的文件，请重新选择')
  }
  if (bytes.length > MAX_IMPORT_FILE_BYTES) throw new AppError('IMPORT.TOO_LARGE')
  const text = decodeText(bytes)
  if (text === null) throw new AppError('IMPORT.FILE_UNREADABLE')
  return text
}

/**
 * The household register from a CSV table: every bad row reported by line, and nothing half-imported. Excel
 * workbooks are read by the `sheets` function (sheets.importRegister), which shares the plan and the write.
 */
export const importCsv: Handler<typeof placesContract.actions.importCsv> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const rows = parseCsv(await textOf(input)).map((r) => ({ sheet: null, ...r }))
  return importRegisterRows(community, rows, ctx.now)
}
