/**
 * Where the CJK font of the QR sheet comes from — the one place that knows.
 *
 * The font is Noto Sans SC (SIL OFL 1.1), Google Fonts' "chinese-simplified" subset as shipped by the npm package
 * `@fontsource/noto-sans-sc` (one WOFF file, ~1.5 MB, 8 248 glyphs: GB2312 hanzi, Latin, digits, CJK punctuation).
 * loadSheetFont() hands pdf-lib a plain TrueType font made from it in memory (toSubsettableSfnt): fontkit parses a
 * WOFF about 50× slower than the same sfnt, and its subsetter writes a short `loca` (offsets / 2) without padding
 * glyphs, so every glyph after one of odd length went blank in the PDF. Padding each glyph to 4 bytes fixes both.
 *
 * Lookup order (first readable file wins):
 *   1. env QR_SHEET_FONT — an explicit path to a TTF/OTF/WOFF (ops override, or a Debian font for the CLI);
 *   2. `<dir of the running module>/fonts/<QR_SHEET_FONT_FILE>` — the bundled cloud function: the build step copies
 *      QR_SHEET_FONT_SOURCE (below) to `fonts/` next to the bundled index.js;
 *   3. the file inside node_modules (unbundled runs: jest, tsx, the local server).
 */
import * as fs from 'fs'
import * as path from 'path'
import * as zlib from 'zlib'

/** File name the bundler must copy into `<function dir>/fonts/`. */
export const QR_SHEET_FONT_FILE = 'noto-sans-sc-chinese-simplified-400-normal.woff'
/** Package specifier of that file (resolvable with require.resolve from the repo root). */
export const QR_SHEET_FONT_SOURCE = `@fontsource/noto-sans-sc/files/${QR_SHEET_FONT_FILE}`

