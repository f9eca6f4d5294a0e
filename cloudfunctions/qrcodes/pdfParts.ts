/** Pieces the qrcodes renderers (QR sheets, paper ballots and sign-in sheets, certificates) share. */
import { type PDFPage, fill, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor } from 'pdf-lib'
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
