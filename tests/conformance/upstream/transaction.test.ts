/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/transaction.test.ts: startTransaction,
 * runTransaction, snapshot reads, conflicts and CloudBase's error texts. Each test name ends with the upstream case it
 * carries, [describe › it] (see ledger.ts).
 */
import { db } from '../../../cloudfunctions/_core/cloud'
import { cmd as _, collectionWith, localCloud, rejection } from './helpers'

localCloud()

const NAME = 'db-test-transactions'
const offset = 60 * 1000
const date = new Date()
const Point = () => db().Geo.Point
const fixture = () => [
  { _id: '1', category: 'Web', tags: ['JavaScript', 'C#'], date, geo: new (Point())(90, 23), num: 2 },
  { _id: '2', category: 'Web', tags: ['Go', 'C#'] },
  { _id: '3', category: 'Life', tags: ['Go', 'Python', 'JavaScript'] },
  { _id: '4', serverDate1: db().serverDate(), serverDate2: db().serverDate({ offset }) },
]
const data = fixture()

type Tx = Awaited<ReturnType<ReturnType<typeof db>['startTransaction']>>
const txDoc = (tx: Tx, id: string | number) => tx.collection(NAME).doc(id as string)

const CONFLICT_TEXT =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.'
const NOT_EXIST_TEXT =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.'

beforeEach(async () => {
  await collectionWith(NAME, fixture())
})

