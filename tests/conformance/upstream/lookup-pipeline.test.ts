/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/lookup-pipeline.test.ts: lookup by fields and by
 * pipeline. Each test name ends with the upstream case it carries, [describe › it] (see ledger.ts).
 */
import { agg as $, collectionWith, localCloud } from './helpers'

localCloud()

const data = () => [
  { category: 'Web', tags: ['JavaScript', 'C#'] },
  { category: 'Web', tags: ['Go', 'C#'] },
  { category: 'Life', tags: ['Go', 'Python', 'JavaScript'] },
]

describe('upstream lookup-pipeline.test.ts', () => {
  test('when lookup joins on equal fields then each document gets its matches [projection › lookup]', async () => {
    const c1 = await collectionWith('test-lookup-pipeline1', data())
    await collectionWith('test-lookup-pipeline2', data())
    const res = await c1.aggregate().lookup({ from: 'test-lookup-pipeline2', localField: 'category', foreignField: 'category', as: 'docs' }).end()
    expect(res.data[0].docs).toHaveLength(2)
  })

  test('when lookup runs a pipeline then every document gets what the pipeline selects [projection › lookup with pipeline]', async () => {
    const c1 = await collectionWith('test-lookup-pipeline1', data())
    await collectionWith('test-lookup-pipeline2', data())
    const res = await c1
      .aggregate()
      .lookup({ from: 'test-lookup-pipeline2', pipeline: $().pipeline().match({ category: 'Web' }).done(), as: 'docs' })
      .end()
    expect(res.data[0].docs).toHaveLength(2)
    expect(res.data[1].docs).toHaveLength(2)
    expect(res.data[2].docs).toHaveLength(2)
  })
})
