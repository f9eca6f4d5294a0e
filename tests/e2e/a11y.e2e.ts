import { mkdirSync, readFileSync, writeFileSync } from 'fs'
import path from 'path'
import type { Page } from 'playwright-core'
import { demoIds } from '../../local/demo'
import { api, useApp } from './browser'

/*
 * Every page of the H5 build, as every role that can open it, with the demo's data on it: axe-core finds no critical
 * or serious violation (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA), no visible text is under 16 px (typed text, placeholders and
 * the tab bar included), no target is under 44 × 44 px (every element Taro listens to for taps, not only those with a
 * role; text boxes: the control fills its frame, so tapping anywhere in the frame focuses it), and in large type at
 * 320 px wide no text is under 20 px, nothing goes sideways and no button's words are cut. Most of our users are
 * elderly: these are the floors, measured on the real pages rather than promised in CSS. One test breaks a page on
 * purpose to show the measures can fail.
 *
 * Speed: one signed-in phone per person and type size, a page's visits (people × type sizes) run four at a time, and
 * a visit waits for its own words and for its requests to end rather than for fixed idle periods. The figures per page
 * are printed and written to dist/e2e-figures/a11y.md.
 */

const app = useApp({ samples: true })

const PEOPLE = { resident: '王秀英', gridMember: '张伟', gridLeader: '刘芳', staff: '陈静', secretary: '赵红梅', street: '孙强' } as const
type Who = keyof typeof PEOPLE
const EVERYONE: Who[] = ['resident', 'gridMember', 'gridLeader', 'staff', 'secretary', 'street']
const MEMBERS: Who[] = ['resident', 'gridMember', 'gridLeader', 'staff', 'secretary']
const GRID: Who[] = ['gridMember', 'gridLeader']
const STAFF: Who[] = ['staff', 'secretary', 'street']
const ORGANISERS: Who[] = ['staff', 'secretary']

/** Ids of the demo data the pages with a query parameter open on, found through the API before the walk. */
interface Ids {
  unitCode: string
  reported: string
  handled: string
  household: string
  matter: string
  vote: string
  notice: string
  activity: string
  wish: string
}

interface Case {
  page: string
  who: Who[]
  query?: (ids: Ids) => string
  /** a query made just before the page is walked, for what expires (a computer's sign-in request lives minutes) */
  fresh?: () => Promise<string>
  /** text the page shows once its data is there (the walk fails when it never comes) */
  shows?: (ids: Ids) => string
  /** a button that opens more of the page (a folded filter, a form): checked again after tapping it, as `who` */
  opens?: { who: Who; tap: string | RegExp }
}

