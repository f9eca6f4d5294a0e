import { main as places } from '../../cloudfunctions/places'
import { main as users } from '../../cloudfunctions/users'
import { main as qrcodes } from '../../cloudfunctions/qrcodes'
import { main as sheets } from '../../cloudfunctions/sheets'
import { main as tickets } from '../../cloudfunctions/tickets'
import { main as council } from '../../cloudfunctions/council'
import { main as volunteers } from '../../cloudfunctions/volunteers'
import { main as notices } from '../../cloudfunctions/notices'
import { main as moderation } from '../../cloudfunctions/moderation'
import { main as wishes } from '../../cloudfunctions/wishes'
import { setClock } from '../../cloudfunctions/_core/clock'
import { findAll } from '../../cloudfunctions/_core/repos/base'
import indexes from '../../cloudfunctions/indexes.json'
import { useLocalCloudBase } from '../../local/cloud'
import { platformContext } from '../../local/context'
import { seedDemo } from '../../local/seed'
import { installLocalWx } from '../../local/wx'
import type { Contracts, Envelope, FunctionName, InputOf, OutputOf } from '../../types'

const MAINS: Record<FunctionName, (event: unknown, context: unknown) => Promise<unknown>> = {
  users,
  places,
  qrcodes,
  sheets,
  tickets,
  council,
  volunteers,
  notices,
  moderation,
  wishes,
}

/** The fixed "now" of handler tests: a Sunday morning in Shanghai. */
export const NOW = new Date('2026-11-22T09:00:00+08:00')

/**
 * Handler tests run the real functions in-process against the embedded database (in memory), seeded with the
 * demo world before every test. Only the clock is fixed.
 */
export function useWorld() {
  let cloud: ReturnType<typeof useLocalCloudBase>
  let uninstallWx: () => void
  beforeAll(() => {
    cloud = useLocalCloudBase({ memory: true })
    uninstallWx = installLocalWx()
  })
  beforeEach(async () => {
    cloud.reset()
    setClock(() => NOW)
    await seedDemo()
  })
  afterAll(() => {
    setClock(null)
    uninstallWx()
    cloud.close()
  })
  return {
    clock: (d: Date) => setClock(() => d),
    /** the freshly seeded world again, as before each test: for the many runs of a property inside one test */
    reset: async () => {
      cloud.reset()
      setClock(() => NOW)
      await seedDemo()
    },
    /** the database requests (SDK actions) `fn` sends, each a round trip on CloudBase, and what it answers */
    requests: async <T>(fn: () => Promise<T>): Promise<{ actions: string[]; result: T }> => {
      const actions: string[] = []
      const stop = cloud.onRequest((action) => actions.push(action))
      try {
        return { actions, result: await fn() }
      } finally {
        stop()
      }
    },
    /** bytes of a file the functions stored, by its fileID */
    stored: (fileID: string): Buffer | null => {
      const path = cloud.storage.pathOf(fileID)
      return path ? cloud.readFile(path) : null
    },
  }
}

type ActionsOf<F extends FunctionName> = Contracts[F]['actions']

/** Calls an action as the person with this OPENID, exactly as the platform would: identity in the context. */
export const as =
  (openid: string | null) =>
  <F extends FunctionName, A extends keyof ActionsOf<F> & string>(
    fn: F,
    action: A,
    data: InputOf<ActionsOf<F>[A]>,
  ): Promise<Envelope<OutputOf<ActionsOf<F>[A]>>> =>
    MAINS[fn]({ action, data }, platformContext(openid)) as Promise<Envelope<OutputOf<ActionsOf<F>[A]>>>

/** Sends an untyped event, for malformed-input tests. */
export const raw = (openid: string | null, fn: FunctionName, event: unknown) => MAINS[fn](event, platformContext(openid)) as Promise<Envelope<unknown>>

/** Unwraps a successful answer, failing the test with the error otherwise. */
export function ok<T>(answer: Envelope<T>): T {
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.error)}`)
  return answer.data
}

export function errorCode(answer: Envelope<unknown>): string | null {
  return answer.ok ? null : answer.error.code
}

/**
 * Every document of every collection: compare before and after to prove an action changed nothing. Tries at typed
 * codes (`codeAttempts`) are left out: a wrong code is counted on purpose, and the tests of the limits read them.
 */
export async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const name of Object.keys(indexes.collections)) {
    if (name === 'codeAttempts') continue
    out[name] = await findAll(name as keyof typeof indexes.collections, {}, [{ field: '_id', order: 'asc' }])
  }
  return out
}

/** Demo people by role, as seeded by local/seed.ts. */
export const P = {
  resident: 'dev-resident',
  resident2: 'dev-resident-2',
  gridMember: 'dev-grid-member',
  gridMember2: 'dev-grid-member-2',
  gridLeader: 'dev-grid-leader',
  staff: 'dev-staff',
  secretary: 'dev-secretary',
  street: 'dev-street',
  residentHeping: 'dev-resident-heping',
  staffHeping: 'dev-staff-heping',
  newcomer: 'dev-newcomer',
} as const

/** A photo or file as `openid` uploaded it: the app stores every upload under `uploads/<uploader>/`. */
export const upload = (openid: string, name: string) => `cloud://env/uploads/${openid}/${name}`

export const XINGFU = 'c-xingfu'
export const HEPING = 'c-heping'
