import { existsSync, mkdirSync } from 'fs'
import path from 'path'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { startServer } from '../../local/start'

const ROOT = path.resolve(__dirname, '../..')
/** The H5 build served: dist/h5, or a copy of it (E2E_H5_DIR) so a long walk is not served a build being rewritten. */
const H5_DIR = process.env.E2E_H5_DIR ? path.resolve(process.env.E2E_H5_DIR) : path.join(ROOT, 'dist', 'h5')
const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

/**
 * One journey's world: the gateway on a free loopback port with an in-memory database seeded with the demo,
 * the bundled functions and the built H5 app, and a fresh headless chromium (playwright gives it a new
 * empty profile). `samples` adds the demo's sample notices, council matter and activity (`npm start` shows them).
 */
export function useApp(opts: { samples?: boolean } = {}) {
  const state = {} as { url: string; browser: Browser; close: () => Promise<void> }
  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH)')
    const app = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: null,
      functions: 'bundle',
      h5Dir: H5_DIR,
      timers: false,
      quiet: true,
      samples: opts.samples,
    })
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
    /** Acts as a demo person from now on in this page's context (the dev sign-in page, as a tester would). */
    async signIn(page: Page, name: string): Promise<void> {
      await page.goto(`${state.url}/pages/dev-login/index`)
      await page.getByText(name, { exact: false }).first().click()
      await page.waitForFunction(() => Object.keys(localStorage).length > 0)
    },
    /** A phone-sized page (375×812, as most residents' phones, unless told) in its own context: its own storage, its own identity. */
    async phone(viewport = { width: 375, height: 812 }): Promise<Page> {
      const context = await state.browser.newContext({ viewport, deviceScaleFactor: 2, locale: 'zh-CN' })
      return context.newPage()
    },
  }
}

export const screenshotDir = path.join(ROOT, 'dist', 'e2e-screens')

/** A page, or the part of it to look inside (H5 keeps the pages one came through in the DOM, hidden). */
type Scope = Page | Locator

/** Taro's H5 Textarea and Input are custom elements holding the real control. */
export const fillArea = (scope: Scope, label: string, text: string) => scope.getByLabel(label).locator('textarea').fill(text)
export const fillInput = (scope: Scope, label: string, text: string) => scope.getByLabel(label).locator('input').fill(text)
/** Taro's H5 modal: the last visible button with this text confirms it (a modal shown before stays in the DOM, hidden). */
export const confirmModal = (page: Page, text: string) => page.locator('.taro__modal').getByText(text, { exact: true }).filter({ visible: true }).last().click()
/** The last visible element with exactly this text: the current page's, when earlier pages (kept hidden) hold the same words. */
export const tap = (scope: Scope, text: string) => scope.getByText(text, { exact: true }).filter({ visible: true }).last().click()

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}

/**
 * Calls a function as a demo person through the gateway, as the app would: for the parts of a journey a person does
 * many times over (a hundred paper ballots), which the journey shows once on screen.
 */
export async function api<T = unknown>(url: string, openid: string, fn: string, action: string, data: unknown): Promise<T> {
  const res = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify({ action, data }),
  })
  const body = (await res.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } }
  if (!body.ok) throw new Error(`${fn}.${action}: ${body.error?.code} ${body.error?.message}`)
  return body.data as T
}