const XINGFU = 'communityId=c-xingfu'
/** A computer's sign-in request waiting for a phone to confirm it (what the console's QR carries). */
async function consoleLoginQuery(): Promise<string> {
  const login = await api<{ requestId: string; env: string }>(app.url, 'dev-staff', 'users', 'createConsoleLogin', {})
  return `requestId=${login.requestId}&env=${login.env}`
}
const CASES: Case[] = [
  { page: 'pages/index/index', who: EVERYONE },
  { page: 'pages/report/index', who: EVERYONE, query: (ids) => `code=${ids.unitCode}`, shows: () => '1单元' },
  { page: 'pages/me/index', who: EVERYONE, shows: () => '我的身份' },
  { page: 'pages/tickets/index', who: EVERYONE },
  { page: 'pages/ticket/index', who: EVERYONE, query: (ids) => `id=${ids.reported}`, shows: () => '楼道灯不亮' },
  { page: 'pages/privacy/index', who: EVERYONE },
  { page: 'pages/dev-login/index', who: EVERYONE, shows: () => '王秀英' },
  { page: 'pages/dev-outbox/index', who: EVERYONE },
  { page: 'packages/grid/pages/workbench/index', who: GRID },
  { page: 'packages/grid/pages/inbox/index', who: GRID, shows: () => '楼道灯不亮' },
  {
    page: 'packages/grid/pages/handle/index',
    who: [...GRID, ...STAFF],
    query: (ids) => `id=${ids.handled}`,
    shows: () => '电梯',
    opens: { who: 'gridMember', tap: '上报社区/街道（吹哨）' },
  },
  { page: 'packages/staff/pages/places/index', who: STAFF, query: () => XINGFU, shows: () => '1栋' },
  { page: 'packages/staff/pages/invites/index', who: STAFF, query: () => XINGFU },
  { page: 'packages/staff/pages/bindings/index', who: STAFF, query: () => XINGFU, shows: () => '钱多多' },
  {
    page: 'packages/staff/pages/tickets/index',
    who: [...STAFF, 'gridLeader'],
    query: () => XINGFU,
    shows: () => '楼道灯不亮',
    opens: { who: 'staff', tap: /^筛选（/ },
  },
  { page: 'packages/staff/pages/tickets/onbehalf', who: [...STAFF, ...GRID], query: () => XINGFU },
  { page: 'packages/staff/pages/dashboard/index', who: [...STAFF, 'gridLeader'], query: () => XINGFU, shows: () => '报事总数' },
  // 张伟 serves 第一网格: the callback waiting is 第二网格's
  {
    page: 'packages/staff/pages/callbacks/index',
    who: [...STAFF, ...GRID],
    query: () => XINGFU,
    shows: () => '回访原因',
    opens: { who: 'staff', tap: '记录回访结果' },
  },
  { page: 'packages/staff/pages/moderation/index', who: ORGANISERS, query: () => XINGFU, shows: () => '投诉曝光' },
  { page: 'packages/staff/pages/register/index', who: STAFF, query: () => XINGFU, shows: () => '1栋' },
  { page: 'packages/staff/pages/register/household', who: STAFF, query: (ids) => `id=${ids.household}`, shows: () => '王秀英' },
  // street staff belong to no community: the lists ask them to bind a household; a matter, notice or activity opens
  { page: 'packages/council/pages/list/index', who: MEMBERS, query: () => XINGFU, shows: () => '充电棚' },
  { page: 'packages/council/pages/matter/index', who: EVERYONE, query: (ids) => `id=${ids.matter}`, shows: () => '充电棚' },
  { page: 'packages/council/pages/propose/index', who: ['secretary'], query: () => XINGFU },
  { page: 'packages/council/pages/paper/index', who: ORGANISERS, query: (ids) => `voteId=${ids.vote}` },
  { page: 'packages/notice/pages/list/index', who: MEMBERS, query: () => XINGFU, shows: () => '供暖' },
  { page: 'packages/notice/pages/detail/index', who: EVERYONE, query: (ids) => `id=${ids.notice}`, shows: () => '供暖' },
  { page: 'packages/notice/pages/publish/index', who: ORGANISERS, query: () => XINGFU },
  { page: 'packages/volunteer/pages/list/index', who: MEMBERS, query: () => XINGFU, shows: () => '楼道清扫' },
  { page: 'packages/volunteer/pages/activity/index', who: EVERYONE, query: (ids) => `id=${ids.activity}`, shows: () => '楼道清扫' },
  { page: 'packages/volunteer/pages/code/index', who: ORGANISERS, query: (ids) => `id=${ids.activity}` },
  { page: 'packages/volunteer/pages/publish/index', who: ORGANISERS, query: () => XINGFU },
  { page: 'packages/volunteer/pages/record/index', who: MEMBERS, query: () => XINGFU },
  { page: 'packages/volunteer/pages/party/index', who: MEMBERS, query: () => XINGFU },
  { page: 'packages/volunteer/pages/certificates/index', who: MEMBERS, query: () => XINGFU, shows: () => '申请志愿服务证明' },
  { page: 'packages/volunteer/pages/issue/index', who: ORGANISERS, query: () => XINGFU, shows: () => '证明上的出具单位' },
  // a certificate's public verification page, as a scan without a number on it (a typed number) opens it
  { page: 'packages/volunteer/pages/verify/index', who: EVERYONE, shows: () => '输入证明编号核验' },
  { page: 'packages/wish/pages/mine/index', who: MEMBERS, query: () => XINGFU, shows: () => '发布微心愿' },
  { page: 'packages/wish/pages/board/index', who: MEMBERS, query: () => XINGFU },
  { page: 'packages/wish/pages/post/index', who: MEMBERS, query: () => XINGFU },
  { page: 'packages/wish/pages/detail/index', who: ['resident', 'staff', 'secretary'], query: (ids) => `id=${ids.wish}`, shows: () => '换一下厨房的灯泡' },
  { page: 'packages/wish/pages/review/index', who: ORGANISERS, query: () => XINGFU, shows: () => '认领后几天内未完成' },
  // the staff console's sign-in: the computer's QR page (anyone may open it), the phone's confirmation, 电脑端登录 on 我的
  { page: 'packages/console/pages/login/index', who: EVERYONE },
  { page: 'packages/console/pages/confirm/index', who: [...STAFF, 'gridLeader'], fresh: consoleLoginQuery, shows: () => '有一台电脑请求用您的身份登录' },
  { page: 'packages/console/pages/sessions/index', who: EVERYONE, shows: () => '在电脑上使用管理后台' },
]

