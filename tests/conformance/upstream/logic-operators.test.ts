/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/logic-operators.test.ts (and its older copy
 * logic-operators.ts, which jest never ran). Each test name ends with the upstream case it carries (see ledger.ts).
 */
import { cmd as _, collectionWith, localCloud } from './helpers'

localCloud()

const date = new Date()
const passages = () =>
  collectionWith('db-test-logic-operators', [
    { category: 'Web', tags: ['JavaScript', 'C#'], date },
    { category: 'Web', tags: ['Go', 'C#'] },
    { category: 'Life', tags: ['Go', 'Python', 'JavaScript'] },
  ])

describe('upstream logic-operators.test.ts', () => {
  test('when nor() on a field excludes every category present then nothing matches [逻辑操作符 › nor]', async () => {
    const res = await (await passages()).where({ category: _().nor(_().eq('Life'), _().eq('Web')) }).get()
    expect(res.data).toStrictEqual([])
  })

  test('when or() on a field lists Dates then a document with one of them matches [逻辑操作符 › or date]', async () => {
    const coll = await passages()
    const or = _().or as unknown as (...v: Date[]) => unknown
    const res = await coll.where({ date: or(date, new Date(date.getTime() + 10000)) }).get()
    expect(res.data.length).toBeGreaterThan(0)
  })
})
