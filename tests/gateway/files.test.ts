import { fileLinkSignature } from '../../local/storage'
import { startServer } from '../../local/start'

/** Stored files through the local gateway: private exports and sheets only by signed, expiring links; nothing runs. */
describe('files under /files/', () => {
  let app: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    app = await startServer({ port: 0, host: '127.0.0.1', dataDir: null, functions: 'source', h5Dir: null, timers: false, quiet: true })
  })
  afterAll(() => app.close())
  afterEach(() => jest.restoreAllMocks())

  const call = async <T>(fn: string, action: string, data: unknown, openid: string) =>
    (await (
      await fetch(`${app.url}/api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
        body: JSON.stringify({ action, data }),
      })
    ).json()) as { ok: boolean; data: T }
  const exportTickets = () => call<{ fileID: string; url: string }>('tickets', 'export', { communityId: 'c-xingfu' }, 'dev-staff')
  const envelope = async (res: Response) => ({ status: res.status, body: (await res.json()) as unknown })
  const refused = { status: 403, body: { ok: false, error: { code: 'FILE.LINK_INVALID', message: expect.stringMatching(/[\u4e00-\u9fff]/) } } }

  /** The link with its query replaced: the same path, the parameters given. */
  const withQuery = (url: string, query: Record<string, string>) => `${url.split('?')[0]}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`
  const paramsOf = (url: string) => Object.fromEntries(new URL(url).searchParams)

  it('when staff export tickets, then the link works at once and downloads the CSV, never shown or sniffed', async () => {
    const exported = await exportTickets()
    expect(exported.ok).toBe(true)
    const res = await fetch(exported.data.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[0-9a-f]{32}\.csv"$/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(
      Buffer.from(await res.arrayBuffer())
        .toString('utf8')
        .startsWith('\ufeff编号,提交时间'),
    ).toBe(true)
  })

  it('when an export is made twice, then each is stored under its own random name, not under the time', async () => {
    const [a, b] = [await exportTickets(), await exportTickets()]
    const name = /\/private\/exports\/c-xingfu\/([0-9a-f]{32})\.csv$/
    expect(a.data.fileID).toMatch(name)
    expect(b.data.fileID).toMatch(name)
    expect(name.exec(a.data.fileID)![1]).not.toBe(name.exec(b.data.fileID)![1])
    // not today's date in any form a timestamped name would carry (a random hex name may hold 20 and six digits)
    const now = new Date()
    const days = [now, new Date(now.getTime() + 8 * 3600_000)].map((d) => d.toISOString().slice(0, 10))
    for (const day of days) for (const form of [day.replaceAll('-', ''), day]) expect(a.data.fileID).not.toContain(form)
  })

  it('when the signature or the expiry of a link is changed, or left out, then 403 answers', async () => {
    const { url } = (await exportTickets()).data
    const { expires, sig } = paramsOf(url)
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`
    expect(await envelope(await fetch(withQuery(url, { expires, sig: flipped })))).toEqual(refused)
    expect(await envelope(await fetch(withQuery(url, { expires: String(Number(expires) + 3600), sig })))).toEqual(refused)
    expect(await envelope(await fetch(withQuery(url, { expires, sig: sig.slice(0, 32) })))).toEqual(refused)
    expect(await envelope(await fetch(withQuery(url, { expires })))).toEqual(refused)
    expect(await envelope(await fetch(withQuery(url, {})))).toEqual(refused)
    // a valid signature of another private file opens only that file
    const other = paramsOf((await exportTickets()).data.url)
    expect(await envelope(await fetch(withQuery(url, other)))).toEqual(refused)
  })

  it('when a link is used after its 15 minutes, then 403 answers', async () => {
    const { url } = (await exportTickets()).data
    const issuedAt = Date.now()
    expect(Number(paramsOf(url).expires)).toBe(Math.floor(issuedAt / 1000) + 900)
    jest.spyOn(Date, 'now').mockReturnValue(issuedAt + 901_000)
    expect(await envelope(await fetch(url))).toEqual(refused)
  })

  it('when a link is signed for a time already past, then 403 answers even though the signature is genuine', async () => {
    const { url } = (await exportTickets()).data
    const path = decodeURIComponent(new URL(url).pathname.slice('/files/'.length))
    const past = Math.floor(Date.now() / 1000) - 1
    expect(await envelope(await fetch(withQuery(url, { expires: String(past), sig: fileLinkSignature(path, past) })))).toEqual(refused)
  })

  it('when a private file is asked for by a path that only normalizes to it, then it is private all the same', async () => {
    const { url } = (await exportTickets()).data
    const path = new URL(url).pathname.slice('/files/private/'.length)
    for (const detour of [`/files/uploads/..%2Fprivate/${path}`, `/files/PRIVATE/${path}`, `/files/private%2F${path}`, `/files//private/${path}`]) {
      expect(await envelope(await fetch(`${app.url}${detour}`))).toEqual(refused)
    }
  })

  it('when staff print the QR sheet, then its link serves the PDF right after, as a download', async () => {
    const sheet = await call<{ fileID: string; url: string }>('qrcodes', 'sheet', { communityId: 'c-heping' }, 'dev-staff-heping')
    expect(sheet.data.fileID).toMatch(/\/private\/qr\/c-heping\/[0-9a-f]{32}\.pdf$/)
    const res = await fetch(sheet.data.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/)
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    expect(await envelope(await fetch(withQuery(sheet.data.url, { ...paramsOf(sheet.data.url), sig: '0'.repeat(64) })))).toEqual(refused)
  })
})

describe('uploads through /api/upload', () => {
  let app: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    app = await startServer({ port: 0, host: '127.0.0.1', dataDir: null, functions: 'source', h5Dir: null, timers: false, quiet: true })
  })
  afterAll(() => app.close())
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
  const upload = (body: Buffer, openid: string) =>
    fetch(`${app.url}/api/upload`, { method: 'POST', headers: { 'x-dev-openid': openid }, body: new Uint8Array(body) })

  it('when a photo is served, then it shows inline as an image and is never sniffed as something else', async () => {
    const { data } = (await (await upload(PNG, 'dev-resident')).json()) as { data: { fileID: string } }
    const res = await fetch(`${app.url}/files/${data.fileID.split('local-bucket/')[1]}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-disposition')).toBeNull()
  })

  it('when a PDF attachment is served, then it downloads rather than opening in the page', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1')
    const { data } = (await (await upload(pdf, 'dev-staff')).json()) as { data: { fileID: string } }
    const res = await fetch(`${app.url}/files/${data.fileID.split('local-bucket/')[1]}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[0-9a-f]{32}\.pdf"$/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('when the dev identity is `..` or climbs out, then the upload is refused before anything is stored', async () => {
    for (const openid of ['..', '../../outside', 'a/b']) {
      const res = await upload(PNG, openid)
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'AUTH.DEV_IDENTITY_INVALID' } })
    }
  })
})