/** Every page app.config.ts declares for the H5 build, main package and subpackages. */
function declaredPages(): string[] {
  const g = globalThis as { defineAppConfig?: (c: unknown) => unknown }
  const before = { define: g.defineAppConfig, env: process.env.TARO_ENV }
  g.defineAppConfig = (c) => c
  process.env.TARO_ENV = 'h5'
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require('../../src/app.config').default as { pages: string[]; subPackages: { root: string; pages: string[] }[] }
    return [...config.pages, ...config.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
  } finally {
    g.defineAppConfig = before.define
    process.env.TARO_ENV = before.env
  }
}

// A 1×1 PNG: a resident's photo of the problem.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

async function upload(openid: string): Promise<string> {
  const res = await fetch(`${app.url}/api/upload`, { method: 'POST', headers: { 'x-dev-openid': openid, 'content-type': 'image/png' }, body: PHOTO })
  const body = (await res.json()) as { ok: boolean; data: { fileID: string } }
  if (!body.ok) throw new Error('upload refused')
  return body.data.fileID
}

/** The demo as people would leave it after a week: two tickets with photos (one being handled), a binding request, an invite, a sign-up. */
async function seed(): Promise<Ids> {
  const as = <T>(who: string, fn: string, action: string, data: unknown) => api<T>(app.url, who, fn, action, data)
  const unitCode = demoIds.unitCode('c-xingfu', 1, 1)
  const categories = await as<{ key: string }[]>('dev-resident', 'tickets', 'categories', { communityId: 'c-xingfu' })
  const category = categories[0].key
  const reported = await as<{ id: string }>('dev-resident', 'tickets', 'submit', {
    requestId: 'a11y-ticket-light',
    placeCode: unitCode,
    category,
    text: '3楼楼道灯不亮了，晚上看不清台阶',
    photos: [await upload('dev-resident')],
  })
  const handled = await as<{ id: string }>('dev-resident', 'tickets', 'submit', {
    requestId: 'a11y-ticket-lift',
    placeCode: unitCode,
    category: categories[1]?.key ?? category,
    text: '电梯按钮失灵',
    photos: [await upload('dev-resident')],
  })
  await as('dev-grid-member', 'tickets', 'accept', { ticketId: handled.id })
  await as('dev-grid-member', 'tickets', 'progress', { ticketId: handled.id, note: '已联系物业维修', photos: [await upload('dev-grid-member')] })
  // the words WeChat's check holds for review (the local list's 投诉曝光): the moderation queue has one
  await as('dev-resident-2', 'tickets', 'submit', {
    requestId: 'a11y-ticket-noise',
    placeCode: demoIds.unitCode('c-xingfu', 4, 2),
    category,
    text: '楼下深夜噪音扰民，再不管就投诉曝光',
    photos: [],
  })
  // 李建国's ticket in 第二网格, resolved by 黄丽, rated 1 star and confirmed: every low rating waits for a callback
  const called = await as<{ id: string }>('dev-resident-2', 'tickets', 'submit', {
    requestId: 'a11y-ticket-callback',
    placeCode: demoIds.unitCode('c-xingfu', 4, 2),
    category,
    text: '单元门禁坏了',
    photos: [],
  })
  await as('dev-grid-member-2', 'tickets', 'accept', { ticketId: called.id })
  await as('dev-grid-member-2', 'tickets', 'resolve', { ticketId: called.id, note: '已修好门禁', photos: [await upload('dev-grid-member-2')] })
  await as('dev-resident-2', 'tickets', 'rate', { ticketId: called.id, score: 1 })
  await as('dev-resident-2', 'tickets', 'confirm', { ticketId: called.id })
  await as('dev-newcomer', 'users', 'updateProfile', { name: '钱多多' })
  await as('dev-newcomer', 'users', 'requestBinding', { householdId: demoIds.household('c-xingfu', 2, 1, '201') })
  await as('dev-staff', 'users', 'createInvite', { communityId: 'c-xingfu', role: 'grid_member' })
  const matters = await as<{ items: { id: string }[] }>('dev-staff', 'council', 'list', { communityId: 'c-xingfu' })
  const matter = await as<{ id: string; votes: { id: string }[] }>('dev-staff', 'council', 'get', { matterId: matters.items[0].id })
  const notices = await as<{ items: { id: string; title: string }[] }>('dev-staff', 'notices', 'list', { communityId: 'c-xingfu' })
  const activities = await as<{ items: { id: string }[] }>('dev-staff', 'volunteers', 'list', { communityId: 'c-xingfu' })
  await as('dev-resident', 'volunteers', 'signup', { activityId: activities.items[0].id })
  // a wish 李建国 asked for, staff approved and 王秀英 (a party member) claimed
  const wish = await as<{ id: string }>('dev-resident-2', 'wishes', 'post', {
    communityId: 'c-xingfu',
    requestId: 'a11y-wish-bulb',
    title: '帮忙换一下厨房的灯泡',
    description: '灯泡已经买好了，够不着。',
    wantedAt: new Date(Date.now() + 86_400_000).toISOString(),
  })
  await as('dev-staff', 'wishes', 'review', { wishId: wish.id, approve: true })
  await as('dev-resident', 'wishes', 'claim', { wishId: wish.id })
  return {
    unitCode,
    reported: reported.id,
    handled: handled.id,
    household: demoIds.household('c-xingfu', 1, 1, '301'),
    matter: matter.id,
    vote: matter.votes[0].id,
    notice: notices.items.find((n) => n.title.includes('供暖'))!.id,
    activity: activities.items[0].id,
    wish: wish.id,
  }
}

