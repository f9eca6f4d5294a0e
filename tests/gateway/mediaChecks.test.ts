import http from 'http'
import type { AddressInfo } from 'net'
import { demoIds } from '../../local/demo'
import { createGateway } from '../../local/gateway'
import { startServer } from '../../local/start'

/** WeChat's later image verdicts, delivered by hand in a local demo: POST /api/dev/media-checks. */
describe('local image verdict pushes', () => {
  let app: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    app = await startServer({ port: 0, host: '127.0.0.1', dataDir: null, functions: 'source', h5Dir: null, timers: false, quiet: true })
  })
  afterAll(() => app.close())

  const post = (path: string, body: unknown, openid?: string) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { ok: boolean; data?: unknown; error?: { code: string } } }))

  it('when a photo the local check holds back is reported, then the dev endpoint pushes its verdict to mediaCheck and neighbours see the photo; the function itself is no API', async () => {
    const photo = 'cloud://local/uploads/dev-resident/async-gateway-1.png'
    const filed = await post(
      '/api/tickets',
      {
        action: 'submit',
        data: { requestId: 'gw-media-1', placeCode: demoIds.unitCode('c-xingfu', 4, 1), category: 'repair', text: '楼道灯坏了', photos: [photo] },
      },
      'dev-resident',
    )
    expect(filed.body).toMatchObject({ ok: true, data: { moderation: 'pending' } })
    const ticketId = (filed.body.data as { id: string }).id
    const neighbour = async () => (await post('/api/tickets', { action: 'get', data: { ticketId } }, 'dev-resident-2')).body.data as { photos: string[] }
    expect((await neighbour()).photos).toEqual([])

    const delivered = await post('/api/dev/media-checks', {})
    expect(delivered.body).toEqual({ ok: true, data: [expect.objectContaining({ fileID: photo, suggest: 'pass' })] })
    expect((await neighbour()).photos).toEqual([photo])
    expect((await post('/api/dev/media-checks', {})).body).toEqual({ ok: true, data: [] })

    const direct = await post('/api/mediaCheck', { action: 'x' }, 'dev-resident')
    expect(direct.status).toBe(404)
    expect(direct.body).toMatchObject({ ok: false, error: { code: 'FN.UNKNOWN_FUNCTION' } })
  })

  it('when the gateway is not a local loopback one, then the dev endpoint is refused', async () => {
    const server = createGateway({ functions: new Map(), h5Dir: null, readFile: () => null, localMode: true, host: '0.0.0.0' })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    expect((await fetch(`${url}/api/dev/media-checks`, { method: 'POST', body: '{}' })).status).toBe(403)
    await new Promise((r) => (server as http.Server).close(r))
  })
})
