/**
 * Printed papers of a vote's roll for an offline meeting: a paper ballot per roll entry, and the roll's sign-in sheet.
 *
 * Ballots: two per A4 page (A5 halves, cut along the dashed line) whenever one fits in half a page, else one per page.
 * Everything a ballot shares with the others (heading, matter, choices with their boxes, signature line,
 * instructions) is drawn once as a form XObject and placed on every ballot; only the number, the voter and the area
 * are written per ballot — so 3 000 ballots cost 3 000 placements and a few thousand short strings, not 3 000 layouts.
 *
 * Sign-in sheet: A4 portrait, a table of number, dwelling, name, area (owners' votes) and a signature column; every
 * page repeats the heading and the roll's totals and says 第 X / Y 页 with the page's own count and area, the last one
 * a line for the attendance counted at the door.
 *
 * Pure: data in, PDF bytes out. What is printed (masked names, which fields a secret ballot leaves off) is decided
 * by the actions; this module only lays it out.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, type RGB } from 'pdf-lib'
import fontkit from '@pdf-lib/fontkit'
import { Type, inBold } from './pdfParts'
import { loadSheetFont } from './qrsheet-font'

export const A4 = { width: 595.28, height: 841.89 } as const
const MM = 72 / 25.4
const INK = rgb(0.1, 0.1, 0.1)
const MUTED = rgb(0.35, 0.35, 0.35)
const RULE = rgb(0.45, 0.45, 0.45)
const SHADE = rgb(0.92, 0.92, 0.92)
const CUT = rgb(0.6, 0.6, 0.6)

/** What heads every paper of a roll. */
export interface RollPaperHead {
  communityName: string
  streetName?: string
  /** 居民会议 / 居民代表会议 / 党员大会 / 业主大会 */
  meeting: string
  /** the matter's title */
  title: string
  /** when ballots must be back: '2026年11月29日 09:00' */
  deadline: string
}

export interface BallotsInput extends RollPaperHead {
  choices: string[]
  /** the choices are schemes to pick from (方案), not agree / disagree */
  schemes: boolean
  /** secret: no voter, no area, no signature on the paper */
  secret: boolean
  /** owners' votes count area: the ballot says the voter's */
  byArea: boolean
  /** who fills it in: a person, one member for the household, an owner */
  unit: 'person' | 'household' | 'owner'
  ballots: { no: string; voter: string; area: string | null }[]
}

export interface SignInInput extends RollPaperHead {
  /** '全体居民（按户籍登记） · 一人一票' */
  rollLabel: string
  /** 人 / 户 / 位业主 */
  noun: string
  byArea: boolean
  /** header of the dwelling column, or null when the roll has none (representatives, party members) */
  placeHeader: string | null
  /** 姓名 / 户主 / 业主 */
  nameHeader: string
  /** area in 0.01 m², as the roll stores it */
  rows: { no: string; place: string; name: string; area: number }[]
}

// Text --------------------------------------------------------------------------------------------------------

interface Draw {
  text(page: PDFPage, text: string, x: number, y: number, size: number, opts?: { color?: RGB; bold?: boolean }): void
}

const drawer = (font: PDFFont): Draw => ({
  text(page, text, x, y, size, opts = {}) {
    const draw = () => page.drawText(text, { x, y, size, font, color: opts.color ?? INK })
    if (opts.bold) inBold(page, size / 40, draw)
    else draw()
  },
})

async function newDocument(title: string, subject: string): Promise<{ doc: PDFDocument; type: Type; draw: Draw }> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const font = await doc.embedFont(await loadSheetFont(), { subset: true })
  doc.setTitle(title)
  doc.setSubject(subject)
  doc.setCreator('grid-governance rollPapers')
  doc.setProducer('pdf-lib')
  doc.setLanguage('zh-CN')
  return { doc, type: new Type(font), draw: drawer(font) }
}

/** 12345.6 m² as the roll keeps it (0.01 m² units) → "12345.60": exact, whatever the sum. */
export const areaText = (hundredths: number): string => {
  const n = Math.round(hundredths)
  return `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`
}

// Ballots -----------------------------------------------------------------------------------------------------