/** Where the walk writes its figures (per page and overall) for the closing notes. */
const FIGURES_DIR = path.resolve(__dirname, '../../dist/e2e-figures')

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

interface Finding {
  rule: string
  impact: string
  help: string
  nodes: string[]
}

async function axe(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE })
  const results = await page.evaluate(async (tags) => {
    const w = window as unknown as {
      axe: {
        run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; html: string }[] }[] }>
      }
    }
    return w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
  }, TAGS)
  return results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 140)}`) }))
}

interface Smallest {
  px: number
  what: string
}

/** What one look at a page finds: its smallest text and target, text boxes whose control leaves part of the frame dead, what sticks out sideways and buttons whose words are cut. */
interface Look {
  font: Smallest
  target: Smallest
  /** how many tappable elements were measured (a page with none measured is a walk that looked at nothing) */
  targets: number
  unfilled: string[]
  overflow: string[]
  cut: string[]
  /** the page's main text (its `.page` root) */
  body: number
}

/**
 * Measures the page as it is on screen, in the browser. Tappable means: a native control or an element with a
 * control's role, or any element Taro's H5 components listen to for taps (`__events`: a View with onClick has no
 * role, and Taro's Button is a `taro-button-core`, not a `button`). Text means every visible text node, typed text and
 * placeholders. Sideways: the document and every scroll container (Taro's page is one: the document alone never
 * overflows) and any visible box past the screen's edges.
 */
async function look(page: Page): Promise<Look> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      const s = getComputedStyle(el)
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0
    }
    const describe = (el: Element, text?: string) =>
      `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">${(text ?? el.textContent ?? '').trim().slice(0, 30)}`
    const font = { px: Infinity, what: '' }
    const consider = (px: number, what: () => string) => {
      if (px < font.px) Object.assign(font, { px, what: what() })
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || !n.textContent?.trim() || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName) || !visible(el)) continue
      consider(parseFloat(getComputedStyle(el).fontSize), () => describe(el, n.textContent ?? ''))
    }
    // typed text and placeholders (a checkbox's value is not shown)
    for (const el of Array.from(document.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea'))) {
      if (!visible(el)) continue
      consider(parseFloat(getComputedStyle(el).fontSize), () => describe(el, (el as HTMLInputElement).value || '(typed text)'))
      if (el.getAttribute('placeholder'))
        consider(parseFloat(getComputedStyle(el, '::placeholder').fontSize), () => describe(el, `placeholder ${el.getAttribute('placeholder')}`))
    }

    const CONTROLS =
      'button, [role=button], input:not([type=hidden]), textarea, select, a[href], [role=radio], [role=checkbox], [role=switch], [role=tab], [role=link], [role=menuitem], [role=option], ' +
      'taro-button-core, taro-navigator-core, taro-switch-core, taro-checkbox-core, taro-radio-core, taro-picker-core, .weui-tabbar__item'
    const listened = (el: Element) => {
      const events = (el as Element & { __events?: Record<string, unknown> }).__events
      return !!events && ['click', 'tap', 'longpress', 'touchstart'].some((e) => !!events[e])
    }
    const tappable = Array.from(document.querySelectorAll('*')).filter((el) => (el.matches(CONTROLS) || listened(el)) && visible(el))
    const target = { px: Infinity, what: '' }
    for (const el of tappable) {
      const r = el.getBoundingClientRect()
      const px = Math.min(r.width, r.height)
      if (px < target.px) Object.assign(target, { px, what: `${describe(el)} ${Math.round(r.width)}×${Math.round(r.height)}` })
    }

    // Taro's Input and Textarea draw the frame on their custom element; the control inside must fill it (border aside)
    const unfilled: string[] = []
    for (const frame of Array.from(document.querySelectorAll('taro-input-core, taro-textarea-core'))) {
      const control = frame.querySelector('input, textarea')
      if (!control || !visible(frame)) continue
      const f = frame.getBoundingClientRect()
      const c = control.getBoundingClientRect()
      const s = getComputedStyle(frame)
      const inner = {
        left: f.left + parseFloat(s.borderLeftWidth),
        right: f.right - parseFloat(s.borderRightWidth),
        top: f.top + parseFloat(s.borderTopWidth),
        bottom: f.bottom - parseFloat(s.borderBottomWidth),
      }
      if (c.left > inner.left + 1 || c.right < inner.right - 1 || c.top > inner.top + 1 || c.bottom < inner.bottom - 1) {
        unfilled.push(`${describe(frame)} frame ${Math.round(f.width)}×${Math.round(f.height)}, control ${Math.round(c.width)}×${Math.round(c.height)}`)
      }
    }

    // sideways: scroll containers that scroll sideways, and boxes past the screen's edges
    const overflow: string[] = []
    const width = document.documentElement.clientWidth
    if (document.documentElement.scrollWidth > width + 1)
      overflow.push(`the document is ${document.documentElement.scrollWidth - width} px wider than the screen`)
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (!visible(el)) continue
      const s = getComputedStyle(el)
      if (['auto', 'scroll'].includes(s.overflowX) && el.scrollWidth > el.clientWidth + 1)
        overflow.push(`${describe(el)} scrolls sideways by ${el.scrollWidth - el.clientWidth} px`)
      const r = el.getBoundingClientRect()
      if (s.position !== 'fixed' && r.width > 1 && (r.right > width + 1 || r.left < -1))
        overflow.push(`${describe(el)} spans ${Math.round(r.left)}…${Math.round(r.right)} px of a ${width} px screen`)
    }

    // words cut: a tappable element whose text does not fit inside its box, or which it scrolls
    const cut: string[] = []
    for (const el of tappable) {
      const r = el.getBoundingClientRect()
      const range = document.createRange()
      range.selectNodeContents(el)
      const t = range.getBoundingClientRect()
      const clipped = t.width > 0 && (t.left < r.left - 1 || t.right > r.right + 1 || t.top < r.top - 1 || t.bottom > r.bottom + 1)
      const scrolled = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible'
      if (clipped || scrolled)
        cut.push(`${describe(el)} box ${Math.round(r.width)}×${Math.round(r.height)}, text ${Math.round(t.width)}×${Math.round(t.height)}`)
    }

    const root = document.querySelector('.page') ?? document.body
    return { font, target, targets: tappable.length, unfilled, overflow: overflow.slice(0, 6), cut, body: parseFloat(getComputedStyle(root).fontSize) }
  })
}

