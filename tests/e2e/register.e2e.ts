import { api, confirmModal, fillArea, fillInput, shot, tap, useApp } from './browser'

const app = useApp()

/**
 * 9栋: 周大明 owns two flats (one owner, 200 m²), 吴小兰 and 郑强 one each (90 m²), and the developer still holds an
 * unsold flat (120 m²): the law counts 4 owners and 500 m². Most people on it have no app.
 */
const REGISTER = [
  '楼栋,单元,房号,姓名,与户主关系,出生日期,电话,面积,产权人,产权人编号,产权状态',
  '9栋,1单元,101,周大明,户主,1958-04-02,13911110001,100,周大明,ZDM-1,已交付',
  '9栋,1单元,101,钱玉华,配偶,1960,,,,,',
  '9栋,1单元,102,孙小军,户主,1988-10-10,,100,周大明,ZDM-1,已交付',
  '9栋,1单元,201,吴小兰,户主,1949-12-30,,90,吴小兰,,',
  '9栋,1单元,202,郑强,户主,1975-06-06,,90,郑强,,',
  '9栋,1单元,301,,,,,120,星河置业有限公司,,开发商未售',
].join('\r\n')

describe('register journey on the H5 build', () => {
  it('when staff import a register with members and owners, an owners’ vote on the maintenance fund counts a two-flat owner once online and an owner without the app on paper, against ⅔ and ½', async () => {
    // staff import the register from a table on the computer
    const staff = await app.phone()
    await app.signIn(staff, '陈静')
    await staff.goto(`${app.url}/packages/staff/pages/register/index`)
    const chooser = staff.waitForEvent('filechooser')
    await tap(staff, '选择表格文件导入')
    await (await chooser).setFiles({ name: '9栋住户名册.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + REGISTER, 'utf8') })
    await staff.getByText('导入成功：楼栋 1 栋，单元 1 个，住户 5 户，家庭成员 5 人，产权人 4 位').waitFor()
    await fillInput(staff, '查找住户，输入房号或户主姓名', '周大明')
    await tap(staff, '查找')
    await staff.getByText('9栋 1单元 101 · 周大明').click()
    await staff.getByText('名下房屋 2 套：9栋 1单元 101、9栋 1单元 102').waitFor()
    await shot(staff, 'register-household')

    // 周大明 opens the app for the first time and asks to be bound as the owner of 101
    const owner = await app.phone()
    await app.signIn(owner, '新用户')
    await owner.goto(`${app.url}/pages/me/index`)
    await fillInput(owner, '姓名', '周大明')
    await tap(owner, '保存')
    await tap(owner, '选择住户绑定')
    await tap(owner, '幸福社区')
    await tap(owner, '9栋')
    await tap(owner, '1单元')
    await tap(owner, '101')
    await tap(owner, '我是这套房子的产权人')
    await tap(owner, '提交绑定申请')
    await owner.getByText('幸福社区 · 审核中').waitFor()

    // staff check the register (and the property certificate) and approve
    await staff.goto(`${app.url}/packages/staff/pages/bindings/index`)
    await staff.getByText('周大明 申请作为产权人绑定 9栋 1单元 101').waitFor()
    await tap(staff, '核对住户名册')
    await staff.getByText('登记的产权人：周大明').waitFor()
    await tap(staff, '通过')
    await confirmModal(staff, '通过')
    await staff.getByText('已通过').first().waitFor()

    // the branch proposes an owners' matter: using the maintenance fund (art. 278 item 5) for 9栋
    const secretary = await app.phone()
    await app.signIn(secretary, '赵红梅')
    await secretary.goto(`${app.url}/packages/council/pages/list/index`)
    await tap(secretary, '新建议题（党组织提议）')
    await fillInput(secretary, '议题名称', '9栋使用维修资金更换屋面防水')
    await tap(secretary, '业主共同事务')
    await secretary.getByText('使用建筑物及其附属设施的维修资金（第5项）').waitFor()
    await fillArea(secretary, '提议背景和理由', '9栋顶层漏水，拟使用专项维修资金更换屋面防水层。')
    await tap(secretary, '9栋')
    await tap(secretary, '提交提议')
    await confirmModal(secretary, '提交')
    await secretary.getByText('待两委商议').first().waitFor()
    const matterUrl = secretary.url()
    const matterId = new URL(matterUrl).searchParams.get('id')!
    // the committees and the party members meet (the council journey shows these forms on screen)
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    const meeting = { date: today, attendance: { present: 7, expected: 9 }, outcome: 'agreed' }
    await api(app.url, 'dev-staff', 'council', 'recordStage', { matterId, stage: 'deliberation', minutes: '两委同意。', ...meeting })
    await api(app.url, 'dev-secretary', 'council', 'recordStage', { matterId, stage: 'review', minutes: '党员大会同意。', ...meeting })

    // staff open the owners' vote: the rule follows from the matter, nobody picks it
    await staff.goto(matterUrl)
    await tap(staff, '发起业主表决')
    await staff.getByText('业主一般事项（民法典第278条：双三分之二参与，双过半同意）').waitFor()
    await tap(staff, '开始表决')
    await staff.getByText('表决已开始').first().waitFor()
    await staff.getByText('应参加 4 位业主，专有部分面积 500 ㎡', { exact: false }).waitFor()

    // the owner of two flats votes once online, carrying both
    await owner.goto(matterUrl)
    await owner.locator('.ballot').getByText('同意', { exact: true }).click()
    await confirmModal(owner, '确认投票')
    await owner.getByText('您已投票：同意').waitFor()

    // two owners without the app are entered on paper from the same roll
    await staff.goto(matterUrl)
    await tap(staff, '录入纸质票 / 查看名单')
    for (const [name, no] of [
      ['吴小兰', 'Z-001'],
      ['郑强', 'Z-002'],
    ]) {
      await staff.getByLabel(`${name}（9栋 1单元 ${name === '吴小兰' ? '201' : '202'}），未投票`).click()
      await staff.getByLabel('同意', { exact: true }).click()
      await fillInput(staff, '纸质票编号', no)
      await tap(staff, '确定录入')
      await confirmModal(staff, '确定录入')
      await staff.getByText(`已录入纸质票（${no}）`).waitFor()
    }
    await staff.getByText('周大明（9栋 1单元 101、9栋 1单元 102）').waitFor()

    // close: 3 of 4 owners (≥ ⅔) with 380 of 500 m² (≥ ⅔) took part, all for (> ½ of both)
    await staff.goto(matterUrl)
    await tap(staff, '结束表决并计票')
    await confirmModal(staff, '结束计票')
    await staff.getByText('表决通过').waitFor()
    const result = await staff.locator('.result').innerText()
    expect(result).toContain('参与表决的业主人数')
    expect(result).toContain('3/4（75.0%） 要求三分之二以上 ✓')
    expect(result).toContain('380/500（76.0%） 要求三分之二以上 ✓')
    expect(result).toContain('3/3（100.0%） 要求过半数 ✓')
    expect(result).toContain('380/380（100.0%） 要求过半数 ✓')
    const basis = await staff.locator('.basis').innerText()
    expect(basis).toContain('应参加：4 位业主（含开发商 1 位），专有部分 5 套，面积合计 500 ㎡')
    expect(basis).toContain('同一业主拥有多套的计一人（本次有 1 位）')
    await shot(staff, 'register-owners-vote-result')
  })
})
