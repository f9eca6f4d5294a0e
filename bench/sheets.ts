/**
 * Importing a street-sized household register from Excel, end to end, on the file-backed local database in a temp
 * dir (WAL, as `npm start` runs it):
 *   - a register of SHEETS_BENCH_HOUSEHOLDS households (default 3000) is written as staff would fill in the template:
 *     20 new buildings of 3 units, one row per person — three people in most households (≈ 9 000 members), their owner
 *     and area on the head's row, one owner in ten holding a second flat under the same owner number, and one
 *     household in fifty a developer's unsold flat with nobody registered;
 *   - the .xlsx is uploaded into the staff member's own folder and sheets.importRegister is called as the platform
 *     calls it: download, unzip and read the workbook, check every row, plan, and write it all in one transaction
 *     (timed, the median of SHEETS_BENCH_RUNS fresh databases, default 3); reading the workbook alone is timed too;
 *   - the same register as a GBK CSV (what Chinese Excel saves as "CSV"), imported the same way, for comparison.
 * Run alone: npx tsx bench/sheets.ts
 */
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { storage } from '../cloudfunctions/_core/cloud'
import { findAll } from '../cloudfunctions/_core/repos/base'
import { main as sheets } from '../cloudfunctions/sheets'
import { readTable } from '../cloudfunctions/sheets/workbook'
import { useLocalCloudBase } from '../local/cloud'
import { platformContext } from '../local/context'
import { seedDemo } from '../local/seed'
import { installLocalWx } from '../local/wx'
import { REGISTER_COLUMNS, type Envelope, type ImportResult } from '../types'

const r2 = (x: number) => Math.round(x * 100) / 100
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const STAFF = 'dev-staff'

/** The register's rows, one per person, as the template has them (births as text, areas as numbers). */
export function registerRows(households: number): { rows: (string | number | null)[][]; members: number } {
  const rows: (string | number | null)[][] = []
  let members = 0
  for (let i = 0; i < households; i++) {
    const building = `${50 + Math.floor(i / 150)}栋`
    const unit = `${1 + (Math.floor(i / 50) % 3)}单元`
    const room = `${1 + Math.floor((i % 50) / 2)}${String(1 + (i % 2)).padStart(2, '0')}`
    const area = 60 + (i % 80) + 0.5
    if (i % 50 === 49) {
      rows.push([building, unit, room, null, null, null, null, area, '星河置业有限公司', 'XH-DEV', '开发商未售'])
      continue
    }
    // one owner in ten also holds the next flat: the same owner number on both
    const owner = i % 10 === 1 ? i - 1 : i
    const ref = `O-${owner}`
    const head = `户主${i}`
    rows.push([building, unit, room, head, '户主', '1958-03-01', `139${String(i).padStart(8, '0')}`, area, `业主${owner}`, ref, '已交付'])
    rows.push([building, unit, room, `配偶${i}`, '配偶', '1960', null, null, null, null, null])
    rows.push([building, unit, room, `子女${i}`, '子女', `${1995 + (i % 20)}-05-20`, null, null, null, null, null])
    members += 3
  }
  return { rows, members }
}

async function xlsxOf(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('住户名册')
  ws.addRow([...REGISTER_COLUMNS])
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const csvOf = (rows: (string | number | null)[][]) => [[...REGISTER_COLUMNS], ...rows].map((r) => r.map((c) => c ?? '').join(',')).join('\r\n')

/** One import on a fresh, seeded, file-backed database: ms of the sheets.importRegister call, and what it wrote. */
async function importOnce(name: string, bytes: Buffer): Promise<{ ms: number; result: ImportResult; households: number; members: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sheets-'))
  const local = useLocalCloudBase({ dataDir: dir })
  const uninstallWx = installLocalWx()
  try {
    await seedDemo()
    const { fileID } = await storage.uploadFile({ cloudPath: `uploads/${STAFF}/bench/${name}`, fileContent: bytes })
    const t = performance.now()
    const answer = (await sheets({ action: 'importRegister', data: { communityId: 'c-xingfu', fileID } }, platformContext(STAFF))) as Envelope<ImportResult>
    const ms = performance.now() - t
    if (!answer.ok) throw new Error(`importRegister: ${answer.error.code} ${answer.error.message} ${JSON.stringify(answer.error.issues?.slice(0, 3))}`)
    const households = (await findAll('households', { communityId: 'c-xingfu' }, [], 100_000)).length
    const members = (await findAll('members', { communityId: 'c-xingfu' }, [], 100_000)).length
    return { ms, result: answer.data, households, members }
  } finally {
    uninstallWx()
    local.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchSheets(households = Number(process.env.SHEETS_BENCH_HOUSEHOLDS ?? 3000), runs = Number(process.env.SHEETS_BENCH_RUNS ?? 3)) {
  const { rows, members } = registerRows(households)
  let t = performance.now()
  const xlsx = await xlsxOf(rows)
  const writeMs = performance.now() - t
  const csv = iconv.encode(csvOf(rows), 'gbk')

  // the first read pays for compiling exceljs's code paths, as an instance's first call does
  const readMs: number[] = []
  let read: Awaited<ReturnType<typeof readTable>> = []
  for (let i = 0; i < 2; i++) {
    t = performance.now()
    read = await readTable(xlsx)
    readMs.push(performance.now() - t)
  }
  const rss = process.memoryUsage().rss

  const xlsxRuns: number[] = []
  let last: Awaited<ReturnType<typeof importOnce>> | null = null
  for (let i = 0; i < runs; i++) {
    last = await importOnce('register.xlsx', xlsx)
    xlsxRuns.push(last.ms)
  }
  const csvRun = await importOnce('register.csv', csv)
  const r = last!.result
  return {
    'households in the file': households,
    'rows (one per person, plus empty flats)': rows.length,
    'members in the file': members,
    '.xlsx KB': r2(xlsx.length / 1024),
    'GBK .csv KB': r2(csv.length / 1024),
    'writing the .xlsx (exceljs) ms': r2(writeMs),
    'reading the .xlsx alone, first / again ms': readMs.map((x) => Math.round(x)).join(' / '),
    'rows read': read.length,
    'process RSS after reading MB': r2(rss / 1024 / 1024),
    [`import .xlsx end to end, median of ${runs} ms`]: r2(median(xlsxRuns)),
    'import .xlsx runs (first in the process first) ms': xlsxRuns.map((x) => Math.round(x)).join(' / '),
    'import GBK .csv end to end ms': r2(csvRun.ms),
    imported: `${r.buildings} buildings, ${r.units} units, ${r.households} households, ${r.members} members, ${r.owners} owners`,
    'households in 幸福社区 after (incl. demo)': last!.households,
    'members in 幸福社区 after (incl. demo)': last!.members,
    'csv import equals xlsx import': JSON.stringify(csvRun.result) === JSON.stringify(r),
  }
}

if (require.main === module) {
  benchSheets().then(
    (row) => console.table(row),
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