/** Taro fades its modal and toast in: measured once they are fully there. */
async function faded(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((s) => Array.from(document.querySelectorAll(s)).some((el) => getComputedStyle(el).opacity === '1'), selector)
}

/** Requests in flight per phone, counted from the browser's side (the quiet wait below reads them). */
const inFlight = new WeakMap<Page, { n: number; since: number }>()
function countRequests(page: Page): void {
  const state = { n: 0, since: Date.now() }
  inFlight.set(page, state)
  const done = () => {
    state.n = Math.max(0, state.n - 1)
    state.since = Date.now()
  }
  page.on('request', () => {
    state.n++
    state.since = Date.now()
  })
  page.on('requestfinished', done)
  page.on('requestfailed', done)
}

/** Until no request has been in flight for `ms` (playwright's networkidle waits a fixed 500 ms, twice per visit here). */
async function quiet(page: Page, ms = 150): Promise<void> {
  const state = inFlight.get(page)!
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (state.n === 0 && Date.now() - state.since >= ms) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`requests still in flight after 20 s on ${page.url()}`)
}

/** Waits until the page has its data: drawn, no request in flight, no loading state, and the expected words when given. */
async function settle(page: Page, shows?: string): Promise<void> {
  await page.waitForFunction(() => !!document.querySelector('.taro_page') && !!document.querySelector('.taro_page *'), undefined, { timeout: 20_000 })
  if (shows) {
    await page
      .getByText(shows, { exact: false })
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: 20_000 })
      .catch(async (e: Error) => {
        const text = await page.evaluate(() => document.querySelector('.taro_page:not([style*="display: none"])')?.textContent ?? '').catch(() => '')
        throw new Error(`${page.url()} never showed “${shows}” (it shows: ${text.slice(0, 200)})\n${e.message.split('\n')[0]}`)
      })
  }
  await quiet(page)
  await page.waitForFunction(() => !document.querySelector('.state-loading'), undefined, { timeout: 20_000 })
  await quiet(page)
  // the frame drawn with what arrived last
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
}

