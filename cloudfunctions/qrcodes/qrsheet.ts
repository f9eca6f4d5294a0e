/**
 * Printable A4 sheet of stairwell QR cards (扫码报事 "码上办事").
 *
 * Layout: four A6 cards per A4 page (2 × 2; two straight cuts along the dashed lines give four A6 signs). Each card:
 * a red band with the street / community, the big label "<楼栋> <单元>", a plain QR of `${urlPrefix}${code}` drawn as
 * vector squares (error correction M, ≥ 4-module quiet zone, dark area 66 mm — well above the 5 cm needed to scan from
 * 1 m), the human-readable code and the line "微信扫一扫，楼道问题随手报". Pages carry "第 n / N 页" in the bottom margin.
 *
 * The geometry is exported (SHEET_LAYOUT, cardRect, qrRect) so tests and tooling can crop a card of a rendered page.
 */
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib'
import fontkit from '@pdf-lib/fontkit'
import QRCode from 'qrcode'
import { drawQrModules, inBold } from './pdfParts'
import { loadSheetFont } from './qrsheet-font'

export interface QrSheetUnit {
  buildingName: string
  unitName: string
  code: string
}

export interface QrSheetInput {
  communityName: string
  streetName?: string
  urlPrefix: string
  units: QrSheetUnit[]
  /** what the sheet is (document title and page footer); default: the stairwell sheet's */
  title?: string
  /** the line under each code; default SLOGAN */
  slogan?: string
  /** the word before the printed code; default 编码 */
  codeLabel?: string
}

/** A rectangle in PDF points, origin at the bottom-left of the page (PDF convention). */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

const MM = 72 / 25.4

export const SHEET_LAYOUT = {
  pageWidth: 595.28, // A4 portrait, points
  pageHeight: 841.89,
  cols: 2,
  rows: 2,
  /** dark-module area of every QR, points (66 mm) */
  qrSize: 66 * MM,
  /** quiet zone is at least this many modules, and never less than qrQuietMin points */
  quietModules: 4,
  qrQuietMin: 6 * MM,
  errorCorrectionLevel: 'M' as const,
} as const

export const CARDS_PER_PAGE = SHEET_LAYOUT.cols * SHEET_LAYOUT.rows

export const SLOGAN = '微信扫一扫，楼道问题随手报'

const INK = rgb(0.1, 0.1, 0.1)
const MUTED = rgb(0.35, 0.35, 0.35)
const PARTY_RED = rgb(0.784, 0.063, 0.18) // #C8102E
const CUT = rgb(0.6, 0.6, 0.6)

/** Card rectangle of slot `slot` (0-based, row-major from the top-left) on a page, in PDF points. */
export function cardRect(slot: number): Rect {
  const { pageWidth, pageHeight, cols, rows } = SHEET_LAYOUT
  const width = pageWidth / cols
  const height = pageHeight / rows
  const col = slot % cols
  const row = Math.floor(slot / cols)
  return { x: col * width, y: pageHeight - (row + 1) * height, width, height }
}

/** Vertical plan of a card, measured from the card's top edge downwards (points). */
const CARD = {
  band: 46, // red band height (street · community)
  labelTop: 70, // top of the big label's text box
  labelSize: 34,
  labelMinSize: 16,
  qrTop: 134, // top of the QR's dark area
  sidePad: 12 * MM,
  codeSize: 13,
  sloganSize: 17,
}

/** Rectangle of the QR's dark-module area on the card of slot `slot` (PDF points). */
export function qrRect(slot: number): Rect {
  const c = cardRect(slot)
  const size = SHEET_LAYOUT.qrSize
  return { x: c.x + (c.width - size) / 2, y: c.y + c.height - CARD.qrTop - size, width: size, height: size }
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true, sensitivity: 'base' })

/** Natural order: 2栋 before 10栋, 2单元 before 10单元; then by code for a stable result. */
export function compareUnits(a: QrSheetUnit, b: QrSheetUnit): number {
  return collator.compare(a.buildingName, b.buildingName) || collator.compare(a.unitName, b.unitName) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
}