export const BALLOT = {
  side: 16 * MM,
  top: 11 * MM,
  bottom: 9 * MM,
  numberSize: 20,
  headingSize: 20,
  titleSize: 14,
  textSize: 12,
  choiceSize: 14,
  box: 14,
  choiceGap: 10,
  voterSize: 13,
  noteSize: 10.5,
} as const

interface BallotPlan {
  /** height the content needs, top margin to last line */
  height: number
  /** draws the shared part on a page whose top edge is `top` */
  drawStatic(page: PDFPage, top: number): void
  /** where the per-ballot texts go, measured down from the ballot's top edge */
  slots: { numberRight: number; numberTop: number; voterTop: number | null; areaTop: number | null }
}

function planBallot(input: BallotsInput, type: Type, draw: Draw): BallotPlan {
  const W = A4.width
  const inner = W - 2 * BALLOT.side
  const ops: ((page: PDFPage, top: number) => void)[] = []
  let y = BALLOT.top // cursor, down from the ballot's top edge
  const line = (text: string, size: number, opts: { x?: number; color?: RGB; bold?: boolean; center?: boolean } = {}) => {
    const t = type.clean(text)
    const at = y
    const x = opts.center ? (W - type.width(t, size)) / 2 : (opts.x ?? BALLOT.side)
    ops.push((page, top) => draw.text(page, t, x, top - at - size * 0.88, size, opts))
    y += size * 1.35
  }
  const para = (text: string, size: number, opts: { indent?: number; color?: RGB } = {}) => {
    for (const l of type.wrap(type.clean(text), size, inner - (opts.indent ?? 0))) line(l, size, { x: BALLOT.side + (opts.indent ?? 0), color: opts.color })
  }

  // the place, left; the number, right, on the same line (written per ballot)
  const place = [input.streetName?.trim(), input.communityName.trim()].filter(Boolean).join(' · ')
  const placeFit = type.fit(type.clean(place), 11, 8, inner - 150)
  line(placeFit.text, placeFit.size, { color: MUTED })
  const numberTop = BALLOT.top - 4
  y = Math.max(y, numberTop + BALLOT.numberSize * 1.25)
  line(`${input.meeting}表决票`, BALLOT.headingSize, { center: true, bold: true })
  y += 4
  for (const l of type.wrap(type.clean(`议题：${input.title}`), BALLOT.titleSize, inner)) line(l, BALLOT.titleSize, { bold: true })
  y += 2
  line(input.schemes ? '请从下列方案中选择一项（只选一项）：' : '您对本议题的意见（只选一项）：', BALLOT.textSize)
  y += 3

  // the choices, each with a box to tick
  for (const choice of input.choices) {
    const lines = type.wrap(type.clean(choice), BALLOT.choiceSize, inner - BALLOT.box - 14 - 12)
    const at = y
    ops.push((page, top) =>
      page.drawRectangle({ x: BALLOT.side + 12, y: top - at - BALLOT.box, width: BALLOT.box, height: BALLOT.box, borderColor: INK, borderWidth: 1 }),
    )
    for (const l of lines) {
      const lineAt = y
      ops.push((page, top) => draw.text(page, l, BALLOT.side + 12 + BALLOT.box + 12, top - lineAt - BALLOT.choiceSize * 0.9, BALLOT.choiceSize))
      y += BALLOT.choiceSize * 1.3
    }
    y += BALLOT.choiceGap
  }

  let voterTop: number | null = null
  let areaTop: number | null = null
  if (!input.secret) {
    y += 2
    voterTop = y
    const label = input.unit === 'owner' ? '业主' : input.unit === 'household' ? '住户' : '投票人'
    const at = y
    ops.push((page, top) => draw.text(page, `${label}：`, BALLOT.side, top - at - BALLOT.voterSize * 0.88, BALLOT.voterSize))
    y += BALLOT.voterSize * 1.45
    if (input.byArea) {
      areaTop = y
      const areaAt = y
      ops.push((page, top) => draw.text(page, '专有部分面积（平方米）：', BALLOT.side, top - areaAt - BALLOT.voterSize * 0.88, BALLOT.voterSize))
      y += BALLOT.voterSize * 1.45
    }
    y += 10
    const signAt = y
    const who = input.unit === 'owner' ? '业主签名' : input.unit === 'household' ? '填票人签名' : '投票人签名'
    ops.push((page, top) => {
      const base = top - signAt - BALLOT.voterSize * 0.88
      draw.text(page, `${who}：`, BALLOT.side, base, BALLOT.voterSize)
      const from = BALLOT.side + type.width(`${who}：`, BALLOT.voterSize) + 2
      page.drawLine({ start: { x: from, y: base - 2 }, end: { x: from + 150, y: base - 2 }, thickness: 0.7, color: INK })
      const date = '日期：　　　　年　　月　　日'
      draw.text(page, date, BALLOT.side + inner - type.width(date, BALLOT.voterSize), base, BALLOT.voterSize)
    })
    y += BALLOT.voterSize * 1.6
  }

  // instructions, in plain words
  y += 4
  const rule = y
  ops.push((page, top) =>
    page.drawLine({ start: { x: BALLOT.side, y: top - rule }, end: { x: BALLOT.side + inner, y: top - rule }, thickness: 0.5, color: RULE }),
  )
  y += 5
  const notes = input.secret
    ? [
        '1. 请在所选一项前的方框内打勾，只选一项。',
        '2. 本次为无记名投票：请勿在票上写姓名或做任何记号。领票时请在签到表上签名。',
        '3. 票号对应表决名单，只用于工作人员录入和防止重复计票。已在微信小程序上投过票的，不要再填写本票：每人（户）只计一票。',
        `4. 请于${input.deadline}前将本票投入票箱或交回社区居委会。`,
      ]
    : [
        '1. 请在所选一项前的方框内打勾，只选一项。',
        input.unit === 'owner'
          ? '2. 请业主本人签名；委托他人投票的，请附书面委托书。一位业主名下多套房屋的，只填这一张票，面积合并计算。'
          : input.unit === 'household'
            ? '2. 一户一票：由本户一位成年家庭成员填写并签名。'
            : '2. 请投票人本人签名。',
        '3. 票号用于录入和核对，请勿涂改。已在微信小程序上投过票的，不要再填写本票：只计一票。',
        `4. 请于${input.deadline}前交回社区居委会或投入票箱。`,
      ]
  for (const n of notes) para(n, BALLOT.noteSize, { color: MUTED })

  const numberRight = BALLOT.side + inner
  return {
    height: y + BALLOT.bottom,
    drawStatic: (page, top) => ops.forEach((op) => op(page, top)),
    slots: { numberRight, numberTop, voterTop, areaTop },
  }
}