const url = (c: Case, ids: Ids, query = c.query?.(ids)) => `${app.url}/${c.page}${query ? `?${query}` : ''}`

let ids: Ids
const phones = new Map<string, Promise<Page>>()

/** The figures of one page over every person who opened it. */
interface PageFigures {
  people: number
  critical: number
  serious: number
  font: number
  target: number
  largeBody: number
  largeFont: number
  largeTarget: number
  overflow: number
  cut: number
}
const figures = new Map<string, PageFigures>()
const tally: Record<string, number> = {}
const started = Date.now()

function record(pageName: string, f: Partial<PageFigures>): void {
  const now = figures.get(pageName) ?? {
    people: 0,
    critical: 0,
    serious: 0,
    font: Infinity,
    target: Infinity,
    largeBody: Infinity,
    largeFont: Infinity,
    largeTarget: Infinity,
    overflow: 0,
    cut: 0,
  }
  for (const [k, v] of Object.entries(f) as [keyof PageFigures, number][]) {
    if (['font', 'target', 'largeBody', 'largeFont', 'largeTarget'].includes(k)) now[k] = Math.min(now[k], v)
    else now[k] += v
  }
  figures.set(pageName, now)
}

/**
 * One signed-in phone per person and type size, reused page after page: each goto loads the app afresh. Large type
 * is turned on as a person would, with the switch on 我的.
 */
function phoneOf(who: Who, large = false): Promise<Page> {
  const key = `${who}${large ? ' large' : ''}`
  let phone = phones.get(key)
  if (!phone) {
    phone = (async () => {
      const page = await app.phone(large ? { width: 320, height: 640 } : { width: 390, height: 844 })
      countRequests(page)
      await app.signIn(page, PEOPLE[who])
      if (large) {
        await page.goto(`${app.url}/pages/me/index`)
        await page.getByRole('switch', { name: '大字模式' }).click()
        await page.waitForFunction(() => document.documentElement.classList.contains('large-type'))
      }
      return page
    })()
    phones.set(key, phone)
  }
  return phone
}

/** Runs the tasks at most `limit` at a time (the walk waits on pages more than it computes). */
async function pool<T>(tasks: (() => Promise<T>)[], limit = Number(process.env.A11Y_CONCURRENCY ?? 4)): Promise<T[]> {
  const results: T[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++
        results[i] = await tasks[i]()
      }
    }),
  )
  return results
}

/** axe and the measures at 390 px on what the page shows now; each finding as one line naming page and person. */
async function check(page: Page, pageName: string, where: string): Promise<string[]> {
  const problems: string[] = []
  let critical = 0
  let serious = 0
  for (const v of await axe(page)) {
    tally[v.rule] = (tally[v.rule] ?? 0) + v.nodes.length
    if (v.impact === 'critical') critical += v.nodes.length
    else serious += v.nodes.length
    problems.push(`${where}: ${v.impact} ${v.rule} (${v.help}) ×${v.nodes.length}\n    ${v.nodes.slice(0, 4).join('\n    ')}`)
  }
  const m = await look(page)
  record(pageName, { critical, serious, font: m.font.px, target: m.target.px })
  if (m.font.px < 16) problems.push(`${where}: text of ${m.font.px} px: ${m.font.what}`)
  if (m.target.px < 44) problems.push(`${where}: target of ${m.target.px.toFixed(1)} px: ${m.target.what}`)
  for (const u of m.unfilled) problems.push(`${where}: a text box whose control does not fill its frame: ${u}`)
  for (const o of m.overflow) problems.push(`${where}: sideways: ${o}`)
  return problems
}