export function sortUnits(units: QrSheetUnit[]): QrSheetUnit[] {
  return [...units].sort(compareUnits)
}

/** The label printed large on a card. */
export function unitLabel(u: Pick<QrSheetUnit, 'buildingName' | 'unitName'>): string {
  return [u.buildingName.trim(), u.unitName.trim()].filter(Boolean).join(' ')
}

export function qrUrl(urlPrefix: string, code: string): string {
  return `${urlPrefix}${code}`
}

/** Replace characters the font cannot draw (rare hanzi, emoji) so the sheet still renders. */
function drawable(font: PDFFont, text: string): string {
  const set = new Set(font.getCharacterSet())
  const fallback = set.has(0x25a1) ? '□' : '?'
  let out = ''
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) out += set.has(ch.codePointAt(0)!) ? ch : fallback
  return out
}

function centered(page: PDFPage, font: PDFFont, text: string, size: number, cx: number, baseline: number, color = INK) {
  const w = font.widthOfTextAtSize(text, size)
  page.drawText(text, { x: cx - w / 2, y: baseline, size, font, color })
}

/** Largest size ≤ max at which text fits maxWidth (not below min; longer text is then shortened with an ellipsis). */
function fit(font: PDFFont, text: string, max: number, min: number, maxWidth: number): { text: string; size: number } {
  let size = max
  while (size > min && font.widthOfTextAtSize(text, size) > maxWidth) size -= 1
  let t = text
  while (font.widthOfTextAtSize(t, size) > maxWidth && t.length > 1) t = t.slice(0, -2) + '…'
  return { text: t, size }
}

/** The unit's QR, version 2 at least, drawn as vector squares. */
function drawQr(page: PDFPage, text: string, box: Rect) {
  // version ≥ 2 keeps modules ≤ 7.5 pt, so the 4-module quiet zone fits the card's plan (a v1 symbol holds ≤ 14 bytes anyway)
  let qr = QRCode.create(text, { errorCorrectionLevel: SHEET_LAYOUT.errorCorrectionLevel })
  if (qr.version < 2) qr = QRCode.create(text, { errorCorrectionLevel: SHEET_LAYOUT.errorCorrectionLevel, version: 2 })
  return drawQrModules(page, qr, box)
}

function drawCutLines(page: PDFPage) {
  const { pageWidth, pageHeight, cols, rows } = SHEET_LAYOUT
  const opts = { thickness: 0.5, color: CUT, dashArray: [4, 3] }
  for (let i = 1; i < cols; i++) {
    const x = (pageWidth / cols) * i
    page.drawLine({ start: { x, y: 0 }, end: { x, y: pageHeight }, ...opts })
  }
  for (let j = 1; j < rows; j++) {
    const y = (pageHeight / rows) * j
    page.drawLine({ start: { x: 0, y }, end: { x: pageWidth, y }, ...opts })
  }
}

