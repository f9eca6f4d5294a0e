/**
 * A certificate of volunteer service (志愿服务证明) on one A4 page, as 民政部《志愿服务记录与证明出具办法（试行）》 asks:
 * the volunteer (name, masked phone), each service of the period (date, place, content, hours) and the total, training
 * and commendations, the issuing organisation, the issuer, a contact and the date — with the certificate's number and a
 * QR of its verification link, so whoever receives the paper can check it.
 *
 *   heading   title, number, the opening sentence (兹证明…累计服务时长…)
 *   band      the table of service, its total, 培训经历 and 表彰奖励 (each says 无 when empty)
 *   foot      出具单位（盖章）, 经办人, 联系电话, 出具日期 on the left; the QR and 扫码核验真伪 on the right; the basis and
 *             the verification link in small type
 *
 * The band's rows are regular (one column) while they fit, else compact (smaller type, two columns); the plan and the
 * limit are CERTIFICATE_PAGE of domain/certificates.ts, which also refuses a period longer than one page holds before
 * anyone asks for it. Pure: data in, PDF bytes out.
 */
import { PDFDocument, type PDFPage, rgb, type RGB } from 'pdf-lib'
import fontkit from '@pdf-lib/fontkit'
import QRCode from 'qrcode'
import type { IssuedCertificate } from '../../types'
import { CERTIFICATE_PAGE as P, durationText, layoutFor, notesHeight, type CertificateLayout } from '../_core/domain/certificates'
import { hoursOf } from '../_core/domain/volunteers'
import { Type, drawQrModules, inBold } from './pdfParts'
import { loadSheetFont } from './qrsheet-font'

export interface CertificateInput {
  number: string
  verifyUrl: string
  from: string
  to: string
  issued: IssuedCertificate
}

/** A rectangle in PDF points, origin at the bottom-left of the page. */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}

const INK = rgb(0.1, 0.1, 0.1)
const MUTED = rgb(0.35, 0.35, 0.35)
const RULE = rgb(0.6, 0.6, 0.6)
const SHADE = rgb(0.93, 0.93, 0.93)
const RED = rgb(0.718, 0.11, 0.11) // #b71c1c, the app's brand

/** Where the QR's dark modules go (exported so a test can crop it), and the quiet zone kept clear around it. */
export const CERTIFICATE_QR: Box = { x: P.width - P.marginX - 96, y: 84, width: 96, height: 96 }
export const QR_QUIET = 4

const inner = P.width - 2 * P.marginX

const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** "5.17小时（5小时10分）"; whole hours once: "30小时". */
const hoursText = (minutes: number) => `${hoursOf(minutes)}小时${minutes % 60 ? `（${durationText(minutes)}）` : ''}`

function text(page: PDFPage, t: Type, s: string, x: number, y: number, size: number, color: RGB = INK) {
  page.drawText(s, { x, y, size, font: t.font, color })
}

function centered(page: PDFPage, t: Type, s: string, cx: number, y: number, size: number, color: RGB = INK) {
  text(page, t, s, cx - t.width(s, size) / 2, y, size, color)
}

/** Faux-bold (fill and a thin outline): the one font has a single weight. */
const bold = (page: PDFPage, draw: () => void, weight = 0.45) => inBold(page, weight, draw)

/** The verification link's QR, drawn as vector squares. */
const drawQr = (page: PDFPage, url: string, box: Box) => drawQrModules(page, QRCode.create(url, { errorCorrectionLevel: 'M' }), box)

interface Column {
  head: string
  width: number
  cell: (row: IssuedCertificate['activities'][number], index: number) => string
  align?: 'right'
}

