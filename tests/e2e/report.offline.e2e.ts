import { demoIds } from '../../local/demo'
import { fillArea, shot, useApp } from './browser'

const app = useApp()

describe('reporting from a stairwell with a weak signal, on the H5 build', () => {
  it('when the signal drops as a resident submits on a 390×844 phone, then 提交 was on screen all along, the report waits, and it is filed with a call button for 张伟 once the signal is back', async () => {
    const resident = await app.phone()
    await resident.setViewportSize({ width: 390, height: 844 })
    await app.signIn(resident, '王秀英')
    await resident.goto(`${app.url}/s/${demoIds.unitCode('c-xingfu', 1, 1)}`)
    await resident.getByText('设施报修').first().click()
    await fillArea(resident, '问题描述，可不填，最多500字', '3楼楼道灯不亮了')

    // 提交 is inside the first screen and nothing covers it: no scrolling needed to find it
    const submit = resident.getByText('提交', { exact: true }).last()
    const box = await submit.boundingBox()
    expect(box).not.toBeNull()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y + box!.height).toBeLessThanOrEqual(844)
    expect(
      await submit.evaluate((el) => {
        const r = el.getBoundingClientRect()
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
        return !!hit && (el.contains(hit) || hit.contains(el) || !!hit.closest('taro-button-core'))
      }),
    ).toBe(true)
    await shot(resident, 'report-390x844')

    // the page closes and opens again (WeChat killed in the background): what was filled in comes back
    await resident.reload()
    await resident.getByText('已恢复您上次在这里没填完的内容，可以接着填。').waitFor()
    await resident.getByText('设施报修：一般4小时内受理，3天内办结').waitFor()

    await resident.context().setOffline(true)
    await resident.getByText('提交', { exact: true }).last().click()
    await resident.getByText('已保存，有网络后自动提交').waitFor()

    // the browser's `online` event sends it, with the same request id, and the page turns into the promise
    await resident.context().setOffline(false)
    await resident.getByText('提交成功').waitFor()
    await resident.getByText('您反映的“设施报修”问题已转给网格员张伟。').waitFor()
    await resident.getByText('打电话给张伟').waitFor()
    expect(await resident.evaluate(() => localStorage.getItem('outbox.reports'))).toBeNull()
    await shot(resident, 'report-filed-after-offline')
  })
})
