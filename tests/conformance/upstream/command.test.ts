/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/command.test.ts: aggregation operators (statistics,
 * conditions, groups, literals, strings, dates, objects and sets). Each test name ends with the upstream case it
 * carries, [describe › it] (see ledger.ts). Upstream's dates were made in Asia/Shanghai (new Date('1999/12/12') at local midnight); here they are written with that offset.
 */
import { agg as $, cmd as _, collectionWith, localCloud } from './helpers'

localCloud()

const students = () =>
  collectionWith('test-students', [
    { group: 'a', name: 'stu1', score: 84 },
    { group: 'a', name: 'stu2', score: 96 },
    { group: 'b', name: 'stu3', score: 80 },
    { group: 'b', name: 'stu4', score: 100 },
  ])

const people = () =>
  collectionWith('test-students', [
    { birthday: '1999/12/12', date: new Date('1999-12-12T00:00:00+08:00'), firstName: 'Yuanxin', group: 'a', lastName: 'Dong', score: 84 },
    { birthday: '1998/11/11', date: new Date('1998-11-11T00:00:00+08:00'), firstName: 'Weijia', group: 'a', lastName: 'Wang', score: 96 },
    { birthday: '1997/10/10', date: new Date('1997-10-10T00:00:00+08:00'), firstName: 'Chengxi', group: 'b', lastName: 'Li', score: 80 },
  ])

type Row = Record<string, unknown>

const projected = async (coll: Awaited<ReturnType<typeof collectionWith>>, spec: Record<string, unknown>): Promise<Row[]> =>
  (
    await coll
      .aggregate()
      .project({ _id: 0, ...spec })
      .end()
  ).data

