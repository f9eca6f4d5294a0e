/**
 * `npm run screenshots`: the README's pictures, taken from the running app so they cannot go stale — the H5 build
 * (run `npm run build:h5` first) served by the gateway on an in-memory demo with its sample content, opened in Debian's
 * chromium at a phone's size, as the person who would see each page. Writes docs/screenshots/*.png.
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
  const app = await startServer({ port: 0, host: '127.0.0.1', dataDir: null, functions: 'bundle', h5Dir: path.join(ROOT, 'dist', 'h5'), timers: false, quiet: true, samples: true })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const as = async (name: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${app.url}/pages/dev-login/index`)
    await page.getByText(name, { exact: false }).first().click()
    await page.waitForFunction(() => Object.keys(localStorage).length > 0)
    return page
  }
  const shot = async (page: Page, file: string, ready: string) => {
    await page.getByText(ready, { exact: false }).first().waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(OUT, file) })
    console.log(`docs/screenshots/${file}`)
  }
  try {
    const resident = await as('王秀英')
    await resident.goto(`${app.url}/s/${demoIds.unitCode('c-xingfu', 1, 1)}`)
    await shot(resident, 'resident-report.png', '1栋')

    const gridMember = await as('张伟')
    await gridMember.goto(`${app.url}/packages/grid/pages/inbox/index`)
    await shot(gridMember, 'grid-inbox.png', '报事')

    await resident.goto(`${app.url}/packages/council/pages/list/index`)
    await resident.getByText('小区东侧空地改建为非机动车充电棚').first().click()
    await shot(resident, 'council-vote.png', '请投票')

    const staff = await as('陈静')
    await staff.goto(`${app.url}/packages/staff/pages/dashboard/index`)
    await shot(staff, 'dashboard.png', '响应率')
  } finally {
    await browser.close()
    await app.close()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
