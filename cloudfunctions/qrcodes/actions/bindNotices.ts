import { AppError, type qrcodesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { storage } from '../../_core/cloud'
import { bindCodeHash, groupCode, newBindCode, newId } from '../../_core/ids'
import { buildingsOf, findHouseholds, findStreet, householdsOf, issueBindCodes, unitsOfCommunity } from '../../_core/repos/places'
import { SHEET_LAYOUT, renderQrSheet } from '../qrsheet'
import { shanghai } from '../../_core/time'
import { qrUrlPrefix } from './sheet'

/** Where a bind notice's QR points: the stairwell prefix's sibling `/b/` (set BIND_URL_PREFIX where it differs). */
export const bindUrlPrefix = (): string => process.env.BIND_URL_PREFIX || qrUrlPrefix().replace(/\/s\/?$/, '/b/')

const DAY = 86_400_000
const shanghaiDate = (iso: string) => shanghai(iso).format('YYYY年M月D日')

/**
 * Bind notices, one card per household: a new code for each (the old one stops working), its QR and its expiry. The
 * codes exist only on this PDF — the database keeps their hashes — so staff hand each card to its household only.
 * The PDF is stored privately and reached through a short-lived link.
 */
export const bindNotices: Handler<typeof qrcodesContract.actions.bindNotices> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const chosen = input.householdIds
    ? (await findHouseholds(input.householdIds)).filter((h) => h.communityId === community._id)
    : await householdsOf(community._id, input.buildingId ? [input.buildingId] : [])
  if (!chosen.length || (input.householdIds && chosen.length !== new Set(input.householdIds).size)) throw new AppError('HOUSEHOLD.NOT_FOUND')
  if (chosen.length > 5000) throw new AppError('INPUT.INVALID', '一次最多打印5000户，请按楼栋分批打印')
  const [buildings, units, street] = await Promise.all([buildingsOf(community._id), unitsOfCommunity(community._id), findStreet(community.streetId)])
  const bName = new Map(buildings.map((b) => [b._id, b.name]))
  const uName = new Map(units.map((u) => [u._id, u.name]))
  const expiresAt = new Date(ctx.now.getTime() + input.validDays * DAY).toISOString()
  const codes = chosen.map((h) => ({ household: h, code: newBindCode() }))
  const until = `仅限本户使用 · ${shanghaiDate(expiresAt)}前有效`
  const pdf = await renderQrSheet({
    communityName: community.name,
    streetName: street?.name,
    urlPrefix: bindUrlPrefix(),
    title: `${community.name} 住户绑定通知`,
    codeLabel: '住户绑定码',
    slogan: until,
    units: codes.map(({ household: h, code }) => ({
      buildingName: bName.get(h.buildingId) ?? '',
      unitName: `${uName.get(h.unitId) ?? ''} ${h.room}`,
      code: groupCode(code),
    })),
  })
  // the codes change only once the notice that carries them exists
  await issueBindCodes(
    codes.map(({ household, code }) => ({ householdId: household._id, hash: bindCodeHash(code) })),
    expiresAt,
  )
  const { fileID } = await storage.uploadFile({ cloudPath: `private/bind/${community._id}/${newId()}.pdf`, fileContent: Buffer.from(pdf) })
  const [file] = await storage.getTempFileURL([fileID])
  return { fileID, url: file.tempFileURL, households: chosen.length, pages: Math.ceil(chosen.length / (SHEET_LAYOUT.cols * SHEET_LAYOUT.rows)), expiresAt }
}