describe('upstream command.test.ts', () => {
  test('when a where().update() multiplies a nested field of no document then nothing fails [test/unit/collection.test.ts › operator]', async () => {
    const coll = await collectionWith('coll-1')
    const res = await coll.where({ a: _().gt(4) }).update({ c: { d: _().mul(3) } })
    expect(res.updated).toBe(0)
  })

  test('when stdDevPop groups scores then each group has its population deviation [stdDevPop › 计算不同组的标准差]', async () => {
    const res = await (
      await students()
    )
      .aggregate()
      .group({ _id: '$group', stdDev: $().stdDevPop('$score') })
      .end()
    const byGroup = Object.fromEntries(res.data.map((d: Row) => [d._id, d.stdDev]))
    expect(byGroup.a).toBe(6)
    expect(byGroup.b).toBe(10)
  })

  test('when stdDevSamp reads two scores then the sample deviation is 14.14 [stdDevSamp › 计算标准样本偏差]', async () => {
    const coll = await collectionWith('test-students', [{ score: 80 }, { score: 100 }])
    const res = await coll
      .aggregate()
      .group({ _id: null, ageStdDev: $().stdDevSamp('$score') })
      .end()
    expect((res.data[0].ageStdDev as number).toFixed(2)).toBe('14.14')
  })

  describe('sum', () => {
    const goods = () =>
      collectionWith('test-goods', [
        { cost: -10, price: 100 },
        { cost: -15, price: 1 },
        { cost: -10, price: 10 },
      ])

    test('when sum reads one field then the group total is its sum [sum › 参数为单独字段]', async () => {
      const res = await (
        await goods()
      )
        .aggregate()
        .group({ _id: null, totalPrice: $().sum('$price') })
        .end()
      expect(res.data[0].totalPrice).toBe(111)
    })

    test('when sum adds a per-document sum then fields and documents are both summed [sum › 参数为字段列表]', async () => {
      const res = await (
        await goods()
      )
        .aggregate()
        .group({ _id: null, totalProfit: $().sum($().sum(['$price', '$cost'])) })
        .end()
      expect(res.data[0].totalProfit).toBe(76)
    })
  })

  test('when let binds a variable then in reads it [let › 参数为单独字段]', async () => {
    const goods = await collectionWith('test-goods', [
      { cost: -10, discount: 0.95, price: 100 },
      { cost: -15, discount: 0.98, price: 1 },
      { cost: -10, discount: 1, price: 10 },
    ])
    const res = await goods
      .aggregate()
      .project({ profit: $().let({ vars: { priceTotal: $().multiply(['$price', '$discount']) }, in: $().sum(['$$priceTotal', '$cost']) }) })
      .end()
    expect(res.data).toHaveLength(3)
  })

  describe('条件操作符', () => {
    const goods = () =>
      collectionWith('test-goods', [
        { name: 'a', amount: 100, desc: 'A' },
        { name: 'b', amount: 200, desc: null },
        { name: 'c', amount: 300 },
      ])

    test('when cond tests a comparison then then or else is chosen [条件操作符 › cond]', async () => {
      const out = await projected(await goods(), { name: 1, discount: $().cond({ if: $().gte(['$amount', 200]), then: 0.7, else: 0.9 }) })
      expect(out).toStrictEqual([
        { name: 'a', discount: 0.9 },
        { name: 'b', discount: 0.7 },
        { name: 'c', discount: 0.7 },
      ])
    })

    test('when ifNull meets null or a missing field then the replacement is used [条件操作符 › ifNull]', async () => {
      const out = await projected(await goods(), { name: 1, desc: $().ifNull(['$desc', 'Not defined']) })
      expect(out).toStrictEqual([
        { desc: 'A', name: 'a' },
        { desc: 'Not defined', name: 'b' },
        { desc: 'Not defined', name: 'c' },
      ])
    })

    test('when switch has branches then the first true one or the default is chosen [条件操作符 › switch]', async () => {
      const out = await projected(await goods(), {
        name: 1,
        discount: $().switch({
          branches: [
            { case: $().gt(['$amount', 250]), then: 0.8 },
            { case: $().gt(['$amount', 150]), then: 0.9 },
          ],
          default: 1,
        }),
      })
      expect(out).toStrictEqual([
        { name: 'a', discount: 1 },
        { name: 'b', discount: 0.9 },
        { name: 'c', discount: 0.8 },
      ])
    })
  })

  describe('group操作符', () => {
    const passages = () =>
      collectionWith('test-passages', [
        { category: 'web', tags: ['JavaScript', 'CSS'], title: 'title1' },
        { category: 'System', tags: ['C++', 'C'], title: 'title2' },
      ])

    test('when push collects documents per group then every group has the list [group操作符 › push]', async () => {
      const res = await (
        await students()
      )
        .aggregate()
        .group({ _id: '$group', students: $().push({ name: '$name', score: '$score' }) })
        .end()
      expect(res.data.every((g: Row) => 'students' in g)).toBe(true)
    })

    test('when max is taken per group then one row per group comes back [group操作符 › max]', async () => {
      const res = await (
        await students()
      )
        .aggregate()
        .group({ _id: '$group', maxScore: $().max('$score') })
        .end()
      expect(res.data).toHaveLength(2)
    })

    test('when min is taken per group then one row per group comes back [group操作符 › min]', async () => {
      const res = await (
        await students()
      )
        .aggregate()
        .group({ _id: '$group', minScore: $().min('$score') })
        .end()
      expect(res.data).toHaveLength(2)
    })

    test('when last follows a sort then it is the highest score [group操作符 › last]', async () => {
      const res = await (
        await students()
      )
        .aggregate()
        .sort({ score: 1 })
        .group({ _id: null, max: $().last('$score') })
        .end()
      expect(res.data[0].max).toBe(100)
    })

    test('when first follows a sort then it is the lowest score [group操作符 › first]', async () => {
      const res = await (
        await students()
      )
        .aggregate()
        .sort({ score: 1 })
        .group({ _id: null, min: $().first('$score') })
        .end()
      expect(res.data[0].min).toBe(80)
    })

    test('when avg is taken over all documents then it is the mean [group操作符 › avg]', async () => {
      const res = await (
        await students()
      )
        .aggregate()
        .group({ _id: null, average: $().avg('$score') })
        .end()
      expect(res.data[0].average).toBe(90)
    })

    test('when addToSet collects a plain field then each value appears once [group操作符 › addToSet › 非数组字段]', async () => {
      const res = await (
        await passages()
      )
        .aggregate()
        .group({ _id: null, categories: $().addToSet('$category') })
        .end()
      expect(res.data[0].categories).toHaveLength(2)
    })

    test('when addToSet collects an array field then whole arrays are the members [group操作符 › addToSet › 数组字段]', async () => {
      const res = await (
        await passages()
      )
        .aggregate()
        .group({ _id: null, tagsList: $().addToSet('$tags') })
        .end()
      expect(res.data.some((g: Row) => Array.isArray(g.tagsList))).toBe(true)
    })
  })

  describe('字面量操作符', () => {
    const prices = () => collectionWith('test-goods', [{ price: '$1' }, { price: '$2.50' }, { price: '$3.60' }, { price: '$4.60' }])

    test('when literal wraps a dollar string then it is compared as text [字面量操作符 › 以字面量的形式使用$]', async () => {
      const out = await projected(await prices(), { isOneDollar: $().eq(['$price', $().literal('$1')]) })
      expect(out).toStrictEqual([{ isOneDollar: true }, { isOneDollar: false }, { isOneDollar: false }, { isOneDollar: false }])
    })

    test('when literal wraps 1 then the field is the number 1, not an inclusion [字面量操作符 › 投影一个字段，对应的值为1]', async () => {
      const out = await projected(await prices(), { price: 1, amount: $().literal(1) })
      expect(out).toStrictEqual([
        { amount: 1, price: '$1' },
        { amount: 1, price: '$2.50' },
        { amount: 1, price: '$3.60' },
        { amount: 1, price: '$4.60' },
      ])
    })
  })

  describe('字符串操作符', () => {
    test('when concat joins fields and text then the full name comes out [字符串操作符 › concat]', async () => {
      const out = await projected(await people(), { fullName: $().concat(['$firstName', ' ', '$lastName']) })
      expect(out).toStrictEqual([{ fullName: 'Yuanxin Dong' }, { fullName: 'Weijia Wang' }, { fullName: 'Chengxi Li' }])
    })

    test('when dateToString formats without a timezone then the UTC date is printed [字符串操作符 › dateToString › 格式化日期]', async () => {
      // midnight in Shanghai is 16:00 UTC the day before
      const out = await projected(await people(), { formatDate: $().dateToString({ date: '$date', format: '%Y-%m-%d' }) })
      expect(out).toStrictEqual([{ formatDate: '1999-12-11' }, { formatDate: '1998-11-10' }, { formatDate: '1997-10-09' }])
    })

    test('when dateToString is given a timezone then the local time is printed [字符串操作符 › dateToString › 时区时间]', async () => {
      const out = await projected(await people(), { formatDate: $().dateToString({ date: '$date', format: '%H:%M:%S', timezone: 'Asia/Shanghai' }) })
      expect(out.every((d: Row) => d.formatDate === '00:00:00')).toBe(true)
    })

    test('when dateToString meets a missing date then onNull is answered [字符串操作符 › dateToString › 缺失情况的默认值]', async () => {
      const out = await projected(await people(), { formatDate: $().dateToString({ date: '$empty', onNull: 'null' }) })
      expect(out.every((d: Row) => d.formatDate === 'null')).toBe(true)
    })

    test('when indexOfBytes looks for a letter then its byte index or -1 comes back [字符串操作符 › indexOfBytes]', async () => {
      const out = await projected(await people(), { aStrIndex: $().indexOfBytes(['$firstName', 'a']) })
      expect(out).toStrictEqual([{ aStrIndex: 2 }, { aStrIndex: 5 }, { aStrIndex: -1 }])
    })

    test('when indexOfCP looks for a letter then its code point index or -1 comes back [字符串操作符 › indexOfCP]', async () => {
      const out = await projected(await people(), { aStrIndex: $().indexOfCP(['$firstName', 'a']) })
      expect(out).toStrictEqual([{ aStrIndex: 2 }, { aStrIndex: 5 }, { aStrIndex: -1 }])
    })

    test('when split cuts a date string then its parts come back [字符串操作符 › split]', async () => {
      const out = await projected(await people(), { birthday: $().split(['$birthday', '/']) })
      expect(out).toStrictEqual([{ birthday: ['1999', '12', '12'] }, { birthday: ['1998', '11', '11'] }, { birthday: ['1997', '10', '10'] }])
    })

    test('when strcasecmp compares two names then 1 or -1 comes back [字符串操作符 › strcasecmp]', async () => {
      const out = await projected(await people(), { result: $().strcasecmp(['$firstName', '$lastName']) })
      expect(out).toStrictEqual([{ result: 1 }, { result: 1 }, { result: -1 }])
    })

    test('when substr is given a length of -1 then it takes the rest of the string [字符串操作符 › substr]', async () => {
      const out = await projected(await people(), {
        year: $().substr(['$birthday', 0, 4]),
        month: $().substr(['$birthday', 5, 2]),
        day: $().substr(['$birthday', 8, -1]),
      })
      expect(out).toStrictEqual([
        { day: '12', month: '12', year: '1999' },
        { day: '11', month: '11', year: '1998' },
        { day: '10', month: '10', year: '1997' },
      ])
    })

    test('when substrBytes is given a length of -1 then it takes the rest of the string [字符串操作符 › substrBytes]', async () => {
      const out = await projected(await people(), {
        year: $().substrBytes(['$birthday', 0, 4]),
        month: $().substrBytes(['$birthday', 5, 2]),
        day: $().substrBytes(['$birthday', 8, -1]),
      })
      expect(out).toStrictEqual([
        { day: '12', month: '12', year: '1999' },
        { day: '11', month: '11', year: '1998' },
        { day: '10', month: '10', year: '1997' },
      ])
    })

    test('when toLower reads a name then it comes back in lower case [字符串操作符 › toLower]', async () => {
      const out = await projected(await people(), { result: $().toLower('$firstName') })
      expect(out).toStrictEqual([{ result: 'yuanxin' }, { result: 'weijia' }, { result: 'chengxi' }])
    })

    test('when toUpper reads a name then it comes back in upper case [字符串操作符 › toUpper]', async () => {
      const out = await projected(await people(), { result: $().toUpper('$lastName') })
      expect(out).toStrictEqual([{ result: 'DONG' }, { result: 'WANG' }, { result: 'LI' }])
    })
  })

  describe('mergeObjects', () => {
    const goods = () =>
      collectionWith('test-goods', [
        { name: 'A', foo: { a: 1 }, bar: { b: 2 } },
        { name: 'A', foo: { c: 1 }, bar: { d: 2 } },
        { name: 'A', foo: { e: 1 }, bar: { f: 2 } },
      ])

    test('when mergeObjects accumulates in a group then the documents are merged [mergeObjects › 在group中使用]', async () => {
      const res = await (
        await goods()
      )
        .aggregate()
        .group({ _id: '$name', mergedFoo: $().mergeObjects('$foo'), mergeBar: $().mergeObjects('$bar') })
        .end()
      expect(res.data).toStrictEqual([{ _id: 'A', mergedFoo: { a: 1, c: 1, e: 1 }, mergeBar: { b: 2, d: 2, f: 2 } }])
    })

    test('when mergeObjects merges two fields of a document then one object comes out [mergeObjects › 在group以外使用]', async () => {
      const out = await projected(await goods(), { foobar: $().mergeObjects(['$foo', '$bar']) })
      expect(out).toStrictEqual([{ foobar: { a: 1, b: 2 } }, { foobar: { c: 1, d: 2 } }, { foobar: { e: 1, f: 2 } }])
    })
  })

  describe('集合操作', () => {
    const arrays = () => collectionWith('test-goods', [{ arr: [true] }, { arr: [] }, { arr: [true, false] }, { arr: [1] }, { arr: [1, 0] }, { arr: ['stark'] }])

    test('when allElementsTrue reads arrays then an empty one is true and any falsy member makes false [集合操作 › allElementsTrue]', async () => {
      const out = await projected(await arrays(), { allElementsTrue: $().allElementsTrue(['$arr']) })
      expect(out.map((d: Row) => d.allElementsTrue)).toStrictEqual([true, true, false, true, false, true])
    })

    test('when anyElementTrue reads arrays then an empty one is false [集合操作 › anyElementTrue]', async () => {
      const out = await projected(await arrays(), { anyElementTrue: $().anyElementTrue(['$arr']) })
      expect(out.map((d: Row) => d.anyElementTrue)).toStrictEqual([true, false, true, true, true, true])
    })
  })

  describe('集合操作2', () => {
    const pairs = () =>
      collectionWith('test-goods', [
        { A: [1, 2], B: [1, 2] },
        { A: [1, 2], B: [2, 1, 2] },
        { A: [1, 2], B: [1, 2, 3] },
        { A: [1, 2], B: [3, 1] },
        { A: [1, 2], B: [] },
        { A: [1, 2], B: [{}, []] },
        { A: [], B: [] },
        { A: [], B: [1] },
      ])

    test('when setDifference takes A from B then what only B holds comes back [集合操作2 › setDifference]', async () => {
      const out = await projected(await pairs(), { isBOnly: $().setDifference(['$B', '$A']) })
      expect(out.map((d: Row) => d.isBOnly)).toStrictEqual([[], [], [3], [3], [], [{}, []], [], [1]])
    })

    test('when setEquals compares A and B then duplicates and order do not matter [集合操作2 › setEquals]', async () => {
      const out = await projected(await pairs(), { sameElements: $().setEquals(['$A', '$B']) })
      expect(out.map((d: Row) => d.sameElements)).toStrictEqual([true, true, false, false, false, false, true, false])
    })

    test('when setIntersection takes A and B then their common members come back [集合操作2 › setIntersection]', async () => {
      const out = await projected(await pairs(), { setIntersection: $().setIntersection(['$A', '$B']) })
      expect(out.map((d: Row) => d.setIntersection)).toStrictEqual([[1, 2], [1, 2], [1, 2], [1], [], [], [], []])
    })

    test('when setIsSubset asks whether A is in B then the empty set always is [集合操作2 › setIsSubset]', async () => {
      const out = await projected(await pairs(), { setIsSubset: $().setIsSubset(['$A', '$B']) })
      expect(out.map((d: Row) => d.setIsSubset)).toStrictEqual([true, true, true, false, false, false, true, true])
    })

    test('when setUnion joins A and B then each member appears once [集合操作2 › setUnion]', async () => {
      const out = await projected(await pairs(), { setUnion: $().setUnion(['$A', '$B']) })
      expect(out.map((d: Row) => d.setUnion)).toStrictEqual([[1, 2], [1, 2], [1, 2, 3], [1, 2, 3], [1, 2], [1, 2, {}, []], [], [1]])
    })
  })
})
