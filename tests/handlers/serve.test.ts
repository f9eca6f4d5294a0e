import { z } from 'zod'
import { setClock } from '../../cloudfunctions/_core/clock'
import { environmentId } from '../../cloudfunctions/_core/cloud'
import { serve, type Ctx } from '../../cloudfunctions/_core/serve'
import { collection } from '../../cloudfunctions/_core/repos/base'
import { useLocalCloudBase } from '../../local/cloud'
import { platformContext } from '../../local/context'
import { seedDemo } from '../../local/seed'
import { installLocalWx } from '../../local/wx'
import { AppError, action, defineFunction, returns, type Envelope } from '../../types'

// the demo people and places of tests/support/world.ts, named here so this file does not load every function
const NOW = new Date('2026-11-22T09:00:00+08:00')
const XINGFU = 'c-xingfu'
const HEPING = 'c-heping'
const P = { resident: 'dev-resident', staff: 'dev-staff', street: 'dev-street', staffHeping: 'dev-staff-heping', newcomer: 'dev-newcomer' } as const
const upload = (openid: string, name: string) => `cloud://env/uploads/${openid}/${name}`

// Nothing here writes: the demo world is seeded once (not before every test, as useWorld does), which keeps this file
// fast enough to run against every mutant of serve.ts (npm run mutate).
let cloud: ReturnType<typeof useLocalCloudBase>
let uninstallWx: () => void
beforeAll(async () => {
  cloud = useLocalCloudBase({ memory: true })
  uninstallWx = installLocalWx()
  setClock(() => NOW)
  await seedDemo()
})
afterAll(() => {
  setClock(null)
  uninstallWx()
  cloud.close()
})

/**
 * serve() as every function's entry, tried with a contract of its own: each action below is a handler that does one
 * thing wrong or right, so the net serve() holds under all of them (identity, input, roles, the community authorized,
 * uploads, errors) is seen directly. Real handlers never leave it out, which is why it needs a test of its own.
 */
const staffOnly = ['community_staff', 'branch_secretary'] as const
const contract = defineFunction('probe', {
  /** role-restricted, names no community, and never authorizes: a defect serve() must catch */
  forgetful: action({ summary: '', access: staffOnly, input: z.object({ ticketId: z.string() }), output: returns<{ leaked: string }>() }),
  /** role-restricted, authorizes the community of the record it "loaded" */
  careful: action({ summary: '', access: staffOnly, input: z.object({ ticketId: z.string() }), output: returns<{ community: string }>() }),
  /** role-restricted, authorizes for a street */
  streetwise: action({ summary: '', access: ['street_staff'], input: z.object({ streetId: z.string() }), output: returns<{ ok: true }>() }),
  /** names its community in the input: serve() authorizes it before the handler runs */
  byCommunity: action({
    summary: '',
    access: staffOnly,
    input: z.object({ communityId: z.string(), photo: z.string().optional() }),
    output: returns<Ctx['openid']>(),
  }),
  /** anyone signed in */
  signedIn: action({
    summary: '',
    access: 'anyone',
    input: z.object({ n: z.number().int().default(1) }),
    output: returns<{ n: number; openid: string; requestId: string; now: string }>(),
  }),
  /** anyone at all */
  open: action({ summary: '', access: 'public', input: z.object({}), output: returns<{ openid: string; caller: string }>() }),
  /** what serve() tells a handler about its caller */
  whoami: action({ summary: '', access: 'anyone', input: z.object({ communityId: z.string().optional() }), output: returns<unknown>() }),
  /** fails in the ways a handler can */
  fails: action({ summary: '', access: 'anyone', input: z.object({ how: z.enum(['app', 'conflict', 'bug']) }), output: returns<null>() }),
})

