/**
 * The api client's types come from the contract in types/. The `@ts-expect-error` lines are checked by
 * `npx tsc --noEmit -p tsconfig.json`: if a wrong call ever compiled, tsc would report the unused directive.
 * At run time jest checks the envelope behaviour of the same client.
 */
import { call, isError, setTransport, NETWORK_ERROR, type CallOutput } from '../../src/api'
import type { MatterView, PlaceView } from '../../types'
import type { Act } from '../../src/hooks/useAction'

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

  // A page tests only the codes the action declares in its contract's `errors`.
  const advanced = await call('council', 'withdraw', { matterId: 'm1', reason: '重复提议' })
  void isError(advanced, 'COUNCIL.INVALID_STAGE', 'CONFLICT')
  // @ts-expect-error a catalogued code the action does not declare
  void isError(advanced, 'COUNCIL.VOTE_NOT_OPEN')
  // @ts-expect-error not a code at all
  void isError(advanced, 'COUNCIL.INVALID_STAGES')
  const claimed = await call('wishes', 'claim', { wishId: 'w1' })
  if (!claimed.ok) void isError(claimed.error, 'WISH.ALREADY_CLAIMED')
  // @ts-expect-error an action that declares no codes takes none
  void isError(await call('users', 'me', {}), 'CONFLICT')
  // useAction reads the record again only on codes the action declares
  const act = null as unknown as Act<MatterView>
  void act(() => call('council', 'withdraw', { matterId: 'm1', reason: '重复提议' }), '议题已撤回', ['COUNCIL.INVALID_STAGE', 'CONFLICT'])
  // @ts-expect-error closeVote does not declare COUNCIL.INVALID_STAGE
  void act(() => call('council', 'closeVote', { voteId: 'v1' }), '表决已结束', ['COUNCIL.INVALID_STAGE'])
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

  it('when a call failed with one of the codes asked about, then isError says so, and not for other codes or a success', () => {
    const failed = { ok: false as const, error: { code: 'CONFLICT', message: '操作冲突，请刷新后重试' } }
    expect(isError(failed, 'TICKET.INVALID_TRANSITION', 'CONFLICT')).toBe(true)
    expect(isError(failed.error, 'CONFLICT')).toBe(true)
    expect(isError(failed, 'TICKET.INVALID_TRANSITION')).toBe(false)
    expect(isError({ ok: true as const, data: null }, 'CONFLICT')).toBe(false)
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
