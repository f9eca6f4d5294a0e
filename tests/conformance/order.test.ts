import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { LocalDatabase } from '../../local/db'
import { newQuery } from '../../local/db/mingo'
import { _, col, localCloud } from './helpers'

/**
 * Sorted, paged reads answered from an index (conformance_sorted: g_at_id {g: 1, at: -1, _id: -1}, g_at_n {g: 1, at: 1,
 * n: -1}): SQLite walks the index in order and stops at the page, and the answer is the one the in-memory sort gives,
 * in MongoDB's order. Where SQLite cannot order as MongoDB does (null or missing values, arrays, booleans among
 * numbers, dates among strings) the read is sorted in memory, in MongoDB's order.
 */

const local = localCloud()
const coll = () => local.handle().backend.collection('conformance_sorted')
type Order = Record<string, 1 | -1>

/** ids of one page, answered as the database chooses and as the in-memory sort answers it */
const both = (filter: object, order: Order, offset: number, limit: number) => ({
  answered: coll()
    .find(filter, { order, offset, limit })
    .map((h) => h.row.id),
  memory: coll()
    .find(filter, { order, offset, limit, memory: true })
    .map((h) => h.row.id),
})

/** How the read is answered, with SQLite's plan for the statement it runs. */
function plan(filter: object, order: Order) {
  const p = coll().explain(filter, { order })
  const steps = (
    local
      .handle()
      .backend.sql.prepare(`EXPLAIN QUERY PLAN ${p.sql}`)
      .all(...p.params) as { detail: string }[]
  )
    .map((s) => s.detail)
    .join(' | ')
  return { ...p, steps }
}

/** 240 documents in two groups, `at` on a 17-minute wheel so that many tie, ids not in insertion order. */
async function wheel(at: (i: number) => unknown = (i) => new Date(Date.UTC(2026, 0, 1, 0, i % 17)).toISOString()) {
  const docs = Array.from({ length: 240 }, (_x, i) => ({ _id: `d${String((i * 7919) % 1000).padStart(3, '0')}`, g: i % 3 ? 'a' : 'b', at: at(i), n: i % 5 }))
  for (let i = 0; i < docs.length; i += 100) await col('conformance_sorted').add(docs.slice(i, i + 100))
  return docs
}

const PAGES: [number, number][] = [
  [0, 20],
  [20, 20],
  [57, 13],
  [150, 100],
  [230, 20],
]

