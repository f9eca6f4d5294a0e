import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { findAll } from '../../cloudfunctions/_core/repos/base'
import { bindUrlPrefix } from '../../cloudfunctions/qrcodes/actions/bindNotices'
import { demoIds } from '../../local/demo'
import { pdfText, rasterize, zbar } from '../qr/pdf-tools'
import { P, XINGFU, as, errorCode, ok, useWorld } from '../support/world'

const world = useWorld()

describe('qrcodes.sheet', () => {
  it('when staff ask for the sheet of one building, then a PDF of its units is stored and a link to it is returned', async () => {
    const sheet = ok(await as(P.staff)('qrcodes', 'sheet', { communityId: XINGFU, buildingId: demoIds.building(XINGFU, 2) }))
    expect(sheet).toMatchObject({ units: 2, pages: 1 })
    expect(sheet.url).toMatch(/^https?:\/\/.+\/private\/qr\/c-xingfu\/[0-9a-f]{32}\.pdf\?expires=\d+&sig=[0-9a-f]{64}$/)
    expect(world.stored(sheet.fileID)?.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('when the chosen building has no units, then PLACE.NOT_FOUND explains there is nothing to print', async () => {
    const building = ok(await as(P.staff)('places', 'createBuilding', { communityId: XINGFU, name: '临时楼', units: 1 }))
    const answer = await as(P.staff)('qrcodes', 'sheet', { communityId: XINGFU, buildingId: 'no-such-building' })
    expect(errorCode(answer)).toBe('PLACE.NOT_FOUND')
    expect(ok(await as(P.staff)('qrcodes', 'sheet', { communityId: XINGFU, buildingId: building.id })).units).toBe(1)
  })
})

describe('qrcodes.miniCode', () => {
  it('when staff ask for a mini-program code of a unit, then the stored image carries the place code as the scene of the report page', async () => {
    const code = ok(await as(P.staff)('qrcodes', 'miniCode', { unitId: demoIds.unit(XINGFU, 2, 2) }))
    expect(code.scene).toBe(demoIds.unitCode(XINGFU, 2, 2))
    const png = PNG.sync.read(world.stored(code.fileID)!)
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    expect(decoded?.data).toBe(`pages/report/index?scene=${code.scene}`)
  })
})

describe('qrcodes.bindNotices', () => {
  it('when staff print a household’s bind notice, then the PDF carries a new 10-character code and its QR, the new code binds and the old one no longer does', async () => {
    const household = demoIds.household(XINGFU, 2, 1, '402')
    const notice = ok(await as(P.staff)('qrcodes', 'bindNotices', { communityId: XINGFU, householdIds: [household], validDays: 30 }))
    expect(notice).toMatchObject({ households: 1, pages: 1, expiresAt: '2026-12-22T01:00:00.000Z' })
    const dir = mkdtempSync(join(tmpdir(), 'bind-notice-'))
    try {
      const pdf = join(dir, 'notice.pdf')
      writeFileSync(pdf, world.stored(notice.fileID)!)
      const text = pdfText(pdf).replace(/\s+/g, ' ')
      const code = /住户绑定码 ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(text)?.[1]
      expect(code).toBeDefined()
      expect(text).toContain('2栋 1单元 402')
      expect(text).toContain('仅限本户使用 · 2026年12月22日前有效')
      const [page] = rasterize(pdf, dir)
      expect(zbar(page)).toEqual([`${bindUrlPrefix()}${code}`])
      // the old code (the demo's) stopped working; the printed one binds
      expect(errorCode(await as(P.newcomer)('users', 'bindByCode', { code: demoIds.bindCode(household) }))).toBe('HOUSEHOLD.CODE_INVALID')
      expect(ok(await as(P.newcomer)('users', 'bindByCode', { code: code! })).households.map((h) => h.householdId)).toEqual([household])
      // the code is stored nowhere as such
      expect(JSON.stringify(await findAll('households', { _id: household }))).not.toContain(code!.replace('-', ''))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('when staff of another community name a household of 幸福社区, then it is not found and no code changes', async () => {
    const household = demoIds.household(XINGFU, 2, 1, '402')
    expect(errorCode(await as('dev-staff-heping')('qrcodes', 'bindNotices', { communityId: 'c-heping', householdIds: [household] }))).toBe(
      'HOUSEHOLD.NOT_FOUND',
    )
    ok(await as(P.newcomer)('users', 'householdByCode', { code: demoIds.bindCode(household) }))
  })
})
