import { collection, findAll, findFirst } from '../../cloudfunctions/_core/repos/base'
import { useLocalCloudBase } from '../../local/cloud'

let cloud: ReturnType<typeof useLocalCloudBase>
beforeAll(() => {
  cloud = useLocalCloudBase({ memory: true })
})
beforeEach(() => cloud.reset())
afterAll(() => cloud.close())

const addDocs = async (n: number) => {
  const docs = Array.from({ length: n }, (_, i) => ({ _id: `d${String(i).padStart(5, '0')}`, n: i, g: i % 2 }))
  for (let i = 0; i < n; i += 500) await collection('conformance_docs').add(docs.slice(i, i + 500))
}

describe('findAll', () => {
  test('when more documents match than CloudBase answers to one read, then every one comes, in the order asked', async () => {
    await addDocs(2500)
    const rows = await findAll<{ n: number }>('conformance_docs', {}, [{ field: 'n', order: 'desc' }], 2500)
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 2500 }, (_, i) => 2499 - i))
  })

  test('when more documents match than the caller said could, then it throws instead of answering a cut list', async () => {
    await addDocs(1201)
    await expect(findAll('conformance_docs', {}, [], 1200)).rejects.toThrow(/more than 1200 documents/)
    await expect(findAll('conformance_docs', { g: 1 }, [], 599)).rejects.toThrow(/conformance_docs/)
    expect(await findAll('conformance_docs', { g: 1 }, [], 600)).toHaveLength(600)
  })

  test('when exactly as many documents match as the bound, then all come and nothing throws', async () => {
    await addDocs(1000)
    expect(await findAll('conformance_docs', {}, [], 1000)).toHaveLength(1000)
    expect(await findAll('conformance_docs', {})).toHaveLength(1000)
  })
})

describe('findFirst', () => {
  test('when a batch is asked of more matching documents, then the first n in order come, ties by id', async () => {
    await addDocs(1500)
    const rows = await findFirst<{ _id: string; g: number }>('conformance_docs', {}, [{ field: 'g', order: 'desc' }], 3)
    expect(rows.map((r) => r._id)).toEqual(['d01499', 'd01497', 'd01495'])
    await expect(findFirst('conformance_docs', {}, [], 1001)).rejects.toThrow(/more than one read answers/)
  })
})
