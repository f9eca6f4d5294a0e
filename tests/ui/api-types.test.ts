/**
 * The api client's types come from the contract in types/. The `@ts-expect-error` lines are checked by
 * `npx tsc --noEmit -p tsconfig.json`: if a wrong call ever compiled, tsc would report the unused directive.
 * At run time jest checks the envelope behaviour of the same client.
 */
import { call, setTransport, NETWORK_ERROR, type CallOutput } from '../../src/api'
import type { PlaceView } from '../../types'

// Never invoked: only compiled.
export async function wrongCallsDoNotCompile() {
  // @ts-expect-error unknown function
  await call('petitions', 'submit', {})
  // @ts-expect-error unknown action of a known function
  await call('places', 'resolve', { code: 'AB12CD34' })
  // @ts-expect-error wrong input type
  await call('places', 'resolveCode', { code: 12345678 })
  // @ts-expect-error missing required input field
  await call('users', 'requestBinding', {})
  // @ts-expect-error input of another action
  await call('users', 'redeemInvite', { householdId: 'h1' })
  // @ts-expect-error role outside COMMUNITY_ROLES
  await call('users', 'createInvite', { communityId: 'c1', role: 'resident' })

  // Fields with a default in the schema are optional for the caller.
  await call('users', 'listInvites', { communityId: 'c1' })

  const res = await call('places', 'resolveCode', { code: 'AB12CD34' })
  if (res.ok) {
    const place: PlaceView = res.data
    // @ts-expect-error the output has no such field
    void res.data.address
    void place
  } else {
    const code: string = res.error.code
    void code
  }
  const typed: CallOutput<'users', 'me'>['roles'][number]['role'] = 'grid_member'
  void typed
}

describe('api client', () => {
  it('when the transport rejects, then call resolves with the NETWORK error instead of throwing', async () => {
    const restore = setTransport({ callFunction: async () => Promise.reject(new Error('offline')) })
    try {
      await expect(call('users', 'me', {})).resolves.toEqual({ ok: false, error: NETWORK_ERROR })
    } finally {
      restore()
    }
  })

  it('when the function answers a business error, then the envelope is passed through as is', async () => {
    const answer = { ok: false, error: { code: 'PLACE.UNKNOWN_CODE', message: '没有找到这个楼道码，请确认二维码是否完整' } }
    const seen: unknown[] = []
    const restore = setTransport({
      callFunction: async (fn, action, data) => {
        seen.push({ fn, action, data })
        return answer
      },
    })
    try {
      await expect(call('places', 'resolveCode', { code: 'ZZ99ZZ99' })).resolves.toEqual(answer)
      expect(seen).toEqual([{ fn: 'places', action: 'resolveCode', data: { code: 'ZZ99ZZ99' } }])
    } finally {
      restore()
    }
  })

  it('when the answer is not an envelope, then call reports an INTERNAL error', async () => {
    const restore = setTransport({ callFunction: async () => '<html>502</html>' })
    try {
      const res = await call('users', 'me', {})
      expect(res.ok).toBe(false)
      expect(!res.ok && res.error.code).toBe('INTERNAL')
    } finally {
      restore()
    }
  })
})
