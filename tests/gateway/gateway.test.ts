import http from 'http'
import type { AddressInfo } from 'net'
import { demoIds } from '../../local/demo'
import { createGateway } from '../../local/gateway'
import { startServer } from '../../local/start'

/** The local gateway, in-process, with the functions from source and an in-memory database. */
describe('local gateway', () => {
  let app: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    app = await startServer({ port: 0, host: '127.0.0.1', dataDir: null, functions: 'source', h5Dir: null, timers: false, quiet: true })
  })
  afterAll(() => app.close())

  const post = (fn: string, body: unknown, openid?: string) =>
    fetch(`${app.url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: JSON.stringify(body),
    })

  it('when a function is called with a demo identity, then it answers the envelope as that person', async () => {
    const res = await post('users', { action: 'me' }, 'dev-staff')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true, data: { openid: 'dev-staff', name: '陈静' } })
  })

  it('when the dev clock is moved forward, then the functions see the later time, and bad input moves nothing', async () => {
    const clock = (body?: unknown) =>
      fetch(`${app.url}/api/dev/clock`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { data?: { skewDays: number; now: string } },
      }))
    try {
      expect((await clock({ days: -1 })).status).toBe(400)
      expect((await clock()).body.data?.skewDays).toBe(0)
      const moved = await clock({ days: 8 })
      expect(moved.body.data?.skewDays).toBe(8)
      expect(new Date(moved.body.data!.now).getTime() - Date.now()).toBeGreaterThan(7.9 * 86_400_000)
      // a vote opened "now" from the function's point of view closes at that later time
      const { now } = await import('../../cloudfunctions/_core/clock')
      expect(now().getTime() - Date.now()).toBeGreaterThan(7.9 * 86_400_000)
    } finally {
      globalThis.__LOCAL_CLOCK_SKEW_MS__ = undefined
    }
  })

  it('when no identity is sent, then the function answers AUTH.NOT_SIGNED_IN', async () => {
    expect(await (await post('users', { action: 'me' })).json()).toMatchObject({ ok: false, error: { code: 'AUTH.NOT_SIGNED_IN' } })
  })

  it('when an unknown function is called, then FN.UNKNOWN_FUNCTION answers with 404', async () => {
    const res = await post('nope', { action: 'x' }, 'dev-staff')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FN.UNKNOWN_FUNCTION' } })
  })

  it('when a ticket is filed, then the dev outbox shows the notification to the grid member it was routed to', async () => {
    const code = demoIds.unitCode('c-xingfu', 2, 1)
    const filed = (await (
      await post('tickets', { action: 'submit', data: { requestId: 'gw-outbox-1', placeCode: code, category: 'repair' } }, 'dev-resident')
    ).json()) as {
      ok: boolean
      data: { id: string }
    }
    expect(filed.ok).toBe(true)
    const outbox = (await (await fetch(`${app.url}/api/dev/outbox`)).json()) as { data: { to: string; kind: string; ticketId: string }[] }
    expect(outbox.data).toContainEqual(expect.objectContaining({ to: 'dev-grid-member', kind: 'assigned', ticketId: filed.data.id }))
  })

  it('when a timer-only function is called over HTTP, then it is not found, even with a timer-shaped body', async () => {
    const res = await post('sweeper', { Type: 'Timer', TriggerName: 'every5min' })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FN.UNKNOWN_FUNCTION' } })
  })

  it('when the body is not JSON, then INPUT.INVALID answers', async () => {
    const res = await fetch(`${app.url}/api/users`, { method: 'POST', headers: { 'x-dev-openid': 'dev-staff' }, body: '{oops' })
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } })
  })

  it('when the API is listed, then every action comes with its summary, access and input as JSON Schema', async () => {
    const api = (await (await fetch(`${app.url}/api`)).json()) as Record<
      string,
      Record<string, { summary: string; access: unknown; input: { type?: string; properties?: Record<string, unknown> } }>
    >
    expect(Object.keys(api).sort()).toEqual(['council', 'moderation', 'notices', 'places', 'qrcodes', 'sheets', 'tickets', 'users', 'volunteers', 'wishes'])
    expect(api.places.resolveCode).toMatchObject({ summary: expect.any(String), access: 'anyone', input: { type: 'object' } })
    expect(Object.keys(api.places.resolveCode.input.properties ?? {})).toEqual(['code'])
    expect(api.users.createInvite.access).toEqual(['community_staff', 'branch_secretary', 'street_staff'])
  })

  it('when demo identities are listed in local mode, then every role has someone to sign in as', async () => {
    const people = (await (await fetch(`${app.url}/api/dev/identities`)).json()) as { roles: string[] }[]
    const roles = new Set(people.flatMap((p) => p.roles))
    for (const r of ['resident', 'grid_member', 'grid_leader', 'community_staff', 'branch_secretary', 'street_staff']) expect(roles).toContain(r)
  })

  it('when a stairwell link is opened, then it redirects to the report page with the whole URL in q, as WeChat does', async () => {
    const code = demoIds.unitCode('c-xingfu', 1, 1)
    const res = await fetch(`${app.url}/s/${code}`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    const location = res.headers.get('location')!
    expect(location.startsWith('/pages/report/index?q=')).toBe(true)
    expect(decodeURIComponent(location.split('q=')[1])).toBe(`${app.url}/s/${code}`)
  })

  it('when a bind notice’s link is opened, then it redirects to 我的 with the whole URL in q, where the code is read', async () => {
    const res = await fetch(`${app.url}/b/ABCDE-FGH23`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    const location = res.headers.get('location')!
    expect(location.startsWith('/pages/me/index?q=')).toBe(true)
    expect(decodeURIComponent(location.split('q=')[1])).toBe(`${app.url}/b/ABCDE-FGH23`)
  })

  it('when a QR sheet is generated, then its PDF is served from local storage', async () => {
    const answer = (await (await post('qrcodes', { action: 'sheet', data: { communityId: 'c-heping' } }, 'dev-staff-heping')).json()) as {
      ok: boolean
      data: { url: string }
    }
    expect(answer.ok).toBe(true)
    const pdf = await fetch(answer.data.url)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
  })
})

describe('photo uploads', () => {
  let app: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    app = await startServer({ port: 0, host: '127.0.0.1', dataDir: null, functions: 'source', h5Dir: null, timers: false, quiet: true })
  })
  afterAll(() => app.close())
  const PNG_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
  const upload = (body: Buffer, openid?: string) =>
    fetch(`${app.url}/api/upload`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: new Uint8Array(body),
    })

  it('when a signed-in person uploads a photo, then a cloud fileID comes back and the same bytes are served', async () => {
    const answer = (await (await upload(PNG_BYTES, 'dev-resident')).json()) as { ok: boolean; data: { fileID: string } }
    expect(answer.ok).toBe(true)
    expect(answer.data.fileID).toMatch(/^cloud:\/\/.+\/uploads\/dev-resident\/\d{8}\/[0-9a-f]{32}\.png$/)
    const path = answer.data.fileID.split('/uploads/')[1]
    const served = Buffer.from(await (await fetch(`${app.url}/files/uploads/${path}`)).arrayBuffer())
    expect(served.equals(PNG_BYTES)).toBe(true)
  })

  it('when a PDF is uploaded (a notice attachment), then it is stored as .pdf and served back', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1')
    const answer = (await (await upload(pdf, 'dev-staff')).json()) as { ok: boolean; data: { fileID: string } }
    expect(answer.data.fileID).toMatch(/\.pdf$/)
    const served = await fetch(`${app.url}/files/uploads/${answer.data.fileID.split('/uploads/')[1]}`)
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true)
  })

  it('when the body is not an image, then UPLOAD.NOT_AN_IMAGE answers whatever the content type claims', async () => {
    const res = await upload(Buffer.from('<script>alert(1)</script>'), 'dev-resident')
    expect(res.status).toBe(415)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UPLOAD.NOT_AN_IMAGE' } })
  })

  it('when nobody is signed in, then the upload is refused', async () => {
    const res = await upload(PNG_BYTES)
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'AUTH.NOT_SIGNED_IN' } })
  })
})

describe('demo sign-in outside local mode', () => {
  const serve = async (opts: { localMode: boolean; host: string }) => {
    const server = createGateway({ functions: new Map(), h5Dir: null, readFile: () => null, ...opts })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
  }
  const close = (s: http.Server) => new Promise((r) => s.close(r))

  it('when the gateway is bound to a public address, then the identity list and the identity header are refused', async () => {
    const { server, url } = await serve({ localMode: true, host: '0.0.0.0' })
    expect((await fetch(`${url}/api/dev/identities`)).status).toBe(403)
    expect((await fetch(`${url}/api/dev/outbox`)).status).toBe(403)
    expect((await fetch(`${url}/api/dev/clock`, { method: 'POST', body: '{"days":1}' })).status).toBe(403)
    const res = await fetch(`${url}/api/users`, { method: 'POST', headers: { 'x-dev-openid': 'dev-staff' }, body: '{}' })
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'AUTH.DEV_IDENTITY_REFUSED' } })
    await close(server)
  })

  it('when local mode is off, then the identity header is refused even on loopback', async () => {
    const { server, url } = await serve({ localMode: false, host: '127.0.0.1' })
    const res = await fetch(`${url}/api/users`, { method: 'POST', headers: { 'x-dev-openid': 'dev-staff' }, body: '{}' })
    expect(res.status).toBe(403)
    await close(server)
  })
})

describe('sample content on a fresh npm start', () => {
  let app: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    app = await startServer({ port: 0, host: '127.0.0.1', dataDir: null, functions: 'source', h5Dir: null, timers: false, quiet: true, samples: true })
  })
  afterAll(() => app.close())
  const call = async (fn: string, action: string, data: unknown, openid: string) =>
    (await (
      await fetch(`${app.url}/api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
        body: JSON.stringify({ action, data }),
      })
    ).json()) as {
      ok: boolean
      data: { items: { title: string; pinned?: boolean; openVote?: { voted: boolean } | null }[] }
    }

  it('when the demo starts on an empty database, then residents find notices (the pinned one first), a matter with a vote they can cast, and an activity', async () => {
    const notices = await call('notices', 'list', { communityId: 'c-xingfu' }, 'dev-resident')
    expect(notices.data.items.map((n) => n.title)).toEqual(['冬季供暖设施检查通知', '11月主题党日活动安排', '2026年第三季度社区公益金收支公示'])
    const matters = await call('council', 'list', { communityId: 'c-xingfu' }, 'dev-resident')
    expect(matters.data.items[0]).toMatchObject({ title: '小区东侧空地改建为非机动车充电棚', openVote: { voted: false } })
    const activities = await call('volunteers', 'list', { communityId: 'c-xingfu' }, 'dev-resident')
    expect(activities.data.items.map((a) => a.title)).toEqual(['楼道清扫志愿服务'])
  })

  it('when the sample matter is opened, then its stage records are dated in order and its vote’s roll is the register, not the app users', async () => {
    const list = await call('council', 'list', { communityId: 'c-xingfu' }, 'dev-staff')
    const id = (list.data.items[0] as unknown as { id: string }).id
    const matter = (await call('council', 'get', { matterId: id }, 'dev-staff')).data as unknown as {
      records: { stage: string; at: string; date: string | null }[]
      votes: { rollCount: number; basis: string[] }[]
    }
    const days = matter.records.map((r) => r.date ?? r.at.slice(0, 10))
    expect(matter.records.map((r) => r.stage)).toEqual(['proposal', 'deliberation', 'review'])
    expect([...days].sort()).toEqual(days)
    expect(new Set(days).size).toBe(3)
    const ats = matter.records.map((r) => r.at)
    expect([...ats].sort()).toEqual(ats)
    expect(matter.votes[0].rollCount).toBeGreaterThan(200)
    expect(matter.votes[0].basis[0]).toContain('年满18周岁的居民')
  })
})
