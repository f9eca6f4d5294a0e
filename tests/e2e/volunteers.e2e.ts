import type { Locator, Page } from 'playwright-core'
import { confirmModal, fillInput, shot, tap, useApp } from './browser'

const app = useApp()

/** H5 keeps the pages one came through in the DOM (hidden): everything is looked up inside the current page's root. */
const on = (page: Page, root: string): Locator => page.locator(`.${root}`).last()

describe('volunteer journey on the H5 build', () => {
  it('when staff publish an activity with one place, the first resident signs up and cancels, then the waitlisted one is promoted, checks in and out with the organiser’s code and sees two hours on his record', async () => {
    // staff publish: 1 place, starting in 30 minutes, for 2 hours
    const staff = await app.phone()
    await app.signIn(staff, '陈静')
    await staff.goto(`${app.url}/packages/volunteer/pages/list/index`)
    await tap(on(staff, 'volunteer-list'), '发布活动')
    const form = on(staff, 'volunteer-publish')
    await form.waitFor()
    // 30 minutes from now on the phone's clock and in its time zone (which may not be this process's)
    const start = await staff.evaluate(() => {
      const s = new Date(Date.now() + 30 * 60_000)
      return { today: s.getDate() === new Date().getDate(), time: `${String(s.getHours()).padStart(2, '0')}:${String(s.getMinutes()).padStart(2, '0')}` }
    })
    await fillInput(form, '活动名称', '楼道清扫志愿活动')
    await fillInput(form, '活动地点', '3栋楼下')
    await form.getByLabel(start.today ? /^今天/ : /^明天/).click()
    await fillInput(form, '开始时间，如 09:30', start.time)
    await form.getByLabel('2小时', { exact: true }).click()
    await fillInput(form, '招募人数', '1')
    await tap(form, '发布活动')
    await confirmModal(staff, '发布')
    const activity = on(staff, 'volunteer-activity')
    await activity.getByText('已报名 0/1').waitFor()
    const activityUrl = staff.url()
    await shot(staff, 'volunteer-published')

    // the first resident takes the place
    const first = await app.phone()
    await app.signIn(first, '王秀英')
    await first.goto(activityUrl)
    await tap(on(first, 'volunteer-activity'), '报名')
    await on(first, 'volunteer-activity').getByText('我的报名：已报名').waitFor()

    // the second one is waitlisted
    const second = await app.phone()
    await app.signIn(second, '李建国')
    await second.goto(activityUrl)
    await tap(on(second, 'volunteer-activity'), '报名候补')
    await on(second, 'volunteer-activity').getByText('我的报名：候补第1位').waitFor()
    await shot(second, 'volunteer-waitlisted')

    // the first cancels (after confirming)
    await tap(on(first, 'volunteer-activity'), '取消报名')
    await confirmModal(first, '取消报名')
    // the place went to the waitlist at once: she could only join the waitlist again
    await on(first, 'volunteer-activity').getByText('报名候补', { exact: true }).waitFor()
    expect(
      await on(first, 'volunteer-activity')
        .getByText(/我的报名/)
        .count(),
    ).toBe(0)

    // the second is promoted and told so
    const outbox = (await (await fetch(`${app.url}/api/dev/outbox`)).json()) as { data: { kind: string; to: string; page: string }[] }
    expect(outbox.data).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'volunteerPromoted', to: 'dev-resident-2' })]))
    await second.goto(`${app.url}/packages/volunteer/pages/list/index`)
    await on(second, 'volunteer-list').getByText('已报名 1/1').waitFor()
    await second.goto(activityUrl)
    await on(second, 'volunteer-activity').getByText('我的报名：已报名').waitFor()

    // the organiser shows the code; the volunteer types it and checks in
    await staff.goto(activityUrl)
    await tap(on(staff, 'volunteer-activity'), '显示签到码')
    const codeText = on(staff, 'volunteer-code').locator('.vol-code')
    await codeText.waitFor()
    const code = (await codeText.innerText()).trim()
    expect(code).toMatch(/^\d{6}$/)
    await on(staff, 'volunteer-code')
      .getByText(/秒后更新$/)
      .waitFor()
    await staff.waitForTimeout(500) // the page's slide-in, for the screenshot only
    await shot(staff, 'volunteer-code')
    await fillInput(on(second, 'volunteer-activity'), '签到码', code)
    await tap(on(second, 'volunteer-activity'), '签到')
    await on(second, 'volunteer-activity').getByText('我的报名：已签到').waitFor()

    // the activity runs its two hours (the local dev clock moves on); the organiser's page fetches the code of now
    const moved = await fetch(`${app.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ days: 2.5 / 24 }) })
    expect(moved.status).toBe(200)
    try {
      await staff.reload()
      const later = on(staff, 'volunteer-code').locator('.vol-code')
      await later.waitFor()
      const code2 = (await later.innerText()).trim()
      expect(code2).toMatch(/^\d{6}$/)

      await second.goto(activityUrl)
      const page = on(second, 'volunteer-activity')
      await page.getByText('现场签退').waitFor()
      await fillInput(page, '签到码', code2)
      await tap(page, '签退')
      await page.getByText('服务时长：2 小时').waitFor()
      await page.getByText('我的报名：已签退').waitFor()

      // his record counts the two hours
      await second.goto(`${app.url}/packages/volunteer/pages/record/index`)
      const record = on(second, 'volunteer-record')
      await record.getByText('楼道清扫志愿活动').waitFor()
      expect(await record.locator('.vol-total').innerText()).toBe('2 小时')
      await record.getByText('服务时长 2 小时（陈静确认）').waitFor()
      await shot(second, 'volunteer-record')
    } catch (e) {
      await shot(second, 'volunteer-failed-volunteer')
      await shot(staff, 'volunteer-failed-staff')
      throw e
    } finally {
      globalThis.__LOCAL_CLOCK_SKEW_MS__ = undefined // the gateway runs in this process
    }
  })
})
