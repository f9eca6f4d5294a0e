import { readFileSync } from 'fs'
import type { Page } from 'playwright-core'
import { demoIds } from '../../local/demo'
import { api, screenshotDir, shot, useApp } from './browser'

/*
 * The staff console on an office PC (1280 × 800): the ticket list as a table with its filters open in a side panel
 * and the chosen ticket beside the list, driven by the keyboard; the household roll and the vote roll as tables; and
 * the dashboard's pictures. axe-core finds no critical or serious violation (WCAG 2.2 AA) on any of them, and no
 * visible text is under 16 px.
 */

const app = useApp({ samples: true })
const PC = { width: 1280, height: 800 }

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE })
  const results = await page.evaluate(async (tags) => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; html: string }[] }[] }> }
    }
    return w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
  }, TAGS)
  return results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} ${n.html.slice(0, 120)}`))
}

/** The smallest visible text on the page, in CSS px, and where. */
async function smallestText(page: Page): Promise<{ px: number; what: string }> {
  return page.evaluate(() => {
    let best = { px: Infinity, what: '' }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || !n.textContent?.trim() || ['SCRIPT', 'STYLE'].includes(el.tagName)) continue
      const r = el.getBoundingClientRect()
      const s = getComputedStyle(el)
      if (!r.width || !r.height || s.visibility === 'hidden' || s.display === 'none') continue
      const px = parseFloat(s.fontSize)
      if (px < best.px) best = { px, what: `<${el.tagName.toLowerCase()}>${n.textContent.trim().slice(0, 20)}` }
    }
    return best
  })
}

async function seed(): Promise<{ vote: string }> {
  const as = <T>(who: string, fn: string, action: string, data: unknown) => api<T>(app.url, who, fn, action, data)
  const categories = await as<{ key: string }[]>('dev-resident', 'tickets', 'categories', { communityId: 'c-xingfu' })
  await as('dev-resident', 'tickets', 'submit', {
    requestId: 'wide-ticket-light',
    placeCode: demoIds.unitCode('c-xingfu', 1, 1),
    category: categories[0].key,
    text: '3楼楼道灯不亮了',
    photos: [],
  })
  const lift = await as<{ id: string }>('dev-resident', 'tickets', 'submit', {
    requestId: 'wide-ticket-lift',
    placeCode: demoIds.unitCode('c-xingfu', 1, 1),
    category: categories[1].key,
    text: '电梯按钮失灵',
    photos: [],
  })
  await as('dev-grid-member', 'tickets', 'accept', { ticketId: lift.id })
  await as('dev-resident-2', 'tickets', 'submit', {
    requestId: 'wide-ticket-door',
    placeCode: demoIds.unitCode('c-xingfu', 4, 2),
    category: categories[0].key,
    text: '单元门禁坏了',
    photos: [],
  })
  const matters = await as<{ items: { id: string }[] }>('dev-staff', 'council', 'list', { communityId: 'c-xingfu' })
  const matter = await as<{ votes: { id: string }[] }>('dev-staff', 'council', 'get', { matterId: matters.items[0].id })
  return { vote: matter.votes[0].id }
}

let ids: { vote: string }
let page: Page

beforeAll(async () => {
  ids = await seed()
  page = await app.phone(PC)
  await app.signIn(page, '陈静')
})

const visible = (selector: string) => page.locator(selector).filter({ visible: true })

describe('the staff console at 1280 × 800', () => {
  it('when staff open the ticket list on a PC, then a table, the filter panel and the ticket beside the list show, keyboard-driven, with no serious axe finding', async () => {
    await page.goto(`${app.url}/packages/staff/pages/tickets/index?communityId=c-xingfu`)
    const grid = visible('table[role=grid]')
    await grid.getByText('电梯按钮失灵').waitFor()
    // the filters stand open beside the table: no folded toggle
    const side = visible('[aria-label="筛选条件"]')
    await side.getByText('全部').first().waitFor()
    expect(await visible('[aria-label="展开筛选条件"]').count()).toBe(0)
    const [sideBox, gridBox] = [await side.boundingBox(), await grid.boundingBox()]
    expect(sideBox!.x + sideBox!.width).toBeLessThanOrEqual(gridBox!.x + 1)

    // sort by 提交时间 (oldest first), then walk the rows with the keyboard and open one with Enter
    await grid.getByRole('button', { name: /提交时间/ }).click()
    expect(await grid.locator('th[aria-sort=ascending]').textContent()).toContain('提交时间')
    const rows = grid.locator('tbody tr')
    expect(await rows.count()).toBe(3)
    await rows.first().focus()
    await page.keyboard.press('ArrowDown')
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '')
    await page.keyboard.press('Enter')
    const pane = visible('[aria-label="报事详情"]')
    await pane.getByText('查看与办理').waitFor()
    const excerpt = ['3楼楼道灯不亮了', '电梯按钮失灵', '单元门禁坏了'].find((t) => focused.includes(t))!
    await pane.getByText(excerpt).first().waitFor()
    // the focused row shows its focus ring (a visible outline), and the list is still beside the ticket
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
    expect(outline).not.toBe('none')
    const [paneBox, listBox] = [await pane.boundingBox(), await grid.boundingBox()]
    expect(paneBox!.x).toBeGreaterThanOrEqual(listBox!.x + listBox!.width - 1)
    // and the table fits its column: nothing to scroll sideways at 1280 px
    expect(await visible('.wide-main').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1)
    await shot(page, 'wide-tickets-1280')

    expect(await axe(page)).toEqual([])
    expect((await smallestText(page)).px).toBeGreaterThanOrEqual(16)
  })

  it('when staff open the household roll and the vote roll on a PC, then both are tables with search, with no serious axe finding', async () => {
    await page.goto(`${app.url}/packages/staff/pages/register/index?communityId=c-xingfu`)
    const households = visible('table.household-table')
    await households.locator('tbody tr').first().waitFor()
    expect(await households.locator('thead th').allTextContents()).toEqual(['住户', '户主', '登记人口', '成年', '产权人', '面积（㎡）', '已绑定居民'])
    await visible('[aria-label="查找住户，输入房号或户主姓名"] input').fill('301')
    await visible('taro-button-core').getByText('查找', { exact: true }).click()
    await visible('table.household-table caption')
      .getByText(/“301”的查找结果/)
      .waitFor()
    expect(await axe(page)).toEqual([])

    await page.goto(`${app.url}/packages/council/pages/paper/index?voteId=${ids.vote}`)
    const roll = visible('table.desk-table')
    await roll.locator('tbody tr').first().waitFor()
    expect(await roll.getByRole('button', { name: /^录入纸质票/ }).count()).toBeGreaterThan(0)
    await shot(page, 'wide-roll-1280')
    expect(await axe(page)).toEqual([])
    expect((await smallestText(page)).px).toBeGreaterThanOrEqual(16)
  })

  it('when staff open the dashboard on a PC, then the lines, bars and heat table show with their text alternatives, with no serious axe finding', async () => {
    await page.goto(`${app.url}/packages/staff/pages/dashboard/index?communityId=c-xingfu`)
    await visible('[aria-label^="按周趋势折线图"]').waitFor()
    const img = visible('[aria-label^="按周趋势折线图"] img')
    expect(await img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    // the SVG image is drawn (it has a size), not a broken image
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    await visible('[aria-label="各网格未关闭与超时报事"]').waitFor()
    await visible('[aria-label="各楼栋报事类别（件）"]').waitFor()
    await visible('.dash-charts').screenshot({ path: `${screenshotDir}/wide-dashboard-charts-1280.png` })
    expect(await axe(page)).toEqual([])
  })

  it('when staff open the dashboard on a phone in large type, then the pictures stay phone-sized, with the same text alternatives', async () => {
    const phone = await app.phone({ width: 375, height: 812 })
    await app.signIn(phone, '陈静')
    // large type as a person turns it on, with the switch on 我的
    await phone.goto(`${app.url}/pages/me/index`)
    await phone.getByRole('switch', { name: '大字模式' }).click()
    await phone.waitForFunction(() => document.documentElement.classList.contains('large-type'))
    await phone.goto(`${app.url}/packages/staff/pages/dashboard/index?communityId=c-xingfu`)
    const charts = phone.locator('.dash-charts').filter({ visible: true })
    await charts.locator('[aria-label^="按周趋势折线图"]').waitFor()
    // no wide layout on a phone: the page root has no desk tokens, and the charts are stacked
    expect(await phone.locator('.staff-dashboard').first().getAttribute('class')).not.toContain('desk')
    await charts.screenshot({ path: `${screenshotDir}/phone-dashboard-charts-large.png` })
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
    await phone.context().close()
  })
})
