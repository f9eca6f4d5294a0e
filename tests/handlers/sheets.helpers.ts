import ExcelJS from 'exceljs'
import { storage } from '../../cloudfunctions/_core/cloud'

export type Row = (string | number | Date | null)[]

/** An .xlsx as staff save it from Excel or WPS: named sheets of rows (numbers, dates and text as typed). */
export async function xlsxOf(sheets: { name: string; rows: Row[]; hidden?: boolean }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {})
    for (const r of s.rows) ws.addRow(r)
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A file as the app uploads it: into the uploader's own folder of cloud storage. */
export const uploaded = async (openid: string, name: string, bytes: Buffer): Promise<string> =>
  (await storage.uploadFile({ cloudPath: `uploads/${openid}/imports/${name}`, fileContent: bytes })).fileID

/** Whether a stored file is still there. */
export const exists = (fileID: string) =>
  storage.downloadFile(fileID).then(
    () => true,
    () => false,
  )

/** A workbook's sheets as rows of cell values (1-based columns shifted to 0-based, trailing blanks dropped). */
export async function sheetsOf(bytes: Buffer): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0])
  const out = new Map<string, unknown[][]>()
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = []
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : v))
    })
    out.set(
      ws.name,
      Array.from(rows, (r) => r ?? []),
    )
  }
  return out
}

/** A sheet as records keyed by its header row. */
export function records(rows: unknown[][]): Record<string, unknown>[] {
  const [header, ...body] = rows
  return body.filter((r) => r.length).map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? null])))
}
