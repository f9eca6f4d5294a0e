import { db } from '../../cloudfunctions/_core/cloud'
import { _, col, localCloud, rejection } from './helpers'

localCloud()

describe('documents', () => {
  test('when add is called without _id then a 32-hex id and a requestId come back', async () => {
    const res = await col().add({ n: 1 })
    expect(res.id).toMatch(/^[0-9a-f]{32}$/)
    expect(typeof res.requestId).toBe('string')
    expect((await col().doc(res.id!).get()).data).toEqual([{ _id: res.id, n: 1 }])
  })

  test('when add is called with an explicit _id then that _id is kept', async () => {
    const res = await col().add({ _id: 'p1:v1', n: 1 })
    expect(res.id).toBe('p1:v1')
  })

  test('when add is given an array then ids lists every id in order', async () => {
    const res = (await col().add([{ _id: 'a', n: 1 }, { n: 2 }])) as unknown as { ids: string[] }
    expect(res.ids).toHaveLength(2)
    expect(res.ids[0]).toBe('a')
  })

  test('when a document with an existing _id is added then it fails with DATABASE_DUPLICATE_WRITE', async () => {
    await col().add({ _id: 'x', n: 1 })
    const err = await rejection(col().add({ _id: 'x', n: 2 }))
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE')
    expect(err.message).toContain('E11000 duplicate key error')
    expect((await col().doc('x').get()).data[0].n).toBe(1)
  })

  test('when doc().get() finds the document then data is an array holding it', async () => {
    await col().add({ _id: 'd', n: 1, nest: { a: [1, { b: 2 }] } })
    const res = await col().doc('d').get()
    expect(res.data).toEqual([{ _id: 'd', n: 1, nest: { a: [1, { b: 2 }] } }])
  })

  test('when doc().get() misses then data is an empty array', async () => {
    expect((await col().doc('none').get()).data).toEqual([])
  })

  test('when a Date is written then it is read back as a Date', async () => {
    const when = new Date('2024-05-01T08:00:00.123Z')
    await col().add({ _id: 'd', at: when, list: [when] })
    const [doc] = (await col().doc('d').get()).data
    expect(doc.at).toBeInstanceOf(Date)
    expect(doc.at.getTime()).toBe(when.getTime())
    expect(doc.list[0].getTime()).toBe(when.getTime())
  })

  test('when db.serverDate() is written then it is resolved to the server clock at write time', async () => {
    const before = Date.now()
    await col().add({ _id: 's', at: db().serverDate(), later: db().serverDate({ offset: 60_000 }) })
    await col().doc('s').update({ touched: db().serverDate() })
    const [doc] = (await col().doc('s').get()).data
    expect(doc.at).toBeInstanceOf(Date)
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before)
    expect(doc.at.getTime()).toBeLessThanOrEqual(Date.now())
    expect(doc.later.getTime() - doc.at.getTime()).toBeGreaterThanOrEqual(59_000)
    expect(doc.touched).toBeInstanceOf(Date)
  })

  test('when a collection is not declared in indexes.json then every call fails with DATABASE_COLLECTION_NOT_EXIST', async () => {
    for (const call of [
      () => col('nope').get(),
      () => col('nope').add({ a: 1 }),
      () => col('nope').count(),
      () => col('nope').doc('x').update({ a: 1 }),
      () => col('nope').aggregate().end(),
    ]) {
      const err = await rejection(call())
      expect(err.code).toBe('DATABASE_COLLECTION_NOT_EXIST')
      expect(err.message).toContain('Db or Table not exist')
    }
  })

  test('when a field name starts with $ at any depth then add fails with DATABASE_REQUEST_FAILED, as on CloudBase', async () => {
    // MongoDB refuses to store $-prefixed names; locally they used to be stored, so code worked here and failed deployed
    for (const doc of [{ $k: 1 }, { a: { $k: 1 } }, { list: [{ ok: 1 }, { $k: 1 }] }]) {
      const err = await rejection(col().add(doc))
      expect(err.code).toBe('DATABASE_REQUEST_FAILED')
      expect(err.message).toContain('$ prefixed field names')
    }
    const batch = await rejection(col().add([{ _id: 'fine' }, { $k: 1 }]))
    expect(batch.code).toBe('DATABASE_REQUEST_FAILED')
    expect((await col().count()).total).toBe(0)
    // a $ inside a name, dates and regular expressions (sent as $-wrappers by the SDK) are fine
    await col().add({ _id: 'ok', price$: 1, at: new Date(0), re: /x/ })
    expect((await col().doc('ok').get()).data[0].price$).toBe(1)
  })

  test('when doc().remove() is called then deleted is 1, and 0 the second time', async () => {
    await col().add({ _id: 'r', n: 1 })
    expect((await col().doc('r').remove()).deleted).toBe(1)
    expect((await col().doc('r').remove()).deleted).toBe(0)
  })

  test('when where().remove() is called then every matching document is deleted and counted', async () => {
    await col().add([{ n: 1 }, { n: 1 }, { n: 2 }])
    expect((await col().where({ n: 1 }).remove()).deleted).toBe(2)
    expect((await col().count()).total).toBe(1)
  })

  test('when a number is stored then integers and decimals keep their value', async () => {
    await col().add({ _id: 'num', i: 3, f: 2.5, neg: -7, big: 2 ** 40 })
    const [doc] = (await col().doc('num').get()).data
    expect(doc).toEqual({ _id: 'num', i: 3, f: 2.5, neg: -7, big: 2 ** 40 })
    expect(
      (
        await col()
          .where({ f: _().gt(2.4) })
          .count()
      ).total,
    ).toBe(1)
  })
})
