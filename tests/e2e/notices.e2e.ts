import { confirmModal, fillArea, fillInput, useApp } from './browser'

const app = useApp()

describe('notices journey on the H5 build', () => {
  it('when the branch posts a 财务公开 notice to one building, then a resident there sees it and the read count rises, and a resident elsewhere does not see it', async () => {
    const secretary = await app.phone()
    await app.signIn(secretary, '赵红梅')
    await secretary.goto(`${app.url}/packages/notice/pages/list/index`)
    await secretary.getByText('发布公告', { exact: true }).first().click()
    // the list page stays in the DOM underneath (its tabs carry the same labels): act inside the form
    const form = secretary.locator('.notice-publish')
    await form.getByLabel('财务公开', { exact: true }).click()
    await form.getByLabel('选定楼栋', { exact: true }).click()
    await form.getByLabel('1栋', { exact: true }).click()
    await fillInput(secretary, '公告标题', '1栋楼道维修费用公示')
    await fillArea(secretary, '公告正文', '楼道扶手安装共支出3200元，由社区公益金列支。')
    const [chooser] = await Promise.all([secretary.waitForEvent('filechooser'), form.getByText('添加PDF附件').click()])
    await chooser.setFiles({ name: '维修费用明细.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1') })
    await form.getByText('附件：维修费用明细.pdf').waitFor()
    await secretary.getByText('发布', { exact: true }).last().click()
    await confirmModal(secretary, '发布')
    await secretary.getByText('0 人已读').waitFor()
    const noticeUrl = secretary.url()

    // 王秀英 lives in 1栋: the notice is there, unread; she opens it
    const resident = await app.phone()
    await app.signIn(resident, '王秀英')
    await resident.goto(`${app.url}/packages/notice/pages/list/index`)
    await resident.getByRole('button', { name: /财务公开\s*未读\s*1栋楼道维修费用公示/ }).click()
    await resident.getByText('楼道扶手安装共支出3200元，由社区公益金列支。').waitFor()
    await resident.getByText('查看附件：维修费用明细.pdf').waitFor()

    // the read count rises
    await secretary.goto(noticeUrl)
    await secretary.getByText('1 人已读').waitFor()

    // 李建国 lives in 4栋: nothing for him
    const neighbour = await app.phone()
    await app.signIn(neighbour, '李建国')
    await neighbour.goto(`${app.url}/packages/notice/pages/list/index`)
    await neighbour.getByText('暂时没有给您的公告').waitFor()
    expect(await neighbour.getByText('1栋楼道维修费用公示').count()).toBe(0)
  })
})
