import { AppError, type sheetsContract } from '../../../types'
import { storage } from '../../_core/cloud'
import type { Handler } from '../../_core/serve'
import { importRegisterRows } from '../../_core/workflows/registerImport'
import { readTable } from '../workbook'

/**
 * The household register from the table staff uploaded (serve has checked the file is in their own folder): .xlsx
 * or CSV, every bad row reported by sheet and line, nothing half-imported. Once imported, the uploaded copy — names,
 * birth dates and phones — is deleted: the register is where they are kept.
 */
export const importRegister: Handler<typeof sheetsContract.actions.importRegister> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  let bytes: Buffer
  try {
    bytes = await storage.downloadFile(input.fileID)
  } catch {
    throw new AppError('IMPORT.FILE_UNREADABLE', '没有读到上传的文件，请重新选择')
  }
  const result = await importRegisterRows(community, await readTable(bytes), ctx.now)
  await storage.deleteFile([input.fileID]).catch((e) => console.warn(`[${ctx.requestId}] uploaded register not deleted: ${(e as Error).message}`))
  return result
}
