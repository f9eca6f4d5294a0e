/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/order.test.ts: ordering Chinese strings.
 * The test name ends with the upstream case it carries, [describe › it] (see ledger.ts).
 */
import { db } from '../../../cloudfunctions/_core/cloud'
import { collectionWith, localCloud } from './helpers'

localCloud()

describe('upstream order.test.ts', () => {
  test('when strings are ordered ascending then they come in code point order, and a RegExp removes them [正则表达式查询 › Document - OrderBy]', async () => {
    const coll = await collectionWith('db-test-order')
    await coll.where({ category: /^类别/ }).remove()
    for (const category of ['类别B', '类别C']) {
      const res = await coll.add({ category, value: Math.random() })
      expect(res.id).toBeTruthy()
      expect(res.requestId).toBeTruthy()
    }
    await coll.add({ category: '类别A', value: Math.random() })
    const res = await coll.where({ category: /^类别/i }).orderBy('category', 'asc').get()
    expect(res.data[0].category).toBe('类别A')
    expect(res.data[res.data.length - 1].category).toBe('类别C')
    const removed = await coll.where({ category: db().RegExp({ regexp: '^类别' }) }).remove()
    expect(removed.deleted).toBeGreaterThanOrEqual(1)
  })
})
