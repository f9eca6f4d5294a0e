/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/advanced-operator.test.ts: query and update operators
 * on a small fixture of posts. Each test name ends with the upstream case it carries, [describe › it] (see ledger.ts).
 */
import { db } from '../../../cloudfunctions/_core/cloud'
import { agg, cmd as _, collectionWith, localCloud } from './helpers'

localCloud()

const NAME = 'db-test-advanced-operator'
const fixture = () => [
  { category: 'Web', tags: ['JavaScript', 'C#'], index: 0, tags2: [1, 2, 3] },
  { category: 'Web', tags: ['Go', 'C#'], index: 1, tags2: [1, 2, 3] },
  { category: 'luke', tags: ['Go'] },
  { category: 'Life', tags: ['Go', 'Python', 'JavaScript'], index: 2, tags2: [1, 2, 3] },
  { category: 'number', tags: [1, 2, 3, 4, 5, 6, 7, 8, 9], index: 3, tags2: [1, 2, 3] },
  { category: 'embedded', tags: [{ value: 1 }, { value: 7 }], index: 4, tags2: [1, 2, 3] },
  {
    category: 'float',
    tags: ['Go', 'Python', 'JavaScript'],
    index: 0.2,
    arr: [
      { name: 'A', subObj: {} },
      { name: 'B', subObj: {} },
      { name: 'C', subObj: {} },
    ],
  },
]

let posts: ReturnType<ReturnType<typeof db>['collection']>
beforeEach(async () => {
  posts = await collectionWith(NAME, fixture())
})

/** Updates the posts of one category, then reads the first of them back. */
async function updateThenRead(where: Record<string, unknown>, data: Record<string, unknown>) {
  const res = await posts.where(where).update(data)
  const [doc] = (await posts.where(where).get()).data
  return { updated: res.updated, doc }
}
const categories = async (where: unknown) => (await posts.where(where as Record<string, unknown>).get()).data.map((d) => d.category)