/** Ballots, one per voter, in the order given (the roll's numbered order). */
export async function renderBallots(input: BallotsInput): Promise<{ pdf: Uint8Array; pages: number; perPage: 1 | 2 }> {
  if (!input.ballots.length) throw new Error('renderBallots: no ballots')
  const { doc, type, draw } = await newDocument(`${input.communityName} ${input.meeting}表决票：${input.title}`, `${input.ballots.length} 张`)
  const plan = planBallot(input, type, draw)
  const perPage: 1 | 2 = plan.height <= A4.height / 2 ? 2 : 1
  const slotHeight = A4.height / perPage

  // the shared part once, as a form placed on every ballot
  const template = doc.addPage([A4.width, slotHeight])
  plan.drawStatic(template, slotHeight)
  const form = await doc.embedPage(template)
  doc.removePage(0)

  const inner = A4.width - 2 * BALLOT.side
  const labelWidth = type.width(input.unit === 'owner' ? '业主：' : input.unit === 'household' ? '住户：' : '投票人：', BALLOT.voterSize)
  const areaLabel = type.width('专有部分面积（平方米）：', BALLOT.voterSize)
  const pages = Math.ceil(input.ballots.length / perPage)
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([A4.width, A4.height])
    if (perPage === 2)
      page.drawLine({ start: { x: 0, y: A4.height / 2 }, end: { x: A4.width, y: A4.height / 2 }, thickness: 0.5, color: CUT, dashArray: [4, 3] })
    input.ballots.slice(p * perPage, (p + 1) * perPage).forEach((b, slot) => {
      const top = A4.height - slot * slotHeight
      page.drawPage(form, { x: 0, y: top - slotHeight })
      const no = `票号 ${b.no}`
      draw.text(
        page,
        no,
        plan.slots.numberRight - type.width(no, BALLOT.numberSize),
        top - plan.slots.numberTop - BALLOT.numberSize * 0.88,
        BALLOT.numberSize,
        { bold: true },
      )
      if (plan.slots.voterTop !== null) {
        const voter = type.fit(type.clean(b.voter), BALLOT.voterSize, 8, inner - labelWidth)
        draw.text(page, voter.text, BALLOT.side + labelWidth, top - plan.slots.voterTop - BALLOT.voterSize * 0.88, voter.size, { bold: true })
      }
      if (plan.slots.areaTop !== null && b.area !== null) {
        draw.text(page, b.area, BALLOT.side + areaLabel, top - plan.slots.areaTop - BALLOT.voterSize * 0.88, BALLOT.voterSize, { bold: true })
      }
    })
  }
  return { pdf: await doc.save({ useObjectStreams: true }), pages, perPage }
}

