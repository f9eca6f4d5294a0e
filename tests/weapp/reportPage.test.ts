/**
 * @jest-environment jsdom
 */
/**
 * The report page as WeChat renders it: Taro's real base.wxml templates compiled by WeChat's wcc, the page's
 * React tree running on the mini-program runtime, `wx.cloud.callFunction` stubbed at the platform edge.
 */
import path from 'path'
import simulate, { type Component } from 'miniprogram-simulate'
// The root `tests/**/*.test.ts` node project also matches this file: build dist/native here too if it is missing.
import ensureNativeBuild from './globalSetup'

const root = path.resolve(__dirname, '../../dist/native')
const pagePath = path.join(root, 'pages/report/index')

type CallArgs = { name: string; data: { action: string; data: { code: string } } }
const calls: CallArgs[] = []
let answer: (args: CallArgs) => unknown = () => ({ ok: false, error: { code: 'INTERNAL', message: '未准备' } })
let launchQuery: Record<string, string> = {}
/** WeChat's 字体大小 (我 → 设置 → 通用), as its base library reports it: 17 is the standard size on iOS. */
let wechatFontSize = 17

const g = globalThis as Record<string, unknown>
g.wx = {
  cloud: {
    init: () => undefined,
    callFunction: async (args: CallArgs) => {
      calls.push(args)
      // once the place is known the page asks for the community's ticket categories
      if (args.name === 'tickets' && args.data.action === 'categories') {
        return {
          result: {
            ok: true,
            data: [
              { key: 'repair', label: '设施报修', respondHours: 4, resolveDays: 3 },
              { key: 'clean', label: '环境卫生', respondHours: 8, resolveDays: 5 },
            ],
          },
        }
      }
      // who is reporting (the page offers binding to someone with no household yet): a resident already bound
      if (args.name === 'users' && args.data.action === 'me') {
        return {
          result: {
            ok: true,
            data: {
              openid: 'o-resident',
              name: '王秀英',
              registered: true,
              households: [{ householdId: 'h1', communityId: 'c1', communityName: '幸福社区', buildingName: '3栋', unitName: '2单元', room: '301' }],
              pendingBindings: [],
              roles: [],
            },
          },
        }
      }
      return { result: answer(args) }
    },
  },
  getSystemInfoSync: () => ({
    platform: 'devtools',
    windowWidth: 375,
    windowHeight: 667,
    pixelRatio: 2,
    language: 'zh_CN',
    version: '8.0.50',
    SDKVersion: '3.7.12',
    fontSizeSetting: wechatFontSize,
  }),
  getAppBaseInfo: () => ({ SDKVersion: '3.7.12', language: 'zh_CN', version: '8.0.50', fontSizeSetting: wechatFontSize }),
  getStorageSync: () => '',
  setStorageSync: () => undefined,
  showToast: () => undefined,
  reLaunch: () => undefined,
}
g.getApp = () => ({})
// Taro reads the launch query of a native component from the page it sits in.
g.getCurrentPages = () => [{ route: 'pages/report/index', options: launchQuery }]

const textOf = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()

/**
 * The aria-* attributes WeChat's template gave a node, unset ones ('') left out. simulate keeps attributes its
 * built-in components do not declare (aria-*) out of the DOM; j-component's toJSON() lists them (camelCased).
 */
/** A rendered node, as far as these helpers read it: its JSON (tag, attributes, children). */
type Rendered = Pick<Component<never, never, never>, 'toJSON'>

function ariaOf(node: Rendered) {
  const aria: Record<string, unknown> = {}
  for (const { name, value } of node.toJSON().attrs) {
    const dashed = name.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)
    if (dashed.startsWith('aria-') && value !== '' && value !== undefined) aria[dashed] = value
  }
  return aria
}
const attrOf = (node: Rendered, name: string) => node.toJSON().attrs.find((a) => a.name === name)?.value

// simulate prefixes classes with the tag name ("main--"): select by class, as rendered.
const cls = (name: string) => `.main--${name}`

let componentId: string
async function openReport(query: Record<string, string>) {
  launchQuery = query
  // Loading runs the bundle, which registers the Component once; every test renders a fresh instance of it.
  componentId ??= simulate.load(pagePath, { rootPath: root })
  const page = simulate.render(componentId)
  const parent = document.createElement('parent-wrapper')
  page.attach(parent)
  return page
}

