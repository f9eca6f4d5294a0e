import { _, col, localCloud, rejection } from './helpers'

const local = localCloud()

const get = async (id: string) => (await col().doc(id).get()).data[0]

describe('updates', () => {
  test('when update() gets a nested object then it merges into the stored object (dotted $set)', async () => {
    await col().add({ _id: 'u', profile: { name: 'A', phone: '1' }, n: 1 })
    const res = await col()
      .doc('u')
      .update({ profile: { phone: '2' } })
    expect(res.updated).toBe(1)
    expect(await get('u')).toEqual({ _id: 'u', profile: { name: 'A', phone: '2' }, n: 1 })
  })

  test('when update() gets _.set() then the object is replaced, not merged', async () => {
    await col().add({ _id: 'u', profile: { name: 'A', phone: '1' } })
    await col()
      .doc('u')
      .update({ profile: _().set({ phone: '2' }) })
    expect(await get('u')).toEqual({ _id: 'u', profile: { phone: '2' } })
  })

  test('when set() is called then the document is replaced and keeps its _id', async () => {
    await col().add({ _id: 's', a: 1, b: 2 })
    const res = await col().doc('s').set({ c: 3 })
    expect(res.updated).toBe(1)
    expect(await get('s')).toEqual({ _id: 's', c: 3 })
  })

  test('when set() targets a missing document then it is created (upsert) and upsertedId is reported', async () => {
    const res = await col().doc('new').set({ c: 3 })
    expect(res.updated).toBe(0)
    expect(res.upsertedId).toBe('new')
    expect(await get('new')).toEqual({ _id: 'new', c: 3 })
  })

  test('when set() holds an update operator then it is rejected and nothing changes', async () => {
    await col().add({ _id: 's', n: 1 })
    const err = await rejection(
      col()
        .doc('s')
        .set({ n: _().inc(1) }),
    )
    expect(err.code).toBe('DATABASE_REQUEST_FAILED')
    expect(await get('s')).toEqual({ _id: 's', n: 1 })
  })

  test('when the server gets a replacement with a $ field then it refuses it too', async () => {
    // what a raw client could send: set() data holding an operator, past the SDK's own check
    await col().add({ _id: 's', n: 1 })
    const err = await rejection(
      local.handle().backend.handle('database.modifyDocument', {
        collectionName: 'conformance_docs',
        queryType: 'DOC',
        query: '{"_id":"s"}',
        data: '{"$inc":{"n":1}}',
        merge: false,
        upsert: true,
      }),
    )
    expect(err.code).toBe('DATABASE_REQUEST_FAILED')
    expect((await get('s')).n).toBe(1)
  })

  test('when set() or update() would store a $-prefixed field name at any depth then it is refused and nothing changes', async () => {
    await col().add({ _id: 's', n: 1, o: { k: 1 } })
    const refused = [
      col()
        .doc('s')
        .set({ o: { $k: 1 } }),
      col()
        .doc('s')
        .update({ o: { $k: 1 } }),
      col()
        .doc('s')
        .update({ o: _().set({ $k: 1 }) }),
      col()
        .doc('s')
        .update({ list: _().push([{ $k: 1 }]) }),
      col()
        .where({ n: 1 })
        .update({ o: { deep: { $k: 1 } } }),
    ]
    for (const p of refused) expect((await rejection(p)).code).toBe('DATABASE_REQUEST_FAILED')
    expect(await get('s')).toEqual({ _id: 's', n: 1, o: { k: 1 } })
  })

  test('when set() writes the content a document already has then updated is 1, as CloudBase reports', async () => {
    // CloudBase's own tests add a document and set() the same data again, expecting updated 1 (update() would say 0)
    await col().add({ _id: 'same', n: 1, at: new Date(0) })
    expect(
      (
        await col()
          .doc('same')
          .set({ n: 1, at: new Date(0) })
      ).updated,
    ).toBe(1)
    expect((await col().doc('same').update({ n: 1 })).updated).toBe(0)
    expect(await get('same')).toEqual({ _id: 'same', n: 1, at: new Date(0) })
  })

  test('when update() or set() includes _id then it is rejected: _id is immutable', async () => {
    await col().add({ _id: 'i', n: 1 })
    expect((await rejection(col().doc('i').update({ _id: 'j' }))).code).toBe('INVALID_PARAM')
    expect((await rejection(col().doc('i').set({ _id: 'j' }))).code).toBe('INVALID_PARAM')
    expect((await rejection(col().where({ n: 1 }).update({ _id: 'j' }))).code).toBe('INVALID_PARAM')
    expect(await get('i')).toEqual({ _id: 'i', n: 1 })
  })

  test('when numeric operators are used then inc, mul, max and min update the value', async () => {
    await col().add({ _id: 'n', a: 1, b: 3, c: 5, d: 5 })
    await col()
      .doc('n')
      .update({ a: _().inc(2), b: _().mul(3), c: _().max(9), d: _().min(2) })
    expect(await get('n')).toEqual({ _id: 'n', a: 3, b: 9, c: 9, d: 2 })
  })

  test('when array operators are used then push, pull, pullAll, addToSet, pop, shift and unshift edit the array', async () => {
    await col().add({ _id: 'a', p: [1], q: [1, 2, 3, 2], r: [1, 2, 3], s: [1], t: [1, 2, 3], u: [1, 2, 3], v: [2] })
    await col()
      .doc('a')
      .update({
        p: _().push([2, 3]),
        q: _().pull(2),
        r: _().pullAll([1, 3]),
        s: _().addToSet(1),
        t: _().pop(),
        u: _().shift(),
        v: _().unshift([0, 1]),
      })
    expect(await get('a')).toEqual({ _id: 'a', p: [1, 2, 3], q: [1, 3], r: [2], s: [1], t: [1, 2], u: [2, 3], v: [0, 1, 2] })
  })

  test('when remove() and rename() are used then fields are deleted and renamed', async () => {
    await col().add({ _id: 'r', a: 1, b: 2 })
    await col()
      .doc('r')
      .update({ a: _().remove(), b: _().rename('c') })
    expect(await get('r')).toEqual({ _id: 'r', c: 2 })
  })

  test('when update() changes nothing then updated is 0 (MongoDB modifiedCount)', async () => {
    await col().add({ _id: 'same', n: 1 })
    expect((await col().doc('same').update({ n: 1 })).updated).toBe(0)
    expect((await col().doc('missing').update({ n: 1 })).updated).toBe(0)
  })

  test('when where().update() matches several documents then all are updated and counted', async () => {
    await col().add([
      { g: 'a', n: 1 },
      { g: 'a', n: 2 },
      { g: 'b', n: 3 },
    ])
    const res = await col().where({ g: 'a' }).update({ flag: true })
    expect(res.updated).toBe(2)
    expect((await col().where({ flag: true }).count()).total).toBe(2)
  })

  test('when a conditional update takes the last seat then a second one gets updated 0', async () => {
    await col().add({ _id: 'evt', seats: 1 })
    const take = () =>
      col()
        .where({ _id: 'evt', seats: _().gt(0) })
        .update({ seats: _().inc(-1) })
    const [a, b] = await Promise.all([take(), take()])
    expect([a.updated, b.updated].sort()).toEqual([0, 1])
    expect((await get('evt')).seats).toBe(0)
  })

  test('when updateAndReturn() is called then the updated document comes back', async () => {
    await col().add({ _id: 'x', n: 1, g: 'k' })
    const res = await col()
      .where({ g: 'k' })
      .updateAndReturn({ n: _().inc(1) })
    expect(res.updated).toBe(1)
    expect(res.doc).toEqual({ _id: 'x', n: 2, g: 'k' })
  })
})