/** Candidate paths, in lookup order. Exported for the build script and for diagnostics. */
export function sheetFontCandidates(): string[] {
  const out: string[] = []
  const env = process.env.QR_SHEET_FONT
  if (env) out.push(env)
  if (typeof __dirname !== 'undefined') out.push(path.join(__dirname, 'fonts', QR_SHEET_FONT_FILE))
  try {
    out.push(require.resolve(QR_SHEET_FONT_SOURCE))
  } catch {
    /* not installed or bundled without node_modules */
  }
  out.push(path.join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans-sc', 'files', QR_SHEET_FONT_FILE))
  return out
}

/** Path of the first candidate that exists; throws a clear error when none does. */
export function resolveSheetFontPath(): string {
  const candidates = sheetFontCandidates()
  for (const p of candidates) {
    try {
      if (fs.statSync(p).isFile()) return p
    } catch {
      /* try next */
    }
  }
  throw new Error(`QR sheet font not found; looked at: ${candidates.join(', ')}`)
}

type Tables = Map<string, Buffer>

function readTables(buf: Buffer): { flavor: number; tables: Tables } {
  const tables: Tables = new Map()
  const signature = buf.toString('latin1', 0, 4)
  if (signature === 'wOF2') throw new Error('WOFF2 is not supported for the QR sheet font; use the .woff or a .ttf/.otf')
  if (signature === 'wOFF') {
    const flavor = buf.readUInt32BE(4)
    const numTables = buf.readUInt16BE(12)
    for (let i = 0; i < numTables; i++) {
      const o = 44 + i * 20
      const tag = buf.toString('latin1', o, o + 4)
      const offset = buf.readUInt32BE(o + 4)
      const compLength = buf.readUInt32BE(o + 8)
      const origLength = buf.readUInt32BE(o + 12)
      const raw = buf.subarray(offset, offset + compLength)
      tables.set(tag, compLength < origLength ? zlib.inflateSync(raw) : Buffer.from(raw))
    }
    return { flavor, tables }
  }
  const flavor = buf.readUInt32BE(0)
  if (signature === 'ttcf') throw new Error('font collections (.ttc) are not supported for the QR sheet font')
  const numTables = buf.readUInt16BE(4)
  for (let i = 0; i < numTables; i++) {
    const o = 12 + i * 16
    const offset = buf.readUInt32BE(o + 8)
    tables.set(buf.toString('latin1', o, o + 4), Buffer.from(buf.subarray(offset, offset + buf.readUInt32BE(o + 12))))
  }
  return { flavor, tables }
}

/** Rewrite glyf/loca so every glyph starts on a 4-byte boundary (long loca). */
/** Appends `data` and the zeros that bring it to a 4-byte boundary (as sfnt wants glyphs and tables); its padded length. */
function pushPadded(parts: Buffer[], data: Buffer): number {
  const pad = (4 - (data.length % 4)) % 4
  parts.push(data)
  if (pad) parts.push(Buffer.alloc(pad))
  return data.length + pad
}

function padGlyphs(tables: Tables) {
  const head = tables.get('head')
  const maxp = tables.get('maxp')
  const loca = tables.get('loca')
  const glyf = tables.get('glyf')
  if (!head || !maxp || !loca || !glyf) return // CFF-flavoured OTF: nothing to do
  const numGlyphs = maxp.readUInt16BE(4)
  const long = head.readInt16BE(50) === 1
  const at = (i: number) => (long ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2)
  const parts: Buffer[] = []
  const newLoca = Buffer.alloc((numGlyphs + 1) * 4)
  let off = 0
  for (let g = 0; g < numGlyphs; g++) {
    newLoca.writeUInt32BE(off, g * 4)
    const data = glyf.subarray(at(g), at(g + 1))
    off += pushPadded(parts, data)
  }
  newLoca.writeUInt32BE(off, numGlyphs * 4)
  const newHead = Buffer.from(head)
  newHead.writeInt16BE(1, 50)
  tables.set('head', newHead)
  tables.set('loca', newLoca)
  tables.set('glyf', Buffer.concat(parts))
}

function checksum(b: Buffer): number {
  let sum = 0
  const n = b.length & ~3
  for (let i = 0; i < n; i += 4) sum = (sum + b.readUInt32BE(i)) >>> 0
  if (n < b.length) {
    const tail = Buffer.alloc(4)
    b.copy(tail, 0, n)
    sum = (sum + tail.readUInt32BE(0)) >>> 0
  }
  return sum
}

function writeSfnt(flavor: number, tables: Tables): Buffer {
  const tags = [...tables.keys()].sort()
  const numTables = tags.length
  const entrySelector = Math.floor(Math.log2(numTables))
  const searchRange = 16 * 2 ** entrySelector
  const header = Buffer.alloc(12 + 16 * numTables)
  header.writeUInt32BE(flavor, 0)
  header.writeUInt16BE(numTables, 4)
  header.writeUInt16BE(searchRange, 6)
  header.writeUInt16BE(entrySelector, 8)
  header.writeUInt16BE(numTables * 16 - searchRange, 10)
  const parts: Buffer[] = [header]
  let off = header.length
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!
    const h = 12 + i * 16
    header.write(tag, h, 4, 'latin1')
    header.writeUInt32BE(checksum(data), h + 4)
    header.writeUInt32BE(off, h + 8)
    header.writeUInt32BE(data.length, h + 12)
    off += pushPadded(parts, data)
  })
  return Buffer.concat(parts)
}

/** WOFF/TTF/OTF → plain sfnt with 4-byte-aligned glyphs, ready for pdf-lib's `embedFont(bytes, { subset: true })`. */
export function toSubsettableSfnt(font: Uint8Array): Uint8Array {
  const { flavor, tables } = readTables(Buffer.from(font.buffer, font.byteOffset, font.byteLength))
  padGlyphs(tables)
  const out = writeSfnt(flavor, tables)
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

let cached: Promise<Uint8Array> | undefined

/** The font as sfnt bytes, read and converted once per process (lazily: only the QR-sheet action pays for it). */
export function loadSheetFont(): Promise<Uint8Array> {
  if (!cached) {
    cached = fs.promises.readFile(resolveSheetFontPath()).then((b) => toSubsettableSfnt(b))
    cached.catch(() => {
      cached = undefined
    })
  }
  return cached
}