let ran: string[] = []
const main = serve(contract, {
  forgetful: async (input) => {
    ran.push('forgetful')
    return { leaked: input.ticketId }
  },
  careful: async (_input, ctx) => ({ community: (await ctx.authorize(XINGFU))._id }),
  streetwise: async (input, ctx) => {
    ctx.authorizeStreet(input.streetId)
    return { ok: true as const }
  },
  byCommunity: async (_input, ctx) => {
    ran.push('byCommunity')
    return ctx.openid
  },
  signedIn: async (input, ctx) => ({ n: input.n, openid: ctx.openid, requestId: ctx.requestId, now: ctx.now.toISOString() }),
  open: async (_input, ctx) => ({ openid: ctx.openid, caller: ctx.caller }),
  whoami: async (input, ctx) => {
    const community = input.communityId ? await ctx.community(input.communityId) : null
    const again = input.communityId ? await ctx.community(input.communityId) : null
    return {
      openid: ctx.openid,
      caller: ctx.caller,
      consoleSessionId: ctx.consoleSessionId,
      client: ctx.client,
      access: ctx.access,
      user: ctx.user?._id ?? null,
      sameCommunity: community !== null && community === again,
      roles: community ? ctx.rolesIn(community) : [],
    }
  },
  fails: async (input) => {
    if (input.how === 'app') throw new AppError('TICKET.NOT_FOUND', '没有这件事')
    if (input.how === 'conflict') throw Object.assign(new Error('lost the race'), { code: 'DATABASE_TRANSACTION_CONFLICT' })
    throw new TypeError('undefined is not a function')
  },
})

const call = (openid: string | null, actionName: string, data?: unknown, requestId = 'rq-serve-1') =>
  main({ action: actionName, data }, platformContext(openid, requestId)) as Promise<Envelope<unknown>>
const code = (e: Envelope<unknown>) => (e.ok ? null : e.error.code)

let errors: jest.SpyInstance
beforeEach(() => {
  ran = []
  errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => errors.mockRestore())

describe("serve()'s net for a role-restricted handler that never authorizes", () => {
  it('when staff call it, then the answer is INTERNAL with the request id, not the data, and the defect is logged', async () => {
    const answer = await call(P.staff, 'forgetful', { ticketId: 't-1' })
    expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String), requestId: 'rq-serve-1' } })
    expect(ran).toEqual(['forgetful'])
    expect(String(errors.mock.calls[0]?.[0])).toContain('probe.forgetful answered without authorizing a community')
  })

  it('when the handler authorizes the community of its record, then the same call answers', async () => {
    expect(await call(P.staff, 'careful', { ticketId: 't-1' })).toEqual({ ok: true, data: { community: XINGFU } })
    expect(errors).not.toHaveBeenCalled()
  })

  it('when staff of another community reach a handler that authorizes, then AUTH.FORBIDDEN', async () => {
    expect(code(await call(P.staffHeping, 'careful', { ticketId: 't-1' }))).toBe('AUTH.FORBIDDEN')
  })

  it('when someone holding none of the roles anywhere calls, then AUTH.FORBIDDEN before the handler runs', async () => {
    expect(code(await call(P.resident, 'forgetful', { ticketId: 't-1' }))).toBe('AUTH.FORBIDDEN')
    expect(code(await call(P.newcomer, 'forgetful', { ticketId: 't-1' }))).toBe('AUTH.FORBIDDEN')
    expect(ran).toEqual([])
  })

  it('when street staff authorize their own street, then it answers; another street, AUTH.FORBIDDEN', async () => {
    expect(await call(P.street, 'streetwise', { streetId: 'st-chunhui' })).toEqual({ ok: true, data: { ok: true } })
    expect(code(await call(P.street, 'streetwise', { streetId: 'st-other' }))).toBe('AUTH.FORBIDDEN')
    expect(code(await call(P.staff, 'streetwise', { streetId: 'st-chunhui' }))).toBe('AUTH.FORBIDDEN')
  })
})

describe('serve() authorizes a community the input names', () => {
  it('when staff name their own community, then the handler runs as them', async () => {
    expect(await call(P.staff, 'byCommunity', { communityId: XINGFU })).toEqual({ ok: true, data: P.staff })
  })

  it('when staff name another community, or one that does not exist, then AUTH.FORBIDDEN and the handler never runs', async () => {
    expect(code(await call(P.staff, 'byCommunity', { communityId: HEPING }))).toBe('AUTH.FORBIDDEN')
    expect(code(await call(P.staff, 'byCommunity', { communityId: 'c-nowhere' }))).toBe('AUTH.FORBIDDEN')
    expect(ran).toEqual([])
  })

  it("when the input names someone else's upload, then UPLOAD.NOT_YOURS and the handler never runs; one's own goes through", async () => {
    expect(code(await call(P.staff, 'byCommunity', { communityId: XINGFU, photo: upload(P.resident, 'a.png') }))).toBe('UPLOAD.NOT_YOURS')
    expect(ran).toEqual([])
    expect(code(await call(P.staff, 'byCommunity', { communityId: XINGFU, photo: upload(P.staff, 'a.png') }))).toBeNull()
  })
})

