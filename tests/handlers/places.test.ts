import { demoIds } from '../../local/demo'
import { HEPING, P, XINGFU, as, errorCode, ok, snapshot, useWorld } from '../support/world'

useWorld()

describe('places.resolveCode', () => {
  it('when a resident scans a stairwell code, then community, building, unit and grid are named', async () => {
    const code = demoIds.unitCode(XINGFU, 3, 2)
    const place = ok(await as(P.newcomer)('places', 'resolveCode', { code }))
    expect(place).toEqual({
      code,
      street: { id: 'st-chunhui', name: '春晖街道' },
      community: { id: XINGFU, name: '幸福社区' },
      building: { id: demoIds.building(XINGFU, 3), name: '3栋' },
      unit: { id: demoIds.unit(XINGFU, 3, 2), name: '2单元' },
      grid: { id: demoIds.grid(XINGFU, 0), name: '第一网格' },
    })
  })

  it('when a code is typed in lower case, then it still resolves', async () => {
    const code = demoIds.unitCode(HEPING, 1, 1)
    expect(ok(await as(P.resident)('places', 'resolveCode', { code: code.toLowerCase() })).community.name).toBe('和平社区')
  })

  it('when an unknown code is scanned, then PLACE.UNKNOWN_CODE answers in Chinese', async () => {
    const answer = await as(P.resident)('places', 'resolveCode', { code: 'NOPE2345' })
    expect(answer).toEqual({ ok: false, error: { code: 'PLACE.UNKNOWN_CODE', message: '没有找到这个楼道码，请确认二维码是否完整' } })
  })

  it('when the code holds characters a QR link never carries, then INPUT.INVALID answers', async () => {
    expect(errorCode(await as(P.resident)('places', 'resolveCode', { code: "x' OR 1=1" }))).toBe('INPUT.INVALID')
  })
})

describe('directory and rooms', () => {
  it('when a resident picks their home, then buildings come in natural order with their units, and rooms without names', async () => {
    const dir = ok(await as(P.newcomer)('places', 'directory', { communityId: XINGFU }))
    expect(dir.buildings.map((b) => b.name)).toEqual(['1栋', '2栋', '3栋', '4栋', '5栋', '6栋'])
    expect(dir.buildings[0].units.map((u) => u.name)).toEqual(['1单元', '2单元'])
    const rooms = ok(await as(P.newcomer)('places', 'rooms', { unitId: dir.buildings[0].units[0].id }))
    expect(rooms.map((r) => r.room)).toEqual(['101', '102', '201', '202', '301', '302', '401', '402', '501', '502', '601', '602'])
    expect(Object.keys(rooms[0]).sort()).toEqual(['householdId', 'room'])
  })

  it('when the community list is asked for, then both demo communities appear with their street', async () => {
    const list = ok(await as(P.newcomer)('places', 'communities', {}))
    expect(list.map((c) => `${c.streetName}/${c.name}`).sort()).toEqual(['春晖街道/和平社区', '春晖街道/幸福社区'])
  })
})

describe('communities of a street', () => {
  it('when street staff add a community, then residents can choose it and its name is unique in the street', async () => {
    const created = ok(await as(P.street)('places', 'createCommunity', { streetId: 'st-chunhui', name: '安康社区' }))
    expect(created).toMatchObject({ name: '安康社区', streetName: '春晖街道' })
    const list = ok(await as(P.newcomer)('places', 'communities', { streetId: 'st-chunhui' }))
    expect(list.map((c) => c.name)).toContain('安康社区')
    expect(errorCode(await as(P.street)('places', 'createCommunity', { streetId: 'st-chunhui', name: '幸福社区' }))).toBe('PLACE.DUPLICATE_NAME')
  })

  it('when street staff rename a community, then the new name shows where its places are named', async () => {
    ok(await as(P.street)('places', 'renameCommunity', { communityId: XINGFU, name: '幸福里社区' }))
    const place = ok(await as(P.resident)('places', 'resolveCode', { code: demoIds.unitCode(XINGFU, 1, 1) }))
    expect(place.community.name).toBe('幸福里社区')
  })

  it('when community staff try to add a community to their street, then they are refused', async () => {
    expect(errorCode(await as(P.staff)('places', 'createCommunity', { streetId: 'st-chunhui', name: '安康社区' }))).toBe('AUTH.FORBIDDEN')
  })
})

