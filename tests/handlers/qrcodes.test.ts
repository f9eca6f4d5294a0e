import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { demoIds } from '../../local/demo'
import { P, XINGFU, as, errorCode, ok, useWorld } from '../support/world'

const world = useWorld()

describe('qrcodes.sheet', () => {
  it('when staff ask for the sheet of one building, then a PDF of its units is stored and a link to it is returned', async () => {
    const sheet = ok(await as(P.staff)('qrcodes', 'sheet', { communityId: XINGFU, buildingId: demoIds.building(XINGFU, 2) }))
    expect(sheet).toMatchObject({ units: 2, pages: 1 })
    expect(sheet.url).toMatch(/^https?:\/\/.+\.pdf$/)
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
