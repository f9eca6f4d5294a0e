import { db } from '../../cloudfunctions/_core/cloud'
import { col, localCloud } from './helpers'

localCloud()
const $ = () => db().command.aggregate

describe('aggregate', () => {
  test('when match, group and sort are chained then groups come back sorted', async () => {
    await col().add([{ g: 'a', v: 1 }, { g: 'b', v: 5 }, { g: 'a', v: 2 }, { g: 'c', v: 0, skip: true }])
    const res = await col()
      .aggregate()
      .match({ skip: db().command.neq(true) })
      .group({ _id: '$g', total: $().sum('$v'), n: $().sum(1) })
      .sort({ total: -1 })
      .end()
    expect(res.data).toEqual([
      { _id: 'b', total: 5, n: 1 },
      { _id: 'a', total: 3, n: 2 },
    ])
  })

  test('when a pipeline has no limit then only 20 results come back', async () => {
    await col().add(Array.from({ length: 30 }, (_x, i) => ({ i })))
    expect((await col().aggregate().sort({ i: 1 }).end()).data).toHaveLength(20)
    expect((await col().aggregate().sort({ i: 1 }).limit(25).end()).data).toHaveLength(25)
  })

  test('when skip, limit, project and count are used then they shape the output', async () => {
    await col().add(Array.from({ length: 10 }, (_x, i) => ({ _id: `d${i}`, i, secret: 's' })))
    const page = await col().aggregate().sort({ i: 1 }).skip(2).limit(2).project({ _id: 0, i: 1 }).end()
    expect(page.data).toEqual([{ i: 2 }, { i: 3 }])
    const counted = await col().aggregate().match({ i: db().command.gte(5) }).count('n').end()
    expect(counted.data).toEqual([{ n: 5 }])
  })

  test('when lookup joins another collection then matching documents are embedded', async () => {
    await col().add([{ _id: 'u1', name: 'A' }, { _id: 'u2', name: 'B' }])
    await col('conformance_orders').add([{ userId: 'u1', amt: 3 }, { userId: 'u1', amt: 4 }])
    const res = await col()
      .aggregate()
      .lookup({ from: 'conformance_orders', localField: '_id', foreignField: 'userId', as: 'orders' })
      .project({ name: 1, count: $().size('$orders') })
      .end()
    expect(res.data).toEqual([
      { _id: 'u1', name: 'A', count: 2 },
      { _id: 'u2', name: 'B', count: 0 },
    ])
  })

  test('when unwind and addFields are used then arrays are flattened and fields computed', async () => {
    await col().add({ _id: 'a', tags: ['x', 'y'], n: 2 })
    const res = await col().aggregate().unwind('$tags').addFields({ twice: $().multiply(['$n', 2]) }).end()
    expect(res.data).toEqual([
      { _id: 'a', tags: 'x', n: 2, twice: 4 },
      { _id: 'a', tags: 'y', n: 2, twice: 4 },
    ])
  })

  test('when an aggregation outputs dates then they come back as Dates', async () => {
    const at = new Date('2024-03-01T00:00:00Z')
    await col().add([{ at, g: 1 }, { at: new Date('2024-02-01T00:00:00Z'), g: 1 }])
    const res = await col().aggregate().group({ _id: '$g', last: $().max('$at') }).end()
    expect(res.data[0].last).toBeInstanceOf(Date)
    expect(res.data[0].last.getTime()).toBe(at.getTime())
  })
})