describe('serve() before any handler', () => {
  it('when the action is unknown, not a string, or an inherited name, then FN.UNKNOWN_ACTION', async () => {
    expect(code(await call(P.staff, 'nope'))).toBe('FN.UNKNOWN_ACTION')
    expect(code(await main({ action: 42 }, platformContext(P.staff)))).toBe('FN.UNKNOWN_ACTION')
    expect(code(await call(P.staff, 'toString'))).toBe('FN.UNKNOWN_ACTION')
    expect(code(await main(null, platformContext(P.staff)))).toBe('FN.UNKNOWN_ACTION')
  })

  it('when nobody is signed in, then only a public action answers, with an empty openid', async () => {
    expect(code(await call(null, 'signedIn', {}))).toBe('AUTH.NOT_SIGNED_IN')
    expect(code(await call(null, 'forgetful', { ticketId: 't' }))).toBe('AUTH.NOT_SIGNED_IN')
    expect(await call(null, 'open', {})).toEqual({ ok: true, data: { openid: '', caller: 'anonymous' } })
    expect(await call(P.resident, 'open', {})).toEqual({ ok: true, data: { openid: P.resident, caller: P.resident } })
  })

  it('when a public action is called without an OPENID, then the caller is keyed by the web client’s id, else its address, never an identity', async () => {
    const as = (env: Record<string, string>) =>
      main({ action: 'open', data: {} }, { request_id: 'rq-web', environment: JSON.stringify({ TCB_SOURCE: 'local', ...env }) })
    expect(await as({ TCB_UUID: 'u-1', WX_CLIENTIP: '10.0.0.1' })).toEqual({ ok: true, data: { openid: '', caller: 'web:u-1' } })
    expect(await as({ WX_CLIENTIP: '10.0.0.1', TCB_SOURCE_IP: '10.0.0.2' })).toEqual({ ok: true, data: { openid: '', caller: 'ip:10.0.0.1' } })
    expect(await as({ TCB_SOURCE_IP: '10.0.0.2', WX_CLIENTIPV6: '::1' })).toEqual({ ok: true, data: { openid: '', caller: 'ip:10.0.0.2' } })
    expect(await as({ WX_CLIENTIPV6: '::1' })).toEqual({ ok: true, data: { openid: '', caller: 'ip:::1' } })
    expect(await as({ TCB_UUID: '' })).toEqual({ ok: true, data: { openid: '', caller: 'anonymous' } })
  })

  it('when the input does not parse, then INPUT.INVALID names the field; a missing data object is parsed as empty', async () => {
    const answer = await call(P.resident, 'signedIn', { n: 1.5 })
    expect(answer.ok ? null : answer.error).toMatchObject({ code: 'INPUT.INVALID', issues: [{ path: 'n', message: expect.any(String) }] })
    expect(await call(P.resident, 'signedIn')).toEqual({ ok: true, data: { n: 1, openid: P.resident, requestId: 'rq-serve-1', now: NOW.toISOString() } })
  })

  it('when the platform gives no request id, then the handler still gets one of its own', async () => {
    const answer = await main({ action: 'signedIn', data: {} }, { ...platformContext(P.resident), request_id: '' })
    expect(answer.ok && (answer.data as { requestId: string }).requestId).toMatch(/^[0-9a-f]{32}$/)
  })
})

describe('serve() answers a failing handler in one envelope', () => {
  it('when the handler refuses with an AppError, then its code and Chinese message are answered as they are', async () => {
    expect(await call(P.resident, 'fails', { how: 'app' })).toEqual({ ok: false, error: { code: 'TICKET.NOT_FOUND', message: '没有这件事' } })
    expect(errors).not.toHaveBeenCalled()
  })

  it('when a transaction lost its race, then CONFLICT: the caller may try again', async () => {
    expect(code(await call(P.resident, 'fails', { how: 'conflict' }))).toBe('CONFLICT')
  })

  it('when the handler has a bug, then INTERNAL with the request id, and the error is logged under that id, not answered', async () => {
    const answer = await call(P.resident, 'fails', { how: 'bug' }, 'rq-bug-7')
    expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String), requestId: 'rq-bug-7' } })
    expect(JSON.stringify(answer)).not.toContain('undefined is not a function')
    expect(String(errors.mock.calls[0]?.[0])).toContain('[rq-bug-7] probe.fails failed:')
  })
})