/** In large type at 320 px: main text of 20 px, no text under 20, targets still 44, nothing sideways, no words cut. */
async function checkLarge(page: Page, pageName: string, where: string): Promise<string[]> {
  const problems: string[] = []
  const m = await look(page)
  record(pageName, { largeBody: m.body, largeFont: m.font.px, largeTarget: m.target.px, overflow: m.overflow.length, cut: m.cut.length })
  if (m.body < 20) problems.push(`${where}: main text of ${m.body} px`)
  if (m.font.px < 20) problems.push(`${where}: text of ${m.font.px} px: ${m.font.what}`)
  if (m.target.px < 44) problems.push(`${where}: target of ${m.target.px.toFixed(1)} px: ${m.target.what}`)
  for (const o of m.overflow) problems.push(`${where}: sideways: ${o}`)
  for (const c of m.cut) problems.push(`${where}: words cut: ${c}`)
  return problems
}

beforeAll(async () => {
  ids = await seed()
}, 60_000)

const fmt = (px: number) => (Number.isFinite(px) ? px.toFixed(1) : '–')

afterAll(() => {
  // the figures for the closing note of the issue, per page and over the walk
  const rows = [...figures.entries()].sort(([a], [b]) => a.localeCompare(b))
  const min = (k: keyof PageFigures) => Math.min(...rows.map(([, f]) => f[k]))
  const table = [
    '| page | people | critical | serious | smallest text | smallest target | large: main text | large: smallest text | large: smallest target | large: sideways | large: cut |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ([name, f]) =>
        `| ${name} | ${f.people} | ${f.critical} | ${f.serious} | ${fmt(f.font)} | ${fmt(f.target)} | ${fmt(f.largeBody)} | ${fmt(f.largeFont)} | ${fmt(f.largeTarget)} | ${f.overflow} | ${f.cut} |`,
    ),
  ]
  const summary = [
    `a11y walk: ${rows.length} pages, ${rows.reduce((n, [, f]) => n + f.people, 0)} visits per type size, ${((Date.now() - started) / 1000).toFixed(0)} s`,
    `critical/serious violations by rule: ${JSON.stringify(tally)}`,
    `smallest text at 390 px: ${fmt(min('font'))} px; smallest target: ${fmt(min('target'))} px`,
    `large type at 320 px: smallest main text ${fmt(min('largeBody'))} px, smallest text ${fmt(min('largeFont'))} px, smallest target ${fmt(min('largeTarget'))} px`,
  ]
  console.log([...summary, '', ...table].join('\n'))
  mkdirSync(FIGURES_DIR, { recursive: true })
  writeFileSync(path.join(FIGURES_DIR, 'a11y.md'), [...summary, '', ...table, ''].join('\n'))
})

