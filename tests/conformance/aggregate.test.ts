import { db } from '../../cloudfunctions/_core/cloud'
import { col, localCloud, rejection } from './helpers'

localCloud()
const $ = () => db().command.aggregate

describe('aggregate', () => {
  test('when match, group and sort are chained then groups come back sorted', async () => {
    await col().add([
      { g: 'a', v: 1 },
      { g: 'b', v: 5 },
      { g: 'a', v: 2 },
      { g: 'c', v: 0, skip: true },
    ])
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
    const counted = await col()
      .aggregate()
      .match({ i: db().command.gte(5) })
      .count('n')
      .end()
    expect(counted.data).toEqual([{ n: 5 }])
  })

  test('when lookup joins another collection then matching documents are embedded', async () => {
    await col().add([
      { _id: 'u1', name: 'A' },
      { _id: 'u2', name: 'B' },
    ])
    await col('conformance_orders').add([
      { userId: 'u1', amt: 3 },
      { userId: 'u1', amt: 4 },
    ])
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
    const res = await col()
      .aggregate()
      .unwind('$tags')
      .addFields({ twice: $().multiply(['$n', 2]) })
      .end()
    expect(res.data).toEqual([
      { _id: 'a', tags: 'x', n: 2, twice: 4 },
      { _id: 'a', tags: 'y', n: 2, twice: 4 },
    ])
  })

  test('when an aggregation outputs dates then they come back as Dates', async () => {
    const at = new Date('2024-03-01T00:00:00Z')
    await col().add([
      { at, g: 1 },
      { at: new Date('2024-02-01T00:00:00Z'), g: 1 },
    ])
    const res = await col()
      .aggregate()
      .group({ _id: '$g', last: $().max('$at') })
      .end()
    expect(res.data[0].last).toBeInstanceOf(Date)
    expect(res.data[0].last.getTime()).toBe(at.getTime())
  })

  test('when $week reads dates around year ends then it counts Sunday-started weeks from 0, as MongoDB does', async () => {
    // MongoDB's $week is strftime's %U: days before the year's first Sunday are week 0 (mingo counted otherwise)
    const days = ['2016-01-01', '2016-01-02', '2016-01-03', '2017-01-01', '2017-12-31', '2019-05-14', '2019-12-31', '2020-12-31']
    await col().add(days.map((d, i) => ({ i, at: new Date(`${d}T12:00:00Z`) })))
    const res = await col()
      .aggregate()
      .sort({ i: 1 })
      .project({ _id: 0, w: $().week('$at') })
      .end()
    expect(res.data.map((d: { w: number }) => d.w)).toEqual([0, 0, 1, 1, 53, 19, 52, 52])
    // with a timezone the date is first moved there: 2016-01-02T20:00Z is already Sunday the 3rd in Shanghai
    await col().add({ i: 99, at: new Date('2016-01-02T20:00:00Z') })
    const tz = await col()
      .aggregate()
      .match({ i: 99 })
      .project({ _id: 0, w: $().week({ date: '$at', timezone: 'Asia/Shanghai' }) })
      .end()
    expect(tz.data).toEqual([{ w: 1 }])
  })

  test('when $substr or $substrBytes is given a negative length then the rest of the string comes back, counted in UTF-8 bytes', async () => {
    await col().add({ s: '1999/12/12', zh: '幸福社区' })
    const res = await col()
      .aggregate()
      .project({
        _id: 0,
        day: $().substr(['$s', 8, -1]),
        dayBytes: $().substrBytes(['$s', 8, -1]),
        past: $().substr(['$s', 20, 2]),
        zh: $().substrBytes(['$zh', 3, -1]),
        zh2: $().substrBytes(['$zh', 0, 6]),
      })
      .end()
    expect(res.data).toEqual([{ day: '12', dayBytes: '12', past: '', zh: '福社区', zh2: '幸福' }])
    // a byte range that cuts a character in two is an error, as in MongoDB
    const cut = await rejection(
      col()
        .aggregate()
        .project({ x: $().substrBytes(['$zh', 1, 2]) })
        .end(),
    )
    expect(cut.code).toBe('DATABASE_REQUEST_FAILED')
  })
})
