/**
 * @jest-environment jsdom
 */
/**
 * The staff dashboard as WeChat renders it (Taro's base.wxml compiled by WeChat's wcc, the page's React tree on the
 * mini-program runtime, `wx.cloud.callFunction` stubbed at the platform edge): weapp draws no inline <svg>, so the
 * line chart must arrive as an <image> whose src is the SVG data URI, with its summary on the view around it; the
 * bars and the heat table are views with their words and roles.
 */
import path from 'path'
import simulate, { type Component } from 'miniprogram-simulate'
import ensureNativeBuild from './globalSetup'

const root = path.resolve(__dirname, '../../dist/native')
const pagePath = path.join(root, 'packages/staff/pages/dashboard/index')

type CallArgs = { name: string; data: { action: string; data: unknown } }
const calls: CallArgs[] = []
const rate = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator ? numerator / denominator : null })
const figures = (over: Record<string, unknown> = {}) => ({
  total: 10,
  open: 4,
  overdue: 1,
  responseRate: rate(9, 10),
  resolutionRate: { confirmed: rate(5, 10), markedResolved: rate(2, 10) },
  satisfactionRate: rate(4, 5),
  onTimeRate: rate(6, 8),
  closedInGridShare: rate(5, 6),
  repeatComplaints: 1,
  callback: { satisfactionRate: rate(0, 0), notFixedShare: rate(0, 0), completionRate: rate(0, 0), unreachable: 0 },
  ...over,
})
const DASHBOARD = {
  scope: { kind: 'community', id: 'c1', name: '幸福社区' },
  figures: figures(),
  byGrid: [{ key: 'g1', label: '第一网格', figures: figures({ open: 4, overdue: 1 }) }],
  byBuilding: [{ key: 'b3', label: '3栋', figures: figures() }],
  byCategory: [{ key: 'repair', label: '设施报修', figures: figures() }],
  byWeek: [
    { key: '2026-W46', label: '11月9日–15日', figures: figures({ responseRate: rate(1, 2) }) },
    { key: '2026-W47', label: '11月16日–22日', figures: figures() },
  ],
  buildingCategory: { buildings: [{ key: 'b3', label: '3栋' }], categories: [{ key: 'repair', label: '设施报修' }], counts: [[10]] },
}
const ME = {
  openid: 'o-staff',
  name: '陈静',
  roles: [{ role: 'community_staff', communityId: 'c1', communityName: '幸福社区', streetId: 'st1', streetName: '锦江街道' }],
}

const g = globalThis as Record<string, unknown>
g.wx = {
  cloud: {
    init: () => undefined,
    callFunction: async (args: CallArgs) => {
      calls.push(args)
      if (args.name === 'users' && args.data.action === 'me') return { result: { ok: true, data: ME } }
      if (args.name === 'tickets' && args.data.action === 'dashboard') return { result: { ok: true, data: DASHBOARD } }
      return { result: { ok: false, error: { code: 'INTERNAL', message: '未准备' } } }
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
    fontSizeSetting: 17,
  }),
  getStorageSync: () => '',
  setStorageSync: () => undefined,
  showToast: () => undefined,
  reLaunch: () => undefined,
}
g.getApp = () => ({})
g.getCurrentPages = () => [{ route: 'packages/staff/pages/dashboard/index', options: { communityId: 'c1' } }]

/** A rendered node, as far as these helpers read it: its JSON (tag, attributes, children). */
type Rendered = Pick<Component<never, never, never>, 'toJSON'>

const attrs = (node: Rendered) => Object.fromEntries(node.toJSON().attrs.map((a) => [a.name, a.value]))

async function waitUntil(check: () => boolean, what: string) {
  for (let i = 0; i < 150; i++) {
    if (check()) return
    await simulate.sleep(20)
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('staff dashboard under miniprogram-simulate', () => {
  beforeAll(() => ensureNativeBuild(), 120_000)

  it('when the dashboard opens on weapp, then the weekly lines are an image of an SVG data URI inside a view that reads the figures, and bars and heat table are drawn', async () => {
    const id = simulate.load(pagePath, { rootPath: root })
    const page = simulate.render(id)
    page.attach(document.createElement('parent-wrapper'))
    await waitUntil(() => page.querySelectorAll('.chart-img').length === 1, 'the line chart')

    const img = page.querySelector('.chart-img')!
    expect(String(attrs(img).src)).toMatch(/^data:image\/svg\+xml;base64,/)
    const svg = Buffer.from(String(attrs(img).src).split(',')[1], 'base64').toString('ascii')
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(svg.match(/<polyline/g)!.length).toBe(4)
    expect(attrs(img).ariaHidden).toBe(true)

    const plot = page.querySelector('.chart-plot')!
    expect(attrs(plot)).toMatchObject({ ariaRole: 'img', ariaLabel: expect.stringMatching(/^按周趋势折线图，共2周。11月9日–15日：响应率50%/) })
    expect(page.querySelectorAll('.bar-row').map((r) => attrs(r).ariaLabel)).toEqual(['第一网格：未关闭 4 件，其中超时 1 件'])
    expect(page.querySelectorAll('.heat-4').length).toBe(1)
    expect(calls.filter((c) => c.name === 'tickets').map((c) => c.data)).toEqual([{ action: 'dashboard', data: { communityId: 'c1' } }])
  })
})
