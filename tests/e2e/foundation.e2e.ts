import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs'
import os from 'os'
import path from 'path'
import { demoIds } from '../../local/demo'
import { rasterize, zbar } from '../qr/pdf-tools'
import { screenshotDir, useApp } from './browser'

const app = useApp()

describe('foundation journey on the H5 build', () => {
  it('when a resident chooses a demo identity and opens a stairwell link, then the report page names that community, building and unit', async () => {
    const page = await app.phone()
    await page.goto(`${app.url}/pages/dev-login/index`)
    await page.getByText('王秀英', { exact: false }).first().click()
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => localStorage.getItem(k)?.includes('dev-resident')))

    const code = demoIds.unitCode('c-xingfu', 3, 2)
    await page.goto(`${app.url}/s/${code}`)
    await page.getByText('3栋', { exact: false }).first().waitFor({ timeout: 30_000 })
    const text = await page.locator('body').innerText()
    expect(text).toContain('幸福社区')
    expect(text).toContain('3栋')
    expect(text).toContain('2单元')
    mkdirSync(screenshotDir, { recursive: true })
    await page.screenshot({ path: path.join(screenshotDir, 'report-place.png') })
  })

  it('when someone opens a stairwell link before choosing an identity, then they are taken to choose one and land back on the place', async () => {
    const page = await app.phone()
    const code = demoIds.unitCode('c-heping', 2, 1)
    await page.goto(`${app.url}/s/${code}`)
    // no tap needed: the page sends them to the identity picker by itself
    await page.waitForURL(/dev-login/, { timeout: 30_000 })
    await page.getByText('周敏', { exact: false }).first().click()
    await page.getByText('和平社区', { exact: false }).first().waitFor({ timeout: 30_000 })
    const text = await page.locator('body').innerText()
    expect(text).toContain('2栋')
    expect(text).toContain('1单元')
  })

  it('when a stairwell link carries an unknown code, then the page says so in Chinese', async () => {
    const page = await app.phone()
    await page.goto(`${app.url}/pages/dev-login/index`)
    await page.getByText('李建国', { exact: false }).first().click()
    await page.goto(`${app.url}/s/NOPE2345`)
    await page.getByText('没有找到这个楼道码', { exact: false }).first().waitFor({ timeout: 30_000 })
  })

  it('when staff print the QR sheet and a code from the paper is opened, then the H5 app shows that building and unit', async () => {
    const staff = await app.phone()
    await staff.goto(`${app.url}/pages/dev-login/index`)
    await staff.getByText('吴刚', { exact: false }).first().click()
    await staff.goto(`${app.url}/packages/staff/pages/places/index`)
    // the sheet is a private file: its signed link opens in a new tab, which downloads it
    const [sheet] = await Promise.all([
      staff.context().waitForEvent('request', (r) => /\/files\/private\/qr\/[^?]+\.pdf\?expires=\d+&sig=/.test(r.url())),
      staff.getByText('生成楼道码').first().click(),
    ])
    const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-sheet-'))
    try {
      const pdf = path.join(dir, 'sheet.pdf')
      writeFileSync(pdf, Buffer.from(await (await fetch(sheet.url())).arrayBuffer()))
      const urls = rasterize(pdf, dir).flatMap((png) => zbar(png))
      expect(urls).toHaveLength(6) // 和平社区: 3 buildings × 2 units
      const wanted = `${app.url}/s/${demoIds.unitCode('c-heping', 3, 2)}`
      expect(urls).toContain(wanted)

      const resident = await app.phone()
      await resident.goto(`${app.url}/pages/dev-login/index`)
      await resident.getByText('周敏', { exact: false }).first().click()
      await resident.goto(wanted)
      await resident.getByText('3栋', { exact: false }).first().waitFor({ timeout: 30_000 })
      expect(await resident.locator('body').innerText()).toMatch(/和平社区[\s\S]*3栋[\s\S]*2单元/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
