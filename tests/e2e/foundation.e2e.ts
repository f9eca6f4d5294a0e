import { mkdirSync } from 'fs'
import path from 'path'
import { demoIds } from '../../local/demo'
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

  it('when a stairwell link carries an unknown code, then the page says so in Chinese', async () => {
    const page = await app.phone()
    await page.goto(`${app.url}/s/NOPE2345`)
    await page.getByText('没有找到这个楼道码', { exact: false }).first().waitFor({ timeout: 30_000 })
  })
})