const COLUMNS: Record<CertificateLayout, Column[]> = {
  regular: [
    { head: '序号', width: 30, cell: (_, i) => String(i + 1) },
    { head: '服务日期', width: 70, cell: (r) => r.date },
    { head: '服务地点', width: 118, cell: (r) => r.place },
    { head: '服务内容', width: 219, cell: (r) => r.content },
    { head: '服务时长', width: 62, cell: (r) => durationText(r.minutes), align: 'right' },
  ],
  // two of these side by side, 11 pt apart
  compact: [
    { head: '日期', width: 52, cell: (r) => r.date },
    { head: '地点', width: 62, cell: (r) => r.place },
    { head: '内容', width: 88, cell: (r) => r.content },
    { head: '时长', width: 42, cell: (r) => durationText(r.minutes), align: 'right' },
  ],
}
const COMPACT_GAP = 11

function drawTable(page: PDFPage, t: Type, rows: IssuedCertificate['activities'], layout: CertificateLayout, top: number, perColumn: number): number {
  const regular = layout === 'regular'
  const columns = COLUMNS[layout]
  const rowH = regular ? P.regularRow : P.compactRow
  const size = regular ? 9.5 : 7.5
  const width = columns.reduce((w, c) => w + c.width, 0)
  const blocks = regular ? [rows] : [rows.slice(0, perColumn), rows.slice(perColumn)].filter((b, i) => i === 0 || b.length)
  let bottom = top
  blocks.forEach((block, b) => {
    const x0 = P.marginX + b * (width + COMPACT_GAP)
    // header
    page.drawRectangle({ x: x0, y: top - P.headerRow, width, height: P.headerRow, color: SHADE })
    let x = x0
    for (const c of columns) {
      bold(page, () => centered(page, t, c.head, x + c.width / 2, top - P.headerRow / 2 - 3.5, regular ? 10 : 8.5), 0.3)
      x += c.width
    }
    // rows
    block.forEach((r, i) => {
      const index = b * perColumn + i
      const rowTop = top - P.headerRow - i * rowH
      const baseline = rowTop - rowH / 2 - size * 0.36
      let cx = x0
      for (const c of columns) {
        const s = t.clip(t.clean(c.cell(r, index)), size, c.width - 6)
        text(page, t, s, c.align === 'right' ? cx + c.width - 3 - t.width(s, size) : cx + 3, baseline, size)
        cx += c.width
      }
      page.drawLine({ start: { x: x0, y: rowTop - rowH }, end: { x: x0 + width, y: rowTop - rowH }, thickness: 0.3, color: RULE })
    })
    const blockBottom = top - P.headerRow - block.length * rowH
    page.drawRectangle({ x: x0, y: blockBottom, width, height: top - blockBottom, borderColor: RULE, borderWidth: 0.6 })
    bottom = Math.min(bottom, blockBottom)
  })
  return bottom
}

function drawNotes(
  page: PDFPage,
  t: Type,
  top: number,
  heading: string,
  rows: IssuedCertificate['training'],
  line: (r: IssuedCertificate['training'][number]) => string,
): number {
  const baseline = top - P.noteHeading + 5
  if (!rows.length) {
    bold(page, () => text(page, t, `${heading}：`, P.marginX, baseline, 11), 0.3)
    text(page, t, '无', P.marginX + t.width(`${heading}：`, 11), baseline, 11)
    return top - P.noteHeading
  }
  bold(page, () => text(page, t, heading, P.marginX, baseline, 11), 0.3)
  rows.forEach((r, i) => {
    const s = t.clip(t.clean(`${r.date}　${line(r)}`), 10, inner - 12)
    text(page, t, s, P.marginX + 12, top - P.noteHeading - (i + 1) * P.noteRow + 4, 10)
  })
  return top - P.noteHeading - rows.length * P.noteRow
}