describe('sorted reads from an index', () => {
  test('when a sort follows an index after an equality, then SQLite walks the index in order, either way round, with no sort of its own', async () => {
    await wheel()
    for (const order of [
      { at: -1, _id: -1 },
      { at: 1, _id: 1 },
    ] as Order[]) {
      const p = plan({ g: 'a' }, order)
      expect(p).toMatchObject({ order: 'sql', exact: true })
      expect(p.steps).toContain('USING INDEX ix_conformance_sorted__g_at_id')
      expect(p.steps).not.toMatch(/TEMP B-TREE/)
    }
    const mixed = plan({ g: 'a' }, { at: 1, n: -1 })
    expect(mixed.steps).toContain('USING INDEX ix_conformance_sorted__g_at_n')
    expect(mixed.steps).not.toMatch(/TEMP B-TREE/)
  })

  test('when the equality is a $in, then each value walks the index and SQLite merges them in order', async () => {
    await wheel()
    const p = plan({ g: { $in: ['a', 'b'] } }, { at: -1, _id: -1 })
    expect(p.steps).toMatch(/MERGE \(UNION ALL\)/)
    expect(p.steps).toContain('USING INDEX ix_conformance_sorted__g_at_id')
    expect(p.steps).not.toMatch(/TEMP B-TREE/)
    for (const filter of [{ g: { $in: ['a', 'b', 'a'] } }, { g: { $in: ['b', 'a'] }, n: { $mod: [3, 0] } }]) {
      for (const [offset, limit] of PAGES) {
        const r = both(filter, { at: -1, _id: -1 }, offset, limit)
        expect(r.answered).toEqual(r.memory)
      }
    }
  })

  test('when pages are read from an index, then each equals the in-memory sort, ties by id or else in natural order', async () => {
    await wheel()
    const orders: Order[] = [{ at: -1, _id: -1 }, { at: 1, _id: 1 }, { at: -1 }, { at: 1 }, { at: 1, n: -1 }, { at: 1, n: 1 }, { _id: 1 }]
    for (const order of orders) {
      expect(coll().explain({ g: 'a' }, { order }).order).toBe('sql')
      for (const [offset, limit] of PAGES) {
        const r = both({ g: 'a' }, order, offset, limit)
        expect(r.answered).toEqual(r.memory)
      }
    }
    // and through the SDK, as the functions read
    const page = await col('conformance_sorted').where({ g: 'a' }).orderBy('at', 'desc').orderBy('_id', 'desc').skip(20).limit(20).get()
    expect(page.data.map((d) => d._id)).toEqual(both({ g: 'a' }, { at: -1, _id: -1 }, 20, 20).memory)
  })

  test('when mingo must re-check the filter, then pages still come in index order and equal the in-memory sort', async () => {
    await wheel()
    const filter = { g: 'a', n: { $mod: [3, 0] } }
    expect(plan(filter, { at: -1, _id: -1 })).toMatchObject({ order: 'sql', exact: false })
    for (const [offset, limit] of [...PAGES, [0, 1000]] as [number, number][]) {
      const r = both(filter, { at: -1, _id: -1 }, offset, limit)
      expect(r.answered).toEqual(r.memory)
    }
  })

  /** `n` documents in two groups over 17 minutes, each with tags from `tagsOf`. */
  async function tagged(n: number, tagsOf: (i: number) => string[]) {
    const docs = Array.from({ length: n }, (_x, i) => ({
      _id: `t${String((i * 7919) % 10000).padStart(4, '0')}`,
      g: i % 3 ? 'a' : 'b',
      at: new Date(Date.UTC(2026, 0, 1, 0, i % 17)).toISOString(),
      tags: tagsOf(i),
    }))
    for (let i = 0; i < docs.length; i += 500) await col('conformance_sorted').add(docs.slice(i, i + 500))
    return docs
  }

  test('when the filter looks up array members many documents hold besides the equalities an index walks, then the index leads in order and each row is checked among the members', async () => {
    const tags = [['x'], ['y', 'z'], [], ['z'], ['x', 'y']]
    const docs = await tagged(2500, (i) => tags[i % 5])
    const filter = { g: 'a', tags: { $in: ['x', 'y'] } }
    const p = plan(filter, { at: -1, _id: -1 })
    expect(p).toMatchObject({ order: 'sql', exact: true })
    expect(p.steps).toContain('USING INDEX ix_conformance_sorted__g_at_id')
    expect(p.steps).not.toMatch(/TEMP B-TREE/)
    const expected = docs.filter((d) => d.g === 'a' && d.tags.some((t) => t === 'x' || t === 'y')).length
    for (const [offset, limit] of PAGES) {
      const { answered, memory } = both(filter, { at: -1, _id: -1 }, offset, limit)
      expect(answered).toEqual(memory)
    }
    expect(coll().count(filter)).toBe(expected)
    expect(coll().explainCount(filter).sql).toContain('INDEXED BY "ix_conformance_sorted__g_at_id"')
    expect((await col('conformance_sorted').where(filter).count()).total).toBe(expected)
  })

  test('when few documents hold the members looked up (a person’s followed tickets among many), then the members lead the page and its count instead of a walk of the whole range', async () => {
    const docs = await tagged(2500, (i) => (i % 500 === 1 ? ['mine', 'x'] : ['x']))
    const filter = { g: 'a', tags: 'mine' }
    const p = plan(filter, { at: -1, _id: -1 })
    expect(p.steps).toMatch(/_mk/)
    expect(p.steps).not.toContain('SCAN conformance_sorted')
    const count = coll().explainCount(filter)
    expect(count.sql).not.toContain('INDEXED BY')
    const expected = docs.filter((d) => d.g === 'a' && d.tags.includes('mine'))
    expect(expected.length).toBeGreaterThan(0)
    const { answered, memory } = both(filter, { at: -1, _id: -1 }, 0, 20)
    expect(answered).toEqual(memory)
    expect(answered.length).toBe(expected.length)
    expect(coll().count(filter)).toBe(expected.length)
    // a lookup inside an $or is not counted: it leads, and answers as mingo does
    const either = { g: 'a', $or: [{ tags: 'mine' }, { n: 3 }] }
    expect(both(either, { at: -1, _id: -1 }, 0, 50).answered).toEqual(both(either, { at: -1, _id: -1 }, 0, 50).memory)
    expect(coll().count(either)).toBe(
      coll()
        .all()
        .filter((d) => newQuery(either).test(d)).length,
    )
    // and the common member still walks: it is held by every document
    expect(plan({ g: 'a', tags: 'x' }, { at: -1, _id: -1 }).steps).toContain('USING INDEX ix_conformance_sorted__g_at_id')
  })

  test('when the sorted field holds numbers and strings, then SQLite orders them as MongoDB does: numbers first', async () => {
    await wheel((i) => (i % 4 ? `s${i % 13}` : i % 7))
    expect(coll().explain({ g: 'a' }, { order: { at: 1, _id: 1 } }).order).toBe('sql')
    for (const order of [
      { at: 1, _id: 1 },
      { at: -1, _id: -1 },
    ] as Order[]) {
      for (const [offset, limit] of PAGES) {
        const r = both({ g: 'a' }, order, offset, limit)
        expect(r.answered).toEqual(r.memory)
      }
    }
    const first = (await col('conformance_sorted').where({ g: 'a' }).orderBy('at', 'asc').limit(3).get()).data
    expect(first.map((d) => typeof d.at)).toEqual(['number', 'number', 'number'])
  })

  test('when strings reach beyond U+FFFF, then the order is by code point (UTF-8 bytes), as MongoDB compares', async () => {
    await col('conformance_sorted').add([
      { _id: 'emoji', g: 'a', at: '😀' },
      { _id: 'last-bmp', g: 'a', at: '\uffff' },
      { _id: 'private', g: 'a', at: '\ue000' },
      { _id: 'latin', g: 'a', at: 'z' },
    ])
    const expected = ['latin', 'private', 'last-bmp', 'emoji']
    expect(both({ g: 'a' }, { at: 1 }, 0, 10)).toEqual({ answered: expected, memory: expected })
  })
})

