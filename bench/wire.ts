/**
 * What the H5 app's first load costs on the wire: a real browser (Debian's chromium through playwright-core, a fresh
 * profile, a phone's viewport) opens the app's home page from the local gateway, and the JS responses' bodies are
 * counted as they came over the network (encoded: brotli or gzip where the gateway compressed them) and as the
 * browser used them (decoded). Then the page is opened again in the same browser: hashed scripts come from its cache
 * (immutable), so nothing of them should cross the wire.
 *
 *   npx tsx bench/wire.ts          (needs dist/h5: NODE_ENV=production npm run build:h5, and dist/functions)
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { REPO_ROOT } from '../scripts/functions'

export const WIRE_TARGET_KB = 150
const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

export interface LoadFigures {
  /** JS responses received over the network */
  scripts: number
  /** their bodies as sent (compressed), bytes */
  encodedBytes: number
  /** their bodies as the browser ran them, bytes */
  decodedBytes: number
  /** how each came: content-encoding per file */
  files: { url: string; encoding: string; encodedBytes: number; decodedBytes: number; cacheControl: string }[]
}

/** Opens `url` in `page` and answers what its JS responses cost on the wire (responses served from cache are not counted). */
export async function measureLoad(page: Page, url: string): Promise<LoadFigures> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  // Chrome's own account of each response: what came over the network (encodedDataLength, headers included, so
  // the header part is taken off below) and whether the cache answered instead
  const seen = new Map<
    string,
    { url: string; type: string; fromCache: boolean; encoding: string; cacheControl: string; headerBytes: number; encoded: number; decoded: number }
  >()
  // the memory cache is reported apart, before the response
  const servedFromCache = new Set<string>()
  cdp.on('Network.requestServedFromCache', (e) => servedFromCache.add(e.requestId))
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]))
    seen.set(e.requestId, {
      url: e.response.url,
      type: e.type,
      fromCache: !!(e.response.fromDiskCache || e.response.fromPrefetchCache || servedFromCache.has(e.requestId)),
      encoding: headers['content-encoding'] ?? 'identity',
      cacheControl: headers['cache-control'] ?? '',
      headerBytes: e.response.encodedDataLength ?? 0,
      encoded: 0,
      decoded: 0,
    })
  })
  cdp.on('Network.dataReceived', (e) => {
    const r = seen.get(e.requestId)
    if (r) r.decoded += e.dataLength
  })
  cdp.on('Network.loadingFinished', (e) => {
    const r = seen.get(e.requestId)
    if (r) r.encoded = Math.max(0, e.encodedDataLength - r.headerBytes)
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  await cdp.detach()
  const files = [...seen.values()]
    .filter((r) => (r.type === 'Script' || /\.js(\?|$)/.test(r.url)) && !r.fromCache)
    .map((r) => ({ url: new URL(r.url).pathname, encoding: r.encoding, encodedBytes: r.encoded, decodedBytes: r.decoded, cacheControl: r.cacheControl }))
  return {
    scripts: files.length,
    encodedBytes: files.reduce((a, f) => a + f.encodedBytes, 0),
    decodedBytes: files.reduce((a, f) => a + f.decodedBytes, 0),
    files,
  }
}

export const launchChromium = (): Promise<Browser> => {
  if (!CHROMIUM) throw new Error('chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH)')
  return chromium.launch({
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
}

/** The first load and a second one in the same browser, against the gateway serving dist/h5. */
export async function benchWire(): Promise<{ first: LoadFigures; again: LoadFigures }> {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'h5', 'index.html'))) throw new Error('dist/h5 is missing: NODE_ENV=production npm run build:h5')
  const { startServer } = await import('../local/start')
  const app = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: null,
    functions: 'bundle',
    h5Dir: path.join(REPO_ROOT, 'dist', 'h5'),
    timers: false,
    quiet: true,
  })
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN' })
    const page = await context.newPage()
    const first = await measureLoad(page, `${app.url}/`)
    const again = await measureLoad(page, `${app.url}/`)
    return { first, again }
  } finally {
    await browser.close()
    await app.close()
  }
}

const kb = (b: number) => (b / 1024).toFixed(1)

if ((require as unknown as NodeJS.Require).main === module) {
  benchWire().then(
    ({ first, again }) => {
      for (const f of first.files)
        console.log(
          `  ${f.url.padEnd(28)} ${f.encoding.padEnd(8)} ${kb(f.encodedBytes).padStart(7)} KB on the wire  ${kb(f.decodedBytes).padStart(7)} KB decoded  ${f.cacheControl}`,
        )
      console.log(
        `first load: ${first.scripts} scripts, ${kb(first.encodedBytes)} KB of JS on the wire (${kb(first.decodedBytes)} KB decoded), target ≤ ${WIRE_TARGET_KB} KB ${first.encodedBytes <= WIRE_TARGET_KB * 1024 ? 'ok' : 'OVER'}`,
      )
      console.log(`loaded again: ${again.scripts} scripts over the network, ${kb(again.encodedBytes)} KB (the rest from the browser's cache)`)
    },
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
