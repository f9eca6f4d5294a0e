import {
  HEAD_RELATION,
  MAX_IMPORT_ROWS,
  type BuildingDoc,
  type Community,
  type HouseholdDoc,
  type InputIssue,
  type MemberDoc,
  type OwnerDoc,
  type Ownership,
  type UnitDoc,
} from '../../../types'
import { shanghaiDay } from '../time'
import { naturalSort } from './places'
import { normalizeBirth, ownerKey } from './register'

/**
 * The household register from a spreadsheet: one row per person (household columns may repeat on each of its rows or
 * be filled on one of them only), and a row without a name for a dwelling where nobody is registered (an owner who
 * lives elsewhere, an unsold unit). Header names are accepted as staff's spreadsheets have them, Chinese first.
 */
const COLUMNS = {
  building: ['楼栋', '楼号', 'building'],
  unit: ['单元', 'unit'],
  room: ['房号', '门牌', 'room'],
  name: ['姓名', '户主', 'name', 'holder'],
  relation: ['与户主关系', '关系', 'relation'],
  birth: ['出生日期', '出生年月', '出生年份', 'birth'],
  adult: ['是否成年', 'adult'],
  phone: ['电话', '手机', '手机号', '联系电话', 'phone'],
  area: ['面积', '专有面积', '专有部分面积', '建筑面积', 'area'],
  ownerName: ['产权人', '业主', '业主姓名', 'owner_name'],
  ownerRef: ['产权人编号', '业主编号', 'owner_ref'],
  ownership: ['产权状态', 'ownership'],
  /** an older template's yes/no: "the head of household owns the dwelling" */
  ownsHome: ['产权', '是否业主', 'owner'],
} as const
type Column = keyof typeof COLUMNS
const REQUIRED: Column[] = ['building', 'unit', 'room']

/**
 * One row of a table as staff filled it in: the worksheet it is on (null for a CSV file, which has one table) and its
 * line number there as their spreadsheet program shows it, so every problem can be pointed at.
 */
export interface TableRow {
  sheet: string | null
  line: number
  cells: string[]
}

/** Where a row is, in the words the problems use: 第3行, or 工作表“住户名册”第3行 when the file has sheets. */
const where = (r: Pick<TableRow, 'sheet' | 'line'>): string => (r.sheet === null ? `第${r.line}行` : `工作表“${r.sheet}”第${r.line}行`)
/** A row another row is compared with: its line alone when both are on the same sheet. */
const otherRow = (r: Pick<TableRow, 'sheet' | 'line'>, from: Pick<TableRow, 'sheet'>): string => (r.sheet === from.sheet ? `第${r.line}行` : where(r))
/** The issue's path: `line:3`, or `sheet:住户名册:line:3` (Excel forbids ":" in a sheet's name, so it splits cleanly). */
const pathOf = (r: Pick<TableRow, 'sheet' | 'line'>): string => (r.sheet === null ? `line:${r.line}` : `sheet:${r.sheet}:line:${r.line}`)

export interface Existing {
  buildings: BuildingDoc[]
  units: UnitDoc[]
  households: Pick<HouseholdDoc, 'unitId' | 'room'>[]
  /** the community's owner identities, so a buyer already on the register keeps one identity */
  owners: Pick<OwnerDoc, '_id' | 'key'>[]
}

export interface ImportDocs {
  buildings: BuildingDoc[]
  units: UnitDoc[]
  households: HouseholdDoc[]
  members: MemberDoc[]
  owners: OwnerDoc[]
}

export interface Generators {
  id: () => string
  placeCode: () => string
}

export type ImportPlan =
  { ok: true; docs: ImportDocs; warnings: string[] } | { ok: false; code: 'IMPORT.EMPTY' | 'IMPORT.TOO_LARGE' | 'IMPORT.INVALID_ROWS'; issues: InputIssue[] }

/** One sheet of the file: its header row, the rows under it, and where the header puts each known column. */
interface Table {
  header: TableRow
  body: TableRow[]
  index: Partial<Record<Column, number>>
  /** the older template named the person column 户主 and had one row per household: that person heads it */
  nameIsHead: boolean
}

