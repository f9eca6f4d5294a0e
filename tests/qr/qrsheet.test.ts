import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import QRCode from 'qrcode'
import {
  CARDS_PER_PAGE,
  SHEET_LAYOUT,
  SLOGAN,
  cardRect,
  qrRect,
  quietZoneFor,
  renderQrSheet,
  sortUnits,
  unitLabel,
  type QrSheetUnit,
} from '../../cloudfunctions/qrcodes/qrsheet'
import { DPI, crop, inkInRing, jsqr, pdfInfo, pdfText, rasterize, readPng, requireTool, writePgm, zbar } from './pdf-tools'

const PREFIX = 'https://wx.example.gov.cn/s/'
const COMMUNITY = '幸福里社区'
const STREET = '锦江街道'

// 14 stairwells in three buildings, deliberately out of order (10栋 before 2栋 in the input).
const UNITS: QrSheetUnit[] = [
  ...[3, 1, 5, 2, 4].map((u) => ({ buildingName: '10栋', unitName: `${u}单元`, code: `XF10U${u}K` })),
  ...[2, 1, 4, 3, 5].map((u) => ({ buildingName: '2栋', unitName: `${u}单元`, code: `XF02U${u}Q` })),
  ...[1, 3, 2, 4].map((u) => ({ buildingName: '1栋', unitName: `${u}单元`, code: `XF01U${u}M` })),
]
const EXPECTED_ORDER = [
  ...[1, 2, 3, 4].map((u) => `1栋 ${u}单元`),
  ...[1, 2, 3, 4, 5].map((u) => `2栋 ${u}单元`),
  ...[1, 2, 3, 4, 5].map((u) => `10栋 ${u}单元`),
]
const byLabel = new Map(UNITS.map((u) => [unitLabel(u), u]))
const squash = (s: string) => s.replace(/\s+/g, '')

let dir: string
let pdfPath: string
let pages: string[]
let renderMs: number

beforeAll(async () => {
  for (const tool of ['pdftoppm', 'pdftotext', 'pdfinfo', 'zbarimg']) requireTool(tool)
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qrsheet-'))
  const t0 = Date.now()
  const pdf = await renderQrSheet({ communityName: COMMUNITY, streetName: STREET, urlPrefix: PREFIX, units: UNITS })
  renderMs = Date.now() - t0
  pdfPath = path.join(dir, 'sheet.pdf')
  fs.writeFileSync(pdfPath, pdf)
  pages = rasterize(pdfPath, dir)
}, 60_000)

afterAll(() => {
  if (dir && !process.env.KEEP_QR_SHEET) fs.rmSync(dir, { recursive: true, force: true })
})

describe('the stairwell QR sheet', () => {
  it('is an A4 PDF with four cards a page, so 14 units fill 4 pages', () => {
    const info = pdfInfo(pdfPath)
    expect(Number(info.Pages)).toBe(Math.ceil(UNITS.length / CARDS_PER_PAGE))
    expect(Number(info.Pages)).toBe(4)
    expect(info['Page size']).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/)
    expect(pages).toHaveLength(4)
    expect(renderMs).toBeLessThan(10_000)
  })

  it('numbers its pages in Chinese in the bottom margin', () => {
    for (let p = 1; p <= 4; p++) expect(squash(pdfText(pdfPath, p))).toContain(squash(`第 ${p} / 4 页`))
  })

  it('carries extractable Chinese text: community, street, every label, every code and the slogan', () => {
    const text = squash(pdfText(pdfPath))
    expect(text).toContain(COMMUNITY)
    expect(text).toContain(STREET)
    expect(text).toContain(SLOGAN)
    for (const u of UNITS) {
      expect(text).toContain(squash(unitLabel(u)))
      expect(text).toContain(u.code)
    }
  })

  it('decodes with zbar to exactly the set of unit URLs, each once', () => {
    const decoded = pages.flatMap((png) => zbar(png))
    expect(decoded.slice().sort()).toEqual(UNITS.map((u) => `${PREFIX}${u.code}`).sort())
  })

  it("puts on every card a QR that decodes (zbar and jsQR) to that card's own unit, in natural order", () => {
    const labels: string[] = []
    pages.forEach((png, p) => {
      const img = readPng(png)
      for (let slot = 0; slot < CARDS_PER_PAGE; slot++) {
        const rect = cardRect(slot)
        const text = pdfText(pdfPath, p + 1, rect)
        const onCard = EXPECTED_ORDER.filter((l) => squash(text).includes(squash(l)))
        const label = onCard.length === 1 ? onCard[0] : undefined
        const index = p * CARDS_PER_PAGE + slot
        if (index >= UNITS.length) {
          // trailing empty slots stay blank (only the page footer may run into the bottom margin)
          expect(onCard).toEqual([])
          expect(text).not.toMatch(/编码|扫一扫/)
          expect(zbar(writeCrop(img, rect, `empty-${p}-${slot}.pgm`))).toEqual([])
          continue
        }
        expect(label).toBeDefined()
        const unit = byLabel.get(label!)!
        const url = `${PREFIX}${unit.code}`
        expect(squash(text)).toContain(unit.code)
        const card = crop(img, rect)
        expect(jsqr(card)?.data).toBe(url)
        expect(zbar(writeCrop(img, rect, `card-${p}-${slot}.pgm`))).toEqual([url])
        labels.push(label!)
      }
    })
    expect(labels).toEqual(EXPECTED_ORDER)
  })

  it('prints every QR at least 5 cm wide (measured by the decoder) with a blank quiet zone of 4 modules', () => {
    const pxPerMm = DPI / 25.4
    pages.forEach((png, p) => {
      const img = readPng(png)
      for (let slot = 0; slot < CARDS_PER_PAGE && p * CARDS_PER_PAGE + slot < UNITS.length; slot++) {
        const found = jsqr(crop(img, cardRect(slot)))!
        const { topLeftCorner: tl, topRightCorner: tr, bottomLeftCorner: bl } = found.location
        expect(Math.hypot(tr.x - tl.x, tr.y - tl.y) / pxPerMm).toBeGreaterThanOrEqual(50)
        expect(Math.hypot(bl.x - tl.x, bl.y - tl.y) / pxPerMm).toBeGreaterThanOrEqual(50)

        const modules = QRCode.create(found.data, { errorCorrectionLevel: SHEET_LAYOUT.errorCorrectionLevel }).modules.size
        const q = quietZoneFor(modules)
        expect(q).toBeGreaterThanOrEqual((4 * SHEET_LAYOUT.qrSize) / modules - 1e-9)
        const inner = qrRect(slot)
        const outer = { x: inner.x - q, y: inner.y - q, width: inner.width + 2 * q, height: inner.height + 2 * q }
        expect(inkInRing(img, inner, outer)).toBe(0)
      }
    })
  })
})