// Sign-in sheet -----------------------------------------------------------------------------------------------

export const SHEET = {
  side: 14 * MM,
  top: 12 * MM,
  bottom: 10 * MM,
  rowHeight: 25,
  headRow: 20,
  cellSize: 10,
  cellMin: 7,
  /** the footer: the page's line and the last page's attendance line */
  footer: 34,
} as const

interface Column {
  header: string
  width: number
  cell: (r: SignInInput['rows'][number]) => string
  align?: 'center' | 'right'
}

/** The roll's sign-in sheet: every entry once, numbered as its ballot; totals on every page recounted from the rows. */
export async function renderSignInSheet(input: SignInInput): Promise<{ pdf: Uint8Array; pages: number }> {
  if (!input.rows.length) throw new Error('renderSignInSheet: no rows')
  const { doc, type, draw } = await newDocument(`${input.communityName} ${input.meeting}签到表：${input.title}`, `${input.rows.length} ${input.noun}`)
  const W = A4.width
  const inner = W - 2 * SHEET.side
  const totalArea = input.rows.reduce((n, r) => n + Math.round(r.area), 0)
  const noun = input.noun

  const fixed: Column[] = [{ header: '编号', width: 46, cell: (r) => r.no, align: 'center' }]
  if (input.placeHeader) fixed.push({ header: input.placeHeader, width: input.byArea ? 170 : 150, cell: (r) => r.place })
  fixed.push({ header: input.nameHeader, width: input.placeHeader ? 92 : 150, cell: (r) => r.name })
  if (input.byArea) fixed.push({ header: '面积（㎡）', width: 62, cell: (r) => areaText(r.area), align: 'right' })
  const remark: Column = { header: '备注', width: 52, cell: () => '' }
  const sign: Column = { header: '签名', width: inner - [...fixed, remark].reduce((n, c) => n + c.width, 0), cell: () => '' }
  const columns = [...fixed, sign, remark]

  // heading block: the same on every page
  const heading = type.clean(`${input.communityName} ${input.meeting}签到表`)
  const title = type.fit(type.clean(`议题：${input.title}`), 10.5, 8, inner)
  const summary = type.clean(
    `名单：${input.rollLabel} · 应到 ${input.rows.length} ${noun}${input.byArea ? ` · 专有部分面积合计 ${areaText(totalArea)} ㎡` : ''}`,
  )
  const meetingLine = type.clean('会议日期：　　　　年　　月　　日　　　地点：')
  const headHeight = 17 * 1.3 + 10.5 * 1.5 + 9.5 * 1.5 + 9.5 * 1.6 + 4
  const tableTop = SHEET.top + headHeight
  const rowsPerPage = Math.floor((A4.height - tableTop - SHEET.headRow - SHEET.footer - SHEET.bottom) / SHEET.rowHeight)
  const pages = Math.ceil(input.rows.length / rowsPerPage)

  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([W, A4.height])
    const top = A4.height
    let y = SHEET.top
    const at = (size: number) => top - y - size * 0.88
    draw.text(page, heading, (W - type.width(heading, 17)) / 2, at(17), 17, { bold: true })
    y += 17 * 1.3
    draw.text(page, title.text, SHEET.side, at(title.size), title.size)
    y += 10.5 * 1.5
    const s = type.fit(summary, 9.5, 7, inner)
    draw.text(page, s.text, SHEET.side, at(s.size), s.size)
    y += 9.5 * 1.5
    draw.text(page, meetingLine, SHEET.side, at(9.5), 9.5, { color: MUTED })

    // the table: header row, then this page's rows
    const rows = input.rows.slice(p * rowsPerPage, (p + 1) * rowsPerPage)
    const tableY = top - tableTop
    const height = SHEET.headRow + rows.length * SHEET.rowHeight
    page.drawRectangle({ x: SHEET.side, y: tableY - SHEET.headRow, width: inner, height: SHEET.headRow, color: SHADE })
    let x = SHEET.side
    for (const c of columns) {
      draw.text(page, c.header, x + (c.width - type.width(c.header, 9.5)) / 2, tableY - SHEET.headRow + 6, 9.5, { bold: true })
      x += c.width
    }
    rows.forEach((r, i) => {
      const rowTop = tableY - SHEET.headRow - i * SHEET.rowHeight
      let cx = SHEET.side
      for (const c of columns) {
        const text = type.clean(c.cell(r))
        if (text) drawCell(page, type, draw, text, cx, rowTop, c)
        cx += c.width
      }
    })
    // grid: outer frame, column rules, row rules
    page.drawRectangle({ x: SHEET.side, y: tableY - height, width: inner, height, borderColor: INK, borderWidth: 0.8 })
    x = SHEET.side
    for (const c of columns.slice(0, -1)) {
      x += c.width
      page.drawLine({ start: { x, y: tableY }, end: { x, y: tableY - height }, thickness: 0.5, color: RULE })
    }
    for (let i = 0; i <= rows.length; i++) {
      const ry = tableY - SHEET.headRow - i * SHEET.rowHeight
      page.drawLine({ start: { x: SHEET.side, y: ry }, end: { x: SHEET.side + inner, y: ry }, thickness: i === 0 ? 0.8 : 0.4, color: i === 0 ? INK : RULE })
    }

    // footer: page X / Y, this page's count (and area), the whole roll's; the last page adds the door count
    const pageArea = rows.reduce((n, r) => n + Math.round(r.area), 0)
    const foot = type.clean(
      `第 ${p + 1} / ${pages} 页　本页 ${rows.length} ${noun}${input.byArea ? `，面积 ${areaText(pageArea)} ㎡` : ''}　全表 ${input.rows.length} ${noun}${input.byArea ? `，面积合计 ${areaText(totalArea)} ㎡` : ''}`,
    )
    const f = type.fit(foot, 9, 7, inner)
    const footY = tableY - height - 14
    draw.text(page, f.text, (W - type.width(f.text, f.size)) / 2, footY, f.size, { color: MUTED })
    if (p === pages - 1) {
      const tally = type.clean(`实到（签名）：　　　　${noun}${input.byArea ? '，面积合计：　　　　　㎡' : ''}　　　核对人：　　　　　　　`)
      draw.text(page, tally, SHEET.side, footY - 16, 10)
    }
  }
  return { pdf: await doc.save({ useObjectStreams: true }), pages }
}