const columnsOf = (header: TableRow): Partial<Record<Column, number>> => {
  const index: Partial<Record<Column, number>> = {}
  header.cells.forEach((h, i) => {
    const name = h.trim().toLowerCase()
    for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (names.includes(name) && index[col] === undefined) index[col] = i
    }
  })
  return index
}

/**
 * The register's tables in the file: on each sheet the first row is its header. A sheet whose header names none of
 * the register's columns (a 填写说明 sheet beside the table) is not a table of the register, unless no sheet is.
 */
function tablesOf(rows: TableRow[]): Table[] {
  const sheets = new Map<string | null, TableRow[]>()
  for (const r of rows) {
    const list = sheets.get(r.sheet)
    if (list) list.push(r)
    else sheets.set(r.sheet, [r])
  }
  const all = [...sheets.values()].map(([header, ...body]): Table => {
    const index = columnsOf(header)
    return { header, body, index, nameIsHead: index.name !== undefined && header.cells[index.name].trim() === '户主' && index.relation === undefined }
  })
  const named = all.filter((t) => Object.keys(t.index).length > 0)
  return named.length ? named : all.slice(0, 1)
}

const YES = new Set(['是', 'y', 'yes', '1', 'true', '业主'])
const NO = new Set(['否', 'n', 'no', '0', 'false', '租户'])
const OWNERSHIP_WORDS: Record<string, Ownership> = {
  已交付: 'owned',
  自有: 'owned',
  自住: 'owned',
  出租: 'owned',
  已售: 'owned',
  开发商未售: 'unsold',
  未售: 'unsold',
  已售未交付: 'undelivered',
  未交付: 'undelivered',
}

interface HouseholdDraft {
  key: string
  row: TableRow
  building: string
  unit: string
  room: string
  area: { value: number | null; row: TableRow } | null
  owner: { name: string; ref: string; ownership: Ownership; row: TableRow } | null
  members: { row: TableRow; name: string; relation: string | null; birth: string | null; adult: boolean | null; phone: string | null }[]
}

/**
 * Turns the rows of a register table — a CSV file's, or an Excel workbook's sheets' — into the buildings, units,
 * households, members and owners to create. Pure: everything it needs comes in, and any bad row makes the whole
 * import fail with every problem listed by sheet and line. Warnings are what imports but deserves a look (rows that
 * share an owner by name only).
 */