describe('sorts an index cannot order as MongoDB does are sorted in memory', () => {
  test('when the sorted field is null or missing somewhere, then those sort first ascending, alike, ties by id', async () => {
    await col('conformance_sorted').add([
      { _id: 'b', g: 'a', at: 'x' },
      { _id: 'd', g: 'a', at: null },
      { _id: 'a', g: 'a' },
      { _id: 'c', g: 'a', at: 'w' },
      { _id: 'e', g: 'a', at: null },
    ])
    expect(coll().explain({ g: 'a' }, { order: { at: 1, _id: 1 } }).order).toBe('memory')
    const ids = async (dir: 'asc' | 'desc') =>
      (await col('conformance_sorted').where({ g: 'a' }).orderBy('at', dir).orderBy('_id', dir).get()).data.map((d) => d._id)
    expect(await ids('asc')).toEqual(['a', 'd', 'e', 'c', 'b'])
    expect(await ids('desc')).toEqual(['b', 'c', 'e', 'd', 'a'])
  })

  test('when the sorted field holds arrays, then ascending sorts by the smallest member and descending by the largest', async () => {
    await col('conformance_sorted').add([
      { _id: 'one', g: 'a', at: 5 },
      { _id: 'span', g: 'a', at: [1, 9] },
      { _id: 'empty', g: 'a', at: [] },
      { _id: 'mixed', g: 'a', at: [7, 'text'] },
    ])
    expect(coll().explain({ g: 'a' }, { order: { at: 1 } }).order).toBe('memory')
    const ids = async (dir: 'asc' | 'desc') => (await col('conformance_sorted').where({ g: 'a' }).orderBy('at', dir).get()).data.map((d) => d._id)
    expect(await ids('asc')).toEqual(['empty', 'span', 'one', 'mixed'])
    expect(await ids('desc')).toEqual(['mixed', 'span', 'one', 'empty'])
  })

  test('when booleans sit among numbers, or dates among strings, then MongoDB’s type order holds (numbers, strings, booleans, dates)', async () => {
    await col('conformance_sorted').add([
      { _id: 't', g: 'a', at: true },
      { _id: 'n', g: 'a', at: 2 },
      { _id: 'f', g: 'a', at: false },
      { _id: 's', g: 'b', at: '2030-01-01' },
      { _id: 'd', g: 'b', at: new Date('2020-01-01') },
      { _id: 'r', g: 'b', at: 'a' },
    ])
    expect(coll().explain({ g: 'a' }, { order: { at: 1 } }).order).toBe('memory')
    const ids = async (g: string) => (await col('conformance_sorted').where({ g }).orderBy('at', 'asc').get()).data.map((d) => d._id)
    expect(await ids('a')).toEqual(['n', 'f', 't'])
    expect(await ids('b')).toEqual(['s', 'r', 'd'])
  })

  test('when ids are not all strings, then a sort by _id is done in memory, numbers before strings', async () => {
    await col('conformance_sorted').add([
      { _id: 'x', g: 'a' },
      { _id: 10, g: 'a' },
      { _id: 9, g: 'a' },
    ])
    expect(coll().explain({ g: 'a' }, { order: { _id: 1 } }).order).toBe('memory')
    expect((await col('conformance_sorted').where({ g: 'a' }).orderBy('_id', 'asc').get()).data.map((d) => d._id)).toEqual([9, 10, 'x'])
  })
})

