import iconv from 'iconv-lite'
import { cellId, countTickets, figuresOf, zeroCounts, type Cell } from '../../cloudfunctions/_core/domain/counters'
import { collection, findAll } from '../../cloudfunctions/_core/repos/base'
import { ballotsOf } from '../../cloudfunctions/_core/repos/council'
import { demoIds } from '../../local/demo'
import { REGISTER_COLUMNS, TICKET_STATE_LABELS, type MemberDoc, type SheetFile, type TicketDoc } from '../../types'
import { RATE_LABELS } from '../../types/dashboardLabels'
import { HEPING, P, XINGFU, as, errorCode, ok, snapshot, upload, useWorld } from '../support/world'
import { activeVote, atResolution, openVote, paperVotes } from './council.helpers'
import { exists, records, sheetsOf, uploaded, xlsxOf } from './sheets.helpers'
import { accepted, report, resolved } from './tickets.helpers'
import { START, END, at, published, shownCode } from './volunteers.helpers'

const world = useWorld()

const HEADER = ['楼栋', '单元', '房号', '姓名', '与户主关系', '出生日期', '电话', '面积', '产权人', '产权人编号', '产权状态']
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))
/** The register of register.test.ts, as Excel holds it once typed in: room numbers, phones and areas as numbers, births as dates. */
const REGISTER_ROWS = [
  ['9栋', '1单元', 101, '张三', '户主', day(1950, 1, 2), 13900000011, 90, '张三', 'A1', '已交付'],
  ['9栋', '1单元', 101, '李四', '配偶', 1952, null, null, null, null, null],
  ['9栋', '1单元', 101, '张小', '子女', day(2015, 6, 1), null, null, null, null, null],
  ['9栋', '1单元', 102, null, null, null, null, 80, '张三', 'A1', null],
  ['9栋', '1单元', 201, '王五', '户主', day(1970, 3, 3), null, 70, '王五', null, null],
  ['9栋', '2单元', 201, '赵六', '户主', day(1980, 8, 8), null, 70, '王五', null, null],
  ['9栋', '2单元', 301, null, null, null, null, 100, '星光置业', null, '开发商未售'],
  ['9栋', '2单元', 302, '孙七', '户主', day(1990, 9, 9), null, 100, '星光置业', null, '已售未交付'],
]
const REGISTER_RESULT = {
  buildings: 1,
  units: 2,
  households: 6,
  members: 6,
  owners: 3,
  warnings: ['王五 名下 2 套房屋按同一业主计（未填产权人编号）；如是同名的不同业主，请填写产权人编号区分'],
}
const csvOf = (rows: unknown[][]) =>
  [HEADER, ...rows].map((r) => r.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : (c ?? ''))).join(',')).join('\r\n')

const importAs = (openid: string, fileID: string, communityId = XINGFU) => as(openid)('sheets', 'importRegister', { communityId, fileID })
const member = async (name: string) => (await findAll<MemberDoc>('members', { communityId: XINGFU, name }))[0]
/** The workbook an export answered, read back as Excel would open it. */
const opened = async (file: SheetFile) => sheetsOf(world.stored(file.fileID)!)

