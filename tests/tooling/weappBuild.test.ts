/**
 * The production weapp build in dist/weapp (`npm run build:weapp`; built here, ≈ 40 s, when missing):
 * - Taro's base.wxml carries WeChat's aria-* attributes (config/aria), so the screen reader gets the
 *   ariaRole/ariaLabel/ariaChecked… props of the pages;
 * - WeChat's own template compiler (wcc, in miniprogram-compiler) accepts every .wxml of the build;
 * - the main package stays within this project's budget.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { weappSizes } from '../../bench/sizes'
import aria from '../../config/aria/aria.json'

// no typings shipped: WeChat's wcc wrapped for node, throws on a template WeChat would reject
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an import would need typings it does not have
const { wxmlToJs } = require('miniprogram-compiler') as { wxmlToJs: (rootPath: string) => string }

const ROOT = path.resolve(__dirname, '../..')
const WEAPP = path.join(ROOT, 'dist/weapp')
const MAIN_PACKAGE_BUDGET = 600 * 1024
/** issue 14: the staff subpackage with the dashboard's charts */
const STAFF_PACKAGE_BUDGET = 400 * 1024

jest.setTimeout(180_000)

beforeAll(() => {
  if (fs.existsSync(path.join(WEAPP, 'app.json')) && fs.existsSync(path.join(WEAPP, 'base.wxml'))) return
  execFileSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
})

const dashed = (name: string) => name.replace(/[a-z][A-Z]/g, (m) => `${m[0]}-${m[1].toLowerCase()}`).toLowerCase()

/** Every element of base.wxml whose tag is one of the components config/aria extends, with its attributes. */
function ariaComponentElements(wxml: string) {
  const tags = aria.components.map(dashed) // View → view, ScrollView → scroll-view
  const element = new RegExp(`<(${tags.join('|')})((?:\\s+[\\w:.-]+(?:="[^"]*")?)*)\\s*/?>`, 'g')
  return [...wxml.matchAll(element)].map(([, tag, attrs]) => ({
    tag,
    attrs: Object.fromEntries([...attrs.matchAll(/([\w:.-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name, value ?? ''])),
  }))
}

describe('dist/weapp', () => {
  it("base.wxml gives WeChat's screen reader the aria-* attributes on every template of the components the pages use", () => {
    const wxml = fs.readFileSync(path.join(WEAPP, 'base.wxml'), 'utf8')
    const elements = ariaComponentElements(wxml)
    const carrying = elements.filter((e) => aria.attributes.every((a) => a in e.attrs))

    // each attribute is bound to the node's data, as Taro binds its own (`{{i.p12}}`)
    for (const e of carrying)
      for (const a of aria.attributes) expect({ tag: e.tag, [a]: e.attrs[a] }).toEqual({ tag: e.tag, [a]: expect.stringMatching(/^\{\{i\.p\d+\}\}$/) })
    // the components the app renders, at every nesting level where Taro writes them
    expect([...new Set(carrying.map((e) => e.tag))]).toEqual(expect.arrayContaining(['view', 'text', 'button', 'image', 'input', 'textarea', 'scroll-view']))
    for (const tag of ['view', 'text']) expect(carrying.filter((e) => e.tag === tag).length).toBeGreaterThan(10)
    // the rest are Taro's pure-view/click-view (a View with only class/style/onClick; an aria prop turns it into a full view)
    const bare = elements.filter((e) => !carrying.includes(e))
    for (const e of bare)
      expect({ tag: e.tag, attrs: Object.keys(e.attrs).filter((n) => !/^(style|class|id|data-sid|bindtap)$/.test(n)) }).toEqual({ tag: 'view', attrs: [] })
  })

  it("bundles config/aria's runtime half, which numbers the attributes as the templates do", () => {
    const js = fs
      .readdirSync(WEAPP)
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(WEAPP, f), 'utf8'))
      .join('\n')
    for (const a of aria.attributes) expect({ [a]: js.includes(`"${a}"`) }).toEqual({ [a]: true })
  })

  it("passes WeChat's own template compiler (wcc)", () => {
    expect(wxmlToJs(WEAPP)).toContain('$gwx')
  })

  it(`keeps the staff subpackage, charts included, within ${STAFF_PACKAGE_BUDGET / 1024} KB`, () => {
    const staff = weappSizes(WEAPP).packages.find((p) => p.name === 'packages/staff')!
    expect(staff.bytes).toBeLessThanOrEqual(STAFF_PACKAGE_BUDGET)
  })

  it('draws the dashboard line chart as an SVG data URI on an Image with its text alternative, and ships no wide-layout code to weapp', () => {
    const dir = path.join(WEAPP, 'packages/staff/pages/dashboard')
    const js = fs.readFileSync(path.join(dir, 'index.js'), 'utf8')
    // the picture: an Image (weapp renders no inline svg) whose src is the SVG the page draws, base64 encoded
    expect(js).toContain('data:image/svg+xml;base64,')
    expect(js).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(js).toMatch(/polyline/)
    // the summary a screen reader reads instead (string literals may be escaped: compare both forms)
    const said = (text: string) =>
      js.includes(text) ||
      js.includes(
        JSON.stringify(text)
          .slice(1, -1)
          // eslint-disable-next-line no-control-regex -- every non-ASCII character, \x00 being the range's start
          .replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      )
    expect(said('按周趋势折线图')).toBe(true)
    expect(fs.readFileSync(path.join(dir, 'index.wxss'), 'utf8')).toContain('.heat-4')
    // the wide layout (matchMedia, the ticket table) is dropped from weapp at build time
    const staffJs = fs
      .readdirSync(path.join(WEAPP, 'packages/staff'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'))
    for (const f of staffJs)
      expect({ f, matchMedia: fs.readFileSync(path.join(WEAPP, 'packages/staff', f), 'utf8').includes('matchMedia') }).toEqual({ f, matchMedia: false })
  })

  it(`keeps the main package within ${MAIN_PACKAGE_BUDGET / 1024} KB`, () => {
    const main = weappSizes(WEAPP).packages.find((p) => p.name === 'main')!
    expect(main.bytes).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET)
  })
})
