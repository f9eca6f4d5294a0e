/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/oid.test.ts: db.ObjectId values as _id and as
 * fields. Each test name ends with the upstream case it carries, [describe › it] (see ledger.ts).
 */
import { randomBytes } from 'crypto'
import { db } from '../../../cloudfunctions/_core/cloud'
import { collectionWith, localCloud } from './helpers'

localCloud()

const objectIdText = () => randomBytes(12).toString('hex')
const oid = (id: string) => (db() as unknown as { ObjectId(o: { id: string }): unknown }).ObjectId({ id })

describe('upstream oid.test.ts', () => {
  test('when _id is a db.ObjectId then add answers its hex text as the id [objectid特殊结构 › test _id 为oid 结构插入]', async () => {
    const coll = await collectionWith('db-test-oid-test')
    const id = objectIdText()
    expect((await coll.add({ _id: oid(id) })).id).toBe(id)
  })

  test('when a field is a db.ObjectId then it is found by an ObjectId and read back as its hex text [objectid特殊结构 › test 非 _id 为oid 结构插入]', async () => {
    const coll = await collectionWith('db-test-oid-test')
    const id = objectIdText()
    expect((await coll.add({ a: oid(id) })).id).toBeDefined()
    const res = await coll.where({ a: oid(id) }).get()
    expect(res.data[0].a).toBe(id)
  })

  test('when lookup joins an ObjectId field to an ObjectId _id then documents are joined [objectid特殊结构 › test 联表 _id 与 非_id字段]', async () => {
    const coll = await collectionWith('db-test-oid-test')
    const lookup = await collectionWith('db-test-oid-test-lookup')
    const [id1, id2] = [objectIdText(), objectIdText()]
    expect((await coll.add({ _id: oid(id1), inviter_uid: oid(id2), name: 'test' })).id).toBe(id1)
    expect((await lookup.add({ _id: oid(id2), inviter_uid: oid(id1), name: 'test1' })).id).toBe(id2)
    const res = await lookup.aggregate().lookup({ from: 'db-test-oid-test', localField: 'inviter_uid', foreignField: '_id', as: 'newTest' }).end()
    expect(res.data.length).toBeGreaterThan(0)
    expect(res.data[0].newTest.map((d: { name: string }) => d.name)).toEqual(['test'])
  })
})