describe('ordering and robustness', () => {
  it('sorts units naturally: 2栋 before 10栋 and 2单元 before 10单元', () => {
    const sorted = sortUnits([
      { buildingName: '10栋', unitName: '1单元', code: 'a' },
      { buildingName: '2栋', unitName: '10单元', code: 'b' },
      { buildingName: '2栋', unitName: '2单元', code: 'c' },
      { buildingName: '1栋', unitName: '1单元', code: 'd' },
    ])
    expect(sorted.map(unitLabel)).toEqual(['1栋 1单元', '2栋 2单元', '2栋 10单元', '10栋 1单元'])
  })

  it('refuses an empty list and duplicate codes', async () => {
    await expect(renderQrSheet({ communityName: COMMUNITY, urlPrefix: PREFIX, units: [] })).rejects.toThrow(/no units/)
    const u = { buildingName: '1栋', unitName: '1单元', code: 'DUP' }
    await expect(renderQrSheet({ communityName: COMMUNITY, urlPrefix: PREFIX, units: [u, { ...u, unitName: '2单元' }] })).rejects.toThrow(/duplicate code DUP/)
  })

  it('still renders when a name has a character the font lacks, and keeps long names on the card', async () => {
    const pdf = await renderQrSheet({
      communityName: '𬌗庄社区（东区）第一网格党群服务中心联系点',
      urlPrefix: PREFIX,
      units: [{ buildingName: '金色港湾北苑商住综合楼12号楼', unitName: '东侧3单元', code: 'LONG1' }],
    })
    const file = path.join(dir, 'long.pdf')
    fs.writeFileSync(file, pdf)
    const text = squash(pdfText(file, 1, cardRect(0)))
    expect(text).toContain('庄社区')
    expect(text).toContain('东侧3单元')
    const sub = fs.mkdtempSync(path.join(dir, 'long-'))
    expect(zbar(rasterize(file, sub)[0])).toEqual([`${PREFIX}LONG1`])
  })

  it('renders 200 units (50 pages) in a few seconds', async () => {
    const many: QrSheetUnit[] = []
    for (let b = 1; many.length < 200; b++)
      for (let u = 1; u <= 6 && many.length < 200; u++) many.push({ buildingName: `${b}栋`, unitName: `${u}单元`, code: `B${b}U${u}X7Q2` })
    const t0 = Date.now()
    const pdf = await renderQrSheet({ communityName: COMMUNITY, streetName: STREET, urlPrefix: PREFIX, units: many })
    const ms = Date.now() - t0
    const file = path.join(dir, 'many.pdf')
    fs.writeFileSync(file, pdf)
    expect(Number(pdfInfo(file).Pages)).toBe(50)
    console.log(`renderQrSheet: 200 units → 50 pages, ${(pdf.length / 1024).toFixed(0)} KiB in ${ms} ms`)
    expect(ms).toBeLessThan(20_000)
  }, 60_000)
})

function writeCrop(img: ReturnType<typeof readPng>, rect: ReturnType<typeof cardRect>, name: string): string {
  const file = path.join(dir, name)
  writePgm(crop(img, rect), file)
  return file
}
