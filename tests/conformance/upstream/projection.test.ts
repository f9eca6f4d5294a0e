/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/projection.test.ts: field() projections.
 * Each test name ends with the upstream case it carries, [describe › it] (see ledger.ts).
 */
import { db } from '../../../cloudfunctions/_core/cloud'
import { collectionWith, localCloud } from './helpers'

localCloud()

const passages = () =>
  collectionWith('test-projection', [
    { category: 'Web', tags: ['JavaScript', 'C#'] },
    { category: 'Web', tags: ['Go', 'C#'] },
    { category: 'Life', tags: ['Go', 'Python', 'JavaScript'] },
  ])

describe('upstream projection.test.ts', () => {
  test('when field() slices an array then each document keeps only its first element [projection › slice]', async () => {
    // upstream only prints the answer; MongoDB's $slice: 1 keeps the first element and every other field
    const res = await (await passages()).field({ tags: db().command.project.slice(1) }).get()
    expect(res.data.map((d) => d.tags)).toEqual([['JavaScript'], ['Go'], ['Go']])
    expect(res.data[0].category).toBe('Web')
  })

  test('when field() includes one field then every document comes back [projection › projection]', async () => {
    const res = await (await passages()).field({ category: true }).get()
    expect(res.data).toHaveLength(3)
  })
})
