/**
 * Carried over from TencentCloudBase/node-sdk test/database/index.test.ts: documents through their life, option
 * flags, counts and updateAndReturn. Each test name ends with the upstream case it carries, [describe › it] (see
 * ledger.ts). Upstream's cases share one collection and run in order; here each sets up the state it relies on.
 */
import { db, getApp } from '../../../cloudfunctions/_core/cloud'
import { cmd as _, collectionWith, localCloud, rejection } from './helpers'

localCloud()

const NAME = 'db-test-index'
const index = () => collectionWith(NAME)

describe(`upstream index.test.ts`, () => {
  test(`when database() is given a string then the SDK refuses it with INVALID_PARAM [test/index.test.ts › app.database('env')]`, () => {
    let code: string | undefined
    try {
      getApp().database('env' as never)
    } catch (e) {
      code = (e as { code?: string }).code
    }
    expect(code).toBe('INVALID_PARAM')
    // and the refused call left the SDK's database seam on the local database
    expect(db().collection(NAME)).toBeDefined()
  })

  test(`when a field is null then the document is added and read back [test/index.test.ts › 插入字段null]`, async () => {
    const coll = await index()
    const addRes = await coll.add({ name: null })
    expect(addRes.id).toBeDefined()
    const res = await coll.where({ _id: addRes.id }).get()
    expect(res.data).toEqual([{ _id: addRes.id, name: null }])
  })

  test(`when a field is updated to an empty array then it reads back as an array [test/index.test.ts › 更新字段为空数组]`, async () => {
    const coll = await index()
    const { id } = await coll.add({ a: 1 })
    await coll.where({ _id: id }).update({ a: [] })
    const res = await coll.where({ _id: id }).get()
    expect(Array.isArray(res.data[0].a)).toBe(true)
  })

  test(`when the _id is 24 hex characters then it stays a string id and is found by it [test/index.test.ts › 验证插入24位可转objid 的id]`, async () => {
    const coll = await index()
    await coll.where({ a: 'test' }).remove()
    await coll.add({ a: 'test', _id: '5e7b474a5e54c773b58d7b39' })
    const res = await coll.where({ _id: '5e7b474a5e54c773b58d7b39' }).get()
    expect(res.data).toHaveLength(1)
  })

  test(`when a field name starts with $ then add fails with DATABASE_REQUEST_FAILED and nothing is stored [test/index.test.ts › 验证throwOnCode]`, async () => {
    const coll = await index()
    const err = await rejection(coll.add({ $_key: 1 }))
    expect(err.code).toBe('DATABASE_REQUEST_FAILED')
    expect((await coll.count()).total).toBe(0)
  })

  test(`when ten documents are added at once then ten ids come back [test/index.test.ts › mock 插入多条]`, async () => {
    const coll = await index()
    const res = (await coll.add(Array.from({ length: 10 }, () => ({ string: 'a', int: -1 })))) as unknown as { ids: string[] }
    expect(res.ids).toHaveLength(10)
  })

  test(`when where().remove() matches ten documents then deleted is 10 [test/index.test.ts › 清楚mock数据]`, async () => {
    const coll = await index()
    await coll.add(Array.from({ length: 10 }, () => ({ string: 'a', int: -1 })))
    expect((await coll.where({ int: -1 }).remove()).deleted).toBe(10)
  })

  test(`when count() has no query then it counts the whole collection [test/index.test.ts › 验证 无 query count]`, async () => {
    const coll = await index()
    expect((await coll.count()).total).toBeGreaterThanOrEqual(0)
  })

  test(`when update() is called on a collection without where() then it is refused with INVALID_PARAM and nothing changes [test/index.test.ts › 验证 无 query update]`, async () => {
    const coll = await index()
    await coll.add({ _id: 'x', a: 0 })
    const err = await rejection((coll as unknown as { update(d: object): Promise<unknown> }).update({ a: 1 }))
    expect(err.code).toBe('INVALID_PARAM')
    expect((await coll.doc('x').get()).data[0].a).toBe(0)
  })

  test(`when a query sets a timeout option then it still answers [test/index.test.ts › document query custom timeout]`, async () => {
    const coll = await index()
    await coll.add({ n: 1 })
    const res = await coll
      .where({})
      .options({ timeout: 3000 } as never)
      .limit(1)
      .get()
    expect(res.data).toHaveLength(1)
  })

  test(`when a document is added, merged with nulls and removed then each step reports it [test/index.test.ts › Document - CRUD]`, async () => {
    const coll = await index()
    // a field name ending in a dot is accepted, as CloudBase accepts it
    const res = await coll.add({ 'key.': '1' })
    expect(res.id).toBeTruthy()
    expect(res.requestId).toBeTruthy()
    const updated = await coll.where({ _id: res.id }).update({ data: { a: null, b: null, c: null } })
    expect(updated.updated).toBeGreaterThan(0)
    const read = await coll.where({ _id: res.id }).get()
    expect(read.data[0]).toBeTruthy()
    expect(read.data[0].data).toStrictEqual({ a: null, b: null, c: null })
    expect((await coll.doc(res.id!).remove()).deleted).toBe(1)
  })

  test(`when or() combines two and() ranges then documents in either range match and are removed [test/index.test.ts › Document - query]`, async () => {
    const coll = await index()
    expect((await coll.add({ a: 1, b: 100 })).id).toBeTruthy()
    expect((await coll.add({ a: 10, b: 1 })).id).toBeTruthy()
    const query = _().or({ b: _().and(_().gte(1), _().lte(10)) }, { b: _().and(_().gt(99), _().lte(101)) })
    expect((await coll.where(query).get()).data.length).toBeGreaterThanOrEqual(2)
    expect((await coll.where(query).remove()).deleted).toBe(2)
  })

  test(`when two fields each hold gt().and(lte()) then the query runs [test/index.test.ts › 复合and]`, async () => {
    const coll = await index()
    const res = await coll.where({ date: _().gt(20190401).and(_().lte(20190430)), hour: _().gt(8).and(_().lte(12)) }).get()
    expect((res as { code?: string }).code).toBeUndefined()
  })

  test(`when a query sets a 10 ms timeout then the local database answers within it [test/index.test.ts › 验证自定义超时]`, async () => {
    // upstream accepts either an answer or ESOCKETTIMEDOUT; without a network hop the answer comes first
    const coll = await index()
    const res = await coll
      .where({ date: _().gt(20190401).and(_().lte(20190430)), hour: _().gt(8).and(_().lte(12)) })
      .options({ timeout: 10 } as never)
      .get()
    expect(res.data).toEqual([])
  })

  test(`when the multiple option is false then one document is updated, otherwise all [test/index.test.ts › Document - doc().option().update()]`, async () => {
    const coll = await index()
    const addRes = (await coll.add([{ testNum: 1 }, { testNum: 1 }, { testNum: 1 }])) as unknown as { ids: string[] }
    expect(addRes.ids).toHaveLength(3)
    const inc = { testNum: _().inc(1) }
    expect(
      (
        await coll
          .where({ testNum: 1 })
          .options({ multiple: false } as never)
          .update(inc)
      ).updated,
    ).toBe(1)
    expect(
      (
        await coll
          .where({ testNum: _().gt(0) })
          .options({ multiple: true } as never)
          .update(inc)
      ).updated,
    ).toBe(3)
    expect(
      (
        await coll
          .where({ testNum: _().gt(0) })
          .options({} as never)
          .update(inc)
      ).updated,
    ).toBe(3)
    expect((await coll.where({ testNum: _().gt(0) }).update(inc)).updated).toBe(3)
  })

  test(`when the multiple option is false then one document is removed, otherwise all [test/index.test.ts › Document - doc().option().delete()]`, async () => {
    const coll = await index()
    await coll.add([{ testNum: 4 }, { testNum: 3 }, { testNum: 3 }])
    expect(
      (
        await coll
          .where({ testNum: _().gt(0) })
          .options({ multiple: false } as never)
          .remove()
      ).deleted,
    ).toBe(1)
    expect(
      (
        await coll
          .where({ testNum: _().gt(0) })
          .options({} as never)
          .remove()
      ).deleted,
    ).toBe(2)
  })

  test(`when updateAndReturn changes a document then the new document comes back [test/index.test.ts › 验证findAndModify]`, async () => {
    const coll = await index()
    await coll.add([{ a: 1 }, { a: 1 }])
    const res = await coll.where({ a: 1 }).updateAndReturn({ a: 2 })
    expect(res.doc.a).toBe(2)
  })

  test(`when updateAndReturn writes the values the document already has then updated is still 1 [test/index.test.ts › 验证findAndModify 更新相同值]`, async () => {
    // findAndModify counts the document it found, not whether its bytes changed
    const coll = await index()
    await coll.add([{ a: 1 }])
    const res = await coll.where({ a: 1 }).updateAndReturn({ a: 1 })
    expect(res.updated).toBe(1)
  })

  test(`when updateAndReturn matches nothing then updated is 0 and doc is null [test/index.test.ts › 验证findAndModify 更新失败]`, async () => {
    const coll = await index()
    const res = await coll.where({ a: -1 }).updateAndReturn({ a: 1 })
    expect(res.updated === 0 && res.doc === null).toBe(true)
  })
})
