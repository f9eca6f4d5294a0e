import { planImport, type Existing, type ImportPlan, type TableRow } from '../../cloudfunctions/_core/domain/registerImport'
import type { Community } from '../../types'

const AT = '2026-11-22T02:00:00.000Z'
const community = { _id: 'c1', streetId: 'st1' } as Community
const none: Existing = { buildings: [], units: [], households: [], owners: [] }
const HEADER = ['楼栋', '单元', '房号', '姓名', '与户主关系', '出生日期', '是否成年', '电话', '面积', '产权人', '产权人编号', '产权状态']

/** A CSV table: the header on line 1, each row after it on the next line. */
const csv = (header: string[], ...body: string[][]): TableRow[] => [header, ...body].map((cells, i) => ({ sheet: null, line: i + 1, cells }))
const sheet = (name: string, header: string[], ...body: string[][]): TableRow[] => [header, ...body].map((cells, i) => ({ sheet: name, line: i + 1, cells }))
const row = (o: Partial<Record<'b' | 'u' | 'r' | 'name' | 'rel' | 'birth' | 'adult' | 'phone' | 'area' | 'owner' | 'ref' | 'own', string>>) => [
  o.b ?? '1栋',
  o.u ?? '1单元',
  o.r ?? '101',
  o.name ?? '',
  o.rel ?? '',
  o.birth ?? '',
  o.adult ?? '',
  o.phone ?? '',
  o.area ?? '',
  o.owner ?? '',
  o.ref ?? '',
  o.own ?? '',
]

const gens = () => {
  let n = 0
  let p = 0
  return { id: () => `id${++n}`, placeCode: () => `CODE${++p}` }
}
const plan = (rows: TableRow[], existing: Existing = none) => planImport(rows, community, existing, gens(), AT)
const ok = (p: ImportPlan) => {
  if (!p.ok) throw new Error(JSON.stringify(p.issues))
  return p
}
const messages = (p: ImportPlan) => (p.ok ? [] : p.issues.map((i) => i.message))

describe('importing a register: the file as a whole', () => {
  it('refuses a file with a header and no rows as empty', () => {
    expect(plan(csv(HEADER))).toEqual({ ok: false, code: 'IMPORT.EMPTY', issues: [{ path: 'file', message: '文件中没有住户数据（第一行应为表头）' }] })
    expect(plan([])).toMatchObject({ ok: false, code: 'IMPORT.EMPTY' })
  })

  it('refuses more than 30 000 rows, saying how many the file has; exactly 30 000 is not refused for its size', () => {
    const many = (n: number) => csv(['楼栋'], ...Array.from({ length: n }, () => ['']))
    expect(plan(many(30_001))).toEqual({
      ok: false,
      code: 'IMPORT.TOO_LARGE',
      issues: [{ path: 'file', message: '一次最多导入30000行，这个文件有30001行，请分批导入' }],
    })
    expect(plan(many(30_000))).toMatchObject({ ok: false, code: 'IMPORT.INVALID_ROWS' })
  })

  it('refuses a header without the building, unit or room column, naming the missing ones and the sheet', () => {
    expect(plan(csv(['楼栋', '姓名'], ['1栋', '张三']))).toEqual({
      ok: false,
      code: 'IMPORT.INVALID_ROWS',
      issues: [{ path: 'line:1', message: '第1行：表头缺少 单元、房号 列' }],
    })
    expect(plan(sheet('住户', ['building', 'unit'], ['1', '1']))).toEqual({
      ok: false,
      code: 'IMPORT.INVALID_ROWS',
      issues: [{ path: 'sheet:住户:line:1', message: '工作表“住户”第1行：表头缺少 房号 列' }],
    })
  })

  it('reads the header names staff use, in any case and with spaces, the first of two alike counting', () => {
    const p = ok(
      plan(csv([' Building ', '单元', '门牌', '户主', '手机', '专有面积', '房号'], ['1栋', '1单元', '101', '张三', '138 0000 0001', '89.5', 'ignored'])),
    )
    expect(p.docs.households).toMatchObject([{ room: '101', holderName: '张三', phone: '13800000001', area: 89.5 }])
  })

  it('skips a sheet naming none of the register’s columns (a 填写说明 beside the table)', () => {
    const rows = [...sheet('填写说明', ['请按表头填写'], ['不要改表头']), ...sheet('住户', ['楼栋', '单元', '房号'], ['1栋', '1单元', '101'])]
    expect(ok(plan(rows)).docs.households).toHaveLength(1)
  })

  it('reads the only sheet when none names a column, and then finds its header lacking', () => {
    const rows = [...sheet('A', ['x'], ['1']), ...sheet('B', ['y'], ['2'])]
    expect(messages(plan(rows))).toEqual(['工作表“A”第1行：表头缺少 楼栋、单元、房号 列'])
  })
})