describe('sheets: importing the register', () => {
  test('when staff upload the register as an .xlsx from Excel, then households, members and owners are imported as from CSV, and the uploaded copy is deleted', async () => {
    const file = await xlsxOf([
      { name: '住户名册', rows: [HEADER, ...REGISTER_ROWS] },
      // beside the table: how to fill it in, and a hidden list of choices; neither is a table of the register
      { name: '填写说明', rows: [['说明'], ['每行一人，同一户的面积和产权填在其中一行即可']] },
      {
        name: '选项',
        rows: [
          ['楼栋', '单元', '房号'],
          ['不是', '数据', '!!'],
        ],
        hidden: true,
      },
    ])
    const fileID = await uploaded(P.staff, 'register.xlsx', file)
    expect(ok(await importAs(P.staff, fileID))).toEqual(REGISTER_RESULT)
    expect(await member('张三')).toMatchObject({ relation: '户主', birth: '1950-01-02', phone: '13900000011' })
    expect(await member('李四')).toMatchObject({ relation: '配偶', birth: '1952' })
    const page = ok(await as(P.staff)('places', 'households', { communityId: XINGFU, q: '张三' }))
    expect(page.items.map((h) => [h.label, h.members, h.adults, h.ownerName, h.area])).toEqual([['9栋 1单元 101', 3, 2, '张三', 90]])
    expect(await exists(fileID)).toBe(false)
  })

  test('when the register is a CSV saved by Chinese Excel in GBK, then it is read as Chinese', async () => {
    const fileID = await uploaded(P.staff, 'register.csv', iconv.encode(csvOf(REGISTER_ROWS), 'gbk'))
    expect(ok(await importAs(P.staff, fileID))).toEqual(REGISTER_RESULT)
    expect(await member('孙七')).toMatchObject({ relation: '户主', birth: '1990-09-09' })
  })

  test('when the register is a CSV in UTF-8 with the BOM Excel writes, then the header is still recognised', async () => {
    const fileID = await uploaded(P.staff, 'register.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf(REGISTER_ROWS), 'utf8')]))
    expect(ok(await importAs(P.staff, fileID))).toEqual(REGISTER_RESULT)
    expect(await member('赵六')).toMatchObject({ relation: '户主', birth: '1980-08-08' })
  })

  test('when rows on two sheets are bad, then every bad row is reported by sheet and line in Chinese and nothing at all is imported', async () => {
    const header = HEADER.slice(0, 8)
    const file = await xlsxOf([
      {
        name: '一号楼',
        rows: [
          header,
          ['8栋', '1单元', 101, '好人', '户主', '1960-05-01', null, 90],
          ['8栋', '1单元', null, '无房号'],
          ['8栋', '1单元', 102, '电话错', null, null, '12ab'],
        ],
      },
      { name: '二号楼', rows: [header, ['8栋', '1单元', 101, '好人', '户主', day(1960, 5, 1)], ['1栋', '1单元', 301, '已存在']] },
    ])
    const fileID = await uploaded(P.staff, 'bad.xlsx', file)
    const before = await snapshot()
    const answer = await importAs(P.staff, fileID)
    expect(errorCode(answer)).toBe('IMPORT.INVALID_ROWS')
    expect(answer.ok ? null : answer.error.issues).toEqual([
      { path: 'sheet:一号楼:line:3', message: '工作表“一号楼”第3行：房号只能是数字、字母或短横线，最多10位' },
      { path: 'sheet:一号楼:line:4', message: '工作表“一号楼”第4行：电话号码格式不正确' },
      { path: 'sheet:二号楼:line:2', message: '工作表“二号楼”第2行：好人 与工作表“一号楼”第2行重复' },
      { path: 'sheet:二号楼:line:3', message: '工作表“二号楼”第3行：1栋 1单元 301 已在住户名册中' },
    ])
    expect(await snapshot()).toEqual(before)
  })

  test('when a sheet lacks a required column, then its header line is reported with the sheet', async () => {
    const fileID = await uploaded(
      P.staff,
      'header.xlsx',
      await xlsxOf([
        {
          name: 'Sheet1',
          rows: [
            ['楼栋', '单元', '姓名'],
            ['9栋', '1单元', '某某'],
          ],
        },
      ]),
    )
    const answer = await importAs(P.staff, fileID)
    expect(answer.ok ? null : answer.error.issues).toEqual([{ path: 'sheet:Sheet1:line:1', message: '工作表“Sheet1”第1行：表头缺少 房号 列' }])
  })

  test('when a resident, staff of another community, or staff naming someone else’s upload import, then it is refused and nothing changes', async () => {
    const file = await xlsxOf([{ name: '住户名册', rows: [HEADER, ...REGISTER_ROWS] }])
    const before = await snapshot()
    expect(errorCode(await importAs(P.resident, await uploaded(P.resident, 'r.xlsx', file)))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await importAs(P.staffHeping, await uploaded(P.staffHeping, 'r.xlsx', file)))).toBe('AUTH.FORBIDDEN')
    // a resident's upload, named by staff: only one's own uploads can be used
    const theirs = await uploaded(P.resident, 'theirs.xlsx', file)
    expect(errorCode(await importAs(P.staff, theirs))).toBe('UPLOAD.NOT_YOURS')
    expect(await snapshot()).toEqual(before)
    expect(await exists(theirs)).toBe(true)
    // staff of 和平社区 import into their own community
    expect(ok(await importAs(P.staffHeping, await uploaded(P.staffHeping, 'mine.xlsx', file), HEPING)).households).toBe(6)
  })

  test('when the file is over 8 MB or over 30 000 rows, then IMPORT.TOO_LARGE says so in Chinese and nothing changes', async () => {
    const before = await snapshot()
    const big = await importAs(P.staff, await uploaded(P.staff, 'big.csv', Buffer.alloc(8 * 1024 * 1024 + 1, 0x41)))
    expect(big).toMatchObject({ ok: false, error: { code: 'IMPORT.TOO_LARGE', message: '文件超过8MB，请分批导入' } })
    const rows = Array.from({ length: 30_001 }, (_, i) => ['20栋', '1单元', String(1000 + i), `人${i}`])
    const many = await importAs(P.staff, await uploaded(P.staff, 'many.csv', Buffer.from(csvOf(rows), 'utf8')))
    expect(many).toMatchObject({
      ok: false,
      error: { code: 'IMPORT.TOO_LARGE', issues: [{ path: 'file', message: '一次最多导入30000行，这个文件有30001行，请分批导入' }] },
    })
    expect(await snapshot()).toEqual(before)
  })

  test('when an .xlsx would unpack to far more than a register, then it is refused before it is unpacked', async () => {
    // a zip whose directory declares one entry of 2 GB: what a "zip bomb" says of itself
    const name = Buffer.from('xl/worksheets/sheet1.xml')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt32LE(0x7fff0000, 24)
    central.writeUInt16LE(name.length, 28)
    const eocd = Buffer.alloc(22)
    eocd.writeUInt32LE(0x06054b50, 0)
    eocd.writeUInt16LE(1, 8)
    eocd.writeUInt16LE(1, 10)
    eocd.writeUInt32LE(46 + name.length, 12)
    eocd.writeUInt32LE(30 + name.length, 16)
    const bomb = Buffer.concat([local, name, central, name, eocd])
    const answer = await importAs(P.staff, await uploaded(P.staff, 'bomb.xlsx', bomb))
    expect(answer).toMatchObject({ ok: false, error: { code: 'IMPORT.TOO_LARGE', message: '这个 Excel 文件解压后过大，不像是住户名册，请检查后分批导入' } })
  })

  test('when the file is an old .xls or not a table at all, then IMPORT.FILE_UNREADABLE says what to do', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])
    expect(await importAs(P.staff, await uploaded(P.staff, 'old.xls', xls))).toMatchObject({
      ok: false,
      error: { code: 'IMPORT.FILE_UNREADABLE', message: '这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再导入' },
    })
    const broken = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0])
    expect(errorCode(await importAs(P.staff, await uploaded(P.staff, 'broken.xlsx', broken)))).toBe('IMPORT.FILE_UNREADABLE')
    expect(errorCode(await importAs(P.staff, upload(P.staff, 'never-uploaded.xlsx')))).toBe('IMPORT.FILE_UNREADABLE')
  })
})

