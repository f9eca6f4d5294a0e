import { demoIds } from '../../local/demo'
import { confirmModal, fillArea, shot, useApp } from './browser'

const app = useApp()

// A 1×1 PNG: the "after" photo a grid member takes.
const AFTER_PHOTO = {
  name: 'after.png',
  mimeType: 'image/png',
  buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
}

describe('scan-to-report journey on the H5 build', () => {
  it('when a resident reports from the stairwell, the grid member accepts and resolves it, and the resident confirms and rates, then the dashboard counts it', async () => {
    // the resident scans 1栋1单元 and reports a broken light
    const resident = await app.phone()
    await app.signIn(resident, '王秀英')
    await resident.goto(`${app.url}/s/${demoIds.unitCode('c-xingfu', 1, 1)}`)
    await resident.getByText('设施报修').first().click()
    await fillArea(resident, '问题描述，可不填，最多500字', '3楼楼道灯不亮了')
    await resident.getByText('提交', { exact: true }).last().click()
    await resident.getByText('提交成功').waitFor()
    await shot(resident, 'ticket-submitted')
    await resident.getByText('查看这件报事').click()
    await resident.getByText('3楼楼道灯不亮了').first().waitFor()
    const ticketUrl = resident.url()

    // 张伟, grid member of 第一网格, sees it in his inbox, accepts and resolves it with an after photo
    const member = await app.phone()
    await app.signIn(member, '张伟')
    await member.goto(`${app.url}/packages/grid/pages/inbox/index`)
    await member.getByText('3楼楼道灯不亮了').first().click()
    await member.getByText('受理', { exact: true }).click()
    await member.getByText('办结', { exact: true }).waitFor()
    await member.getByText('办结', { exact: true }).click()
    await fillArea(member, '办理结果', '已更换楼道灯，恢复照明')
    const [chooser] = await Promise.all([member.waitForEvent('filechooser'), member.getByLabel(/添加处理后照片/).click()])
    await chooser.setFiles(AFTER_PHOTO)
    await member.getByLabel('处理后照片第1张', { exact: true }).waitFor()
    await member.getByText('确认办结').click()
    await confirmModal(member, '确定办结')
    await member.getByText('已办结，等待居民确认').first().waitFor()

    // the resident confirms it is fixed and gives five stars
    await resident.goto(ticketUrl)
    const fixed = resident.getByText('已解决', { exact: true })
    expect(await fixed.evaluate((el) => getComputedStyle(el).opacity)).toBe('1')
    await fixed.click()
    await confirmModal(resident, '已解决')
    await resident.getByText('给这次办理打个分').waitFor()
    await resident.getByLabel(/^5星/).click()
    await resident.getByText('提交评价').click()
    await resident.getByText('感谢您的评价').first().waitFor()
    await shot(resident, 'ticket-closed')

    // community staff see it in the three rates
    const staff = await app.phone()
    await app.signIn(staff, '陈静')
    await staff.goto(`${app.url}/packages/staff/pages/dashboard/index`)
    await staff.getByText('报事总数').first().waitFor()
    const text = await staff.locator('body').innerText()
    await shot(staff, 'dashboard')
    expect(text).toMatch(/响应率[\s\S]*100%/)
    expect(text).toMatch(/满意率[\s\S]*100%/)
    expect(text).toContain('居民确认已解决 1 件 / 共 1 件')
    expect(text).toContain('已办结但居民未确认（含超时自动关闭） 0 件 / 共 1 件')
    expect(text).toContain('未上报、在网格内关闭 1 件 / 已关闭 1 件')
  })
})
