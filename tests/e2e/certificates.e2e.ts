import { mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { Locator, Page } from 'playwright-core'
import { rasterize, zbar } from '../qr/pdf-tools'
import { api, confirmModal, fillInput, shot, tap, useApp } from './browser'

const app = useApp()

/** H5 keeps the pages one came through in the DOM (hidden): everything is looked up inside the current page's root. */
const on = (page: Page, root: string): Locator => page.locator(`.${root}`).last()

/** The day in Shanghai of an instant, YYYY-MM-DD. */
const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)

/** Reads the QR printed on a PDF with zbar, as a phone's camera would. */
async function qrOf(pdfUrl: string): Promise<string[]> {
  const bytes = Buffer.from(await (await fetch(pdfUrl)).arrayBuffer())
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
  const dir = mkdtempSync(join(tmpdir(), 'cert-e2e-'))
  try {
    writeFileSync(join(dir, 'c.pdf'), bytes)
    return zbar(rasterize(join(dir, 'c.pdf'), dir)[0])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('certificate journey on the H5 build', () => {
  it('when a volunteer asks for a certificate and staff issue it, then a stranger scanning its QR sees it valid without signing in, and revoked once staff revoke it', async () => {
    // the service to certify: an activity staff published, 王秀英 signed up and served, hours entered by staff after it
    const as = <T>(who: string, fn: string, action: string, data: unknown) => api<T>(app.url, who, fn, action, data)
    const soon = new Date(Date.now() + 30 * 60_000)
    const activity = await as<{ id: string }>('dev-staff', 'volunteers', 'publish', {
      communityId: 'c-xingfu',
      requestId: 'e2e-cert-activity',
      title: '重阳节敬老服务',
      place: '幸福社区党群服务中心',
      description: '陪老人聊天、包饺子',
      startAt: soon.toISOString(),
      endAt: new Date(soon.getTime() + 3 * 3_600_000).toISOString(),
      deadline: new Date(soon.getTime() - 10 * 60_000).toISOString(),
      capacity: 10,
      organiser: '幸福社区党委',
    })
    await as('dev-resident', 'volunteers', 'signup', { activityId: activity.id })
    const moved = (await (await fetch(`${app.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ days: 1 }) })).json()) as { data: { now: string } }
    try {
      await as('dev-staff', 'volunteers', 'adjustHours', { activityId: activity.id, openid: 'dev-resident', hours: 2.5, reason: '纸质签到表补录' })
      await as('dev-staff', 'volunteers', 'addRecordNote', {
        communityId: 'c-xingfu',
        openid: 'dev-resident',
        requestId: 'e2e-cert-training',
        kind: 'training',
        date: shanghaiDay(soon.toISOString()),
        title: '老年人防跌倒照护培训',
        organisation: '社区卫生服务中心',
        hours: 2,
      })
      const to = shanghaiDay(moved.data.now)
      const from = `${shanghaiDay(soon.toISOString()).slice(0, 4)}-01-01`

      // the volunteer asks, from her record
      const volunteer = await app.phone()
      await app.signIn(volunteer, '王秀英')
      await volunteer.goto(`${app.url}/packages/volunteer/pages/record/index?communityId=c-xingfu`)
      const record = on(volunteer, 'volunteer-record')
      await record.getByText('老年人防跌倒照护培训（社区卫生服务中心，2学时）').waitFor()
      await tap(record, '申请志愿服务证明')
      const ask = on(volunteer, 'volunteer-certificates')
      await tap(ask, '自己选择起止日期')
      await fillInput(ask, '开始日期，如 2026-01-01', from)
      await fillInput(ask, '结束日期，如 2026-06-30', to)
      await fillInput(ask, '证明的用途，可不填', '升学')
      await tap(ask, '提交申请')
      await ask.getByText('待出具', { exact: true }).waitFor()
      await ask.getByText('1 次服务，共 2.5 小时；培训 1 次').waitFor()
      await shot(volunteer, 'certificate-requested')

      // staff issue it from the queue; the PDF opens (its link caught as the app hands it to the browser)
      const staff = await app.phone()
      await app.signIn(staff, '陈静')
      await staff.goto(`${app.url}/packages/volunteer/pages/list/index`)
      await tap(on(staff, 'volunteer-list'), '出具志愿服务证明')
      const queue = on(staff, 'volunteer-issue')
      await queue.getByText('1 次服务，共 2.5 小时；培训 1 次').waitFor()
      await staff.evaluate(() => {
        window.open = ((url: string) => {
          ;(window as unknown as { opened: string[] }).opened = [...((window as unknown as { opened?: string[] }).opened ?? []), url]
          return null
        }) as typeof window.open
      })
      await fillInput(queue, '出具单位的联系电话', '028-87654321')
      await shot(staff, 'certificate-queue')
      await tap(queue, '出具王秀英的证明')
      await confirmModal(staff, '出具')
      await staff.waitForFunction(() => ((window as unknown as { opened?: string[] }).opened ?? []).length > 0)
      const [pdfUrl] = await staff.evaluate(() => (window as unknown as { opened: string[] }).opened)
      expect(pdfUrl).toMatch(/\/files\/private\/certificates\/c-xingfu\/[0-9a-f]{32}\.pdf\?expires=\d+&sig=[0-9a-f]{64}$/)

      // the paper's QR, read by a real decoder, is the verification link
      const codes = await qrOf(pdfUrl.startsWith('http') ? pdfUrl : `${app.url}${pdfUrl}`)
      expect(codes).toHaveLength(1)
      const verifyUrl = codes[0]
      expect(verifyUrl).toMatch(new RegExp(`^${app.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/v/ZY[A-HJ-NP-Z2-9]{16}$`))

      // the volunteer sees it issued, with its number
      await volunteer.reload()
      await on(volunteer, 'volunteer-certificates').getByText('已出具', { exact: true }).waitFor()
      await on(volunteer, 'volunteer-certificates').getByText('打开证明（PDF）').waitFor()

      // a school's phone scans it: nobody signed in, the verification page says valid
      const school = await app.phone()
      await school.goto(verifyUrl)
      const check = on(school, 'volunteer-verify')
      await check.getByText('✓ 证明有效', { exact: true }).waitFor()
      expect(school.url()).toContain('/packages/volunteer/pages/verify/index?q=')
      await check.getByText('王**', { exact: true }).waitFor()
      await check.getByText('重阳节敬老服务：陪老人聊天、包饺子').waitFor()
      await fillInput(check, '证明上印的姓名', '王秀英')
      await tap(check, '核对姓名')
      await check.getByText('✓ 姓名与出具记录一致', { exact: true }).waitFor()
      expect(await school.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('dev-identity')))).toEqual([])
      await shot(school, 'certificate-valid')

      // staff revoke it, confirming
      await tap(queue, '已处理')
      await tap(queue, '作废证明')
      await tap(queue, '服务记录已更正')
      await tap(queue, '确认作废')
      await confirmModal(staff, '作废')
      await queue.getByText('已作废', { exact: true }).waitFor()

      // the same link now says revoked, since when and why
      await school.reload()
      await on(school, 'volunteer-verify').getByText('✗ 证明已作废', { exact: true }).waitFor()
      await on(school, 'volunteer-verify')
        .getByText(/原因：服务记录已更正/)
        .waitFor()
      await shot(school, 'certificate-revoked')

      // and a number nobody issued is called what it is
      await school.goto(`${app.url}/v/ZYABCDEFGHJKMNPQRS`)
      await on(school, 'volunteer-verify').getByText('✗ 查无此证明', { exact: true }).waitFor()
    } finally {
      globalThis.__LOCAL_CLOCK_SKEW_MS__ = undefined // the gateway runs in this process
    }
  })
})