describe('sheets: the register template', () => {
  test('when staff download the template and import it as it is, then its columns are the import’s and its example rows go in', async () => {
    const t = ok(await as(P.staff)('sheets', 'registerTemplate', { communityId: XINGFU }))
    expect(t.filename).toBe('住户名册导入模板-幸福社区-20261122.xlsx')
    // a private file, reached only by a signed link that expires
    expect(t.url).toMatch(/\/files\/private\/exports\/c-xingfu\/[0-9a-f]{32}\.xlsx\?expires=\d+&sig=[0-9a-f]{64}$/)
    const book = await opened(t)
    expect([...book.keys()]).toEqual(['住户名册', '填写说明'])
    expect(book.get('住户名册')![0]).toEqual([...REGISTER_COLUMNS])

    const fileID = await uploaded(P.staff, '模板.xlsx', world.stored(t.fileID)!)
    expect(ok(await importAs(P.staff, fileID))).toEqual({ buildings: 1, units: 1, households: 3, members: 2, owners: 2, warnings: [] })
    expect(await member('周大明')).toMatchObject({ relation: '户主', birth: '1958-04-02', phone: '13911110001' })
    const page = ok(await as(P.staff)('places', 'households', { communityId: XINGFU, q: '301' }))
    expect(page.items.find((h) => h.label === '9栋 1单元 301')).toMatchObject({ ownerName: '星河置业有限公司', ownership: 'unsold', area: 120, members: 0 })
  })
})

