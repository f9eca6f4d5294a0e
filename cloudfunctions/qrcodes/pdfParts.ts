/** Pieces the qrcodes renderers (QR sheets, paper ballots and sign-in sheets, certificates) share. */
import {
  type PDFFont,
  type PDFPage,
  TextRenderingMode,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setLineWidth,
  setStrokingRgbColor,
  setTextRenderingMode,
} from 'pdf-lib'
import type QRCode from 'qrcode'

/** Closing punctuation never starts a line. */
const CLOSING = /^[，。、；：！？）》”’,.;:!?)]$/

/** Lines of at most `width` as `widthOf` measures them, broken anywhere (Chinese has no spaces). */
export function wrapText(text: string, width: number, widthOf: (line: string) => number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of text) {
    if (line && widthOf(line + ch) > width && !CLOSING.test(ch)) {
      lines.push(line)
      line = ''
    }
    line += ch
  }
  if (line) lines.push(line)
  return lines
}

/** QR modules as vector squares: horizontal runs merged, one path, one fill (no seams, small content stream). */
export function drawQrModules(page: PDFPage, qr: QRCode.QRCode, box: { x: number; y: number; width: number; height: number }) {
  const n = qr.modules.size
  const m = box.width / n
  const ops = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)]
  for (let r = 0; r < n; r++) {
    let c = 0
    while (c < n) {
      if (!qr.modules.get(r, c)) {
        c++
        continue
      }
      const start = c
      while (c < n && qr.modules.get(r, c)) c++
      // row 0 is the top of the symbol; PDF y grows upwards
      ops.push(rectangle(box.x + start * m, box.y + box.height - (r + 1) * m, (c - start) * m, m))
    }
  }
  ops.push(fill(), popGraphicsState())
  page.pushOperators(...ops)
  return { modules: n, moduleSize: m }
}

/**
 * A font with the measures a layout asks for thousands of times (cached per character), and a fallback for the
 * characters it cannot draw: the one text toolkit of the sheets, ballots and certificates.
 */
export class Type {
  private readonly has: Set<number>
  private readonly widths = new Map<string, number>()
  private readonly fallback: string
  constructor(readonly font: PDFFont) {
    this.has = new Set(font.getCharacterSet())
    this.fallback = this.has.has(0x25a1) ? '□' : '?'
  }
  /** The text with characters the font cannot draw (rare hanzi, emoji) replaced, line breaks flattened. */
  clean(text: string): string {
    let out = ''
    for (const ch of text.replace(/[\r\n\t]+/g, ' ')) out += this.has.has(ch.codePointAt(0)!) ? ch : this.fallback
    return out
  }
  private charWidth(ch: string): number {
    let w = this.widths.get(ch)
    if (w === undefined) this.widths.set(ch, (w = this.font.widthOfTextAtSize(ch, 1)))
    return w
  }
  width(text: string, size: number): number {
    let w = 0
    for (const ch of text) w += this.charWidth(ch)
    return w * size
  }
  /** Lines of at most `width` at `size`, broken anywhere, no line starting with closing punctuation; one empty line for no text. */
  wrap(text: string, size: number, width: number): string[] {
    const lines = wrapText(text, width, (line) => this.width(line, size))
    return lines.length ? lines : ['']
  }
  /** The text shortened with an ellipsis until it fits `width` at `size`. */
  clip(text: string, size: number, width: number): string {
    if (this.width(text, size) <= width) return text
    let t = text
    while (t.length > 1 && this.width(`${t}…`, size) > width) t = t.slice(0, -1)
    return `${t}…`
  }
  /** The largest size ≤ max (not below min) at which `text` fits; shortened with an ellipsis at min if it never does. */
  fit(text: string, max: number, min: number, width: number): { text: string; size: number } {
    const at1 = this.width(text, 1)
    const size = Math.max(min, Math.min(max, at1 ? width / at1 : max))
    return { text: this.clip(text, size, width), size }
  }
}

/** Draws with a faux bold (the glyphs filled and outlined `weight` wide): the one CJK font has a single weight. */
export function inBold(page: PDFPage, weight: number, draw: () => void): void {
  page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.FillAndOutline), setLineWidth(weight), setStrokingRgbColor(0.1, 0.1, 0.1))
  draw()
  page.pushOperators(popGraphicsState())
}
