/**
 * `npm run screenshots`: the README's pictures, taken from the running app so they cannot go stale — the H5 build
 * (run `npm run build:h5` first) served by the gateway on an in-memory demo with its sample content, opened in Debian's
 * chromium at a phone's size, as the person who would see each page. A resident reports through the form (the first
 * picture), so the grid member's inbox and the dashboard have a ticket on them. Writes docs/screenshots/*.png.
 */
import { existsSync, mkdirSync } from 'fs'
import path from 'path'
import { chromium, type Page } from 'playwright-core'
import { demoIds } from '../local/demo'
import { startServer } from '../local/start'

const ROOT = path.resolve(__dirname, '..')
const OUT = path.join(ROOT, 'docs', 'screenshots')
const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

async function main() {
  if (!CHROMIUM) throw new Error('chromium is not installed: apt-get install -y chromium')
  if (!existsSync(path.join(ROOT, 'dist', 'h5', 'index.html'))) throw new Error('dist/h5 is missing: npm run build:h5')
  mkdirSync(OUT, { recursive: true })
  const app = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: null,
    functions: 'bundle',
    h5Dir: path.join(ROOT, 'dist', 'h5'),
    timers: false,
    quiet: true,
    samples: true,
  })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const as = async (name: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${app.url}/pages/dev-login/index`)
    await page.getByText(name, { exact: false }).first().click()
    await page.waitForFunction(() => Object.keys(localStorage).length > 0)
    return page
  }
  /** Once the words are on screen and no request is left in flight, the first screen as a person sees it. */
  const shot = async (page: Page, file: string, ready: string) => {
    await page.getByText(ready, { exact: false }).filter({ visible: true }).first().waitFor()
    await page.waitForLoadState('networkidle')
    await page.waitForFunction(() => !document.querySelector('.state-loading'))
    await page.screenshot({ path: path.join(OUT, file) })
    console.log(`docs/screenshots/${file}`)
  }
  const tap = (page: Page, text: string) => page.getByText(text, { exact: true }).filter({ visible: true }).last().click()
  try {
    // the resident's report, filled in as she would, just before 提交; then sent
    const resident = await as('王秀英')
    await resident.goto(`${app.url}/s/${demoIds.unitCode('c-xingfu', 1, 1)}`)
    await tap(resident, '设施报修')
    await resident.getByLabel('问题描述，可不填，最多500字').locator('textarea').fill('3楼楼道灯不亮了，晚上看不清台阶')
    await shot(resident, 'resident-report.png', '设施报修：一般')
    await tap(resident, '提交')
    await resident.getByText('提交成功').waitFor()

    const gridMember = await as('张伟')
    await gridMember.goto(`${app.url}/packages/grid/pages/inbox/index`)
    await shot(gridMember, 'grid-inbox.png', '3楼楼道灯不亮了')

    await resident.goto(`${app.url}/packages/council/pages/list/index`)
    await resident.getByText('小区东侧空地改建为非机动车充电棚').first().click()
    await shot(resident, 'council-vote.png', '请投票')

    const staff = await as('陈静')
    await staff.goto(`${app.url}/packages/staff/pages/dashboard/index`)
    await shot(staff, 'dashboard.png', '报事总数')
  } finally {
    await browser.close()
    await app.close()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
