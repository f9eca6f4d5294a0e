/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/aggregation.test.ts: pipeline stages.
 * Each test name ends with the upstream case it carries, [describe › it] (see ledger.ts).
 */
import { db } from '../../../cloudfunctions/_core/cloud'
import { agg as $, cmd as _, collectionWith, localCloud, rejection } from './helpers'

localCloud()

const scores = () => [
  { author: 'stark', score: 80 },
  { author: 'stark', score: 85 },
  { author: 'bob', score: 60 },
  { author: 'li', score: 55 },
  { author: 'jimmy', score: 60 },
  { author: 'li', score: 94 },
  { author: 'justan', score: 95 },
]

describe('upstream aggregation.test.ts', () => {
  test('when sample asks for one document then one comes back [sample › sample]', async () => {
    const users = await collectionWith('test-users', [{ name: 'a' }, { name: 'b' }])
    expect((await users.aggregate().sample({ size: 1 }).end()).data).toHaveLength(1)
  })

  describe('sortByCount', () => {
    const passages = () =>
      collectionWith('test-sortByCount', [
        { category: 'Web', tags: ['JavaScript', 'C#'] },
        { category: 'Web', tags: ['Go', 'C#'] },
        { category: 'Life', tags: ['Go', 'Python', 'JavaScript'] },
      ])

    test('when sortByCount groups a plain field then one row per value comes back [sortByCount › 统计基础类型]', async () => {
      const res = await (await passages()).aggregate().sortByCount('$category').end()
      expect(res.data).toHaveLength(2)
      expect(res.data[0]).toEqual({ _id: 'Web', count: 2 })
    })

    test('when sortByCount follows unwind then one row per array member comes back [sortByCount › 解构数组类型]', async () => {
      const res = await (await passages()).aggregate().unwind('$tags').sortByCount('$tags').end()
      expect(res.data).toHaveLength(4)
    })
  })

  describe('match', () => {
    test('when match holds or(eq, neq) on a field then every document matches [match › 匹配 字段 or 逻辑]', async () => {
      const articles = await collectionWith('articles', scores())
      const res = await articles
        .aggregate()
        .match({ author: _().or(_().eq('stark'), _().neq('stark')) })
        .end()
      expect(res.data).toHaveLength(scores().length)
    })

    test('when match holds a plain value then the matching documents come first [match › 匹配]', async () => {
      const articles = await collectionWith('articles', scores())
      const res = await articles.aggregate().match({ author: 'stark' }).end()
      expect(res.data[0].author).toBe('stark')
    })

    test('when match and group count documents then the count is right [match › 计数]', async () => {
      const articles = await collectionWith('articles', scores())
      const res = await articles
        .aggregate()
        .match({ score: _().gt(80) })
        .group({ _id: null, count: $().sum(1) })
        .end()
      expect(res.data[0].count).toBe(3)
    })
  })

  describe('project', () => {
    const book = () => collectionWith('articles', [{ title: 'This is title', author: 'Nobody', isbn: '123456789', introduction: '......' }])

    test('when project includes some fields then only they and _id come out [project › 指定包含某些字段]', async () => {
      const [doc] = (await (await book()).aggregate().project({ title: 1, author: 1 }).end()).data
      expect(doc.author).toBeTruthy()
      expect(doc.title).toBeTruthy()
      expect(doc.isbn).toBeUndefined()
    })

    test('when project excludes _id then only the included fields come out [project › 去除输出中的 _id 字段]', async () => {
      const [doc] = (await (await book()).aggregate().project({ _id: 0, title: 1, author: 1 }).end()).data
      expect(doc).toStrictEqual({ author: 'Nobody', title: 'This is title' })
    })

    test('when project computes a sum of fields then the new field holds it [project › 加入计算出的新字段]', async () => {
      const users = await collectionWith('test-users', [{ name: '小明', scores: { chinese: 80, math: 90, english: 70 } }])
      const res = await users
        .aggregate()
        .project({ _id: 0, name: 1, totalScore: $().sum(['$scores.chinese', '$scores.math', '$scores.english']) })
        .end()
      expect(res.data[0]).toStrictEqual({ name: '小明', totalScore: 240 })
    })

    test('when project builds an array of fields then the new field holds it [project › 加入新的数组字段]', async () => {
      const users = await collectionWith('test-users', [
        { x: 1, y: 1 },
        { x: 2, y: 2 },
        { x: 3, y: 3 },
      ])
      const res = await users
        .aggregate()
        .project({ _id: 0, coordinate: ['$x', '$y'] })
        .end()
      expect(res.data[0]).toStrictEqual({ coordinate: [1, 1] })
    })
  })

  describe('replaceRoot', () => {
    test('when replaceRoot names an embedded document then it becomes the output [replaceRoot › 使用已有字段作为根节点]', async () => {
      const users = await collectionWith('test-users', [{ name: 'SFLS', teachers: { chinese: 22, math: 18, english: 21, other: 123 } }])
      const res = await users.aggregate().replaceRoot({ newRoot: '$teachers' }).end()
      expect(res.data[0]).toStrictEqual({ chinese: 22, math: 18, english: 21, other: 123 })
    })

    test('when replaceRoot computes a document then it becomes the output [replaceRoot › 使用计算出的新字段作为根节点]', async () => {
      const users = await collectionWith('test-users', [
        { first_name: '四郎', last_name: '黄' },
        { first_name: '邦德', last_name: '马' },
        { first_name: '牧之', last_name: '张' },
      ])
      const res = await users
        .aggregate()
        .replaceRoot({ newRoot: { full_name: $().concat(['$last_name', '$first_name']) } })
        .end()
      expect(res.data[0]).toStrictEqual({ full_name: '黄四郎' })
    })
  })

  test('when skip passes six documents then the seventh comes first [skip › 跳过一定数量的文档]', async () => {
    const articles = await collectionWith('articles', scores())
    const res = await articles.aggregate().skip(6).project({ _id: 0 }).end()
    expect(res.data[0]).toStrictEqual({ author: 'justan', score: 95 })
  })

  test('when sort is given two keys then documents are ordered by the first, then the second [sort › 根据已有字段排序]', async () => {
    const articles = await collectionWith('articles', [
      { author: 'stark', score: 80, age: 18 },
      { author: 'bob', score: 60, age: 18 },
      { author: 'li', score: 55, age: 19 },
      { author: 'jimmy', score: 60, age: 22 },
      { author: 'justan', score: 95, age: 33 },
    ])
    const res = await articles.aggregate().sort({ age: -1, score: -1 }).project({ _id: 0 }).end()
    expect(res.data[0]).toStrictEqual({ author: 'justan', score: 95, age: 33 })
    expect(res.data[res.data.length - 1]).toStrictEqual({ author: 'bob', score: 60, age: 18 })
  })

  describe('unwind', () => {
    const products = () =>
      collectionWith('articles', [
        { product: 'tshirt', size: ['S', 'M', 'L'] },
        { product: 'pants', size: [] },
        { product: 'socks', size: null },
        { product: 'trousers', size: ['S'] },
        { product: 'sweater', size: ['M', 'L'] },
      ])

    test('when unwind flattens an array then empty, null and missing arrays give no rows [unwind › 解构]', async () => {
      const res = await (await products()).aggregate().unwind('$size').project({ _id: 0 }).end()
      expect(res.data).toHaveLength(6)
      expect(res.data[0]).toStrictEqual({ product: 'tshirt', size: 'S' })
    })

    test('when unwind asks for the array index then each row carries it [unwind › 解构后，保留原数组索引]', async () => {
      const res = await (await products()).aggregate().unwind({ path: '$size', includeArrayIndex: 'arrayIndex' }).project({ _id: 0 }).end()
      expect(res.data).toHaveLength(6)
      expect(res.data[0]).toStrictEqual({ arrayIndex: 0, product: 'tshirt', size: 'S' })
    })

    test('when unwind preserves null and empty arrays then those documents stay once [unwind › 保留空值]', async () => {
      const res = await (await products()).aggregate().unwind({ path: '$size', preserveNullAndEmptyArrays: true }).project({ _id: 0 }).end()
      expect(res.data).toHaveLength(8)
      expect(res.data[0]).toStrictEqual({ product: 'tshirt', size: 'S' })
    })
  })

  describe('Date', () => {
    const date = new Date(1557826731686) // 2019-05-14T09:38:51.686Z, a Tuesday

    test('when a Date goes through a pipeline then it comes out a Date [Date › Date类型]', async () => {
      const articles = await collectionWith('articles', [{ date }])
      const res = await articles.aggregate().project({ _id: 0 }).end()
      expect(res.data[0]).toStrictEqual({ date })
    })

    test('when date operators read a Date then they answer in UTC as MongoDB does, week included [Date › Date的各种操作符]', async () => {
      const articles = await collectionWith('articles', [{ date }])
      const res = await articles
        .aggregate()
        .project({
          _id: 0,
          date: 1,
          dayOfWeek: $().dayOfWeek('$date'),
          dayOfYear: $().dayOfYear('$date'),
          dayOfMonth: $().dayOfMonth('$date'),
          year: $().year('$date'),
          month: $().month('$date'),
          hour: $().hour('$date'),
          minute: $().minute('$date'),
          second: $().second('$date'),
          millisecond: $().millisecond('$date'),
          week: $().week('$date'),
          dateFromParts: $().dateFromParts({ year: 2017, month: 2, day: 8, hour: 12, timezone: 'America/New_York' }),
          dateFromString: $().dateFromString({ dateString: date.toISOString() }),
          isoDayOfWeek: $().isoDayOfWeek('$date'),
          isoWeek: $().isoWeek('$date'),
          isoWeekYear: $().isoWeekYear('$date'),
        })
        .end()
      expect(res.data[0]).toStrictEqual({
        date,
        year: 2019,
        month: 5,
        dayOfMonth: 14,
        hour: 9,
        minute: 38,
        second: 51,
        millisecond: 686,
        dayOfYear: 134,
        dayOfWeek: 3,
        week: 19,
        dateFromParts: new Date('2017-02-08T17:00:00.000Z'),
        dateFromString: date,
        isoDayOfWeek: 2,
        isoWeek: 20,
        isoWeekYear: 2019,
      })
    })
  })

  test('when lookup joins on a field then the joined documents are embedded [lookup › lookup]', async () => {
    const join1 = await collectionWith('join1', [
      { name: 'stark', age: 24 },
      { name: 'justan', age: 24 },
      { name: 'jimmy', age: 24 },
    ])
    await collectionWith('join2', [
      { name: 'stark', gender: 'male' },
      { name: 'justan', gender: 'male' },
      { name: 'jimmy', gender: 'male' },
    ])
    const [first] = (await join1.aggregate().lookup({ from: 'join2', localField: 'name', foreignField: 'name', as: 'join' }).end()).data
    expect(first.name).toBe('stark')
    expect(first.age).toBe(24)
    expect(first.join[0].gender).toBe('male')
  })

  test('when a pipeline starts with geoNear then it is refused: geo queries are not supported locally [geoNear › geoNear]', async () => {
    // CloudBase answers the Hangzhou attraction at 6643.52 m; the local database has no 2dsphere index (see README)
    const attractions = await collectionWith('attractions', [
      { _id: 'geoNear.1', city: 'Hangzhou', location: new (db().Geo.Point)(113.306789, 23.1564721), name: 'Baiyun Mountain' },
    ])
    const err = await rejection(
      attractions
        .aggregate()
        .geoNear({ distanceField: 'distance', spherical: true, near: new (db().Geo.Point)(113.3089506, 23.0968251), key: 'location' })
        .end(),
    )
    expect(err.code).toBe('DATABASE_INVALID_OPERRATOR')
    expect(err.message).toContain('$geoNear')
  })

  test('when a raw MongoDB pipeline is sent then match and count work, $eq or not [mongodb raw › match and count]', async () => {
    const raw = await collectionWith('mongoraw', [{ key: 'a' }])
    type RawAggregate = { aggregate(stages: object[]): { end(): Promise<{ data: Record<string, number>[] }> } }
    const rawColl = raw.options({ raw: true } as never) as unknown as RawAggregate
    const res1 = await rawColl.aggregate([{ $match: { key: 'a' } }, { $count: 'keyA' }]).end()
    expect(res1.data[0].keyA).toBe(1)
    const res2 = await rawColl.aggregate([{ $match: { key: { $eq: 'a' } } }, { $count: 'keyA' }]).end()
    expect(res2.data[0].keyA).toBe(res1.data[0].keyA)
  })
})