describe('importing a register: buildings, units, households and members', () => {
  it('creates each building and unit once, in natural order numbers, with a place code per unit', () => {
    const p = ok(plan(csv(HEADER, row({ b: '10栋', r: '101' }), row({ b: '10栋', r: '102' }), row({ b: '2栋', u: '3单元' }))))
    expect(p.docs.buildings).toEqual([
      { _id: 'id1', communityId: 'c1', streetId: 'st1', gridId: null, name: '10栋', sort: 10, createdAt: AT },
      { _id: 'id5', communityId: 'c1', streetId: 'st1', gridId: null, name: '2栋', sort: 2, createdAt: AT },
    ])
    expect(p.docs.units).toEqual([
      { _id: 'id2', communityId: 'c1', streetId: 'st1', buildingId: 'id1', name: '1单元', code: 'CODE1', sort: 1, createdAt: AT },
      { _id: 'id6', communityId: 'c1', streetId: 'st1', buildingId: 'id5', name: '3单元', code: 'CODE2', sort: 3, createdAt: AT },
    ])
    expect(p.docs.households.map((h) => [h.buildingId, h.unitId, h.room])).toEqual([
      ['id1', 'id2', '101'],
      ['id1', 'id2', '102'],
      ['id5', 'id6', '101'],
    ])
    expect(p.warnings).toEqual([])
  })

  it('puts a household in the buildings and units already on the register', () => {
    const existing: Existing = {
      ...none,
      buildings: [{ _id: 'b0', communityId: 'c1', streetId: 'st1', gridId: 'g1', name: '1栋', sort: 1, createdAt: 'x' }],
      units: [{ _id: 'u0', communityId: 'c1', streetId: 'st1', buildingId: 'b0', name: '1单元', code: 'OLD', sort: 1, createdAt: 'x' }],
    }
    const p = ok(plan(csv(HEADER, row({ r: '102' })), existing))
    expect(p.docs.buildings).toEqual([])
    expect(p.docs.units).toEqual([])
    expect(p.docs.households).toMatchObject([{ buildingId: 'b0', unitId: 'u0', room: '102' }])
  })

  it('refuses a room already on the register', () => {
    const existing: Existing = {
      ...none,
      buildings: [{ _id: 'b0', communityId: 'c1', streetId: 'st1', gridId: null, name: '1栋', sort: 1, createdAt: 'x' }],
      units: [{ _id: 'u0', communityId: 'c1', streetId: 'st1', buildingId: 'b0', name: '1单元', code: 'OLD', sort: 1, createdAt: 'x' }],
      households: [{ unitId: 'u0', room: '101' }],
    }
    expect(plan(csv(HEADER, row({ name: '张三' })), existing)).toEqual({
      ok: false,
      code: 'IMPORT.INVALID_ROWS',
      issues: [{ path: 'line:2', message: '第2行：1栋 1单元 101 已在住户名册中' }],
    })
  })

  it('makes a household of a room’s rows, its members in order, the first listed heading it when no row says 户主', () => {
    const p = ok(
      plan(
        csv(
          HEADER,
          row({ name: '张三', birth: '1950-03-08', phone: '13800000001' }),
          row({ name: '李四', rel: '配偶', adult: '是' }),
          row({ name: '张小', adult: '否' }),
        ),
      ),
    )
    expect(p.docs.households).toEqual([
      {
        _id: 'id3',
        communityId: 'c1',
        streetId: 'st1',
        buildingId: 'id1',
        unitId: 'id2',
        room: '101',
        holderName: '张三',
        phone: '13800000001',
        area: null,
        ownerId: null,
        ownership: null,
        bindCodeHash: null,
        bindCodeExpiresAt: null,
        createdAt: AT,
      },
    ])
    expect(p.docs.members).toEqual([
      {
        _id: 'id4',
        communityId: 'c1',
        streetId: 'st1',
        householdId: 'id3',
        buildingId: 'id1',
        name: '张三',
        relation: '户主',
        birth: '1950-03-08',
        adult: null,
        phone: '13800000001',
        openid: null,
        createdAt: AT,
        updatedAt: AT,
      },
      {
        _id: 'id5',
        communityId: 'c1',
        streetId: 'st1',
        householdId: 'id3',
        buildingId: 'id1',
        name: '李四',
        relation: '配偶',
        birth: null,
        adult: true,
        phone: null,
        openid: null,
        createdAt: AT,
        updatedAt: AT,
      },
      {
        _id: 'id6',
        communityId: 'c1',
        streetId: 'st1',
        householdId: 'id3',
        buildingId: 'id1',
        name: '张小',
        relation: '家庭成员',
        birth: null,
        adult: false,
        phone: null,
        openid: null,
        createdAt: AT,
        updatedAt: AT,
      },
    ])
  })

  it('takes the member a row names 户主 as the household’s holder, wherever listed, and nobody else becomes head', () => {
    const p = ok(plan(csv(HEADER, row({ name: '李四', phone: '13800000002' }), row({ name: '张三', rel: '户主', phone: '13800000001' }))))
    expect(p.docs.households[0]).toMatchObject({ holderName: '张三', phone: '13800000001' })
    expect(p.docs.members.map((m) => m.relation)).toEqual(['家庭成员', '户主'])
  })

  it('keeps a dwelling where nobody is registered, with no holder', () => {
    const p = ok(plan(csv(HEADER, row({ area: '90' }))))
    expect(p.docs.households).toMatchObject([{ holderName: '', phone: null, area: 90 }])
    expect(p.docs.members).toEqual([])
  })

  it('reads the older template (户主 column, no relation column) as one head per household', () => {
    const p = ok(plan(csv(['楼栋', '单元', '房号', '户主'], ['1栋', '1单元', '101', '张三'], ['1栋', '1单元', '101', '李四'])))
    expect(p.docs.members.map((m) => m.relation)).toEqual(['户主', '户主'])
  })

  it('with a 姓名 column and no relation column, does not make every person head', () => {
    const p = ok(plan(csv(['楼栋', '单元', '房号', '姓名'], ['1栋', '1单元', '101', '张三'], ['1栋', '1单元', '101', '李四'])))
    expect(p.docs.members.map((m) => m.relation)).toEqual(['户主', '家庭成员'])
  })

  it('takes a household’s area from the one row that gives it, and the same area repeated', () => {
    const p = ok(plan(csv(HEADER, row({ name: '张三' }), row({ name: '李四', area: '88.5' }), row({ name: '王五', area: '88.5' }))))
    expect(p.docs.households[0].area).toBe(88.5)
  })
})

