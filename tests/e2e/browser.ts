import { existsSync } from 'fs'
import path from 'path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startServer } from '../../local/start'

const ROOT = path.resolve(__dirname, '../..')
const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

/**
 * One journey's world: the gateway on a free loopback port with an in-memory database seeded with the demo,
 * the bundled functions and the built H5 app, and a fresh headless chromium (playwright gives it a new
 * empty profile).
 */
export function useApp() {
  const state = {} as { url: string; browser: Browser; close: () => Promise<void> }
  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH)')
    const app = await startServer({ port: 0, host: '127.0.0.1', dataDir: null, functions: 'bundle', h5Dir: path.join(ROOT, 'dist', 'h5'), timers: false, quiet: true })
    state.url = app.url
    state.close = app.close
    state.browser = await chromium.launch({
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
  })
  afterAll(async () => {
    await state.browser?.close()
    await state.close?.()
  })
  return {
    get url() {
      return state.url
    },
    /** A phone-sized page (375×812, as most residents' phones) in its own context: its own storage, its own identity. */
    async phone(): Promise<Page> {
      const context = await state.browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN' })
      return context.newPage()
    },
  }
}

export const screenshotDir = path.join(ROOT, 'dist', 'e2e-screens')