describe('managing places', () => {
  it('when staff create a building with 3 units in a grid, then it appears in the tree with three distinct stairwell codes', async () => {
    const gridId = demoIds.grid(XINGFU, 1)
    const b = ok(await as(P.staff)('places', 'createBuilding', { communityId: XINGFU, name: '10栋', gridId, units: 3 }))
    expect(b.units.map((u) => u.name)).toEqual(['1单元', '2单元', '3单元'])
    expect(new Set(b.units.map((u) => u.code)).size).toBe(3)
    const tree = ok(await as(P.staff)('places', 'tree', { communityId: XINGFU }))
    expect(tree.buildings.map((x) => x.name).slice(-2)).toEqual(['6栋', '10栋'])
    expect(tree.grids.find((g) => g.id === gridId)?.buildingIds).toContain(b.id)
    const place = ok(await as(P.resident)('places', 'resolveCode', { code: b.units[2].code }))
    expect(place.unit.name).toBe('3单元')
  })

  it('when a building name is taken, then PLACE.DUPLICATE_NAME answers and nothing is created', async () => {
    const before = await snapshot()
    expect(errorCode(await as(P.staff)('places', 'createBuilding', { communityId: XINGFU, name: '1栋', units: 2 }))).toBe('PLACE.DUPLICATE_NAME')
    expect(await snapshot()).toEqual(before)
  })

  it('when staff move a building to another grid, then the building has exactly that one grid', async () => {
    const buildingId = demoIds.building(XINGFU, 1)
    ok(await as(P.staff)('places', 'updateBuilding', { buildingId, gridId: demoIds.grid(XINGFU, 1) }))
    const tree = ok(await as(P.staff)('places', 'tree', { communityId: XINGFU }))
    const holders = tree.grids.filter((g) => g.buildingIds.includes(buildingId)).map((g) => g.id)
    expect(holders).toEqual([demoIds.grid(XINGFU, 1)])
  })

  it('when staff assign a building to a grid of another community, then PLACE.GRID_MISMATCH answers', async () => {
    const answer = await as(P.staff)('places', 'updateBuilding', { buildingId: demoIds.building(XINGFU, 1), gridId: demoIds.grid(HEPING, 0) })
    expect(errorCode(answer)).toBe('PLACE.GRID_MISMATCH')
  })

  it('when staff create and rename a grid, then the tree shows the new name', async () => {
    const grid = ok(await as(P.staff)('places', 'createGrid', { communityId: XINGFU, name: '第三网格' }))
    ok(await as(P.staff)('places', 'renameGrid', { gridId: grid.id, name: '滨河网格' }))
    const tree = ok(await as(P.staff)('places', 'tree', { communityId: XINGFU }))
    expect(tree.grids.map((g) => g.name)).toContain('滨河网格')
  })

  it('when staff set grid members, then only people holding a grid role in the community are accepted', async () => {
    const gridId = demoIds.grid(XINGFU, 1)
    const grid = ok(await as(P.staff)('places', 'setGridMembers', { gridId, leaderOpenid: P.gridLeader, memberOpenids: [P.gridMember, P.gridMember2] }))
    expect(grid).toMatchObject({ leaderOpenid: P.gridLeader, memberOpenids: [P.gridMember, P.gridMember2] })
    expect(errorCode(await as(P.staff)('places', 'setGridMembers', { gridId, leaderOpenid: null, memberOpenids: [P.resident] }))).toBe('PLACE.NOT_A_MEMBER')
  })

  it('when staff add a unit, then it gets its own code and a duplicate unit name is refused', async () => {
    const buildingId = demoIds.building(XINGFU, 2)
    const unit = ok(await as(P.staff)('places', 'addUnit', { buildingId, name: '3单元' }))
    expect(unit.code).toMatch(/^[A-Z0-9]{8}$/)
    expect(errorCode(await as(P.staff)('places', 'addUnit', { buildingId, name: '3单元' }))).toBe('PLACE.DUPLICATE_NAME')
  })

  it('when staff page through the household roll, then pages hold the asked size and phones are masked', async () => {
    const page1 = ok(await as(P.staff)('places', 'households', { communityId: XINGFU, buildingId: demoIds.building(XINGFU, 1), pageSize: 10 }))
    const page3 = ok(await as(P.staff)('places', 'households', { communityId: XINGFU, buildingId: demoIds.building(XINGFU, 1), page: 3, pageSize: 10 }))
    expect(page1.total).toBe(24)
    expect(page1.items).toHaveLength(10)
    expect(page3.items).toHaveLength(4)
    expect(page1.items[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/)
    expect(page1.items.find((h) => h.label === '1栋 1单元 301')?.boundResidents).toBe(1)
  })
})

describe('places.importCsv', () => {
  const csv = [
    '楼栋,单元,房号,户主,电话,面积,产权',
    '7栋,1单元,101,孙大爷,13700000001,88.5,是',
    '7栋,1单元,102,"周, 阿姨",,76,否',
    '7栋,2单元,101,钱老师,,,',
  ].join('\r\n')

  it('when staff import a roll in the older one-row-per-household template, then buildings, units, households and their heads are created and the units get codes', async () => {
    const result = ok(await as(P.staff)('places', 'importCsv', { communityId: XINGFU, csv: '\ufeff' + csv }))
    expect(result).toEqual({ buildings: 1, units: 2, households: 3, members: 3, owners: 1, warnings: [] })
    const dir = ok(await as(P.staff)('places', 'directory', { communityId: XINGFU }))
    const seven = dir.buildings.find((b) => b.name === '7栋')!
    expect(seven.units.map((u) => u.name)).toEqual(['1单元', '2单元'])
    const rooms = ok(await as(P.staff)('places', 'households', { communityId: XINGFU, unitId: seven.units[0].id }))
    expect(rooms.items.map((h) => [h.room, h.holderName, h.ownerName, h.ownership, h.area, h.members])).toEqual([
      ['101', '孙大爷', '孙大爷', 'owned', 88.5, 1],
      ['102', '周, 阿姨', null, null, 76, 1],
    ])
  })

  it('when rows are bad, then every bad row is reported by line and nothing at all is imported', async () => {
    const bad = [
      '楼栋,单元,房号,姓名,与户主关系,出生日期,电话,面积',
      '8栋,1单元,101,好人,户主,1960-05-01,,90',
      '8栋,1单元,,无房号,,,,',
      '8栋,1单元,102,电话错,,,12ab,',
      '8栋,1单元,101,好人,户主,1960-05-01,,',
      '1栋,1单元,301,已存在,,,,',
      '8栋,1单元,103,面积错,,,,-5',
      '8栋,1单元,101,好人妻子,配偶,1962-02-30,,',
      '8栋,1单元,101,,配偶,,,',
      '8栋,1单元,101,面积不一致,子女,1990,,95',
    ].join('\n')
    const before = await snapshot()
    const answer = await as(P.staff)('places', 'importCsv', { communityId: XINGFU, csv: bad })
    expect(answer.ok).toBe(false)
    if (answer.ok) return
    expect(answer.error.code).toBe('IMPORT.INVALID_ROWS')
    expect(answer.error.issues?.map((i) => i.message)).toEqual([
      '第3行：房号只能是数字、字母或短横线，最多10位',
      '第4行：电话号码格式不正确',
      '第5行：好人 与第2行重复',
      '第6行：1栋 1单元 301 已在住户名册中',
      '第7行：面积应为大于0的数字（平方米）',
      '第8行：出生日期格式不正确（如 1950-03-08 或 1950）',
      '第9行：填写了成员信息但缺少姓名',
      '第10行：面积与第2行不一致',
    ])
    expect(await snapshot()).toEqual(before)
  })

  it('when the header lacks a required column, then the header line is reported', async () => {
    const answer = await as(P.staff)('places', 'importCsv', { communityId: XINGFU, csv: '楼栋,单元,户主\n9栋,1单元,某某' })
    expect(answer.ok ? null : answer.error.issues).toEqual([{ path: 'line:1', message: '第1行：表头缺少 房号 列' }])
  })

  it('when the file is empty, then IMPORT.EMPTY answers', async () => {
    expect(errorCode(await as(P.staff)('places', 'importCsv', { communityId: XINGFU, csv: '' }))).toBe('IMPORT.EMPTY')
  })
})
