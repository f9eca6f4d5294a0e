import { _, col, localCloud, rejection } from './helpers'

const local = localCloud()

const seed = async (count: number, extra: (i: number) => Record<string, unknown> = () => ({})) => {
  const docs = Array.from({ length: count }, (_x, i) => ({ _id: `d${String(i).padStart(4, '0')}`, i, ...extra(i) }))
  for (let k = 0; k < docs.length; k += 500) await col().add(docs.slice(k, k + 500))
}

describe('queries', () => {
  test('when get() has no limit then at most 100 documents come back', async () => {
    await seed(150)
    expect((await col().get()).data).toHaveLength(100)
  })

  test('when limit() asks more than 1000 then 1000 documents come back', async () => {
    await seed(1100)
    expect((await col().limit(5000).get()).data).toHaveLength(1000)
  })

  test('when the server is sent a limit above 1000 directly then it still answers 1000 at most', async () => {
    await seed(1100)
    const res = (await local.handle().backend.handle('database.getDocument', { collectionName: 'conformance_docs', limit: 5000 })) as {
      data: { list: string[] }
    }
    expect(res.data.list).toHaveLength(1000)
  })

  test('when orderBy, skip and limit are combined then the page is taken from the sorted results', async () => {
    await seed(30)
    const res = await col().orderBy('i', 'desc').skip(5).limit(3).get()
    expect(res.data.map((d) => d.i)).toEqual([24, 23, 22])
  })

  test('when orderBy is given two fields then documents are sorted by the first, then the second', async () => {
    await col().add([
      { _id: 'a', g: 2, h: 'x' },
      { _id: 'b', g: 1, h: 'y' },
      { _id: 'c', g: 2, h: 'a' },
      { _id: 'd', g: 1, h: 'b' },
    ])
    const res = await col().orderBy('g', 'asc').orderBy('h', 'desc').get()
    expect(res.data.map((d) => d._id)).toEqual(['b', 'd', 'a', 'c'])
  })

  test('when no orderBy is given then documents come back in insertion order', async () => {
    await col().add([{ _id: 'z' }, { _id: 'a' }, { _id: 'm' }])
    expect((await col().get()).data.map((d) => d._id)).toEqual(['z', 'a', 'm'])
  })

  test('when field() is used then only the chosen fields and _id come back', async () => {
    await col().add({ _id: 'f', a: 1, b: 2, c: { d: 3, e: 4 } })
    expect((await col().field({ a: true, 'c.d': true }).get()).data).toEqual([{ _id: 'f', a: 1, c: { d: 3 } }])
    expect((await col().doc('f').field({ b: false, c: false }).get()).data).toEqual([{ _id: 'f', a: 1 }])
  })

  test('when field() names only top-level fields then inclusion, exclusion and _id behave as in MongoDB', async () => {
    await col().add({ _id: 'f', a: 1, b: 2, c: { d: 3 } })
    expect((await col().field({ a: true, b: 1 }).get()).data).toEqual([{ _id: 'f', a: 1, b: 2 }])
    expect((await col().field({ _id: false, a: true, z: true }).get()).data).toEqual([{ a: 1 }])
    expect((await col().field({ _id: true }).get()).data).toEqual([{ _id: 'f' }])
    expect((await col().field({ _id: false }).get()).data).toEqual([{ a: 1, b: 2, c: { d: 3 } }])
    expect((await col().field({ _id: false, c: false }).get()).data).toEqual([{ a: 1, b: 2 }])
  })

  test('when count() is called with where then total counts only the matching documents', async () => {
    await seed(20)
    expect(
      (
        await col()
          .where({ i: _().lt(5) })
          .count()
      ).total,
    ).toBe(5)
    expect((await col().count()).total).toBe(20)
  })

  test('when comparison operators are used then gt, gte, lt, lte, in, nin and neq select like MongoDB', async () => {
    await seed(10)
    const ids = async (q: Record<string, unknown>) => (await col().where(q).get()).data.map((d) => d.i)
    expect(await ids({ i: _().gt(7) })).toEqual([8, 9])
    expect(await ids({ i: _().gte(8).and(_().lte(8)) })).toEqual([8])
    expect(await ids({ i: _().in([1, 3]) })).toEqual([1, 3])
    expect(await ids({ i: _().nin([0, 1, 2, 3, 4, 5, 6, 7]) })).toEqual([8, 9])
    expect((await ids({ i: _().neq(0) })).length).toBe(9)
  })

  test('when logical operators are used then and, or, nor and not combine conditions', async () => {
    await seed(10)
    const ids = async (q: unknown) =>
      (
        await col()
          .where(q as Record<string, unknown>)
          .get()
      ).data.map((d) => d.i)
    expect(await ids(_().or([{ i: 1 }, { i: 2 }]))).toEqual([1, 2])
    expect(await ids(_().and([{ i: _().gt(2) }, { i: _().lt(5) }]))).toEqual([3, 4])
    expect(await ids(_().nor([{ i: _().lt(8) }]))).toEqual([8, 9])
    expect(await ids({ i: _().not(_().lt(8)) })).toEqual([8, 9])
  })

  test('when array and element operators are used then all, elemMatch, size, exists and mod work', async () => {
    await col().add([{ _id: 'a', tags: ['x', 'y'], items: [{ k: 1 }, { k: 5 }], n: 4 }, { _id: 'b', tags: ['x'], items: [{ k: 2 }], n: 7 }, { _id: 'c' }])
    const ids = async (q: Record<string, unknown>) => (await col().where(q).get()).data.map((d) => d._id)
    expect(await ids({ tags: _().all(['x', 'y']) })).toEqual(['a'])
    expect(await ids({ items: _().elemMatch({ k: _().gt(4) }) })).toEqual(['a'])
    expect(await ids({ tags: _().size(1) })).toEqual(['b'])
    expect(await ids({ tags: _().exists(false) })).toEqual(['c'])
    // the SDK types mod() without arguments, but sends [divisor, remainder] as CloudBase documents
    expect(await ids({ n: (_().mod as unknown as (v: number[]) => unknown)([2, 0]) })).toEqual(['a'])
    expect(await ids({ tags: 'y' })).toEqual(['a'])
  })

  test('when elemMatch holds field conditions then only document elements are tested; operator-only criteria test every element', async () => {
    // MongoDB: {$elemMatch: {value: ...}} skips scalar elements, {$elemMatch: {$gt: 2}} tests them all. Locally the
    // first form used to match [1, 2, 3] as well (mingo tested numbers as if they were documents).
    await col().add([
      { _id: 'nums', tags: [1, 2, 3, 7] },
      { _id: 'strs', tags: ['Go', 'C#'] },
      { _id: 'docs', tags: [{ value: 1 }, { value: 7 }] },
      { _id: 'nested', tags: [[1, 2]] },
    ])
    const ids = async (q: Record<string, unknown>) => (await col().where(q).get()).data.map((d) => d._id)
    expect(await ids({ tags: _().elemMatch({ value: _().gt(0) }) })).toEqual(['docs'])
    expect(await ids({ tags: _().elemMatch({ value: _().exists(true) }) })).toEqual(['docs'])
    expect(await ids({ tags: _().elemMatch({ value: _().neq(1) }) })).toEqual(['docs', 'nested'])
    expect(await ids({ tags: _().elemMatch(_().gt(2)) })).toEqual(['nums'])
    expect(await ids({ tags: _().elemMatch(_().neq('Go')) })).toEqual(['nums', 'strs', 'docs', 'nested'])
  })

  test('when field() holds a $slice then the array is cut and, alone or beside exclusions, every other field stays', async () => {
    await col().add({ _id: 's', tags: ['a', 'b', 'c', 'd'], n: 1, o: { list: [1, 2, 3] } })
    const { db } = await import('../../cloudfunctions/_core/cloud')
    const slice = db().command.project.slice
    const read = async (field: Record<string, unknown>) => (await col().doc('s').field(field).get()).data[0]
    expect(await read({ tags: slice(2) })).toEqual({ _id: 's', tags: ['a', 'b'], n: 1, o: { list: [1, 2, 3] } })
    expect(await read({ tags: slice(-1), n: false })).toEqual({ _id: 's', tags: ['d'], o: { list: [1, 2, 3] } })
    expect(await read({ tags: slice([1, 2]), _id: false })).toEqual({ tags: ['b', 'c'], n: 1, o: { list: [1, 2, 3] } })
    expect(await read({ 'o.list': slice([-2, 1]) })).toEqual({ _id: 's', tags: ['a', 'b', 'c', 'd'], n: 1, o: { list: [2] } })
    // beside an inclusion it is one more included field
    expect(await read({ tags: slice(1), n: true })).toEqual({ _id: 's', tags: ['a'], n: 1 })
  })

  test('when jsonSchema() is used then types, required fields, bounds and patterns select like MongoDB; unknown keywords are refused', async () => {
    await col().add([
      { _id: 'a', name: '王秀英', age: 70, phone: '13800000000' },
      { _id: 'b', name: 'Li', age: 17.5 },
      { _id: 'c', name: 3 },
    ])
    const ids = async (schema: object) => (await col().where(_().jsonSchema(schema)).get()).data.map((d) => d._id)
    expect(await ids({ required: ['age'] })).toEqual(['a', 'b'])
    expect(await ids({ properties: { name: { bsonType: 'string' } } })).toEqual(['a', 'b'])
    expect(await ids({ properties: { age: { bsonType: 'int', minimum: 18 } }, required: ['age'] })).toEqual(['a'])
    expect(await ids({ properties: { age: { bsonType: 'double' } }, required: ['age'] })).toEqual(['b'])
    expect(await ids({ properties: { phone: { type: 'string', pattern: '^1\\d{10}$' } }, required: ['phone'] })).toEqual(['a'])
    expect(await ids({ properties: { name: { enum: ['Li', 3] } } })).toEqual(['b', 'c'])
    expect(await ids({ properties: { _id: {}, name: {}, age: {} }, additionalProperties: false })).toEqual(['b', 'c'])
    expect(
      (
        await rejection(
          col()
            .where(_().jsonSchema({ format: 'email' }))
            .get(),
        )
      ).code,
    ).toBe('DATABASE_REQUEST_FAILED')
  })

  test('when a query asks for server-side JavaScript or text search then it is refused by name', async () => {
    await col().add({ _id: 'a', n: 1 })
    const send = (query: object) =>
      local.handle().backend.handle('database.getDocument', { collectionName: 'conformance_docs', queryType: 'WHERE', query: JSON.stringify(query) })
    expect((await rejection(send({ $where: 'true' }))).code).toBe('DATABASE_REQUEST_FAILED')
    const text = await rejection(send({ $text: { $search: '社区' } }))
    expect(text.code).toBe('DATABASE_INVALID_OPERRATOR')
    expect(text.message).toContain('$text is not supported by the local database')
  })

  test('when a regular expression is used then db.RegExp and JS RegExp both match', async () => {
    await col().add([
      { _id: 'a', name: '阳光小区' },
      { _id: 'b', name: 'Sunny Garden' },
    ])
    expect((await col().where({ name: /sunny/i }).get()).data.map((d) => d._id)).toEqual(['b'])
    const { db } = await import('../../cloudfunctions/_core/cloud')
    expect(
      (
        await col()
          .where({ name: db().RegExp({ regexp: '小区$' }) })
          .get()
      ).data.map((d) => d._id),
    ).toEqual(['a'])
  })

  test('when where() holds an undefined value then the SDK drops that key and the query widens', async () => {
    await col().add([
      { _id: 'a', owner: 'u1', status: 'open' },
      { _id: 'b', owner: 'u2', status: 'open' },
    ])
    const owner: string | undefined = undefined
    const res = await col().where({ owner, status: 'open' }).get()
    expect(res.data.map((d) => d._id)).toEqual(['a', 'b'])
  })

  test('when where() holds only undefined values then the SDK refuses it', async () => {
    expect(() => col().where({ owner: undefined })).toThrow()
  })

  test('when a nested field is queried with a dotted path or an object then both select it', async () => {
    await col().add([
      { _id: 'a', c: { d: 1 } },
      { _id: 'b', c: { d: 2 } },
    ])
    expect((await col().where({ 'c.d': 2 }).get()).data.map((d) => d._id)).toEqual(['b'])
    expect(
      (
        await col()
          .where({ c: { d: 1 } })
          .get()
      ).data.map((d) => d._id),
    ).toEqual(['a'])
  })

  test('when the query is inside a transaction then where() is refused as in CloudBase', async () => {
    const { db } = await import('../../cloudfunctions/_core/cloud')
    const tx = await db().startTransaction()
    const err = await rejection(tx.collection('conformance').where({ n: 1 }).get())
    expect(err.code).toBe('DATABASE_TRANSACTION_FAIL')
    await tx.rollback()
  })
})
