import type { BuildingDoc, CommunityDoc, HouseholdDoc, InputIssue, UnitDoc } from '../../types'
import { parseCsv } from './csv'
import { naturalSort } from './views'

/** Header names accepted for each column, Chinese first (as staff's spreadsheets have them). */
const COLUMNS = {
  building: ['楼栋', '楼号', 'building'],
  unit: ['单元', 'unit'],
  room: ['房号', '门牌', 'room'],
  holder: ['户主', '姓名', 'holder', 'name'],
  phone: ['电话', '手机', '手机号', 'phone'],
  area: ['面积', '建筑面积', 'area'],
  owner: ['产权', '是否业主', 'owner'],
} as const
type Column = keyof typeof COLUMNS
const REQUIRED: Column[] = ['building', 'unit', 'room', 'holder']

export const MAX_IMPORT_ROWS = 5000

export interface Existing {
  buildings: BuildingDoc[]
  units: UnitDoc[]
  households: Pick<HouseholdDoc, 'unitId' | 'room'>[]
}

export interface ImportDocs {
  buildings: BuildingDoc[]
  units: UnitDoc[]
  households: HouseholdDoc[]
}

export interface Generators {
  id: () => string
  placeCode: () => string
  bindCode: () => string
}

const YES = new Set(['是', 'y', 'yes', '1', 'true', '业主', ''])
const NO = new Set(['否', 'n', 'no', '0', 'false', '租户'])

/**
 * Turns a household roll CSV into the buildings, units and households to create. Pure: everything it needs
 * comes in, and any bad row makes the whole import fail with every problem listed by line.
 */
export function planImport(
  csv: string,
  community: CommunityDoc,
  existing: Existing,
  gen: Generators,
  at: string,
): { ok: true; docs: ImportDocs } | { ok: false; code: 'IMPORT.EMPTY' | 'IMPORT.TOO_LARGE' | 'IMPORT.INVALID_ROWS'; issues: InputIssue[] } {
  const rows = parseCsv(csv)
  if (rows.length < 2) return { ok: false, code: 'IMPORT.EMPTY', issues: [{ path: 'csv', message: '文件中没有住户数据（第一行应为表头）' }] }
  if (rows.length - 1 > MAX_IMPORT_ROWS) {
    return { ok: false, code: 'IMPORT.TOO_LARGE', issues: [{ path: 'csv', message: `一次最多导入${MAX_IMPORT_ROWS}户` }] }
  }

  const [header, ...body] = rows
  const index: Partial<Record<Column, number>> = {}
  header.cells.forEach((h, i) => {
    const name = h.trim().toLowerCase()
    for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (names.includes(name) && index[col] === undefined) index[col] = i
    }
  })
  const missing = REQUIRED.filter((c) => index[c] === undefined)
  if (missing.length) {
    return {
      ok: false,
      code: 'IMPORT.INVALID_ROWS',
      issues: [{ path: `line:${header.line}`, message: `第${header.line}行：表头缺少 ${missing.map((c) => COLUMNS[c][0]).join('、')} 列` }],
    }
  }

  const issues: InputIssue[] = []
  const docs: ImportDocs = { buildings: [], units: [], households: [] }
  const buildingByName = new Map(existing.buildings.map((b) => [b.name, b]))
  const unitByKey = new Map(existing.units.map((u) => [`${u.buildingId}|${u.name}`, u]))
  const rooms = new Set(existing.households.map((h) => `${h.unitId}|${h.room}`))
  const fileRooms = new Map<string, number>()

  for (const { line, cells } of body) {
    const get = (c: Column) => (index[c] === undefined ? '' : (cells[index[c]!] ?? '').trim())
    const problem = (message: string) => issues.push({ path: `line:${line}`, message: `第${line}行：${message}` })
    const building = get('building')
    const unit = get('unit')
    const room = get('room')
    const holder = get('holder')
    const phone = get('phone').replace(/[\s-]/g, '')
    const areaText = get('area')
    const ownerText = get('owner').toLowerCase()
    const before = issues.length

    if (!building || building.length > 20) problem('楼栋名称不能为空且不超过20个字')
    if (!unit || unit.length > 20) problem('单元名称不能为空且不超过20个字')
    if (!/^[0-9A-Za-z-]{1,10}$/.test(room)) problem('房号只能是数字、字母或短横线，最多10位')
    if (!holder || holder.length > 20) problem('户主姓名不能为空且不超过20个字')
    if (phone && !/^(1\d{10}|\d{7,12})$/.test(phone)) problem('电话号码格式不正确')
    const area = areaText === '' ? null : Number(areaText)
    if (area !== null && !(Number.isFinite(area) && area > 0 && area < 10_000)) problem('面积应为大于0的数字（平方米）')
    if (!YES.has(ownerText) && !NO.has(ownerText)) problem('产权一栏请填写“是”或“否”')
    if (issues.length > before) continue

    let b = buildingByName.get(building)
    if (!b) {
      b = { _id: gen.id(), communityId: community._id, streetId: community.streetId, gridId: null, name: building, sort: naturalSort(building), createdAt: at }
      buildingByName.set(building, b)
      docs.buildings.push(b)
    }
    let u = unitByKey.get(`${b._id}|${unit}`)
    if (!u) {
      u = { _id: gen.id(), communityId: community._id, streetId: community.streetId, buildingId: b._id, name: unit, code: gen.placeCode(), sort: naturalSort(unit), createdAt: at }
      unitByKey.set(`${b._id}|${unit}`, u)
      docs.units.push(u)
    }
    const key = `${u._id}|${room}`
    if (rooms.has(key)) {
      problem(`${building} ${unit} ${room} 已在住户名册中`)
      continue
    }
    if (fileRooms.has(key)) {
      problem(`${building} ${unit} ${room} 与第${fileRooms.get(key)}行重复`)
      continue
    }
    fileRooms.set(key, line)
    docs.households.push({
      _id: gen.id(),
      communityId: community._id,
      streetId: community.streetId,
      buildingId: b._id,
      unitId: u._id,
      room,
      holderName: holder,
      phone: phone || null,
      area,
      isOwner: !NO.has(ownerText),
      bindCode: gen.bindCode(),
      createdAt: at,
    })
  }
  if (issues.length) return { ok: false, code: 'IMPORT.INVALID_ROWS', issues }
  return { ok: true, docs }
}
