/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/date.test.ts: Dates and serverDate through a
 * document's life. The test name ends with the upstream case it carries, [describe › it] (see ledger.ts).
 */
import { db } from '../../../cloudfunctions/_core/cloud'
import { cmd as _, collectionWith, localCloud } from './helpers'

localCloud()

describe('upstream date.test.ts', () => {
  test('when Dates and serverDates are added, queried, updated and removed then they keep their values and order [Date类型 › Document - CRUD]', async () => {
    const coll = await collectionWith('db-test-date')
    const date = new Date()
    const offset = 60 * 1000
    const res = await coll.add({
      name: 'test',
      date,
      serverDate1: db().serverDate(),
      serverDate2: db().serverDate({ offset }),
      innerServerDate: [db().serverDate({ offset })],
      emptyArray: [],
      emptyObject: {},
      foo: { bar: db().serverDate({ offset }) },
    })
    expect(res.id).toBeTruthy()
    expect(res.requestId).toBeTruthy()

    let [doc] = (await coll.where({ _id: res.id }).get()).data
    expect(doc.date.getTime()).toBe(date.getTime())
    expect(doc.foo.bar).toBeInstanceOf(Date)
    expect(doc.serverDate1.getDate()).toBe(date.getDate())
    // every serverDate of one request is resolved against the same server clock
    expect(doc.serverDate1.getTime() + offset).toBe(doc.serverDate2.getTime())
    expect(doc.emptyArray).toStrictEqual([])
    expect(doc.emptyObject).toStrictEqual({})

    expect((await coll.where({ date: _().eq(date) }).get()).data[0].date.getTime()).toBe(date.getTime())
    expect((await coll.where({ date: _().lte(date) }).get()).data.length).toBeGreaterThan(0)
    expect((await coll.where({ date: _().lte(date).and(_().gte(date)) }).get()).data.length).toBeGreaterThan(0)

    // a cloud round trip takes milliseconds; locally the update could land in the insert's millisecond
    await new Promise((r) => setTimeout(r, 2))
    const newDate = new Date()
    const updated = await coll
      .where({ date: _().lte(date).and(_().gte(date)) })
      .update({ date: newDate, serverDate2: db().serverDate({ offset: 60 * 60 * 1000 }), innerServerDate: _().push(db().serverDate({ offset })) })
    expect(updated.updated).toBe(1)
    ;[doc] = (await coll.where({ _id: res.id }).get()).data
    expect(doc.date.getTime()).toBe(newDate.getTime())
    expect(doc.serverDate2.getTime() - doc.serverDate1.getTime()).toBeGreaterThan(60 * 60 * 1000)
    expect(doc.innerServerDate).toHaveLength(2)

    expect((await coll.doc(res.id!).remove()).deleted).toBe(1)
  })
})
