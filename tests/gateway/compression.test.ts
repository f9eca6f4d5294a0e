import fs from 'fs'
import http from 'http'
import os from 'os'
import path from 'path'
import zlib from 'zlib'
import { pickEncoding } from '../../local/compression'
import { startServer } from '../../local/start'

// a function's first call loads it into worker threads of its own: slower than 5 s on a busy machine
jest.setTimeout(60_000)

/**
 * What goes over the wire: static files and API answers compressed by the client's Accept-Encoding (brotli, else
 * gzip), with Vary; hashed assets kept for a year, the page shell always revalidated.
 */
describe('compression and caching in the local gateway', () => {
  let app: Awaited<ReturnType<typeof startServer>>
  let h5: string
  // text that compresses as a real bundle does: repetitive, but not one byte over and over
  const script = Array.from({ length: 800 }, (_, i) => `function f${i}(a){return a.map(function(x){return x*${i}+"${i.toString(36)}"})}`).join('\n')
  const style = Array.from({ length: 300 }, (_, i) => `.c${i}{margin:${i % 7}px;color:#${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)}}`).join('\n')
  const shell = `<!doctype html><html><head><script defer src="/js/app.0123abcd.js"></script><link href="/css/app.0123456789abcdef0123.css" rel="stylesheet"></head><body><div id="app"></div>${'<!-- shell -->'.repeat(100)}</body></html>`
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4000, 7)])

  beforeAll(async () => {
    h5 = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-h5-'))
    fs.mkdirSync(path.join(h5, 'js'))
    fs.mkdirSync(path.join(h5, 'css'))
    fs.mkdirSync(path.join(h5, 'static'))
    fs.writeFileSync(path.join(h5, 'index.html'), shell)
    fs.writeFileSync(path.join(h5, 'js', 'app.0123abcd.js'), script)
    fs.writeFileSync(path.join(h5, 'css', 'app.0123456789abcdef0123.css'), style)
    fs.writeFileSync(path.join(h5, 'static', 'logo.png'), png)
    app = await startServer({ port: 0, host: '127.0.0.1', dataDir: null, functions: 'source', isolation: 'workers', h5Dir: h5, timers: false, quiet: true })
  })
  afterAll(async () => {
    await app.close()
    fs.rmSync(h5, { recursive: true, force: true })
  })

  /** Raw HTTP (fetch would ask for and undo the compression itself): status, headers and the bytes as sent. */
  const request = (target: string, headers: Record<string, string> = {}, body?: unknown) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request(`${app.url}${target}`, { method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      req.on('error', reject)
      req.end(body === undefined ? undefined : JSON.stringify(body))
    })
  const decode = (r: { headers: http.IncomingHttpHeaders; body: Buffer }) =>
    r.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(r.body) : r.body
  const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' }

  it('when a browser asks for a hashed script, then it comes with brotli, kept a year as immutable, and decodes to the file', async () => {
    const r = await request('/js/app.0123abcd.js', BROWSER)
    expect(r.status).toBe(200)
    expect(r.headers['content-encoding']).toBe('br')
    expect(r.headers.vary).toBe('Accept-Encoding')
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(Number(r.headers['content-length'])).toBe(r.body.length)
    expect(r.body.length).toBeLessThan(script.length / 3)
    expect(decode(r).toString()).toBe(script)
    const css = await request('/css/app.0123456789abcdef0123.css', BROWSER)
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(decode(css).toString()).toBe(style)
  })

  it('when only gzip is taken, then gzip; when brotli is refused with q=0, then gzip; when nothing is taken, then the file as it is', async () => {
    const gz = await request('/js/app.0123abcd.js', { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(decode(gz).toString()).toBe(script)
    expect((await request('/js/app.0123abcd.js', { 'accept-encoding': 'br;q=0, gzip;q=0.8' })).headers['content-encoding']).toBe('gzip')
    const plain = await request('/js/app.0123abcd.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toBe('Accept-Encoding')
    expect(plain.body.toString()).toBe(script)
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(script))
  })

  it('when the encoding is chosen, then q-values, wildcards and refusals are honoured', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br')
    expect(pickEncoding('gzip;q=1.0, br;q=0')).toBe('gzip')
    expect(pickEncoding('*')).toBe('br')
    expect(pickEncoding('*, br;q=0')).toBe('gzip')
    expect(pickEncoding('identity')).toBeNull()
    expect(pickEncoding('gzip;q=0, br;q=0')).toBeNull()
    expect(pickEncoding(undefined)).toBeNull()
  })

  it('when the page shell or a page route is asked for, then it must be revalidated each time, and an unchanged one answers 304 to its ETag', async () => {
    const page = await request('/pages/report/index', BROWSER)
    expect(page.status).toBe(200)
    expect(page.headers['cache-control']).toBe('no-cache')
    expect(decode(page).toString()).toBe(shell)
    const etag = page.headers.etag!
    expect(etag).toMatch(/^W\/"/)
    const again = await request('/', { ...BROWSER, 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect((await request('/', { 'if-none-match': 'W/"other"' })).status).toBe(200)
  })

  it('when a script of an older build is asked for, then 404 answers, never the page in its place (which would be kept a year as the script)', async () => {
    const r = await request('/js/app.deadbeef.js', BROWSER)
    expect(r.status).toBe(404)
    expect(r.headers['cache-control']).toBe('no-store')
  })

  it('when an image is asked for, then it goes as it is (it is compressed already), for a few minutes of cache', async () => {
    const r = await request('/static/logo.png', BROWSER)
    expect(r.headers['content-encoding']).toBeUndefined()
    expect(r.headers.vary).toBeUndefined()
    expect(r.headers['cache-control']).toBe('public, max-age=300')
    expect(r.body.equals(png)).toBe(true)
  })

  it('when a file has been compressed at its smallest, then the copy is kept next to it for later starts, and a copy older than its file is ignored', async () => {
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50))
      expect(check()).toBe(true)
    }
    // the page shell's own script: compressed at start, before any request
    const shellScript = path.join(h5, 'js', 'app.0123abcd.js.br')
    await until(() => fs.existsSync(shellScript))
    expect(zlib.brotliDecompressSync(fs.readFileSync(shellScript)).toString()).toBe(script)
    const served = await request('/js/app.0123abcd.js', BROWSER)
    expect(served.body.equals(fs.readFileSync(shellScript))).toBe(true)

    // a script loaded later: compressed quickly for its first request, at its smallest after
    const lazy = path.join(h5, 'js', 'page.89abcdef.js')
    fs.writeFileSync(lazy, script.replace(/f(\d+)/g, 'g$1'))
    expect(decode(await request('/js/page.89abcdef.js', BROWSER)).toString()).toBe(script.replace(/f(\d+)/g, 'g$1'))
    await until(() => fs.existsSync(`${lazy}.br`))
    // the file changes under the same name (never for a hashed build, but a hand edit): the older copy is not served
    const changed = script.replace(/f(\d+)/g, 'h$1')
    fs.writeFileSync(lazy, changed)
    const later = new Date(Date.now() + 5000)
    fs.utimesSync(lazy, later, later)
    expect(decode(await request('/js/page.89abcdef.js', BROWSER)).toString()).toBe(changed)
  })

  it('when an API answer is large, then it is compressed; when small, it goes as it is; either way Vary names Accept-Encoding', async () => {
    const listing = await request('/api', BROWSER)
    expect(listing.headers['content-encoding']).toBe('br')
    expect(listing.headers.vary).toBe('Accept-Encoding')
    expect(listing.headers['cache-control']).toBe('no-store')
    expect(Object.keys(JSON.parse(decode(listing).toString()))).toContain('users')

    const me = await request('/api/users', { ...BROWSER, 'x-dev-openid': 'dev-resident', 'content-type': 'application/json' }, { action: 'me' })
    expect(me.headers['content-encoding']).toBeUndefined()
    expect(me.headers.vary).toBe('Accept-Encoding')
    expect(JSON.parse(me.body.toString())).toMatchObject({ ok: true, data: { openid: 'dev-resident' } })

    // a function's answer, made in its worker as JSON text, compressed on its way out
    const page = await request(
      '/api/places',
      { 'accept-encoding': 'gzip', 'x-dev-openid': 'dev-staff' },
      { action: 'households', data: { communityId: 'c-xingfu', pageSize: 100 } },
    )
    expect(page.headers['content-encoding']).toBe('gzip')
    const decoded = decode(page)
    expect(page.body.length).toBeLessThan(decoded.length / 3)
    expect(JSON.parse(decoded.toString())).toMatchObject({ ok: true, data: { items: expect.any(Array), total: expect.any(Number) } })
  })
})
