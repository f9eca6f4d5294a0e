import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { AppError, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from '../../types'
import type { TableRow } from '../_core/domain/registerImport'
import { decodeText, parseCsv } from '../_core/tables/csv'
import { calendar, shanghai, shanghaiMinute } from '../_core/time'

/**
 * Workbooks in and out. Reading: an uploaded register table, .xlsx or CSV, as rows with their sheet and line.
 * Writing: the exports, one header row per sheet (so a sheet reads back as a table), Excel's own number and date
 * formats, and nothing Excel could run: cells are written as values, never as formulas.
 */

/** What a workbook may unpack to: a street's register is a few MB of XML; anything far past it is not a register. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024

const tooLarge = (message: string) => new AppError('IMPORT.TOO_LARGE', message)
const unreadable = (message = '读取不了这个文件，请选择 Excel（.xlsx）或 CSV 格式的表格') => new AppError('IMPORT.FILE_UNREADABLE', message)

const ZIP = [0x50, 0x4b, 0x03, 0x04]
/** Compound File Binary: the old .xls (and .doc) format, which Excel 2007 and later replaced with .xlsx. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const startsWith = (bytes: Buffer, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)

/**
 * The bytes a zip unpacks to, from its central directory (end-of-central-directory record, then one header per file),
 * so a small file that would inflate to gigabytes is refused before anything is inflated. Null when the directory
 * is not there or not sound (not a zip, or a truncated one); Infinity for ZIP64, which no register needs.
 */
export function unpackedBytes(zip: Buffer): number | null {
  const EOCD = 0x06054b50
  const CENTRAL = 0x02014b50
  let eocd = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const entries = zip.readUInt16LE(eocd + 10)
  const offset = zip.readUInt32LE(eocd + 16)
  if (entries === 0xffff || offset === 0xffffffff) return Infinity
  let total = 0
  let at = offset
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return null
    const size = zip.readUInt32LE(at + 24)
    if (size === 0xffffffff) return Infinity
    total += size
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return total
}

/** A cell as the text staff see in it: dates as 1958-04-02, numbers as typed, formulas by their result. */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (v instanceof Date) {
    // exceljs reads a date cell as that day and time in UTC: the sheet's own calendar, whatever the server's zone
    const d = calendar(v)
    return d.format(d.hour() || d.minute() ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD')
  }
  if ('richText' in v) return v.richText.map((t) => t.text).join('')
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue)
  if ('error' in v) return v.error
  if ('text' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as ExcelJS.CellValue)
  return ''
}

/** The rows of every visible sheet, with the sheet's name and each row's number as Excel shows them. */
async function readXlsx(bytes: Buffer): Promise<TableRow[]> {
  const unpacked = unpackedBytes(bytes)
  if (unpacked === null) throw unreadable('这个 Excel 文件不完整或已损坏，请重新保存后再导入')
  if (unpacked > MAX_UNPACKED_BYTES) throw tooLarge('这个 Excel 文件解压后过大，不像是住户名册，请检查后分批导入')
  const wb = new ExcelJS.Workbook()
  try {
    // validation lists and links are not data: left unread (a validated range would otherwise expand cell by cell)
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0], {
      ignoreNodes: ['dataValidations', 'hyperlinks', 'conditionalFormatting', 'extLst'],
    })
  } catch {
    throw unreadable('读取不了这个 Excel 文件，请确认是 .xlsx 格式（可在 Excel 或 WPS 中“另存为”）')
  }
  const sheets = wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden')
  const lines = sheets.reduce((n, ws) => n + ws.actualRowCount, 0)
  // a header per sheet besides the rows; planImport says the exact count when the rows are only just too many
  if (lines > MAX_IMPORT_ROWS + sheets.length + 1000) throw tooLarge(`一次最多导入${MAX_IMPORT_ROWS}行，这个文件有约${lines}行，请分批导入`)
  const rows: TableRow[] = []
  for (const ws of sheets) {
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      // row.values is 1-based: index 0 is always empty
      const values = (Array.isArray(row.values) ? row.values.slice(1) : []) as ExcelJS.CellValue[]
      const cells = Array.from(values, (v) => cellText(v))
      if (cells.some((c) => c.trim() !== '')) rows.push({ sheet: ws.name, line, cells })
    })
  }
  return rows
}

/** GB18030 by iconv-lite: the same bytes on any Node, with or without ICU's data. */
const gb18030 = (bytes: Uint8Array): string => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030')

/**
 * A register table as uploaded: an Excel workbook (.xlsx, by its zip signature — never by its name), or a CSV in
 * UTF-8 (with or without a BOM) or GBK/GB18030. Refused with a message that says what to do: too large, the old .xls
 * format, or not a table at all.
 */
export async function readTable(bytes: Buffer): Promise<TableRow[]> {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) throw tooLarge(`文件超过${MAX_IMPORT_FILE_BYTES / 1024 / 1024}MB，请分批导入`)
  if (bytes.length === 0) throw new AppError('IMPORT.EMPTY')
  if (startsWith(bytes, ZIP)) return readXlsx(bytes)
  if (startsWith(bytes, OLE)) throw unreadable('这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再导入')
  const text = decodeText(bytes, gb18030)
  if (text === null) throw unreadable()
  return parseCsv(text).map((r) => ({ sheet: null, ...r }))
}

// Writing -----------------------------------------------------------------------------------------------------------

export type Cell = string | number | Date | null
export interface Column {
  header: string
  /** in characters; a CJK character counts about two */
  width?: number
  /** Excel's number format, e.g. `0.0%`, `yyyy-mm-dd hh:mm`, `@` (text) */
  numFmt?: string
}
export interface SheetSpec {
  name: string
  columns: Column[]
  rows: Cell[][]
}

/** The same instant on Shanghai's clock, as Excel shows a date cell: Excel dates have no time zone. */
export const shanghaiDate = (iso: string | null): Date | null => (iso ? shanghai(iso).utc(true).toDate() : null)
/** 2026-11-22 09:00 on Shanghai's clock, as text (for a line of a note, where a date cell would need a format). */
export const shanghaiText = (iso: string): string => shanghaiMinute(iso)
export const DATE_TIME = 'yyyy-mm-dd hh:mm'
export const PERCENT = '0.0%'

/** Sheets as an .xlsx: header row bold and frozen, filters on it, columns sized. */
export async function writeWorkbook(sheets: SheetSpec[], now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '社区码上办'
  wb.created = now
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = s.columns.map((c, i) => ({ key: String(i), width: c.width ?? 12, style: c.numFmt ? { numFmt: c.numFmt } : {} }))
    const head = ws.addRow(s.columns.map((c) => c.header))
    head.font = { bold: true }
    for (const r of s.rows) ws.addRow(r.map((v) => (v === null ? null : v)))
    if (s.columns.length && s.rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } }
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