/** Every stored ticket of 幸福社区, as a recount reads them. */
const storedTickets = () => findAll<TicketDoc>('tickets', { communityId: XINGFU }, [], 10_000)

describe('sheets: exports', () => {
  test('when staff export the ticket list with a grid filter, then the rows are that grid’s tickets, each as the list shows it', async () => {
    const mine = [await report(), await accepted(), await resolved()]
    await report(P.resident2, { placeCode: demoIds.unitCode(XINGFU, 4, 2), category: 'noise' })
    const gridId = demoIds.grid(XINGFU, 0)
    const file = ok(await as(P.staff)('sheets', 'exportTickets', { communityId: XINGFU, gridId }))
    const book = await opened(file)
    const rows = records(book.get('报事列表')!)
    const recount = (await storedTickets()).filter((t) => t.gridId === gridId)
    expect(file.rows).toBe(recount.length)
    expect(rows.map((r) => r['编号']).sort()).toEqual(recount.map((t) => t._id).sort())
    expect(rows.map((r) => r['编号']).sort()).toEqual(mine.map((t) => t.id).sort())
    const listed = ok(await as(P.staff)('tickets', 'list', { communityId: XINGFU, gridId }))
    for (const t of listed.items) {
      const r = rows.find((x) => x['编号'] === t.id)!
      expect(r).toMatchObject({
        状态: TICKET_STATE_LABELS[t.state],
        类别: t.categoryLabel,
        地点: t.placeLabel,
        内容: t.excerpt,
        是否超时: t.overdue ? '是' : '否',
      })
      // Excel shows Shanghai's clock
      expect((r['提交时间'] as Date).getTime()).toBe(Date.parse(t.createdAt) + 8 * 3_600_000)
    }
    expect(records(book.get('导出说明')!)).toEqual(
      expect.arrayContaining([
        { 项目: '筛选条件', 内容: '网格：第一网格' },
        { 项目: '报事件数', 内容: 3 },
      ]),
    )
  })

  test('when the grid leader exports without filters, then only her grid’s tickets are in it, as in her list', async () => {
    const a = await report()
    await report(P.resident2, { placeCode: demoIds.unitCode(XINGFU, 4, 2) })
    const rows = records((await opened(ok(await as(P.gridLeader)('sheets', 'exportTickets', { communityId: XINGFU })))).get('报事列表')!)
    expect(rows.map((r) => r['编号'])).toEqual([a.id])
  })

  test('when staff export the dashboard, then every figure and every table row equals a recount of the stored tickets', async () => {
    await report()
    await accepted()
    const done = await resolved()
    ok(await as(P.resident)('tickets', 'confirm', { ticketId: done.id }))
    ok(await as(P.resident)('tickets', 'rate', { ticketId: done.id, score: 5 }))
    await report(P.resident2, { placeCode: demoIds.unitCode(XINGFU, 4, 2), category: 'noise' })

    const book = await opened(ok(await as(P.staff)('sheets', 'exportDashboard', { communityId: XINGFU })))
    const cells = new Map<string, Cell>()
    countTickets(cells, await storedTickets(), new Set([`community:${XINGFU}` as const]))
    const recounted = (key: string) => figuresOf(cells.get(cellId(`community:${XINGFU}`, key))?.counts ?? zeroCounts())
    const all = recounted('all')
    const overview = records(book.get('总览')!)
    const row = (title: string) => overview.find((r) => r['指标'] === title)!
    expect(row('报事总数')['数量']).toBe(all.total)
    expect(row('未关闭')['数量']).toBe(all.open)
    expect(row('重复投诉')['数量']).toBe(all.repeatComplaints)
    const rates = [
      [RATE_LABELS.responseRate, all.responseRate],
      [RATE_LABELS.confirmed, all.resolutionRate.confirmed],
      [RATE_LABELS.satisfactionRate, all.satisfactionRate],
      [RATE_LABELS.onTimeRate, all.onTimeRate],
      [RATE_LABELS.closedInGridShare, all.closedInGridShare],
    ] as const
    for (const [label, f] of rates) {
      expect({ title: label.title, ...row(label.title) }).toMatchObject({
        title: label.title,
        数量: f.numerator,
        分母: f.denominator,
        比率: f.rate === null ? '—' : Math.round(f.rate * 1000) / 1000,
      })
    }
    expect(all.total).toBe(4)

    const byGrid = records(book.get('按网格')!)
    const dash = ok(await as(P.staff)('tickets', 'dashboard', { communityId: XINGFU }))
    expect(byGrid.map((r) => r['名称'])).toEqual(dash.byGrid.map((g) => g.label))
    for (const g of dash.byGrid) {
      const f = recounted(`grid:${g.key}`)
      expect(byGrid.find((r) => r['名称'] === g.label)).toMatchObject({
        报事数: f.total,
        [RATE_LABELS.responseRate.column]: f.responseRate.rate === null ? '—' : Math.round(f.responseRate.rate * 1000) / 1000,
      })
    }
    expect(records(book.get('按类别')!).reduce((n, r) => n + (r['报事数'] as number), 0)).toBe(all.total)
    expect(records(book.get('按楼栋')!).reduce((n, r) => n + (r['报事数'] as number), 0)).toBe(all.total)
  })

  test('when street staff export the street’s dashboard, then it is the street’s; staff of a community may not', async () => {
    await report()
    const file = ok(await as(P.street)('sheets', 'exportDashboard', { streetId: 'st-chunhui' }))
    expect(file.url).toContain('/files/private/exports/st-chunhui/')
    expect(records((await opened(file)).get('总览')!).find((r) => r['指标'] === '报事总数')!['数量']).toBe(1)
    expect(errorCode(await as(P.staff)('sheets', 'exportDashboard', { streetId: 'st-chunhui' }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.gridMember)('sheets', 'exportDashboard', { communityId: XINGFU }))).toBe('AUTH.FORBIDDEN')
  })

  test('when staff export a year of volunteer service, then the records are the CSV’s rows and the hours each volunteer’s record sums', async () => {
    const a = await published()
    ok(await as(P.resident)('volunteers', 'signup', { activityId: a.id }))
    ok(await as(P.resident2)('volunteers', 'signup', { activityId: a.id }))
    for (const [openid, out] of [
      [P.resident, at(START, 90)],
      [P.resident2, END],
    ] as const) {
      world.clock(START)
      ok(await as(openid)('volunteers', 'checkin', { activityId: a.id, code: await shownCode(a.id) }))
      world.clock(out)
      ok(await as(openid)('volunteers', 'checkout', { activityId: a.id, code: await shownCode(a.id) }))
    }
    const file = ok(await as(P.secretary)('sheets', 'exportVolunteers', { communityId: XINGFU, year: 2026 }))
    expect(file).toMatchObject({ rows: 2, filename: '志愿服务记录-幸福社区-2026年-20261124.xlsx' })
    const book = await opened(file)
    const csv = ok(await as(P.secretary)('volunteers', 'export', { communityId: XINGFU, year: 2026 })).csv
    const csvRows = csv
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','))
    expect(book.get('服务记录')!.map((r) => r.map((c) => String(c ?? '')))).toEqual(csvRows)
    const hours = records(book.get('时长汇总')!)
    for (const openid of [P.resident, P.resident2]) {
      const rec = ok(await as(P.staff)('volunteers', 'record', { communityId: XINGFU, openid }))
      expect(hours.find((h) => h['志愿者姓名'] === rec.name)).toEqual({
        志愿者姓名: rec.name,
        年份: '2026年',
        '参加活动（次）': rec.activities,
        '服务时长（小时）': rec.totalHours,
      })
    }
    expect(errorCode(await as(P.resident)('sheets', 'exportVolunteers', { communityId: XINGFU, year: 2026 }))).toBe('AUTH.FORBIDDEN')
  })

  test('when staff export a closed vote, then the roll says who voted and how but never what, and the tally equals a recount of the ballots', async () => {
    const m = await atResolution()
    const voteId = activeVote(ok(await openVote(m.id, { rollKind: 'residents', unit: 'person' })))
    ok(await as(P.resident)('council', 'vote', { voteId, choice: 'for' }))
    await paperVotes(voteId, 4, 'for')
    await paperVotes(voteId, 2, 'against')
    ok(await as(P.staff)('council', 'closeVote', { voteId }))
    const view = ok(await as(P.staff)('council', 'get', { matterId: m.id })).votes.find((v) => v.id === voteId)!

    const file = ok(await as(P.staff)('sheets', 'exportVote', { voteId }))
    const book = await opened(file)
    const roll = records(book.get('表决名单')!)
    expect(file.rows).toBe(view.rollCount)
    expect(roll).toHaveLength(view.rollCount)
    expect(roll.filter((r) => r['是否已投票'] === '已投票')).toHaveLength(7)
    expect(roll.filter((r) => r['投票方式'] === '纸质票或到会')).toHaveLength(6)
    expect(Object.keys(roll[0])).toEqual(['序号', '名单', '是否已投票', '投票方式', '纸质票编号'])

    const ballots = await ballotsOf(voteId)
    const tally = records(book.get('计票结果')!)
    for (const c of view.choices) expect(tally.find((r) => r['选项'] === c.label)!['票数（人）']).toBe(ballots.filter((b) => b.choice === c.id).length)
    expect(records(book.get('是否达到要求')!).map((r) => [r['指标'], r['实际'], r['总数'], r['要求'], r['是否达到']])).toEqual(
      view.result!.figures.map((f) => [f.label, f.value, f.of, f.threshold, f.met ? '达到' : '未达到']),
    )
    const facts = records(book.get('表决情况')!)
    expect(facts.find((r) => r['项目'] === '结论')!['内容']).toBe(view.result!.passed ? '表决通过' : '表决未通过')
  })

  test('when a resident or staff of another community export a vote or the ticket list, then it is refused and no file is made', async () => {
    const m = await atResolution()
    const voteId = activeVote(ok(await openVote(m.id, { rollKind: 'residents', unit: 'person' })))
    const before = await snapshot()
    for (const who of [P.resident, P.staffHeping]) {
      expect(errorCode(await as(who)('sheets', 'exportVote', { voteId }))).toBe('AUTH.FORBIDDEN')
      expect(errorCode(await as(who)('sheets', 'exportTickets', { communityId: XINGFU }))).toBe('AUTH.FORBIDDEN')
      expect(errorCode(await as(who)('sheets', 'registerTemplate', { communityId: XINGFU }))).toBe('AUTH.FORBIDDEN')
    }
    expect(await snapshot()).toEqual(before)
  })

  test('when more tickets match than one export holds, then EXPORT.TOO_LARGE asks for filters', async () => {
    const { MAX_EXPORT_TICKETS } = await import('../../cloudfunctions/sheets/actions/exportTickets')
    await report()
    const [t] = await storedTickets()
    const copies = Array.from({ length: MAX_EXPORT_TICKETS + 1 }, (_, i) => ({ ...t, _id: `bulk-${String(i).padStart(6, '0')}` }))
    for (let i = 0; i < copies.length; i += 1000) await collection('tickets').add(copies.slice(i, i + 1000))
    const answer = await as(P.staff)('sheets', 'exportTickets', { communityId: XINGFU })
    expect(answer).toMatchObject({ ok: false, error: { code: 'EXPORT.TOO_LARGE' } })
    expect(ok(await as(P.staff)('sheets', 'exportTickets', { communityId: XINGFU, state: 'closed' })).rows).toBe(0)
  })
})