describe('upstream transaction.test.ts', () => {
  test('when a transaction starts then it has a string id [transaction › 发起事务]', async () => {
    const tx = await db().startTransaction()
    expect(typeof (tx as unknown as { _id: unknown })._id).toBe('string')
    await tx.rollback()
  })

  test('when an empty transaction commits then a requestId comes back [transaction › 提交事务]', async () => {
    const tx = await db().startTransaction()
    expect(typeof (await tx.commit()).requestId).toBe('string')
  })

  test('when runTransaction adds and reads documents with Dates, Points and serverDates then they read back whole [transaction › runTransaction]', async () => {
    await db().runTransaction(async (tx: Tx) => {
      const insertDoc = { _id: 'lluke', date, geo: new (Point())(90, 23) }
      const insertRes = (await tx.collection(NAME).add(insertDoc)) as unknown as { inserted: number }
      expect(insertRes.inserted).toBe(1)
      expect((await txDoc(tx, 'lluke').get()).data).toBeTruthy()
      expect((await txDoc(tx, '1').get()).data).toStrictEqual(data[0])
      const doc4 = (await txDoc(tx, '4').get()).data as { serverDate1: Date; serverDate2: Date }
      expect(doc4.serverDate1.getTime() + offset).toBe(doc4.serverDate2.getTime())
    })
  })

  test('when a transaction queries with where() then it is refused: CloudBase transactions are single-document [transaction › 事务内批量插入 条件查询]', async () => {
    // upstream expects where().get() to see the batch; CloudBase documents that a transaction may only operate on
    // single documents (see README)
    const tx = await db().startTransaction()
    const addRes = (await tx.collection(NAME).add([{ name: 'a' }, { name: 'b' }])) as unknown as { ids: string[] }
    expect(addRes.ids).toHaveLength(2)
    const err = await rejection(
      tx
        .collection(NAME)
        .where(_().or([{ name: 'a' }, { name: 'b' }]))
        .get(),
    )
    expect(err.code).toBe('DATABASE_TRANSACTION_FAIL')
    // the refused read leaves the transaction usable
    expect(typeof (await tx.commit()).requestId).toBe('string')
  })

  test('when a transaction adds 1001 documents at once then 1001 ids come back; where() stays refused [transaction › 事务内批量插入1000条文档]', async () => {
    const tx = await db().startTransaction()
    const docs = Array.from({ length: 1001 }, (_x, i) => ({ name: `luketest${i + 1}` }))
    const addRes = (await tx.collection(NAME).add(docs)) as unknown as { ids: string[] }
    expect(addRes.ids).toHaveLength(1001)
    expect(
      (
        await rejection(
          tx
            .collection(NAME)
            .where({ name: /^luketest/ })
            .limit(1000)
            .get(),
        )
      ).code,
    ).toBe('DATABASE_TRANSACTION_FAIL')
    expect(typeof (await tx.commit()).requestId).toBe('string')
    expect(
      (
        await db()
          .collection(NAME)
          .where({ name: /^luketest/ })
          .count()
      ).total,
    ).toBe(1001)
  })

  test('when a transaction updates a document with inc, a Date and a Point then it reads its own write [transaction › 事务内更新含特殊类型 字段文档]', async () => {
    await db().runTransaction(async (tx: Tx) => {
      const newDate = new Date()
      const newGeo = new (Point())(90, 23)
      const updateRes = await txDoc(tx, '1').update({ num: _().inc(1), date: newDate, geo: newGeo })
      expect(updateRes.updated).toBe(1)
      const res = (await txDoc(tx, '1').get()).data as { num: number; date: Date; geo: unknown }
      expect(res.num).toBe(3)
      expect(res.date).toStrictEqual(newDate)
      expect(res.geo).toStrictEqual(newGeo)
    })
  })

  test('when a transaction adds one document then id and inserted 1 come back [transaction › insert]', async () => {
    const tx = await db().startTransaction()
    const res = (await tx.collection(NAME).add({ category: 'Web', tags: ['JavaScript', 'C#'], date })) as unknown as { id: string; inserted: number }
    expect(res.id !== undefined && res.inserted === 1).toBe(true)
    expect(typeof (await tx.commit()).requestId).toBe('string')
  })

  test('when a transaction adds a numeric _id and removes it then both report it [transaction › insert with custom docid]', async () => {
    const docId = +new Date()
    const tx = await db().startTransaction()
    const res = (await tx.collection(NAME).add({ _id: docId, category: 'Web', tags: ['JavaScript', 'C#'], date })) as unknown as {
      id: number
      inserted: number
    }
    expect(res.id == docId && res.inserted === 1).toBe(true)
    expect((await txDoc(tx, docId).remove()).deleted).toBe(1)
    expect(typeof (await tx.commit()).requestId).toBe('string')
  })

  test('when a transaction reads a document then data is the document itself [transaction › get]', async () => {
    const tx = await db().startTransaction()
    expect((await txDoc(tx, '1').get()).data).toStrictEqual(data[0])
    expect((await tx.commit()).requestId).toBeTruthy()
  })

  test('when a transaction reads a missing document then data is null [transaction › get不存在的文档，返回null]', async () => {
    const tx = await db().startTransaction()
    expect((await txDoc(tx, '114514').get()).data).toBeNull()
    expect((await tx.commit()).requestId).toBeTruthy()
  })

  test('when a transaction that added a document rolls back then the rollback answers [transaction › 事务回滚]', async () => {
    const tx = await db().startTransaction()
    const doc = await txDoc(tx, '1').get()
    const addDoc = await tx.collection(NAME).add({ _id: '5', category: 'hope' })
    expect(addDoc.id).toBe('5')
    expect(doc.data).toStrictEqual(data[0])
    expect((await tx.rollback()).requestId).toBeTruthy()
    expect((await db().collection(NAME).doc('5').get()).data).toEqual([])
  })

  test('when a transaction updates a document then it reads the merge before commit [transaction › update]', async () => {
    const tx = await db().startTransaction()
    expect((await txDoc(tx, '1').get()).data).toStrictEqual(data[0])
    const now = new Date()
    expect((await txDoc(tx, '1').update({ category: 'Node.js', date: now })).updated).toBe(1)
    expect((await txDoc(tx, '1').get()).data).toStrictEqual({ ...data[0], date: now, category: 'Node.js' })
    expect((await tx.commit()).requestId).toBeTruthy()
  })

  test('when a transaction calls updateAndReturn on a where() then it is refused: single documents only [transaction › modifyAndReturnDoc]', async () => {
    // upstream expects the updated document back; see README for CloudBase's single-document rule
    const tx = await db().startTransaction()
    const err = await rejection(tx.collection(NAME).where({ category: 'Web' }).updateAndReturn({ category: 'web' }))
    expect(err.code).toBe('DATABASE_TRANSACTION_FAIL')
  })

  test('when a transaction sets a document then updated is 1 and it reads the new content [transaction › set doc]', async () => {
    const tx = await db().startTransaction()
    await txDoc(tx, '1').get()
    const now = new Date()
    const { _id, ...rest } = data[0]
    expect((await txDoc(tx, '1').set({ ...rest, date: now, category: 'Node.js' })).updated).toBe(1)
    expect((await txDoc(tx, '1').get()).data).toStrictEqual({ ...data[0], date: now, category: 'Node.js' })
    expect(_id).toBe('1')
    expect((await tx.commit()).requestId).toBeTruthy()
  })

  test('when a transaction sets a missing document then upserted lists it and it reads back [transaction › upsert doc]', async () => {
    const tx = await db().startTransaction()
    expect((await txDoc(tx, '114514').get()).data).toBeNull()
    const doc = { category: 'Node.js', date: new Date() }
    const res = (await txDoc(tx, '114514').set(doc)) as unknown as { upserted: unknown[] }
    expect(res.upserted).toHaveLength(1)
    expect((await txDoc(tx, '114514').get()).data).toStrictEqual({ _id: '114514', ...doc })
    expect((await tx.rollback()).requestId).toBeTruthy()
  })

  test('when a transaction deletes a document then deleted is 1 and it reads null [transaction › delete doc]', async () => {
    const tx = await db().startTransaction()
    expect((await txDoc(tx, '2').get()).data).toStrictEqual(data[1])
    expect((await (txDoc(tx, '2') as unknown as { delete(): Promise<{ deleted: number }> }).delete()).deleted).toBe(1)
    expect((await txDoc(tx, '2').get()).data).toBeNull()
    await tx.commit()
  })

  test('when runTransaction returns a value then the call resolves to it [transaction › runTransaction with customResult]', async () => {
    const result = await db().runTransaction(async (tx: Tx) => {
      expect((await txDoc(tx, '1').get()).data).toStrictEqual(data[0])
      return 'luke'
    })
    expect(result).toBe('luke')
  })

  test('when runTransaction is rolled back, throws a conflict or meets one then the reason comes out [transaction › rollback within runTransaction]', async () => {
    const read = async (tx: Tx) => expect((await txDoc(tx, '1').get()).data).toStrictEqual(data[0])
    await expect(
      db().runTransaction(async (tx: Tx) => {
        await read(tx)
        await tx.rollback('luke')
      }),
    ).rejects.toBe('luke')
    await expect(
      db().runTransaction(async (tx: Tx) => {
        await read(tx)
        await tx.rollback()
      }),
    ).rejects.toBeUndefined()
    const thrown = await rejection(
      db().runTransaction(async (tx: Tx) => {
        await read(tx)
        throw { code: 'DATABASE_TRANSACTION_CONFLICT', message: CONFLICT_TEXT }
      }),
    )
    expect(thrown.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    // a plain set() commits between the transaction's read and its write: the first attempt conflicts. Upstream accepts
    // an error with a code or none; the retry commits, because the second set() writes the content the document
    // already has, which MongoDB does not write (no write, no conflict)
    let attempts = 0
    const outcome = await db()
      .runTransaction(async (tx: Tx) => {
        attempts++
        await txDoc(tx, '1').get()
        await db().collection(NAME).doc('1').set({ category: 'wwwwwwwwwwwwwwwww' })
        await txDoc(tx, '1').update({ category: 'transactiontransactiontransaction' })
      })
      .then(
        () => 'committed',
        (e: { code?: string }) => e.code,
      )
    expect(outcome).toBe('committed')
    expect(attempts).toBe(2)
  })

  test('when a transaction deletes a document and aborts then the document is still there [transaction › delete doc and abort]', async () => {
    const tx = await db().startTransaction()
    await txDoc(tx, '3').get()
    expect((await (txDoc(tx, '3') as unknown as { delete(): Promise<{ deleted: number }> }).delete()).deleted).toBe(1)
    expect((await txDoc(tx, '3').get()).data).toBeNull()
    await tx.rollback()
    expect((await db().collection(NAME).doc('3').get()).data[0]).toStrictEqual(data[2])
  })

  test("when a committed transaction is used again then CloudBase's TransactionNotExist error comes back [transaction › 事务提交后, 不能进行其它操作]", async () => {
    const tx = await db().startTransaction()
    await tx.commit()
    const err = await rejection(txDoc(tx, '1').set({ category: 'Node.js' }))
    expect({ code: err.code, message: err.message }).toStrictEqual({ code: 'DATABASE_TRANSACTION_FAIL', message: NOT_EXIST_TEXT })
  })

  test('when a second transaction holds a write lock then the first one conflicts on writing [transaction › 冲突检测]', async () => {
    const t1 = await db().startTransaction()
    const t2 = await db().startTransaction()
    const doc = (await txDoc(t1, '1').get()).data as { category: string }
    await txDoc(t2, '1').update({ category: '冲突检测' })
    const err = await rejection(txDoc(t1, '1').update({ category: doc.category + '冲突检测' }))
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    await t2.commit()
  })

  test('when a transaction writes then outside readers see the committed state and it sees its own [transaction › 读快照]', async () => {
    const tx = await db().startTransaction()
    await txDoc(tx, '1').update({ category: 'update in transaction' })
    const outside = await db().collection(NAME).doc('1').get()
    const inside = await txDoc(tx, '1').get()
    expect(outside.data[0]).toStrictEqual(data[0])
    expect(inside.data).toStrictEqual({ ...data[0], category: 'update in transaction' })
    await tx.rollback()
  })

  test("when others commit after a transaction's start then it reads its snapshot and its write conflicts with CloudBase's text [transaction › 读偏]", async () => {
    const tx = await db().startTransaction()
    await txDoc(tx, '1').get()
    await db().collection(NAME).doc('1').set({ category: 'wwwwwwwwwwwwwwwww' })
    await db().collection(NAME).doc('2').set({ category: 'hhhhhhhhhhhhhhh' })
    expect((await txDoc(tx, '1').get()).data).toStrictEqual(data[0])
    expect((await txDoc(tx, '2').get()).data).toStrictEqual(data[1])
    const err = await rejection(txDoc(tx, '1').update({ category: 'transactiontransactiontransaction' }))
    expect({ code: err.code, message: err.message }).toStrictEqual({ code: 'DATABASE_TRANSACTION_CONFLICT', message: CONFLICT_TEXT })
  })

  test('when two transactions each read one document and write the other then both commit (snapshot isolation allows write skew) [transaction › write skew]', async () => {
    // upstream only prints the outcome; MongoDB's snapshot isolation lets both commit
    const t1 = await db().startTransaction()
    const t2 = await db().startTransaction()
    const d1 = (await txDoc(t1, '1').get()).data as { category: string }
    const d2 = (await txDoc(t2, '2').get()).data as { category: string }
    await txDoc(t1, '2').set({ category: d1.category + 'doc1' })
    await txDoc(t2, '1').set({ category: d2.category + 'doc2' })
    await t1.commit()
    await t2.commit()
    expect((await db().collection(NAME).doc('2').get()).data[0].category).toBe('Webdoc1')
    expect((await db().collection(NAME).doc('1').get()).data[0].category).toBe('Webdoc2')
  })
})
