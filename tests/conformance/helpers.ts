import { db } from '../../cloudfunctions/_core/cloud'
import { useLocalCloudBase, type LocalCloudBaseHandle } from '../../local/cloud'

/** One in-memory local CloudBase per test file, emptied before each test. */
export function localCloud(): { handle: () => LocalCloudBaseHandle } {
  let h: LocalCloudBaseHandle
  beforeAll(() => {
    h = useLocalCloudBase({ memory: true, publicBaseUrl: 'http://127.0.0.1:9999' })
  })
  beforeEach(() => h.reset())
  afterAll(() => h.close())
  return { handle: () => h }
}

/** `conformance_docs` has plain indexes only; `conformance` has a unique email index (missing email = null, unique). */
export const col = (name = 'conformance_docs') => db().collection(name)
export const _ = () => db().command

/** The rejection of a promise (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await p
  } catch (e) {
    return e as { code?: string; message: string }
  }
  throw new Error('expected the call to fail')
}
