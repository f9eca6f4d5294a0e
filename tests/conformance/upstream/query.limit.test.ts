/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/query.limit.test.ts: page sizes on 1001 documents.
 * Each test name ends with the upstream case it carries, [describe › it] (see ledger.ts).
 */
import { collectionWith, localCloud } from './helpers'

localCloud()

const many = () =>
  collectionWith(
    'coll-1',
    Array.from({ length: 1001 }, () => ({ luke: 'luke-limit-test' })),
  )

describe('upstream query.limit.test.ts', () => {
  test('when limit(1000) is asked then 1000 documents come back [test/unit/query.limit.test.ts › query with limit 1000]', async () => {
    expect((await (await many()).where({}).limit(1000).get()).data).toHaveLength(1000)
  })

  test('when limit(1001) is asked then 1000 documents come back [test/unit/query.limit.test.ts › query with limit > 1000]', async () => {
    expect((await (await many()).where({}).limit(1001).get()).data).toHaveLength(1000)
  })

  test('when limit(101) is asked then 101 documents come back [test/unit/query.limit.test.ts › query with limit < 1000]', async () => {
    expect((await (await many()).where({}).limit(101).get()).data).toHaveLength(101)
  })

  test('when no limit is given then 100 documents come back [test/unit/query.limit.test.ts › query with limit default 100]', async () => {
    expect((await (await many()).where({}).get()).data).toHaveLength(100)
  })
})
