import { _, col as docs, localCloud, rejection } from './helpers'

const local = localCloud()

describe('indexes', () => {
  const col = (name = 'conformance') => docs(name)

  test('when a unique field repeats on add then DATABASE_DUPLICATE_WRITE names the index and the key', async () => {
    await col().add({ email: 'a@x.cn' })
    const err = await rejection(col().add({ email: 'a@x.cn' }))
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE')
    expect(err.message).toMatch(/E11000 duplicate key error collection: \S*conformance index: uniq_email dup key: \{ email: "a@x.cn" \}/)
  })

  test('when an update would repeat a unique field then it fails and the document is unchanged', async () => {
    await col().add([
      { _id: 'a', email: 'a@x.cn' },
      { _id: 'b', email: 'b@x.cn' },
    ])
    const err = await rejection(col().doc('b').update({ email: 'a@x.cn' }))
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE')
    expect((await col().doc('b').get()).data[0].email).toBe('b@x.cn')
  })

  test('when two documents both lack a unique field then the second is a duplicate (null), as in MongoDB', async () => {
    await col().add({ n: 1 })
    const err = await rejection(col().add({ n: 2 }))
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE')
    expect(err.message).toContain('email: null')
  })

  test('when a compound unique index is declared then only the same pair of values collides', async () => {
    await col('conformance_pairs').add([
      { a: 1, b: 1 },
      { a: 1, b: 2 },
    ])
    const err = await rejection(col('conformance_pairs').add({ a: 1, b: 2 }))
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE')
    expect(err.message).toContain('index: ab_unique')
  })

  test('when an indexed field is queried by equality then SQLite searches the expression index', async () => {
    const backend = local.handle().backend
    const plan = backend.sql.prepare(`EXPLAIN QUERY PLAN SELECT id FROM "c_conformance" WHERE ifnull(json_extract(doc,'$.n'),X'00') = ?`).all(1) as {
      detail: string
    }[]
    expect(plan.map((p) => p.detail).join()).toContain('USING INDEX ix_conformance__n')
  })

  test('when an indexed field holds arrays then equality still matches array members (multikey)', async () => {
    await docs().add([
      { _id: 'a', email: 'a', n: 1 },
      { _id: 'b', email: 'b', n: [1, 2] },
      { _id: 'c', email: 'c', n: 2 },
    ])
    expect((await docs().where({ n: 1 }).get()).data.map((d) => d._id)).toEqual(['a', 'b'])
    expect(
      (
        await docs()
          .where({ n: _().in([2]) })
          .get()
      ).data.map((d) => d._id),
    ).toEqual(['b', 'c'])
  })

  test('when an array field changes or its document goes then multikey lookups follow the stored members', async () => {
    await docs().add([
      { _id: 'a', email: 'a', n: [1, 2] },
      { _id: 'b', email: 'b', n: 3 },
    ])
    await docs()
      .doc('a')
      .update({ n: [2, 3] })
    await docs()
      .doc('b')
      .update({ n: [4] })
    const ids = async (n: number) => (await docs().where({ n }).get()).data.map((d) => d._id)
    expect(await ids(1)).toEqual([])
    expect(await ids(3)).toEqual(['a'])
    expect(await ids(4)).toEqual(['b'])
    await docs().doc('a').remove()
    expect(await ids(2)).toEqual([])
    expect(
      (
        await docs()
          .where({ n: _().in([2, 4]) })
          .count()
      ).total,
    ).toBe(1)
  })

  test('when an array member and another indexed field are both asked for, then SQLite starts from the array member', async () => {
    await docs().add([
      { _id: 'a', email: 'a', n: [1, 2] },
      { _id: 'b', email: 'b', n: 3 },
    ])
    const { planPushdown } = await import('../../local/db/query')
    const plan = planPushdown({ n: 1, email: 'a' }, (p) => (p === 'n' ? 'multikey' : 'scalar'), 'conformance')
    const sql = local.handle().backend.sql
    const steps = (
      sql.prepare(`EXPLAIN QUERY PLAN SELECT id FROM "c_conformance" WHERE ${plan.where.join(' AND ')}`).all(...plan.params) as { detail: string }[]
    ).map((s) => s.detail)
    expect(steps.join(' | ')).toMatch(/SEARCH _mk USING INDEX _mk_value/)
    expect(steps.join(' | ')).not.toMatch(/ix_conformance__uniq_email/)
    expect((await docs().where({ n: 1, email: 'a' }).get()).data.map((d) => d._id)).toEqual(['a'])
  })

  test('when an indexed dotted path runs through an array of objects then equality matches any element', async () => {
    const c = col('conformance_docs')
    await c.add([
      { _id: 'x', tags: { k: 'solo' } },
      { _id: 'y', tags: [{ k: 'red' }, { k: 'blue' }] },
      { _id: 'z', tags: [{ k: 'blue' }, { k: ['deep'] }] },
    ])
    const ids = async (filter: object) => (await c.where(filter).get()).data.map((d) => d._id)
    expect(await ids({ 'tags.k': 'blue' })).toEqual(['y', 'z'])
    expect(await ids({ 'tags.k': 'solo' })).toEqual(['x'])
    expect(await ids({ 'tags.k': 'deep' })).toEqual(['z'])
    expect(await ids({ 'tags.k': _().in(['red', 'solo']) })).toEqual(['x', 'y'])
    expect(await ids({ 'tags.k': _().neq('blue') })).toEqual(['x'])
  })

  test('when an indexed field is queried by range and type then results match MongoDB type bracketing', async () => {
    await docs().add([
      { _id: 'num', email: '1', n: 5 },
      { _id: 'str', email: '2', n: 'five' },
      { _id: 'bool', email: '3', n: true },
      { _id: 'none', email: '4' },
      { _id: 'date', email: '5', n: new Date('2024-01-01') },
    ])
    const ids = async (q: Record<string, unknown>) => (await docs().where(q).get()).data.map((d) => d._id)
    expect(await ids({ n: _().gt(1) })).toEqual(['num'])
    expect(await ids({ n: _().gte('a') })).toEqual(['str'])
    expect(await ids({ n: true })).toEqual(['bool'])
    expect(await ids({ n: 1 })).toEqual([])
    expect(await ids({ n: _().gt(new Date('2023-01-01')) })).toEqual(['date'])
    expect(await ids({ n: null })).toEqual(['none'])
  })
})
