/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/collection.test.ts: the collection reference and its
 * basic calls. Each test name ends with the upstream case it carries, [describe › it] (see ledger.ts).
 */
import { db } from '../../../cloudfunctions/_core/cloud'
import { collectionWith, localCloud, rejection } from './helpers'

localCloud()

const NAME = 'coll-1'

describe('upstream collection.test.ts', () => {
  test(`when a collection reference is made then it carries its name [test/unit/collection.test.ts › name test]`, async () => {
    expect(db().collection(NAME).name).toBe(NAME)
    await collectionWith(NAME)
  })

  test(`when doc() is given an id of any shape then the SDK makes the reference [test/unit/collection.test.ts › Error - use invalid docId to get reference]`, () => {
    // upstream only asserts inside a catch: ids are not validated client-side any more
    expect(db().collection(NAME).doc('abcdefg').id).toBe('abcdefg')
  })

  test(`when get() reads a collection then data is an array [test/unit/collection.test.ts › API - get all data]`, async () => {
    const coll = await collectionWith(NAME, [{ n: 1 }])
    expect(Array.isArray((await coll.get()).data)).toBe(true)
  })

  test(`when orderBy() names a field no document has then the query still answers an array [test/unit/collection.test.ts › API - use orderBy]`, async () => {
    const coll = await collectionWith(NAME, [{ n: 1 }])
    expect(Array.isArray((await coll.orderBy('huming', 'asc').get()).data)).toBe(true)
  })

  test(`when limit(1) is used then one document comes back [test/unit/collection.test.ts › API - use limit]`, async () => {
    const coll = await collectionWith(NAME, [{ n: 1 }, { n: 2 }])
    const res = await coll.limit(1).get()
    expect(Array.isArray(res.data) && res.data.length === 1).toBe(true)
  })

  test(`when skip() is used then an array comes back [test/unit/collection.test.ts › API - use offset]`, async () => {
    const coll = await collectionWith(NAME, [{ n: 1 }, { n: 2 }, { n: 3 }])
    const res = await coll.skip(2).get()
    expect(res.data).toHaveLength(1)
  })

  test(`when a document is added, updated by eq() and removed then each call reports it [test/unit/collection.test.ts › API - add one doc, update and remove]`, async () => {
    const coll = await collectionWith(NAME)
    expect(await coll.add({ name: 'huming' })).toBeTruthy()
    expect((await coll.where({ name: db().command.eq('huming') }).update({ age: 18 })).updated).toBeGreaterThan(0)
    expect((await coll.where({ name: db().command.eq('huming') }).remove()).deleted).toBeGreaterThan(0)
  })

  test(`when field() is used then an array comes back; creating the existing collection again is refused [test/unit/collection.test.ts › API - use field]`, async () => {
    const coll = await collectionWith(NAME, [{ age: 1, name: 'a' }])
    // upstream calls createCollection on the existing collection first and expects no error; CloudBase answers
    // DATABASE_COLLECTION_ALREADY_EXIST ("Table exist"), and so does the local database (see README)
    expect((await rejection(db().createCollection(NAME))).code).toBe('DATABASE_COLLECTION_ALREADY_EXIST')
    const res = await coll.field({ age: 1 }).get()
    expect(res.data).toEqual([{ _id: expect.any(String), age: 1 }])
  })

  test(`when remove() follows orderBy() and skip() then they are ignored and every match goes [test/unit/collection.test.ts › API - add and remove with skip]`, async () => {
    const coll = await collectionWith(NAME)
    const text = 'test for add and remove with skip'
    for (let i = 0; i < 10; i++) await coll.add({ text })
    expect((await coll.where({ text }).get()).data.length).toBeGreaterThan(0)
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    await (coll.where({ text }).orderBy('text', 'asc').skip(3) as unknown as { remove(): Promise<unknown> }).remove()
    warn.mockRestore()
    expect((await coll.where({ text }).get()).data).toHaveLength(0)
  })

  test(`when where() gets no object or only undefined values then the SDK refuses it; otherwise it filters [test/unit/collection.test.ts › API - use where]`, async () => {
    const coll = await collectionWith(NAME)
    expect(() => (coll as unknown as { where(): unknown }).where()).toThrow()
    expect(() => coll.where({ a: undefined })).toThrow()
    await coll.add({ name: 'aaa' })
    expect((await coll.where({ name: 'aaa' }).get()).data.length).toBeGreaterThan(0)
    expect((await coll.where({}).get()).data.length).toBeGreaterThan(0)
  })
})
