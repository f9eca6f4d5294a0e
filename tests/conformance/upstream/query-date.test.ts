/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/query-date.test.ts: queries on Date fields.
 * Each test name ends with the upstream case it carries, [describe › it] (see ledger.ts).
 */
import { db } from '../../../cloudfunctions/_core/cloud'
import { cmd as _, collectionWith, localCloud } from './helpers'

localCloud()

const dates = () =>
  collectionWith('db-test-query-date', [
    { date: new Date(1565314149491) },
    { date: new Date(1565314249491) },
    { date: new Date(1565314349491) },
    { date: db().serverDate() },
  ])

describe('upstream query-date.test.ts', () => {
  test('when a Date is matched directly then its document is found [query date › 直接匹配]', async () => {
    expect((await (await dates()).where({ date: new Date(1565314149491) }).get()).data).toHaveLength(1)
  })

  test('when a Date is matched with eq() then its document is found [query date › eq]', async () => {
    expect((await (await dates()).where({ date: _().eq(new Date(1565314149491)) }).get()).data).toHaveLength(1)
  })

  test('when lte() takes a Date then the earlier Dates match and the server date does not [query date › gte]', async () => {
    expect((await (await dates()).where({ date: _().lte(new Date(1565314349491)) }).get()).data).toHaveLength(3)
  })
})
