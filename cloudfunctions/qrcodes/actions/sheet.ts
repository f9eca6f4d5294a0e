import { AppError, type qrcodesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { storage } from '../../_core/cloud'
import { newId } from '../../_core/ids'
import { buildingsOf, findStreet, unitsOfCommunity } from '../../_core/repos/places'
import { SHEET_LAYOUT, renderQrSheet } from '../qrsheet'

/** Where a stairwell code's URL points; registered in the mini-program admin ("扫普通链接二维码打开小程序"). */
export const qrUrlPrefix = (): string => process.env.QR_URL_PREFIX || 'https://qr.example.invalid/s/'

/** The sheet is stored privately under a random name and answered as a short-lived link, as bind notices are. */
export const sheet: Handler<typeof qrcodesContract.actions.sheet> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const [buildings, units, street] = await Promise.all([buildingsOf(community._id), unitsOfCommunity(community._id), findStreet(community.streetId)])
  const names = new Map(buildings.map((b) => [b._id, b.name]))
  const chosen = units.filter((u) => !input.buildingId || u.buildingId === input.buildingId)
  if (!chosen.length) throw new AppError('PLACE.NOT_FOUND', '没有可打印的楼道码，请先添加楼栋和单元')
  const pdf = await renderQrSheet({
    communityName: community.name,
    streetName: street?.name,
    urlPrefix: qrUrlPrefix(),
    units: chosen.map((u) => ({ buildingName: names.get(u.buildingId) ?? '', unitName: u.name, code: u.code })),
  })
  const { fileID } = await storage.uploadFile({ cloudPath: `private/qr/${community._id}/${newId()}.pdf`, fileContent: Buffer.from(pdf) })
  const [file] = await storage.getTempFileURL([fileID])
  const pages = Math.ceil(chosen.length / (SHEET_LAYOUT.cols * SHEET_LAYOUT.rows))
  return { fileID, url: file.tempFileURL, units: chosen.length, pages }
}