export async function renderCertificate(input: CertificateInput): Promise<{ pdf: Uint8Array; layout: CertificateLayout }> {
  const { issued } = input
  const layout = layoutFor(issued.activities.length, issued.training.length, issued.commendations.length)
  if (!layout || !issued.activities.length) throw new Error(`renderCertificate: ${issued.activities.length} services do not fit one page`)

  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const t = new Type(await doc.embedFont(await loadSheetFont(), { subset: true }))
  doc.setTitle(`志愿服务证明 ${input.number}`)
  doc.setSubject(`${issued.organisation} 出具的志愿服务证明`)
  doc.setCreator('grid-governance certificate')
  doc.setProducer('pdf-lib')
  doc.setLanguage('zh-CN')
  const page = doc.addPage([P.width, P.height])

  // a double frame in the brand red
  page.drawRectangle({ x: 24, y: 24, width: P.width - 48, height: P.height - 48, borderColor: RED, borderWidth: 1.4 })
  page.drawRectangle({ x: 28, y: 28, width: P.width - 56, height: P.height - 56, borderColor: RED, borderWidth: 0.4 })

  // heading
  bold(page, () => centered(page, t, '志愿服务证明', P.width / 2, 776, 26), 0.8)
  centered(page, t, `证明编号：${input.number}`, P.width / 2, 750, 10.5, MUTED)
  const phone = issued.maskedPhone ? `联系电话：${issued.maskedPhone}` : '未登记联系电话'
  const opening = t.clean(
    `兹证明 ${issued.volunteerName}（${phone}）于${chineseDate(input.from)}至${chineseDate(input.to)}期间，在${issued.communityName}参加志愿服务${issued.activities.length}次，累计服务时长${hoursText(issued.totalMinutes)}。服务记录如下：`,
  )
  let size = 11.5
  let lines = t.wrap(opening, size, inner)
  while (lines.length > 3 && size > 8) lines = t.wrap(opening, (size -= 0.5), inner)
  lines.slice(0, 3).forEach((l, i) => text(page, t, l, P.marginX, 720 - i * 19, size))

  // band: the service, its total, training and commendations
  const rowH = layout === 'regular' ? P.regularRow : P.compactRow
  const available = P.bandTop - P.bandBottom - P.headerRow - P.totalRow - notesHeight(issued.training.length, issued.commendations.length)
  const perColumn = layout === 'regular' ? issued.activities.length : Math.max(Math.ceil(issued.activities.length / 2), 1)
  if (perColumn * rowH > available + 0.01) throw new Error('renderCertificate: the plan and the check disagree')
  let y = drawTable(page, t, issued.activities, layout, P.bandTop, perColumn)
  const total = `合计：${issued.activities.length}次，${hoursText(issued.totalMinutes)}`
  bold(page, () => text(page, t, total, P.marginX + inner - t.width(total, 10.5), y - 13, 10.5), 0.3)
  y -= P.totalRow + P.gap
  y = drawNotes(page, t, y, '培训经历', issued.training, (r) => `${r.title}（${[r.organisation, r.hours ? `${r.hours}学时` : ''].filter(Boolean).join('，')}）`)
  drawNotes(page, t, y, '表彰奖励', issued.commendations, (r) => `${r.title}（${r.organisation}）`)

  // foot: who issued it, when, how to reach them; the QR to check it
  const qr = CERTIFICATE_QR
  const left = qr.x - 16 - P.marginX
  const foot = [
    `出具单位：${issued.organisation}（盖章）`,
    `经办人：${issued.issuerName}`,
    `联系电话：${issued.contact}`,
    `出具日期：${chineseDate(issued.issuedOn)}`,
  ]
  foot.forEach((l, i) => {
    const f = t.fit(t.clean(l), 11.5, 8, left)
    text(page, t, f.text, P.marginX, 166 - i * 24, f.size)
  })
  drawQr(page, input.verifyUrl, qr)
  centered(page, t, '扫码核验真伪', qr.x + qr.width / 2, 64, 9, MUTED)
  const basis = t.fit('本证明依据民政部《志愿服务记录与证明出具办法（试行）》出具，真伪以扫码核验结果为准。', 8, 6, inner)
  text(page, t, basis.text, P.marginX, 47, basis.size, MUTED)
  const link = t.fit(t.clean(`核验网址：${input.verifyUrl}`), 8, 6, inner)
  text(page, t, link.text, P.marginX, 36, link.size, MUTED)

  return { pdf: await doc.save({ useObjectStreams: true }), layout }
}