describe('filters answered exactly in SQL', () => {
  test('when a range, an $or or a $nor bears on indexed fields of one type, then SQL alone answers and counts what MongoDB matches', async () => {
    await wheel()
    const filters = [
      { g: 'a', at: { $lt: '2026-01-01T00:05:00.000Z' } },
      { g: 'a', $or: [{ at: { $gte: '2026-01-01T00:15:00.000Z' } }, { n: 0 }] },
      { g: 'a', $nor: [{ at: { $lt: '2026-01-01T00:05:00.000Z' } }, { n: { $in: [1, 2] } }] },
      { at: null },
    ]
    const stored = coll().all()
    for (const f of filters) {
      expect(coll().explain(f).exact).toBe(true)
      const expected = stored.filter((d) => newQuery(f).test(d)).map((d) => d._id)
      expect(
        coll()
          .find(f)
          .map((h) => h.row.id),
      ).toEqual(expected)
      expect(coll().count(f)).toBe(expected.length)
    }
    expect(coll().count({ at: null })).toBe(0)
  })

  test('when other kinds of value join an indexed field, then ranges keep MongoDB’s type bracketing and null matches missing', async () => {
    await wheel()
    const ids = async (q: object) => (await col('conformance_sorted').where(q).orderBy('_id', 'asc').limit(1000).get()).data.map((d) => d._id)
    const before = (await ids({ g: 'a', at: _().lt('2026-01-01T00:02:00.000Z') })).length
    expect(before).toBeGreaterThan(0)
    await col('conformance_sorted').add([
      { _id: 'num', g: 'a', at: 3 },
      { _id: 'nul', g: 'a', at: null },
      { _id: 'mis', g: 'a' },
      { _id: 'dat', g: 'a', at: new Date('2026-01-01T00:01:00.000Z') },
    ])
    expect(await ids({ g: 'a', at: _().gt(1) })).toEqual(['num'])
    expect(await ids({ g: 'a', at: null })).toEqual(['mis', 'nul'])
    expect(await ids({ g: 'a', at: _().lt(new Date('2026-06-01')) })).toEqual(['dat'])
    expect((await ids({ g: 'a', at: _().lt('2026-01-01T00:02:00.000Z') })).length).toBe(before)
    expect(
      (
        await col('conformance_sorted')
          .where({ g: 'a', at: _().lt('2026-01-01T00:02:00.000Z') })
          .count()
      ).total,
    ).toBe(before)
  })

  test('when a count could read one index without documents, then it reads that one rather than a narrower-looking range', async () => {
    await wheel()
    const filter = { g: 'b', n: { $in: [1, 2] }, at: { $lt: '2026-01-01T00:09:00.000Z' } }
    const c = coll().explainCount(filter)
    const steps = (
      local
        .handle()
        .backend.sql.prepare(`EXPLAIN QUERY PLAN ${c.sql}`)
        .all(...c.params) as { detail: string }[]
    )
      .map((s) => s.detail)
      .join(' | ')
    expect(c.exact).toBe(true)
    expect(steps).toContain('USING INDEX ix_conformance_sorted__g_at_n')
    expect(coll().count(filter)).toBe(
      coll()
        .all()
        .filter((d) => newQuery(filter).test(d)).length,
    )
    // ids looked up are narrower than any range: left to SQLite
    expect(coll().explainCount({ _id: { $in: ['d001', 'd002'] }, g: 'a' }).sql).not.toContain('INDEXED BY')
  })

  test('when an array field never held arrays within arrays, then its membership test is exact; once it has, mingo re-checks', async () => {
    const docs = col('conformance_docs')
    await docs.add([
      { _id: 'x', tags: [{ k: 'a' }] },
      { _id: 'y', tags: [{ k: 'b' }] },
    ])
    const c = local.handle().backend.collection('conformance_docs')
    expect(c.explain({ 'tags.k': 'a' }).exact).toBe(true)
    await docs.add({ _id: 'z', tags: [[{ k: 'a' }]] })
    expect(c.explain({ 'tags.k': 'a' }).exact).toBe(false)
    // MongoDB does not look into an array within an array
    expect((await docs.where({ 'tags.k': 'a' }).get()).data.map((d) => d._id)).toEqual(['x'])
    expect((await docs.where({ 'tags.k': 'a' }).count()).total).toBe(1)
  })
})

