import { startServer } from '../../local/start'

/** A certificate's QR link through the local gateway: no sign-in anywhere on the way. */
describe('a certificate’s verification link on the local gateway', () => {
  let app: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    app = await startServer({ port: 0, host: '127.0.0.1', dataDir: null, functions: 'source', h5Dir: null, timers: false, quiet: true })
  })
  afterAll(() => app.close())

  it('when the QR’s link is opened, then it leads to the verification page with the whole link in q, as WeChat would', async () => {
    const res = await fetch(`${app.url}/v/ZYABCDEFGHJKMNPQRS`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    const location = res.headers.get('location')!
    expect(location.startsWith('/packages/volunteer/pages/verify/index?q=')).toBe(true)
    expect(decodeURIComponent(location.split('q=')[1])).toBe(`${app.url}/v/ZYABCDEFGHJKMNPQRS`)
  })

  it('when a browser nobody signed in to checks a number, then the function answers it (unknown here) instead of asking to sign in', async () => {
    const res = await fetch(`${app.url}/api/volunteers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'verifyCertificate', data: { number: 'ZY-ABCD-EFGH-JKMN-PQRS' } }),
    })
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'CERTIFICATE.UNKNOWN_NUMBER' } })
  })

  it('when a browser nobody signed in to calls any other action, then it is still asked to sign in', async () => {
    const res = await fetch(`${app.url}/api/volunteers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'certificates', data: { communityId: 'c-xingfu' } }),
    })
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'AUTH.NOT_SIGNED_IN' } })
  })
})
