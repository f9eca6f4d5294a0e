import { db } from '../../cloudfunctions/_core/cloud'
import { col, localCloud, rejection } from './helpers'

localCloud()
const NAME = 'conformance_docs'
type Tx = Awaited<ReturnType<ReturnType<typeof db>['startTransaction']>>
const txDoc = (tx: Tx, id: string) => tx.collection(NAME).doc(id)
const read = async (id: string) => (await col().doc(id).get()).data[0]

describe('transactions', () => {
  test('when runTransaction completes then all its writes are committed and its value is returned', async () => {
    await col().add({ _id: 'acc', n: 10 })
    const out = await db().runTransaction(async (tx: Tx) => {
      const { data } = await txDoc(tx, 'acc').get()
      await txDoc(tx, 'acc').update({ n: (data as { n: number }).n - 3 })
      await tx.collection(NAME).add({ _id: 'log1', delta: -3 })
      await txDoc(tx, 'tmp').set({ x: 1 })
      return 'done'
    })
    expect(out).toBe('done')
    expect((await read('acc')).n).toBe(7)
    expect(await read('log1')).toEqual({ _id: 'log1', delta: -3 })
    expect(await read('tmp')).toEqual({ _id: 'tmp', x: 1 })
  })

  test('when the runTransaction callback throws then nothing is written and the error comes out', async () => {
    await col().add({ _id: 'acc', n: 10 })
    const err = await rejection(
      db().runTransaction(async (tx: Tx) => {
        await txDoc(tx, 'acc').update({ n: 0 })
        await txDoc(tx, 'acc2').set({ n: 1 })
        throw new Error('business rule')
      }),
    )
    expect(err.message).toBe('business rule')
    expect((await read('acc')).n).toBe(10)
    expect(await read('acc2')).toBeUndefined()
  })

  test('when a document is read inside a transaction then data is the document or null, not an array', async () => {
    await col().add({ _id: 'a', n: 1 })
    const tx = await db().startTransaction()
    expect((await txDoc(tx, 'a').get()).data).toEqual({ _id: 'a', n: 1 })
    expect((await txDoc(tx, 'nothing').get()).data).toBeNull()
    await tx.commit()
  })

  test('when a transaction reads its own writes then it sees them before commit, others do not', async () => {
    await col().add({ _id: 'a', n: 1 })
    const tx = await db().startTransaction()
    await txDoc(tx, 'a').update({ n: 2 })
    await txDoc(tx, 'b').remove()
    expect((await txDoc(tx, 'a').get()).data).toEqual({ _id: 'a', n: 2 })
    expect((await read('a')).n).toBe(1)
    await tx.commit()
    expect((await read('a')).n).toBe(2)
  })

  test('when startTransaction is rolled back then its writes are discarded', async () => {
    await col().add({ _id: 'a', n: 1 })
    const tx = await db().startTransaction()
    await txDoc(tx, 'a').update({ n: 5 })
    await tx.collection(NAME).add({ _id: 'b' })
    await txDoc(tx, 'a').remove()
    await tx.rollback()
    expect(await read('a')).toEqual({ _id: 'a', n: 1 })
    expect(await read('b')).toBeUndefined()
  })

  test('when another write commits after a transaction started then the transaction still reads its snapshot', async () => {
    await col().add({ _id: 'a', n: 1 })
    const tx = await db().startTransaction()
    await txDoc(tx, 'x').get() // the snapshot is taken at start; reading anything is fine
    await col().doc('a').update({ n: 2 })
    await col().add({ _id: 'c', n: 1 })
    expect((await txDoc(tx, 'a').get()).data).toEqual({ _id: 'a', n: 1 })
    expect((await txDoc(tx, 'c').get()).data).toBeNull()
    await tx.commit()
  })

  test('when two transactions write the same document then the second gets DATABASE_TRANSACTION_CONFLICT', async () => {
    await col().add({ _id: 'a', n: 1 })
    const t1 = await db().startTransaction()
    const t2 = await db().startTransaction()
    await txDoc(t1, 'a').update({ n: 2 })
    const err = await rejection(txDoc(t2, 'a').update({ n: 3 }))
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    await t1.commit()
    expect((await read('a')).n).toBe(2)
  })

  test('when a transaction writes a document committed after its snapshot then it conflicts', async () => {
    await col().add({ _id: 'a', n: 1 })
    const t1 = await db().startTransaction()
    await col().doc('a').update({ n: 2 })
    const err = await rejection(txDoc(t1, 'a').set({ n: 9 }))
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect((await read('a')).n).toBe(2)
  })

  test('when runTransaction meets a conflict then it retries the callback and succeeds', async () => {
    await col().add({ _id: 'seat', left: 2 })
    let attempts = 0
    await db().runTransaction(async (tx: Tx) => {
      attempts++
      const { data } = await txDoc(tx, 'seat').get()
      // first attempt only: someone else takes a seat between our read and our write
      if (attempts === 1)
        await col()
          .doc('seat')
          .update({ left: db().command.inc(-1) })
      await txDoc(tx, 'seat').update({ left: (data as { left: number }).left - 1 })
    })
    expect(attempts).toBe(2)
    expect((await read('seat')).left).toBe(0)
  })

  test('when runTransaction keeps conflicting then it gives up with DATABASE_TRANSACTION_CONFLICT', async () => {
    await col().add({ _id: 'hot', n: 0 })
    let attempts = 0
    const err = await rejection(
      db().runTransaction(async (tx: Tx) => {
        attempts++
        await col()
          .doc('hot')
          .update({ n: db().command.inc(1) })
        await txDoc(tx, 'hot').update({ n: -1 })
      }, 2),
    )
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect(attempts).toBe(3)
  })

  test('when a transaction adds an _id that exists then it fails with DATABASE_DUPLICATE_WRITE', async () => {
    await col().add({ _id: 'vote:p1:u1' })
    const tx = await db().startTransaction()
    const err = await rejection(tx.collection(NAME).add({ _id: 'vote:p1:u1' }))
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE')
  })

  test('when a plain write targets a document locked by a transaction then it waits for the commit', async () => {
    await col().add({ _id: 'a', n: 1 })
    const tx = await db().startTransaction()
    await txDoc(tx, 'a').update({ n: 10 })
    const plain = col()
      .doc('a')
      .update({ n: db().command.inc(1) })
    await new Promise((r) => setTimeout(r, 20))
    expect((await read('a')).n).toBe(1)
    await tx.commit()
    expect((await plain).updated).toBe(1)
    expect((await read('a')).n).toBe(11)
  })

  test('when a transaction commits an index duplicate then the commit fails and nothing is written', async () => {
    await db().collection('conformance').add({ _id: 'u1', email: 'a@x' })
    const tx = await db().startTransaction()
    await tx.collection('conformance').add({ _id: 'u2', email: 'a@x' })
    await tx.collection(NAME).add({ _id: 'side' })
    const err = await rejection(tx.commit())
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE')
    expect(await read('side')).toBeUndefined()
  })
})