describe('what the sorted and exact reads rely on survives a restart', () => {
  test('when a database reopens, or predates the record of kinds, then it still knows which fields held null', () => {
    const dir = mkdtempSync(join(tmpdir(), 'order-conformance-'))
    const file = join(dir, 'db.sqlite')
    try {
      let db = new LocalDatabase({ file })
      db.collection('conformance_sorted').insert({ _id: 'a', g: 'a', at: 'x' })
      db.collection('conformance_sorted').insert({ _id: 'b', g: 'a', at: null })
      db.collection('conformance_sorted').insert({ _id: 'c', g: 'a', n: 1 })
      db.close()
      db = new LocalDatabase({ file })
      expect(db.collection('conformance_sorted').explain({ g: 'a' }, { order: { at: 1 } }).order).toBe('memory')
      expect(db.collection('conformance_sorted').explain({ g: 'a' }, { order: { n: 1 } }).order).toBe('memory')
      db.sql.exec('DELETE FROM _kinds')
      db.close()
      db = new LocalDatabase({ file })
      expect(db.collection('conformance_sorted').explain({ g: 'a' }, { order: { at: 1 } }).order).toBe('memory')
      expect(db.collection('conformance_sorted').explain({ g: 'a' }, { order: { g: 1 } }).order).toBe('sql')
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
