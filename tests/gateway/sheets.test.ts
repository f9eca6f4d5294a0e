import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { startServer } from '../../local/start'

/** Register tables uploaded through the gateway as the H5 console uploads them, imported, and exports downloaded. */
describe('spreadsheets through the gateway', () => {
  let app: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    app = await startServer({ port: 0, host: '127.0.0.1', dataDir: null, functions: 'source', h5Dir: null, timers: false, quiet: true })
  })
  afterAll(() => app.close())

  const call = async <T>(fn: string, action: string, data: unknown, openid = 'dev-staff') =>
    (await (
      await fetch(`${app.url}/api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
        body: JSON.stringify({ action, data }),
      })
    ).json()) as { ok: true; data: T } | { ok: false; error: { code: string; message: string } }
  const upload = async (body: Buffer, contentType: string, openid = 'dev-staff') => {
    const res = await fetch(`${app.url}/api/upload`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-dev-openid': openid },
      body: new Uint8Array(body),
    })
    return { status: res.status, body: (await res.json()) as { ok: boolean; data?: { fileID: string }; error?: { code: string } } }
  }
  const HEADER = ['楼栋', '单元', '房号', '姓名', '与户主关系', '出生日期']

  it('when staff upload an .xlsx in the browser, then it is stored as theirs under .xlsx and sheets.importRegister imports it', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('住户名册')
    ws.addRow(HEADER)
    ws.addRow(['31栋', '1单元', 101, '网关甲', '户主', '1961-01-01'])
    // what a browser on Windows sends for a spreadsheet: the bytes decide, not the claim
    const up = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'application/octet-stream')
    expect(up.status).toBe(200)
    expect(up.body.data!.fileID).toMatch(/\/uploads\/dev-staff\/\d{8}\/[0-9a-f]{32}\.xlsx$/)
    expect(await call('sheets', 'importRegister', { communityId: 'c-xingfu', fileID: up.body.data!.fileID })).toMatchObject({
      ok: true,
      data: { households: 1, members: 1 },
    })
  })

  it('when staff upload a GBK CSV as text/csv, then it is stored as .csv and imported as Chinese; text not sent as CSV is refused', async () => {
    const csv = iconv.encode([HEADER.join(','), '32栋,1单元,101,网关乙,户主,1962'].join('\r\n'), 'gbk')
    const up = await upload(csv, 'text/csv')
    expect(up.body.data!.fileID).toMatch(/\.csv$/)
    expect(await call('sheets', 'importRegister', { communityId: 'c-xingfu', fileID: up.body.data!.fileID })).toMatchObject({
      ok: true,
      data: { households: 1 },
    })
    const page = await call<{ items: { holderName: string }[] }>('places', 'households', { communityId: 'c-xingfu', q: '网关乙' })
    expect(page.ok && page.data.items.map((h) => h.holderName)).toEqual(['网关乙'])
    expect(await upload(csv, 'image/png')).toMatchObject({ status: 415, body: { ok: false, error: { code: 'UPLOAD.NOT_AN_IMAGE' } } })
  })

  it('when staff export the ticket list, then the link downloads an .xlsx that opens in Excel, and only as a download', async () => {
    const exported = await call<{ url: string; filename: string }>('sheets', 'exportTickets', { communityId: 'c-xingfu' })
    if (!exported.ok) throw new Error(exported.error.code)
    expect(exported.data.filename).toMatch(/^报事列表-幸福社区-\d{8}\.xlsx$/)
    const res = await fetch(exported.data.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[0-9a-f]{32}\.xlsx"$/)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as Parameters<typeof wb.xlsx.load>[0])
    expect(wb.worksheets.map((w) => w.name)).toEqual(['报事列表', '导出说明'])
    // without its signature the same file is not served
    expect((await fetch(exported.data.url.split('?')[0])).status).toBe(403)
  })
})