describe('importing a register: owners', () => {
  it('makes an owner identity per owner, a buyer of several rooms once, the developer’s units the developer’s', () => {
    const p = ok(
      plan(
        csv(
          HEADER,
          row({ r: '101', owner: '张三', ref: 'A1' }),
          row({ r: '102', owner: '张三', ref: 'A1', own: '出租' }),
          row({ r: '103', owner: '幸福置业', own: '开发商未售' }),
          row({ r: '104', owner: '幸福置业', own: '已售未交付' }),
        ),
      ),
    )
    expect(p.docs.owners).toEqual([
      { _id: 'id3', communityId: 'c1', streetId: 'st1', kind: 'person', name: '张三', key: 'person:A1', ref: 'A1', openid: null, createdAt: AT, updatedAt: AT },
      {
        _id: 'id6',
        communityId: 'c1',
        streetId: 'st1',
        kind: 'developer',
        name: '幸福置业',
        key: 'developer:幸福置业',
        ref: null,
        openid: null,
        createdAt: AT,
        updatedAt: AT,
      },
    ])
    expect(p.docs.households.map((h) => [h.room, h.ownerId, h.ownership])).toEqual([
      ['101', 'id3', 'owned'],
      ['102', 'id3', 'owned'],
      ['103', 'id6', 'unsold'],
      ['104', 'id6', 'undelivered'],
    ])
    expect(p.warnings).toEqual([])
  })

  it('keeps the identity of an owner already on the register', () => {
    const p = ok(plan(csv(HEADER, row({ owner: '张三', ref: 'A1' })), { ...none, owners: [{ _id: 'o9', key: 'person:A1' }] }))
    expect(p.docs.owners).toEqual([])
    expect(p.docs.households[0].ownerId).toBe('o9')
  })

  it('warns when rooms share an owner by name only, and not for one room or for owners with a number', () => {
    const p = ok(
      plan(
        csv(
          HEADER,
          row({ r: '101', owner: '张三' }),
          row({ r: '102', owner: '张三' }),
          row({ r: '103', owner: '李四' }),
          row({ r: '104', owner: '王五', ref: 'W' }),
          row({ r: '105', owner: '王五', ref: 'W' }),
        ),
      ),
    )
    expect(p.warnings).toEqual(['张三 名下 2 套房屋按同一业主计（未填产权人编号）；如是同名的不同业主，请填写产权人编号区分'])
    expect(p.docs.owners).toHaveLength(3)
  })

  it('takes the head as owner when the older template says they own it, and nobody when they do not', () => {
    const header = ['楼栋', '单元', '房号', '户主', '是否业主']
    const p = ok(plan(csv(header, ['1栋', '1单元', '101', '张三', '是'], ['1栋', '1单元', '102', '李四', '否'], ['1栋', '1单元', '103', '', ''])))
    expect(p.docs.owners.map((o) => o.name)).toEqual(['张三'])
    expect(p.docs.households.map((h) => h.ownership)).toEqual(['owned', null, null])
  })
})