describe('what serve() tells a handler about its caller', () => {
  const as = (env: Record<string, string>, data: unknown = {}) =>
    main({ action: 'whoami', data }, { request_id: 'rq-who', environment: JSON.stringify({ TCB_SOURCE: 'local', ...env }) }) as Promise<
      Envelope<Record<string, unknown>>
    >

  it('the person, their address and browser as the platform reports them, the action’s access, and no console session', async () => {
    const answer = await as({
      WX_OPENID: P.staff,
      WX_CLIENTIP: '10.0.0.1',
      TCB_HTTP_CONTEXT: JSON.stringify({ headers: { 'user-agent': 'Mozilla/5.0 Chrome/120' } }),
    })
    expect(answer).toEqual({
      ok: true,
      data: {
        openid: P.staff,
        caller: P.staff,
        consoleSessionId: null,
        client: { ip: '10.0.0.1', userAgent: 'Mozilla/5.0 Chrome/120' },
        access: 'anyone',
        user: P.staff,
        sameCommunity: false,
        roles: [],
      },
    })
  })

  it('reads the browser under either spelling of the header, at most 400 characters, and none from a malformed or empty context', async () => {
    const ua = async (httpContext: string) =>
      ((await as({ WX_OPENID: P.staff, TCB_HTTP_CONTEXT: httpContext })) as unknown as { data: { client: { userAgent: unknown } } }).data.client.userAgent
    expect(await ua(JSON.stringify({ headers: { 'User-Agent': 'Safari/605' } }))).toBe('Safari/605')
    expect(await ua(JSON.stringify({ headers: { 'user-agent': 'x'.repeat(500) } }))).toBe('x'.repeat(400))
    expect(await ua('{not json')).toBeNull()
    expect(await ua(JSON.stringify({ headers: { 'user-agent': '' } }))).toBeNull()
    expect(await ua(JSON.stringify({ headers: { 'user-agent': 42 } }))).toBeNull()
    expect(await ua(JSON.stringify({}))).toBeNull()
  })

  it('loads a community once per call, and the caller’s roles in it', async () => {
    const answer = await as({ WX_OPENID: P.staff }, { communityId: XINGFU })
    expect(answer.ok && answer.data).toMatchObject({ sameCommunity: true, roles: ['community_staff'] })
    expect(await as({ WX_OPENID: P.staff }, { communityId: 'c-nowhere' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到该社区' } })
  })

  it('a standing console session acts as its person, and says which session it is', async () => {
    const sessionId = 'cs-serve-test-0001'
    await collection('consoleSessions')
      .doc(sessionId)
      .set({
        openid: P.staff,
        env: environmentId(),
        ip: null,
        userAgent: null,
        createdAt: NOW.toISOString(),
        expiresAt: new Date(NOW.getTime() + 3_600_000).toISOString(),
        endedAt: null,
      })
    const answer = await as({ TCB_CUSTOM_USER_ID: sessionId })
    expect(answer.ok && answer.data).toMatchObject({ openid: P.staff, caller: `console:${sessionId}`, consoleSessionId: sessionId, user: P.staff })
  })

  it('an unknown or ended console session is told so, and may still ask for a public action as nobody', async () => {
    expect(code(await as({ TCB_CUSTOM_USER_ID: 'cs-unknown-0001' }))).toBe('AUTH.CONSOLE_SESSION_ENDED')
    expect(
      await main(
        { action: 'open', data: {} },
        { request_id: 'rq', environment: JSON.stringify({ TCB_SOURCE: 'local', TCB_CUSTOM_USER_ID: 'cs-unknown-0001' }) },
      ),
    ).toEqual({
      ok: true,
      data: { openid: '', caller: 'console:cs-unknown-0001' },
    })
  })

  it('an OPENID wins over a custom login id', async () => {
    const answer = await as({ WX_OPENID: P.resident, TCB_CUSTOM_USER_ID: 'cs-unknown-0001' })
    expect(answer.ok && answer.data).toMatchObject({ openid: P.resident, caller: P.resident, consoleSessionId: null })
  })

  it('a context that is not the platform’s names nobody', async () => {
    expect(code(await main({ action: 'whoami', data: {} }, { request_id: 'rq', environment: '{broken' }))).toBe('AUTH.NOT_SIGNED_IN')
    expect(code(await main({ action: 'whoami', data: {} }, undefined))).toBe('AUTH.NOT_SIGNED_IN')
  })
})