async function waitUntil(check: () => boolean, what: string) {
  for (let i = 0; i < 100; i++) {
    if (check()) return
    await simulate.sleep(20)
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('report page under miniprogram-simulate', () => {
  beforeAll(() => ensureNativeBuild(), 120_000)
  beforeEach(() => {
    calls.length = 0
    wechatFontSize = 17
  })

  it('when opened by scanning a plain stairwell QR (q), then wx.cloud resolves the code and the place is rendered', async () => {
    answer = ({ data }) => ({
      ok: true,
      data: {
        code: data.data.code,
        street: { id: 'st1', name: '锦江街道' },
        community: { id: 'c1', name: '幸福社区' },
        building: { id: 'b3', name: '3栋' },
        unit: { id: 'u32', name: '2单元' },
        grid: null,
      },
    })

    const page = await openReport({ q: encodeURIComponent('https://gov.example.cn/s/AB12CD34') })
    await waitUntil(() => !!page.dom?.querySelector(cls('place-line')), 'the place line')

    // the page also loads the community's ticket categories once the place is known
    expect(calls.filter((c) => c.name === 'places')).toEqual([{ name: 'places', data: { action: 'resolveCode', data: { code: 'AB12CD34' } } }])
    expect(textOf(page.dom!.querySelector(cls('place-line')))).toBe('幸福社区 · 3栋 · 2单元')
  })

  it('when the code is unknown, then the envelope message is rendered in the error state', async () => {
    answer = () => ({ ok: false, error: { code: 'PLACE.UNKNOWN_CODE', message: '没有找到这个楼道码，请确认二维码是否完整' } })

    const page = await openReport({ scene: 'ZZ99ZZ99' })
    await waitUntil(() => !!page.dom?.querySelector(cls('error-message')), 'the error message')

    expect(textOf(page.dom!.querySelector(cls('error-message')))).toBe('没有找到这个楼道码，请确认二维码是否完整')
    expect(calls.find((c) => c.data.action === 'resolveCode')?.data.data.code).toBe('ZZ99ZZ99')
  })

  it("when the categories are shown, then WeChat's screen reader gets each choice as a radio with its label and checked state", async () => {
    answer = ({ data }) =>
      data.action === 'similar'
        ? { ok: true, data: [] }
        : {
            ok: true,
            data: {
              code: 'AB12CD34',
              street: { id: 'st1', name: '锦江街道' },
              community: { id: 'c1', name: '幸福社区' },
              building: { id: 'b3', name: '3栋' },
              unit: { id: 'u32', name: '2单元' },
              grid: null,
            },
          }

    const page = await openReport({ scene: 'AB12CD34' })
    await waitUntil(() => page.querySelectorAll('.category-btn').length === 2, 'the category choices')
    const [repair, clean] = page.querySelectorAll('.category-btn')

    // aria-* attributes of Taro's base.wxml templates (config/aria), filled from the ariaRole/ariaLabel/ariaChecked props
    expect(ariaOf(page.querySelector('.category-grid')!)).toEqual({ 'aria-role': 'radiogroup', 'aria-label': '问题类型' })
    expect(ariaOf(repair)).toEqual({ 'aria-role': 'radio', 'aria-label': '设施报修', 'aria-checked': false })
    expect(ariaOf(clean)).toEqual({ 'aria-role': 'radio', 'aria-label': '环境卫生', 'aria-checked': false })

    repair.dispatchEvent('tap')
    await waitUntil(() => ariaOf(repair)['aria-checked'] === true, 'the tapped choice to be checked')
    expect(ariaOf(repair)).toMatchObject({ 'aria-role': 'radio', 'aria-checked': true, 'aria-label': expect.stringMatching(/^设施报修/) })
    expect(ariaOf(clean)).toEqual({ 'aria-role': 'radio', 'aria-label': '环境卫生', 'aria-checked': false })

    // The runtime numbers each component's attributes (p0, p1, …) as the templates were built: had it missed the
    // injected aria-* ones, the textarea's other attributes would land on the wrong names.
    const textarea = page.querySelector('.textarea')!
    expect(ariaOf(textarea)).toEqual({ 'aria-label': '问题描述，可不填，最多500字' })
    expect(attrOf(textarea, 'placeholder')).toBe('比如：3楼楼道灯不亮了')
    expect(attrOf(textarea, 'maxlength')).toBe(500)
  })

  it('when WeChat’s font size is turned up and the person has not chosen on 我的, then the report page’s root takes large type; at the standard size it does not', async () => {
    answer = () => ({ ok: false, error: { code: 'PLACE.UNKNOWN_CODE', message: '没有找到这个楼道码，请确认二维码是否完整' } })
    const rootClasses = async () => {
      const page = await openReport({ scene: 'ZZ99ZZ99' })
      await waitUntil(() => !!page.dom?.querySelector(cls('error-message')), 'the page')
      return Array.from(page.dom!.querySelector(cls('page'))!.classList)
    }

    wechatFontSize = 22
    expect(await rootClasses()).toContain('main--large-type')
    wechatFontSize = 17
    expect(await rootClasses()).not.toContain('main--large-type')
  })
})