describe('importing a register: problems, every one listed by sheet and line', () => {
  test.each<[string, string[], string]>([
    ['no building', row({ b: '' }), '楼栋名称不能为空且不超过20个字'],
    ['a building name of 21 characters', row({ b: '楼'.repeat(21) }), '楼栋名称不能为空且不超过20个字'],
    ['no unit', row({ u: '' }), '单元名称不能为空且不超过20个字'],
    ['a unit name of 21 characters', row({ u: '单'.repeat(21) }), '单元名称不能为空且不超过20个字'],
    ['a room with a space', row({ r: '1 01' }), '房号只能是数字、字母或短横线，最多10位'],
    ['a room of 11 characters', row({ r: '12345678901' }), '房号只能是数字、字母或短横线，最多10位'],
    ['a name of 21 characters', row({ name: '张'.repeat(21) }), '姓名不超过20个字'],
    ['a relation of 11 characters', row({ name: '张三', rel: '关'.repeat(11) }), '与户主关系不超过10个字'],
    ['a birth that is no date', row({ name: '张三', birth: '三月' }), '出生日期格式不正确（如 1950-03-08 或 1950）'],
    ['a birth after today', row({ name: '张三', birth: '2026-11-23' }), '出生日期格式不正确（如 1950-03-08 或 1950）'],
    ['an adult mark neither yes nor no', row({ name: '张三', adult: '也许' }), '是否成年请填写“是”或“否”'],
    ['a phone of six digits', row({ name: '张三', phone: '123456' }), '电话号码格式不正确'],
    ['a phone with letters', row({ name: '张三', phone: '1380000000a' }), '电话号码格式不正确'],
    ['member details without a name', row({ phone: '13800000001' }), '填写了成员信息但缺少姓名'],
    ['a relation without a name', row({ rel: '配偶' }), '填写了成员信息但缺少姓名'],
    ['a birth without a name', row({ birth: '1950' }), '填写了成员信息但缺少姓名'],
    ['an adult mark without a name', row({ adult: '是' }), '填写了成员信息但缺少姓名'],
    ['an area of zero', row({ area: '0' }), '面积应为大于0的数字（平方米）'],
    ['an area of 10 000 m²', row({ area: '10000' }), '面积应为大于0的数字（平方米）'],
    ['an area that is no number', row({ area: '九十' }), '面积应为大于0的数字（平方米）'],
    ['an ownership state not in the list', row({ owner: '张三', own: '抵押' }), '产权状态请填写“已交付”“开发商未售”或“已售未交付”'],
    ['an owner name of 41 characters', row({ owner: '张'.repeat(41) }), '产权人不超过40个字'],
    ['an owner number with a space', row({ owner: '张三', ref: 'A 1' }), '产权人编号只能是数字、字母或短横线，最多30位'],
    ['an owner number of 31 characters', row({ owner: '张三', ref: '1'.repeat(31) }), '产权人编号只能是数字、字母或短横线，最多30位'],
    ['an owner number without an owner', row({ ref: 'A1' }), '填写了产权信息但缺少产权人'],
    ['an ownership state without an owner', row({ own: '已交付' }), '填写了产权信息但缺少产权人'],
  ])('%s', (_label, cells, message) => {
    expect(plan(csv(HEADER, cells))).toEqual({ ok: false, code: 'IMPORT.INVALID_ROWS', issues: [{ path: 'line:2', message: `第2行：${message}` }] })
  })

  test.each<[string, string[]]>([
    ['a building name of 20 characters', row({ b: '楼'.repeat(20) })],
    ['a unit name of 20 characters', row({ u: '单'.repeat(20) })],
    ['a room of 10 characters with a dash and letters', row({ r: 'A-12345678' })],
    ['a name of 20 characters', row({ name: '张'.repeat(20) })],
    ['a relation of 10 characters', row({ name: '张三', rel: '关'.repeat(10) })],
    ['a phone of seven digits', row({ name: '张三', phone: '1234567' })],
    ['a phone of twelve digits with dashes', row({ name: '张三', phone: '0571-88886666' })],
    ['an adult mark in English', row({ name: '张三', adult: 'YES' })],
    ['an area just under 10 000 m²', row({ area: '9999.99' })],
    ['an owner name of 40 characters', row({ owner: '张'.repeat(40) })],
    ['an owner number of 30 characters', row({ owner: '张三', ref: '1'.repeat(30) })],
  ])('accepts %s', (_label, cells) => {
    expect(plan(csv(HEADER, cells)).ok).toBe(true)
  })

  it('lists every problem of a row, and of every row, in the order of the file', () => {
    const p = plan([
      ...sheet('二号楼', HEADER, row({ b: '', r: '1 01' })),
      ...sheet('一号楼', HEADER, row({ name: '张三' }), row({ name: '张三' }), row({ area: '-1' })),
    ])
    expect(p).toEqual({
      ok: false,
      code: 'IMPORT.INVALID_ROWS',
      issues: [
        { path: 'sheet:二号楼:line:2', message: '工作表“二号楼”第2行：楼栋名称不能为空且不超过20个字' },
        { path: 'sheet:二号楼:line:2', message: '工作表“二号楼”第2行：房号只能是数字、字母或短横线，最多10位' },
        { path: 'sheet:一号楼:line:3', message: '工作表“一号楼”第3行：张三 与第2行重复' },
        { path: 'sheet:一号楼:line:4', message: '工作表“一号楼”第4行：面积应为大于0的数字（平方米）' },
      ],
    })
  })

  it('names the other row of a conflict with its sheet when it is on another sheet', () => {
    const p = plan([...sheet('甲', HEADER, row({ area: '90' })), ...sheet('乙', HEADER, row({ area: '91' }))])
    expect(messages(p)).toEqual(['工作表“乙”第2行：面积与工作表“甲”第2行不一致'])
  })

  it('refuses rows of one room that disagree on the area or on the owner', () => {
    expect(messages(plan(csv(HEADER, row({ area: '90' }), row({ area: '91' }))))).toEqual(['第3行：面积与第2行不一致'])
    expect(messages(plan(csv(HEADER, row({ owner: '张三' }), row({ owner: '李四' }))))).toEqual(['第3行：产权信息与第2行不一致'])
    expect(messages(plan(csv(HEADER, row({ owner: '张三', ref: '1' }), row({ owner: '张三', ref: '2' }))))).toEqual(['第3行：产权信息与第2行不一致'])
    expect(messages(plan(csv(HEADER, row({ owner: '张三' }), row({ owner: '张三', own: '未售' }))))).toEqual(['第3行：产权信息与第2行不一致'])
    expect(ok(plan(csv(HEADER, row({ owner: '张三' }), row({ owner: '张三', own: '自住' })))).docs.owners).toHaveLength(1)
  })

  it('lets two people of one name in a room differ by birth', () => {
    expect(ok(plan(csv(HEADER, row({ name: '张伟', birth: '1980' }), row({ name: '张伟', birth: '2005' })))).docs.members).toHaveLength(2)
  })

  it('reads a short row’s missing cells as empty', () => {
    expect(ok(plan(csv(HEADER, ['1栋', '1单元', '101']))).docs.households).toHaveLength(1)
  })
})