describe('accessibility of every page of the H5 build', () => {
  it('walks every page app.config.ts declares, main package and subpackages', () => {
    expect(CASES.map((c) => c.page).sort()).toEqual(declaredPages().sort())
  })

  it.each(CASES.map((c) => [c.page, c] as const))(
    'when %s is opened by each person who can open it, then at 390 px axe finds nothing critical or serious, no text is under 16 px and no target under 44 px, and in large type at 320 px no text is under 20 px, nothing goes sideways and no words are cut',
    async (_name, c) => {
      const query = c.fresh ? await c.fresh() : c.query?.(ids)
      const visits = c.who.flatMap((who) => [
        async () => {
          const page = await phoneOf(who)
          await page.goto(url(c, ids, query))
          await settle(page, c.shows?.(ids))
          record(c.page, { people: 1 })
          const problems = await check(page, c.page, `${c.page} as ${PEOPLE[who]}`)
          if (c.opens?.who === who) {
            await page.getByText(c.opens.tap, { exact: true }).filter({ visible: true }).last().click()
            await settle(page)
            problems.push(...(await check(page, c.page, `${c.page} as ${PEOPLE[who]}, after tapping ${c.opens.tap}`)))
          }
          return problems
        },
        async () => {
          const page = await phoneOf(who, true)
          await page.goto(url(c, ids, query))
          await settle(page, c.shows?.(ids))
          const where = `${c.page} as ${PEOPLE[who]} in large type at 320 px`
          const problems = await checkLarge(page, c.page, where)
          if (c.opens?.who === who) {
            await page.getByText(c.opens.tap, { exact: true }).filter({ visible: true }).last().click()
            await settle(page)
            problems.push(...(await checkLarge(page, c.page, `${where}, after tapping ${c.opens.tap}`)))
          }
          return problems
        },
      ])
      expect((await pool(visits)).flat()).toEqual([])
    },
    300_000,
  )

  it('when a page has small text, a small tap target Taro listens to, a button with cut words and a box wider than the screen, then the measures find each (the walk can fail)', async () => {
    const page = await phoneOf('resident', true)
    await page.goto(`${app.url}/pages/index/index`)
    await settle(page)
    const before = await look(page)
    expect(before.targets).toBeGreaterThan(3)
    expect([before.font.px >= 20, before.target.px >= 44, before.overflow, before.cut]).toEqual([true, true, [], []])
    await page.evaluate(() => {
      const buttons = Array.from(document.querySelectorAll('.taro_page taro-button-core')) as HTMLElement[]
      // a caption of 12 px; Taro's own button (no role, a listener) squeezed to 30 px; words that no longer fit their button
      const caption = document.createElement('span')
      caption.textContent = '小字说明'
      caption.style.fontSize = '12px'
      buttons[0].parentElement!.appendChild(caption)
      Object.assign(buttons[0].style, { width: '30px', minHeight: '30px', height: '30px', padding: '0' })
      Object.assign(buttons[1].style, { width: '60px', whiteSpace: 'nowrap', overflow: 'hidden' })
      const wide = document.createElement('div')
      wide.style.width = '500px'
      wide.textContent = '很宽的表格'
      buttons[2].parentElement!.appendChild(wide)
    })
    const after = await look(page)
    expect(after.font.px).toBe(12)
    expect(after.target.px).toBeLessThanOrEqual(30)
    expect(after.target.what).toContain('taro-button-core')
    expect(after.cut.join('\n')).toContain('taro-button-core')
    expect(after.overflow.join('\n')).toMatch(/scrolls sideways|spans/)
  })

  it('when a keyboard user moves to a problem type on the report page and presses Space, then it is chosen', async () => {
    const page = await phoneOf('resident')
    await page.goto(`${app.url}/pages/report/index?code=${ids.unitCode}`)
    await settle(page)
    const choice = page.getByRole('radio', { name: '设施报修' })
    await choice.focus()
    expect(await choice.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Space')
    await choice.and(page.locator('[aria-checked=true]')).waitFor()
  })

  it('when a confirmation modal and a toast are up, then axe finds no critical or serious violation in them, their words are at least 16 px and their buttons 44 px', async () => {
    const problems: string[] = []
    const page = await phoneOf('staff')
    // the modal that asks before an invite code is used (cancelled: nothing happens)
    await page.goto(`${app.url}/pages/me/index`)
    await settle(page, '使用邀请码')
    const form = page.locator('.code-form').filter({ hasText: '邀请码' })
    await form.locator('input').fill('ABCD2345')
    await form.getByText('使用邀请码', { exact: true }).last().click()
    // (Taro's .taro__modal wrapper has no box of its own: its content is fixed-positioned)
    const modal = page.locator('.taro-modal__content').filter({ visible: true })
    await modal.getByText('取消', { exact: true }).waitFor()
    await faded(page, '.taro__modal')
    problems.push(...(await check(page, '(confirmation modal)', 'confirmation modal')))
    // the consequence is read before the tap: dark, not the light grey Taro gives it
    const consequence = await modal.locator('.taro-modal__text').evaluate((el) => getComputedStyle(el).color)
    expect(consequence).toBe('rgb(26, 26, 26)')
    await modal.getByText('取消', { exact: true }).click()
    // the toast of a form sent with a start time already past
    await page.goto(`${app.url}/packages/volunteer/pages/publish/index?${XINGFU}`)
    await settle(page)
    // 00:00 today has always passed, whatever the time of day the test runs (09:00, the default, has not before 9)
    await page.locator('.volunteer-publish input[placeholder="09:30"]').fill('00:00')
    await page.locator('.volunteer-publish').getByText('发布活动', { exact: true }).last().click()
    await page
      .locator('.taro__toast')
      .getByText(/开始时间/)
      .waitFor()
    await faded(page, '.taro__toast')
    problems.push(...(await check(page, '(toast)', 'toast')))
    expect(problems).toEqual([])
  })
})