function drawCard(page: PDFPage, font: PDFFont, slot: number, unit: QrSheetUnit, input: QrSheetInput) {
  const c = cardRect(slot)
  const top = c.y + c.height
  const cx = c.x + c.width / 2
  const inner = c.width - 2 * CARD.sidePad

  // red band with street · community (inset from the cut so a slightly off cut leaves no red sliver on the neighbour)
  const inset = 4 * MM
  page.drawRectangle({ x: c.x + inset, y: top - inset - CARD.band, width: c.width - 2 * inset, height: CARD.band, color: PARTY_RED })
  const head = drawable(font, [input.streetName?.trim(), input.communityName.trim()].filter(Boolean).join(' · '))
  const h = fit(font, head, 15, 9, c.width - 2 * inset - 16)
  centered(page, font, h.text, h.size, cx, top - inset - CARD.band / 2 - h.size * 0.36, rgb(1, 1, 1))

  // big label, faux-bold (fill + thin stroke) so it reads from across a stairwell
  // one line when it fits at ≥ 22 pt, else building over unit on two lines (same 34 pt box, clear of the quiet zone)
  const label = fit(font, drawable(font, unitLabel(unit)), CARD.labelSize, CARD.labelMinSize, inner)
  inBold(page, 0.7, () => {
    if (label.size >= 22 || !unit.unitName.trim() || !unit.buildingName.trim()) {
      centered(page, font, label.text, label.size, cx, top - CARD.labelTop - CARD.labelSize * 0.88)
    } else {
      const b = fit(font, drawable(font, unit.buildingName.trim()), 16, 9, inner)
      const u = fit(font, drawable(font, unit.unitName.trim()), 16, 9, inner)
      const size = Math.min(b.size, u.size)
      const first = top - CARD.labelTop + 2 - size * 0.88
      centered(page, font, fit(font, b.text, size, size, inner).text, size, cx, first)
      centered(page, font, fit(font, u.text, size, size, inner).text, size, cx, first - size * 1.15)
    }
  })

  // QR (quiet zone: everything else on the card keeps clear of qrRect grown by the quiet margin)
  const box = qrRect(slot)
  drawQr(page, qrUrl(input.urlPrefix, unit.code), box)

  // code + slogan under the QR
  const qrBottomFromTop = CARD.qrTop + SHEET_LAYOUT.qrSize
  const codeLine = fit(font, drawable(font, `${input.codeLabel ?? '编码'} ${unit.code}`), CARD.codeSize, 8, inner)
  centered(page, font, codeLine.text, codeLine.size, cx, top - qrBottomFromTop - 30 - CARD.codeSize * 0.88, MUTED)
  const slogan = fit(font, drawable(font, input.slogan ?? SLOGAN), CARD.sloganSize, 10, inner)
  inBold(page, 0.3, () => centered(page, font, slogan.text, slogan.size, cx, top - qrBottomFromTop - 54 - CARD.sloganSize * 0.88))
}

/** Smallest distance from the QR's dark area to anything else drawn on its card (for the quiet-zone invariant). */
export function quietZoneFor(modules: number): number {
  return Math.max(SHEET_LAYOUT.qrQuietMin, (SHEET_LAYOUT.quietModules * SHEET_LAYOUT.qrSize) / modules)
}

export async function renderQrSheet(input: QrSheetInput): Promise<Uint8Array> {
  if (!input.units.length) throw new Error('renderQrSheet: no units')
  const seen = new Set<string>()
  for (const u of input.units) {
    if (!u.code) throw new Error(`renderQrSheet: unit ${unitLabel(u)} has no code`)
    if (seen.has(u.code)) throw new Error(`renderQrSheet: duplicate code ${u.code}`)
    seen.add(u.code)
  }
  const units = sortUnits(input.units)

  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const font = await doc.embedFont(await loadSheetFont(), { subset: true })
  const title = input.title ?? `${input.communityName} 楼道报事二维码`
  doc.setTitle(title)
  doc.setSubject(input.slogan ?? SLOGAN)
  doc.setCreator('grid-governance qrsheet')
  doc.setProducer('pdf-lib')
  doc.setLanguage('zh-CN')

  const pages = Math.ceil(units.length / CARDS_PER_PAGE)
  const footerHead = drawable(font, title)
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([SHEET_LAYOUT.pageWidth, SHEET_LAYOUT.pageHeight])
    drawCutLines(page)
    const slice = units.slice(p * CARDS_PER_PAGE, (p + 1) * CARDS_PER_PAGE)
    slice.forEach((u, slot) => drawCard(page, font, slot, u, input))
    const footer = `${footerHead}  第 ${p + 1} / ${pages} 页  沿虚线裁切`
    const f = fit(font, footer, 7.5, 6, SHEET_LAYOUT.pageWidth - 40)
    centered(page, font, f.text, f.size, SHEET_LAYOUT.pageWidth / 2, 5.5 * MM, MUTED)
  }
  return doc.save({ useObjectStreams: true })
}
