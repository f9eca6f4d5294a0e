import { AppError, type qrcodesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { storage } from '../../_core/cloud'
import { findUnit } from '../../_core/repos/places'
import { wx } from '../../_core/wx'

/** The page a stairwell code opens; it reads the place code from `query.scene`. */
export const REPORT_PAGE = 'pages/report/index'

/**
 * A mini-program code for one stairwell, for communities that print WeChat's round codes instead of plain QR
 * codes. The scene is the place code alone (8 characters, well inside WeChat's 32).
 */
export const miniCode: Handler<typeof qrcodesContract.actions.miniCode> = async (input, ctx) => {
  const unit = await findUnit(input.unitId)
  if (!unit) throw new AppError('PLACE.NOT_FOUND', '没有找到该单元')
  await ctx.authorize(unit.communityId)
  const image = await wx().getUnlimitedCode({ scene: unit.code, page: REPORT_PAGE, width: 430 })
  const { fileID } = await storage.uploadFile({ cloudPath: `qr/${unit.communityId}/mini-${unit.code}.png`, fileContent: image })
  const [file] = await storage.getTempFileURL([fileID])
  return { fileID, url: file.tempFileURL, scene: unit.code }
}
