/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/regex-query.test.ts: regular expressions in
 * queries, updates and removes. The test name ends with the upstream case it carries, [describe › it] (see ledger.ts).
 */
import { db } from '../../../cloudfunctions/_core/cloud'
import { cmd as _, collectionWith, localCloud } from './helpers'

localCloud()

describe('upstream regex-query.test.ts', () => {
  test('when JS RegExps and db.RegExp are used alone, together, in or() and in update/remove then they match alike [正则表达式查询 › Document - CRUD]', async () => {
    const coll = await collectionWith('db-test-regex')
    const res = await coll.add({
      name: 'AbCdEfxxxxxxxxxxxxxx1234结尾',
      name2: 'fffffffffffffffffff',
      array: [1, 2, 3, [4, 5, 6], { a: 1, b: { c: 'fjasklfljkas', d: false } }],
      deepObject: { 'l-02-01': { 'l-03-01': { 'l-04-01': { level: 1, name: 'l-01', flag: '0' } } } },
    })
    expect(res.id).toBeTruthy()
    expect(res.requestId).toBeTruthy()
    const name = () => db().RegExp({ regexp: '^abcdef.*\\d+结尾$', options: 'i' })
    const found = async (q: unknown) => (await coll.where(q as Record<string, unknown>).get()).data.length
    expect(await found({ name: /^abcdef.*\d+结尾$/i })).toBeGreaterThan(0)
    const RegExpCtor = db().RegExp as unknown as new (o: { regexp: string; options?: string }) => unknown
    expect(await found({ name: new RegExpCtor({ regexp: '^abcdef.*\\d+结尾$', options: 'i' }) })).toBeGreaterThan(0)
    expect(await found({ name: name() })).toBeGreaterThan(0)
    expect(await found({ name: name(), name2: /fff/ })).toBeGreaterThan(0)
    expect(await found(_().or({ name: name(), name2: db().RegExp({ regexp: 'fffffff', options: 'i' }) }))).toBeGreaterThan(0)
    const or = _().or as unknown as (...v: unknown[]) => unknown
    expect(
      await found({ name: or(new RegExpCtor({ regexp: '^abcdef.*\\d+结尾$', options: 'i' }), db().RegExp({ regexp: '^fffffff$', options: 'i' })) }),
    ).toBeGreaterThan(0)
    const updated = await coll.where({ name: or(name(), db().RegExp({ regexp: '^fffffff$', options: 'i' })) }).update({ name: 'ABCDEFxxxx5678结尾' })
    expect(updated.updated).toBeGreaterThan(0)
    expect((await coll.where({ name: name() }).remove()).deleted).toBeGreaterThan(0)
  })
})