export function planImport(rows: TableRow[], community: Community, existing: Existing, gen: Generators, at: string): ImportPlan {
  const tables = tablesOf(rows)
  const count = tables.reduce((n, t) => n + t.body.length, 0)
  if (count === 0) return { ok: false, code: 'IMPORT.EMPTY', issues: [{ path: 'file', message: '文件中没有住户数据（第一行应为表头）' }] }
  if (count > MAX_IMPORT_ROWS) {
    return { ok: false, code: 'IMPORT.TOO_LARGE', issues: [{ path: 'file', message: `一次最多导入${MAX_IMPORT_ROWS}行，这个文件有${count}行，请分批导入` }] }
  }
  const headerIssues = tables.flatMap((t) => {
    const missing = REQUIRED.filter((c) => t.index[c] === undefined)
    return missing.length ? [{ path: pathOf(t.header), message: `${where(t.header)}：表头缺少 ${missing.map((c) => COLUMNS[c][0]).join('、')} 列` }] : []
  })
  if (headerIssues.length) return { ok: false, code: 'IMPORT.INVALID_ROWS', issues: headerIssues }
  const today = shanghaiDay(at)

  // problems in the order of the file: by sheet, then by line
  const order = new Map(tables.map((t, i) => [t.header.sheet, i]))
  const found: { row: TableRow; issue: InputIssue }[] = []
  const report = (row: TableRow, message: string) => found.push({ row, issue: { path: pathOf(row), message: `${where(row)}：${message}` } })
  const drafts = new Map<string, HouseholdDraft>()
  const rowsOfTables = tables.flatMap((t) => t.body.map((row) => ({ row, table: t })))
  for (const { row, table } of rowsOfTables) {
    const { index, nameIsHead } = table
    const get = (c: Column) => (index[c] === undefined ? '' : (row.cells[index[c]!] ?? '').trim())
    const problem = (message: string) => report(row, message)
    const before = found.length
    const building = get('building')
    const unit = get('unit')
    const room = get('room')
    if (!building || building.length > 20) problem('楼栋名称不能为空且不超过20个字')
    if (!unit || unit.length > 20) problem('单元名称不能为空且不超过20个字')
    if (!/^[0-9A-Za-z-]{1,10}$/.test(room)) problem('房号只能是数字、字母或短横线，最多10位')

    const name = get('name')
    const relationText = get('relation')
    const birthText = get('birth')
    const adultText = get('adult').toLowerCase()
    const phone = get('phone').replace(/[\s-]/g, '')
    if (name.length > 20) problem('姓名不超过20个字')
    if (relationText.length > 10) problem('与户主关系不超过10个字')
    const birth = birthText ? normalizeBirth(birthText, today) : null
    if (birthText && !birth) problem('出生日期格式不正确（如 1950-03-08 或 1950）')
    if (adultText && !YES.has(adultText) && !NO.has(adultText)) problem('是否成年请填写“是”或“否”')
    if (phone && !/^(1\d{10}|\d{7,12})$/.test(phone)) problem('电话号码格式不正确')
    if (!name && (relationText || birthText || adultText || phone)) problem('填写了成员信息但缺少姓名')

    const areaText = get('area')
    const area = areaText === '' ? null : Number(areaText)
    if (area !== null && !(Number.isFinite(area) && area > 0 && area < 10_000)) problem('面积应为大于0的数字（平方米）')
    const ownsText = get('ownsHome').toLowerCase()
    if (ownsText && !YES.has(ownsText) && !NO.has(ownsText)) problem('产权一栏请填写“是”或“否”')
    const ownershipText = get('ownership')
    const ownership: Ownership | null = ownershipText ? (OWNERSHIP_WORDS[ownershipText] ?? null) : null
    if (ownershipText && !ownership) problem('产权状态请填写“已交付”“开发商未售”或“已售未交付”')
    let ownerName = get('ownerName')
    const ownerRef = get('ownerRef')
    if (ownerName.length > 40) problem('产权人不超过40个字')
    if (ownerRef && !/^[0-9A-Za-z-]{1,30}$/.test(ownerRef)) problem('产权人编号只能是数字、字母或短横线，最多30位')
    if (!ownerName && YES.has(ownsText) && name) ownerName = name
    if (!ownerName && (ownerRef || ownershipText)) problem('填写了产权信息但缺少产权人')
    if (found.length > before) continue

    const key = `${building}|${unit}|${room}`
    let d = drafts.get(key)
    if (!d) drafts.set(key, (d = { key, row, building, unit, room, area: null, owner: null, members: [] }))
    if (area !== null) {
      if (d.area && d.area.value !== area) problem(`面积与${otherRow(d.area.row, row)}不一致`)
      else d.area = { value: area, row }
    }
    if (ownerName) {
      const o = { name: ownerName, ref: ownerRef, ownership: ownership ?? 'owned', row }
      if (d.owner && (d.owner.name !== o.name || d.owner.ref !== o.ref || d.owner.ownership !== o.ownership))
        problem(`产权信息与${otherRow(d.owner.row, row)}不一致`)
      else d.owner = o
    }
    if (name) {
      const relation = relationText || (nameIsHead ? HEAD_RELATION : null)
      const twin = d.members.find((m) => m.name === name && m.birth === birth)
      if (twin) problem(`${name} 与${otherRow(twin.row, row)}重复`)
      else d.members.push({ row, name, relation, birth, adult: adultText ? YES.has(adultText) : null, phone: phone || null })
    }
  }

  const docs: ImportDocs = { buildings: [], units: [], households: [], members: [], owners: [] }
  const buildingByName = new Map(existing.buildings.map((b) => [b.name, b]))
  const unitByKey = new Map(existing.units.map((u) => [`${u.buildingId}|${u.name}`, u]))
  const rooms = new Set(existing.households.map((h) => `${h.unitId}|${h.room}`))
  const ownerByKey = new Map<string, string>(existing.owners.map((o) => [o.key, o._id]))
  const unitsByOwnerName = new Map<string, number>()

  for (const d of drafts.values()) {
    let b = buildingByName.get(d.building)
    if (!b) {
      b = {
        _id: gen.id(),
        communityId: community._id,
        streetId: community.streetId,
        gridId: null,
        name: d.building,
        sort: naturalSort(d.building),
        createdAt: at,
      }
      buildingByName.set(d.building, b)
      docs.buildings.push(b)
    }
    let u = unitByKey.get(`${b._id}|${d.unit}`)
    if (!u) {
      u = {
        _id: gen.id(),
        communityId: community._id,
        streetId: community.streetId,
        buildingId: b._id,
        name: d.unit,
        code: gen.placeCode(),
        sort: naturalSort(d.unit),
        createdAt: at,
      }
      unitByKey.set(`${b._id}|${d.unit}`, u)
      docs.units.push(u)
    }
    if (rooms.has(`${u._id}|${d.room}`)) {
      report(d.row, `${d.building} ${d.unit} ${d.room} 已在住户名册中`)
      continue
    }
    let ownerId: string | null = null
    if (d.owner) {
      const kind: OwnerDoc['kind'] = d.owner.ownership === 'owned' ? 'person' : 'developer'
      const key = ownerKey(kind, d.owner.name, d.owner.ref || null)
      ownerId = ownerByKey.get(key) ?? null
      if (!ownerId) {
        ownerId = gen.id()
        ownerByKey.set(key, ownerId)
        docs.owners.push({
          _id: ownerId,
          communityId: community._id,
          streetId: community.streetId,
          kind,
          name: d.owner.name,
          key,
          ref: d.owner.ref || null,
          openid: null,
          createdAt: at,
          updatedAt: at,
        })
      }
      if (kind === 'person' && !d.owner.ref) unitsByOwnerName.set(d.owner.name, (unitsByOwnerName.get(d.owner.name) ?? 0) + 1)
    }
    const householdId = gen.id()
    const head = d.members.find((m) => m.relation === HEAD_RELATION) ?? d.members[0]
    docs.households.push({
      _id: householdId,
      communityId: community._id,
      streetId: community.streetId,
      buildingId: b._id,
      unitId: u._id,
      room: d.room,
      holderName: head?.name ?? '',
      phone: head?.phone ?? null,
      area: d.area?.value ?? null,
      ownerId,
      ownership: d.owner ? d.owner.ownership : null,
      bindCodeHash: null,
      bindCodeExpiresAt: null,
      createdAt: at,
    })
    d.members.forEach((m, i) =>
      docs.members.push({
        _id: gen.id(),
        communityId: community._id,
        streetId: community.streetId,
        householdId,
        buildingId: b._id,
        name: m.name,
        // the first person listed heads a household whose rows do not say
        relation: m.relation ?? (i === 0 && !d.members.some((x) => x.relation === HEAD_RELATION) ? HEAD_RELATION : '家庭成员'),
        birth: m.birth,
        adult: m.adult,
        phone: m.phone,
        openid: null,
        createdAt: at,
        updatedAt: at,
      }),
    )
  }
  if (found.length) {
    const rank = (r: TableRow) => order.get(r.sheet) ?? 0
    const issues = found.sort((a, b) => rank(a.row) - rank(b.row) || a.row.line - b.row.line).map((f) => f.issue)
    return { ok: false, code: 'IMPORT.INVALID_ROWS', issues }
  }
  const warnings = [...unitsByOwnerName]
    .filter(([, n]) => n > 1)
    .map(([name, n]) => `${name} 名下 ${n} 套房屋按同一业主计（未填产权人编号）；如是同名的不同业主，请填写产权人编号区分`)
  return { ok: true, docs, warnings }
}
