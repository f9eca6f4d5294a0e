/** Real-world readers for the QR-sheet tests: poppler (pdftoppm, pdftotext, pdfinfo), zbar (zbarimg) and jsQR. */
import { execFileSync } from 'child_process'
import * as fs from 'fs'
import * as path from 'path'
import { PNG } from 'pngjs'
import jsQR from 'jsqr'
import type { Rect } from '../../cloudfunctions/qrcodes/qrsheet'

export const DPI = 150

export function requireTool(name: string) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'pipe' })
  } catch {
    throw new Error(`${name} is not installed: apt-get install -y $(cat .ci/apt-packages.txt)`)
  }
}

export function pdfInfo(pdfPath: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })
  return Object.fromEntries(
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
  )
}

/** Render every page to `<dir>/page-N.png` at DPI; returns the paths in page order. */
export function rasterize(pdfPath: string, dir: string): string[] {
  execFileSync('pdftoppm', ['-r', String(DPI), '-png', pdfPath, path.join(dir, 'page')])
  return fs
    .readdirSync(dir)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
    .map((f) => path.join(dir, f))
}

/** Text of a page (1-based), or of a rectangle of it given in PDF points (origin bottom-left). */
export function pdfText(pdfPath: string, page?: number, rect?: Rect, pageHeight = 841.89): string {
  const args = ['-enc', 'UTF-8']
  if (page) args.push('-f', String(page), '-l', String(page))
  if (rect) {
    args.push('-x', String(Math.floor(rect.x)), '-y', String(Math.floor(pageHeight - rect.y - rect.height)))
    args.push('-W', String(Math.ceil(rect.width)), '-H', String(Math.ceil(rect.height)))
  }
  return execFileSync('pdftotext', [...args, pdfPath, '-'], { encoding: 'utf8' })
}

export interface Raster {
  width: number
  height: number
  data: Buffer // RGBA
}

const rasters = new Map<string, Raster>()

/** Decode a PNG (memoised per path: decoding a 150 dpi A4 page takes ~1 s under jest). */
export function readPng(file: string): Raster {
  let r = rasters.get(file)
  if (!r) {
    const png = PNG.sync.read(fs.readFileSync(file))
    r = { width: png.width, height: png.height, data: png.data }
    rasters.set(file, r)
  }
  return r
}

/** Pixel box of a rectangle in PDF points on a page rendered at DPI. */
export function toPixels(r: Rect, pageHeightPt = 841.89) {
  const k = DPI / 72
  const x0 = Math.round(r.x * k)
  const y0 = Math.round((pageHeightPt - r.y - r.height) * k)
  return { x0, y0, x1: Math.round((r.x + r.width) * k), y1: Math.round((pageHeightPt - r.y) * k) }
}

export function crop(img: Raster, r: Rect): Raster {
  const { x0, y0, x1, y1 } = toPixels(r)
  const w = Math.min(x1, img.width) - x0
  const h = Math.min(y1, img.height) - y0
  const data = Buffer.alloc(w * h * 4)
  for (let y = 0; y < h; y++) img.data.copy(data, y * w * 4, ((y0 + y) * img.width + x0) * 4, ((y0 + y) * img.width + x0 + w) * 4)
  return { width: w, height: h, data }
}

/** Write a raster as binary PGM (grey) for zbarimg: pngjs' encoder is ~100× slower inside jest's sandbox. */
export function writePgm(img: Raster, file: string) {
  const header = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'latin1')
  const grey = Buffer.alloc(img.width * img.height)
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) grey[i] = Math.round(0.299 * img.data[p] + 0.587 * img.data[p + 1] + 0.114 * img.data[p + 2])
  fs.writeFileSync(file, Buffer.concat([header, grey]))
}

/** All QR payloads zbar finds in an image file (one per line with --raw). */
export function zbar(file: string): string[] {
  try {
    const out = execFileSync('zbarimg', ['--quiet', '--raw', '--nodbus', '-Sdisable', '-Sqrcode.enable', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'], // zbar 0.23 complains on stderr when there is no D-Bus
    })
    return out.split('\n').filter(Boolean)
  } catch (e) {
    if ((e as { status?: number }).status === 4) return [] // zbarimg: no symbol found
    throw e
  }
}

export function jsqr(img: Raster) {
  return jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)
}

/** Share of pixels in the ring between `inner` and `outer` (PDF points) that are not white. */
export function inkInRing(img: Raster, inner: Rect, outer: Rect): number {
  const o = toPixels(outer)
  const i = toPixels(inner)
  let ink = 0
  let total = 0
  for (let y = o.y0; y < o.y1; y++)
    for (let x = o.x0; x < o.x1; x++) {
      if (x >= i.x0 - 1 && x < i.x1 + 1 && y >= i.y0 - 1 && y < i.y1 + 1) continue
      total++
      const p = (y * img.width + x) * 4
      if (img.data[p] < 200 || img.data[p + 1] < 200 || img.data[p + 2] < 200) ink++
    }
  return ink / total
}
