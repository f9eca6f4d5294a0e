import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { zbar } from '../qr/pdf-tools'
import { consoleQrFrom } from '../../types/consoleLabels'
import { api, shot, useApp } from './browser'

const app = useApp()

/**
 * What a person does, counted: the closing note reports the journey's steps. Waiting for the screen to change is not a
 * step; opening a page, scanning and tapping are.
 */
const steps: string[] = []
const step = (what: string) => steps.push(what)

describe('staff console sign-in by scanning, on the H5 build', () => {
  afterAll(() => console.log(`console sign-in journey: ${steps.length} steps\n${steps.map((s, i) => `  ${i + 1}. ${s}`).join('\n')}`))

  it('when the office computer shows its QR and the staff member confirms it on the phone, then the computer lands on the dashboard as them, without the demo identity picker', async () => {
    const pc = await app.phone({ width: 1280, height: 800 })
    // the console's first load: every script the page fetched until its QR shows, as sent (compressed) and as run
    const scripts: Promise<{ url: string; wire: number; bytes: number }>[] = []
    pc.on('response', (r) => {
      if (/\.js(\?|$)/.test(r.url()))
        scripts.push(Promise.all([r.request().sizes(), r.body()]).then(([s, b]) => ({ url: r.url(), wire: s.responseBodySize, bytes: b.length })))
    })
    step('电脑浏览器打开工作人员登录页')
    await pc.goto(`${app.url}/packages/console/pages/login/index`)
    const qrImage = pc.locator('img[alt="电脑登录二维码，请用小程序扫描"]').filter({ visible: true }).first()
    await qrImage.waitFor({ state: 'visible', timeout: 30_000 })
    await shot(pc, 'console-login-qr')
    const firstLoad = await Promise.all(scripts)
    const sum = (k: 'wire' | 'bytes') => firstLoad.reduce((n, f) => n + f[k], 0)
    console.log(
      `console first load: ${firstLoad.length} scripts, ${sum('bytes')} B JS (${sum('wire')} B on the wire)\n${firstLoad.map((f) => `  ${f.url.replace(app.url, '')} ${f.bytes} B (${f.wire} B)`).join('\n')}`,
    )
    // the local console never loads @cloudbase/js-sdk: it is the CloudBase build's chunk
    expect(firstLoad.some((f) => /cloudbase/.test(f.url))).toBe(false)

    // the phone's camera: the QR as the screen shows it, read by zbar
    step('手机小程序“我的 → 电脑端登录 → 扫码登录电脑”扫描屏幕上的二维码')
    const dir = mkdtempSync(join(tmpdir(), 'console-e2e-'))
    let text: string
    try {
      await qrImage.screenshot({ path: join(dir, 'qr.png') })
      ;[text] = zbar(join(dir, 'qr.png'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    const qr = consoleQrFrom(text!)
    expect(qr).toEqual({ requestId: expect.stringMatching(/^[a-f0-9]{32}$/), env: 'local-dev' })
    expect(text!.startsWith(`${app.url}/l/`)).toBe(true)

    // the phone shows which computer asks, as the gateway saw it, before the staff member confirms as themselves
    const asking = await api<{ computer: string; ip: string }>(app.url, 'dev-staff', 'users', 'consoleLoginRequest', qr)
    expect(asking).toMatchObject({ computer: 'Linux 电脑 · Chrome 浏览器', ip: expect.stringMatching(/127\.0\.0\.1/) })
    step('手机上核对电脑和地点，点“确认登录”')
    await api(app.url, 'dev-staff', 'users', 'approveConsoleLogin', { ...qr, approve: true })

    // the computer signs in by itself and opens the dashboard of the staff member's community
    await pc.waitForURL(/packages\/staff\/pages\/dashboard\/index/, { timeout: 30_000 })
    await pc.getByText('报事总数').filter({ visible: true }).first().waitFor({ timeout: 30_000 })
    await pc.getByText('幸福社区').filter({ visible: true }).first().waitFor()
    await shot(pc, 'console-dashboard')
    // nobody picked a demo identity: the console's identity is the gateway's HttpOnly cookie, out of the page's reach
    expect(await pc.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('dev-identity')))).toEqual([])
    const cookies = await pc.context().cookies()
    expect(cookies.find((c) => c.name === 'tcb_console')).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
    expect(await pc.evaluate(() => document.cookie)).not.toContain('tcb_console')

    // 我的 → 电脑端登录 on the phone lists the computer; 退出 there sends the computer back to its QR
    const sessions = await api<{ sessionId: string }[]>(app.url, 'dev-staff', 'users', 'consoleSessions', {})
    expect(sessions).toHaveLength(1)
    await api(app.url, 'dev-staff', 'users', 'endConsoleSession', { sessionId: sessions[0].sessionId })
    await pc.reload()
    await pc.waitForURL(/packages\/console\/pages\/login\/index/, { timeout: 30_000 })
    await pc.locator('img[alt="电脑登录二维码，请用小程序扫描"]').first().waitFor({ state: 'visible', timeout: 30_000 })
  })
})
