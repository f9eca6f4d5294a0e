import type { Locator, Page } from 'playwright-core'
import { confirmModal, fillArea, fillInput, shot, tap, useApp } from './browser'

const app = useApp()

/** H5 keeps the pages one came through in the DOM (hidden): everything is looked up inside the current page's root. */
const on = (page: Page, root: string): Locator => page.locator(`.${root}`).last()

describe('small wish (微心愿) journey on the H5 build', () => {
  it('when a resident posts a wish, staff approve it, a party member claims and does it and the resident confirms, then the hours appear on her volunteer record', async () => {
    // 李建国 asks for help: where comes from his household, when from two taps
    const requester = await app.phone()
    await app.signIn(requester, '李建国')
    await requester.goto(`${app.url}/packages/wish/pages/mine/index`)
    await tap(on(requester, 'wish-mine'), '发布微心愿')
    const form = on(requester, 'wish-post')
    await form.getByText('4栋 2单元附近').waitFor()
    await fillInput(form, '需要什么帮助', '帮忙换一下厨房的灯泡')
    await fillArea(form, '详细说明', '灯泡已经买好了，够不着。')
    await form.getByLabel(/^明天/).click()
    await form.getByLabel('上午（9点左右）').click()
    await tap(form, '发布微心愿')
    await confirmModal(requester, '发布')
    const posted = on(requester, 'wish-detail')
    await posted.getByText('待审核').waitFor()
    const wishUrl = requester.url()
    await shot(requester, 'wish-posted')

    // staff approve it from their list
    const staff = await app.phone()
    await app.signIn(staff, '陈静')
    await staff.goto(`${app.url}/packages/wish/pages/review/index`)
    await tap(on(staff, 'wish-review'), '帮忙换一下厨房的灯泡')
    const reviewing = on(staff, 'wish-detail')
    await reviewing.getByText('心愿人：李建国').waitFor()
    await tap(reviewing, '通过')
    await confirmModal(staff, '通过')
    await reviewing.getByText('待认领').waitFor()

    // 王秀英, a party member, finds it on her board and claims it
    const volunteer = await app.phone()
    await app.signIn(volunteer, '王秀英')
    await volunteer.goto(`${app.url}/packages/wish/pages/board/index`)
    await tap(on(volunteer, 'wish-board'), '帮忙换一下厨房的灯泡')
    const claiming = on(volunteer, 'wish-detail')
    await tap(claiming, '认领这个心愿')
    await confirmModal(volunteer, '认领')
    await claiming.getByText('心愿人：李**').waitFor()
    await claiming.getByText('地点：4栋 2单元附近').waitFor()
    await claiming.getByText('打电话给心愿人').waitFor()
    await shot(volunteer, 'wish-claimed')

    // two hours later (the local dev clock moves on) she reports it done with an hour of service
    const moved = await fetch(`${app.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ days: 2 / 24 }) })
    expect(moved.status).toBe(200)
    try {
      await volunteer.goto(wishUrl)
      const doing = on(volunteer, 'wish-detail')
      await fillArea(doing, '完成情况', '灯泡已换好，试过能亮')
      await doing.getByLabel('1 小时', { exact: true }).click()
      await tap(doing, '标记已完成')
      await confirmModal(volunteer, '已完成')
      await doing.getByText('待确认').waitFor()

      // 李建国 sees who did it (masked), never a number, and confirms
      await requester.goto(wishUrl)
      const confirming = on(requester, 'wish-detail')
      await confirming.getByText('认领人：王**').waitFor()
      await confirming.getByText('灯泡已换好，试过能亮').waitFor()
      expect(await confirming.innerText()).not.toMatch(/1380000000\d/)
      await tap(confirming, '确认已完成')
      await confirmModal(requester, '确认完成')
      await confirming.getByText('已计入志愿服务时长 1 小时').waitFor()
      await shot(requester, 'wish-confirmed')

      // the hour is on her volunteer record, beside activities, confirmed by the person she helped (masked)
      await volunteer.goto(`${app.url}/packages/volunteer/pages/record/index`)
      const record = on(volunteer, 'volunteer-record')
      await record.getByText('微心愿：帮忙换一下厨房的灯泡').waitFor()
      expect(await record.locator('.vol-total').innerText()).toBe('1 小时')
      await record.getByText('服务时长 1 小时（服务对象李**确认）').waitFor()
      await shot(volunteer, 'wish-record')
    } catch (e) {
      await shot(volunteer, 'wish-failed-volunteer')
      await shot(requester, 'wish-failed-requester')
      throw e
    } finally {
      globalThis.__LOCAL_CLOCK_SKEW_MS__ = undefined // the gateway runs in this process
    }
  })
})