describe('upstream advanced-operator.test.ts', () => {
  test('when addToSet adds a new tag then one document is updated and holds it [operator › addToSet]', async () => {
    const { updated, doc } = await updateThenRead({ category: 'Life' }, { tags: _().addToSet('Java') })
    expect(updated).toBe(1)
    expect(doc.tags).toContain('Java')
  })

  test('when pullAll removes a tag then the others stay in order [operator › pullAll]', async () => {
    const { updated, doc } = await updateThenRead({ category: 'Life' }, { tags: _().pullAll(['Go']) })
    expect(updated).toBe(1)
    expect(doc.tags).toEqual(['Python', 'JavaScript'])
  })

  test('when pull removes a value then the others stay in order [pull › pull]', async () => {
    const { updated, doc } = await updateThenRead({ category: 'Life' }, { tags: _().pull('Go') })
    expect(updated).toBe(1)
    expect(doc.tags).toEqual(['Python', 'JavaScript'])
  })

  test('when pull is given an in() condition then every listed value goes [pull › pull with _.in]', async () => {
    const { updated, doc } = await updateThenRead({ category: 'Life' }, { tags: _().pull(_().in(['Go', 'Python'])) })
    expect(updated).toBe(1)
    expect(doc.tags).toEqual(['JavaScript'])
  })

  test('when two fields are pulled from in one update then both arrays lose their values [pull › pull多个字段]', async () => {
    const { updated, doc } = await updateThenRead({ category: 'Life' }, { tags: _().pull(_().in(['Go', 'Python'])), tags2: _().pull(1) })
    expect(updated).toBe(1)
    expect(doc.tags).toEqual(['JavaScript'])
    expect(doc.tags2).toEqual([2, 3])
  })

  test('when pull is given a gte() condition then the values it matches go [pull › pull with _.gte]', async () => {
    const { updated, doc } = await updateThenRead({ category: 'number' }, { tags: _().pull(_().gte(5)) })
    expect(updated).toBe(1)
    expect(doc.tags).toEqual([1, 2, 3, 4])
  })

  test('when all() asks for one tag then every array holding it matches [all › all]', async () => {
    expect(await categories({ tags: _().all(['Go']) })).toHaveLength(4)
  })

  test('when elemMatch holds a bare comparison then it tests every element, scalars included [elemMatch › Element Match]', async () => {
    // {$elemMatch: {$gt: 2}}: strings and documents are of other types than 2, so only the array of numbers matches
    expect(await categories({ tags: _().elemMatch(_().gt(2)) })).toEqual(['number'])
  })

  test('when elemMatch holds neq then an array whose only element is that value does not match [elemMatch › Element Match neq]', async () => {
    const found = (await posts.where({ tags: _().elemMatch(_().neq('Go')) }).get()).data
    expect(found.some((d) => d.tags.length === 1 && d.tags[0] === 'Go')).toBe(false)
  })

  test('when elemMatch holds a field condition then only arrays of documents can match [elemMatch › Array of Embedded Documents]', async () => {
    // the known local defect: the array of numbers [1..9] used to match {value: {$gt: 0}} as well
    expect(await categories({ tags: _().elemMatch({ value: _().gt(0) }) })).toEqual(['embedded'])
  })

  test('when size() asks for two elements then only two-element arrays match [size › size]', async () => {
    const found = await categories({ tags: _().size(2) })
    expect(found[0]).toBe('Web')
  })

  test('when exists(true) is asked of a field every document has then all match [exists › exists]', async () => {
    expect(await categories({ tags: _().exists(true) })).toHaveLength(fixture().length)
  })

  test('when elemMatch holds exists() on a field then arrays of scalars do not match [exists › Array of Embedded Documents]', async () => {
    const found = await categories({ tags: _().elemMatch({ value: _().exists(true) }) })
    expect(found).toHaveLength(1)
    expect(found[0]).toBe('embedded')
  })

  test('when elemMatch holds mod() on a field then only the document element with that remainder matches [mod › Array of Embedded Documents]', async () => {
    // the SDK types mod() without arguments, but sends [divisor, remainder] as CloudBase documents
    const mod = _().mod as unknown as (v: number[]) => unknown
    const found = await categories({ tags: _().elemMatch({ value: mod([4, 3]) }) })
    expect(found).toHaveLength(1)
    expect(found[0]).toBe('embedded')
  })

  test('when rename() moves a field then the document is found under the new name [rename › rename]', async () => {
    const res = await posts.where({ category: 'Life' }).update({ category: _().rename('cat') })
    expect(res.updated).toBe(1)
    const [doc] = (await posts.where({ cat: 'Life' }).get()).data
    expect(doc.cat).toBe('Life')
  })

  test('when max() is given a larger value then the field takes it [max › max]', async () => {
    const { updated, doc } = await updateThenRead({ category: 'Life' }, { index: _().max(100) })
    expect(updated).toBe(1)
    expect(doc.index).toBe(100)
  })

  test('when min() is given a smaller value then the field takes it [max › min]', async () => {
    const { updated, doc } = await updateThenRead({ category: 'Life' }, { index: _().min(0) })
    expect(updated).toBe(1)
    expect(doc.index).toBe(0)
  })

  test('when an aggregation matches with a command then only those documents come out [aggregation $match with query › max]', async () => {
    const res = await posts
      .aggregate()
      .match({ category: _().eq('Web') })
      .end()
    expect(res.data.map((d: { category: string }) => d.category)).toEqual(['Web', 'Web'])
  })

  test('when push() is given an array then its elements are appended [push › push array]', async () => {
    const { updated, doc } = await updateThenRead({ category: 'Life' }, { tags2: _().push([1, 2, 3]) })
    expect(updated).toBe(1)
    expect(doc.tags2).toEqual([1, 2, 3, 1, 2, 3])
  })

  test('when push() is given one value then it is appended [push › push single item]', async () => {
    const { updated, doc } = await updateThenRead({ category: 'Life' }, { tags2: _().push(1) })
    expect(updated).toBe(1)
    expect(doc.tags2).toEqual([1, 2, 3, 1])
  })

  test('when push() is given several values then all are appended in order [push › push multiple item]', async () => {
    const push = _().push as unknown as (...v: number[]) => unknown
    const { updated, doc } = await updateThenRead({ category: 'Life' }, { tags2: push(1, 2, 3) })
    expect(updated).toBe(1)
    expect(doc.tags2).toEqual([1, 2, 3, 1, 2, 3])
  })

  test('when push() is given each, sort and slice then the array is extended, sorted and cut [push › push with options]', async () => {
    const { updated, doc } = await updateThenRead({ category: 'Life' }, { tags2: _().push({ each: [4, 5, 6], sort: -1, slice: 3 }) })
    expect(updated).toBe(1)
    expect(doc.tags2).toEqual([6, 5, 4])
  })

  test('when not() wraps gt() then documents without the field match too [not › match with gt]', async () => {
    expect(await categories({ index: _().not(_().gt(1)) })).toHaveLength(4)
  })

  test('when expr() compares a field with gte then a missing field does not match [expr › with gte]', async () => {
    expect(await categories(_().expr(agg().gte(['$index', 3])))).toHaveLength(2)
  })

  test('when jsonSchema() requires a field every document has then all match [jsonSchema › where]', async () => {
    expect(await categories(_().jsonSchema({ required: ['category'] }))).toHaveLength(fixture().length)
  })

  test('when nor() wraps that jsonSchema() then nothing matches [jsonSchema › nor]', async () => {
    expect(await categories(_().nor([_().jsonSchema({ required: ['category'] })]))).toHaveLength(0)
  })

  test('when inc() adds a negative decimal then the result is the float sum [浮点数inc › 浮点数inc]', async () => {
    const { updated, doc } = await updateThenRead({ category: 'float' }, { index: _().inc(-0.05) })
    expect(updated).toBe(1)
    expect(doc.index).toBe(0.2 - 0.05)
  })

  test('when remove() targets array elements by index then a removed element becomes null [remove数组内 › 浮点数inc]', async () => {
    const { updated, doc } = await updateThenRead({ category: 'float' }, { arr: { [0]: { subObj: _().remove() }, [1]: _().remove() } })
    expect(updated).toBe(1)
    expect(doc.arr[1]).toBeNull()
    expect(doc.arr[0]).toEqual({ name: 'A' })
  })
})
