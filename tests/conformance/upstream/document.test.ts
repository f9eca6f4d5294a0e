/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/document.test.ts: the document reference: set(),
 * update() and remove(). Each test name ends with the upstream case it carries, [describe › it] (see ledger.ts).
 */
import { db } from '../../../cloudfunctions/_core/cloud'
import { collectionWith, localCloud, rejection } from './helpers'

localCloud()

const NAME = 'coll-2'
const fixture = () => [
  { category: 'Web', tags: ['JavaScript', 'C#'] },
  { category: 'Web', tags: ['Go', 'C#'] },
  { category: 'Life', tags: ['Go', 'Python', 'JavaScript'] },
]

describe('upstream document.test.ts', () => {
  test(`when createCollection names an existing collection then it fails with DATABASE_COLLECTION_ALREADY_EXIST [test/unit/document.test.ts › API - createCollection]`, async () => {
    // upstream expects a truthy answer; CloudBase refuses (see README: a documented difference)
    await collectionWith(NAME, fixture())
    const err = await rejection(db().createCollection(NAME))
    expect(err.code).toBe('DATABASE_COLLECTION_ALREADY_EXIST')
  })

  test(`when doc() is given a generated id then the reference carries it [test/unit/document.test.ts › docID test]`, () => {
    const id = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6'
    expect(db().collection(NAME).doc(id).id).toBe(id)
  })

  test(`when set() targets a missing document then it is created and upsertedId is reported [test/unit/document.test.ts › API - set data in empty document]`, async () => {
    const coll = await collectionWith(NAME, fixture())
    const res = await coll.doc('123123123').set({ name: 'jude' })
    expect(res.upsertedId).toBe('123123123')
    const found = await coll.where({ name: db().command.eq('jude') }).get()
    expect(found.data).toEqual([{ _id: '123123123', name: 'jude' }])
  })

  test(`when set() replaces an existing document twice and update() follows then each reports updated 1 [test/unit/document.test.ts › API - set data in document existed]`, async () => {
    const coll = await collectionWith(NAME, fixture())
    const [{ _id: id }] = (await coll.limit(1).get()).data
    expect((await coll.doc(id).set({ data: { type: 'set' } })).updated).toBe(1)
    expect((await coll.doc(id).set({ data: { arr: [1, 2, 3], foo: 123 }, array: [0, 0, 0] })).updated).toBe(1)
    const _ = db().command
    const res = await coll.doc(id).update({ data: { arr: _.push([4, 5, 6]), foo: _.inc(1) }, array: _.pop() })
    expect(res.updated).toBe(1)
    expect((await coll.doc(id).get()).data[0]).toEqual({ _id: id, data: { arr: [1, 2, 3, 4, 5, 6], foo: 124 }, array: [0, 0] })
  })

  test(`when remove() targets a missing document then deleted is 0 [test/unit/document.test.ts › API - remove document that not exist]`, async () => {
    const coll = await collectionWith(NAME, fixture())
    expect((await coll.doc('a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6').remove()).deleted).toBe(0)
  })

  test(`when remove() targets an existing document then deleted is 1 [test/unit/document.test.ts › API - remove document should success]`, async () => {
    const coll = await collectionWith(NAME, fixture())
    const [{ _id: id }] = (await coll.get()).data
    expect((await coll.doc(id).remove()).deleted).toBe(1)
  })
})