/**
 * One cell's text: on one line, shrunk a little if need be; else on two lines (a list of flats, a developer's name),
 * at the largest size at which two lines hold it, shortened with an ellipsis only below the smallest size.
 */
function drawCell(page: PDFPage, type: Type, draw: Draw, text: string, x: number, rowTop: number, c: Column) {
  const pad = 4
  const width = c.width - 2 * pad
  const mid = rowTop - SHEET.rowHeight / 2
  const one = type.fit(text, SHEET.cellSize, SHEET.cellSize - 1.5, width)
  if (one.text === text) {
    const w = type.width(one.text, one.size)
    const tx = c.align === 'center' ? x + (c.width - w) / 2 : c.align === 'right' ? x + c.width - pad - w : x + pad
    draw.text(page, one.text, tx, mid - one.size * 0.35, one.size)
    return
  }
  let size: number = SHEET.cellSize - 1.5
  let lines = type.wrap(text, size, width)
  while (lines.length > 2 && size > SHEET.cellMin) lines = type.wrap(text, (size -= 0.5), width)
  const shown = lines.length > 2 ? [lines[0], type.fit(lines.slice(1).join(''), size, size, width).text] : lines
  shown.forEach((l, i) => draw.text(page, l, x + pad, mid + (shown.length === 2 ? size * 0.6 : 0) - i * size * 1.2 - size * 0.35, size))
}
