import { api, confirmModal, fillArea, fillInput, shot, tap, useApp } from './browser'

const app = useApp()

describe('council journey on the H5 build', () => {
  it('when the branch proposes, the committees and party members record, residents vote online and on paper, then the resolution is published, objected to, answered, and the result published', async () => {
    // 党组织提议: the branch secretary drafts the matter
    const secretary = await app.phone()
    await app.signIn(secretary, '赵红梅')
    await secretary.goto(`${app.url}/packages/council/pages/list/index`)
    await tap(secretary, '新建议题（党组织提议）')
    await fillInput(secretary, '议题名称', '1栋楼道加装扶手')
    await fillArea(secretary, '提议背景和理由', '1栋老人多，楼梯陡，多位居民反映上下楼不安全。')
    await tap(secretary, '提交提议')
    await confirmModal(secretary, '提交')
    await secretary.getByText('待两委商议').first().waitFor()
    const matterUrl = secretary.url()

    // 两委商议: community staff record the joint meeting
    const staff = await app.phone()
    await app.signIn(staff, '陈静')
    await staff.goto(matterUrl)
    await tap(staff, '记录两委商议')
    await fillArea(staff, '会议记录', '两委联席会议一致同意，提交党员大会审议。')
    await fillInput(staff, '实到人数', '7')
    await fillInput(staff, '应到人数', '9')
    await tap(staff, '保存记录')
    await staff.getByText('待党员大会审议').first().waitFor()

    // 党员大会审议: the branch records the party members' meeting
    await secretary.goto(matterUrl)
    await tap(secretary, '记录党员大会审议')
    await fillArea(secretary, '会议记录', '党员大会审议同意。')
    await fillInput(secretary, '实到人数', '20')
    await fillInput(secretary, '应到人数', '24')
    await tap(secretary, '保存记录')
    await secretary.getByText('待居民会议决议').first().waitFor()

    // 居民会议决议: staff open the residents' vote (secret, one person one vote, 7 days)
    await staff.goto(matterUrl)
    await tap(staff, '发起居民表决')
    await tap(staff, '开始表决')
    await staff.getByText('表决已开始').first().waitFor()

    // a resident votes online
    const resident = await app.phone()
    await app.signIn(resident, '王秀英')
    await resident.goto(`${app.url}/packages/council/pages/list/index`)
    await resident.getByText('表决进行中').first().waitFor()
    await resident.goto(matterUrl)
    await resident.locator('.ballot').getByText('同意', { exact: true }).click()
    await confirmModal(resident, '确认投票')
    await resident.getByText('您已投票：同意').waitFor()
    await shot(resident, 'council-voted')

    // the roll is the register: every adult of the community, most of whom have no app and vote on paper. The bulk of
    // the paper ballots is entered through the API (as a staff member would, one after another); one is shown on screen.
    const voteId = new URL(matterUrl).searchParams.get('id')!
    const matter = await api<{ votes: { id: string; rollCount: number }[] }>(app.url, 'dev-staff', 'council', 'get', { matterId: voteId })
    const vote = matter.votes[0]
    const roll: { key: string; label: string; voted: boolean }[] = []
    for (let page = 1; roll.length < vote.rollCount; page++) {
      roll.push(
        ...(
          await api<{ items: { key: string; label: string; voted: boolean }[] }>(app.url, 'dev-staff', 'council', 'roll', {
            voteId: vote.id,
            page,
            pageSize: 100,
          })
        ).items,
      )
    }
    const bulk = roll.filter((e) => !e.voted && !e.label.startsWith('李建国')).slice(0, Math.floor(vote.rollCount / 2) - 1)
    for (const [i, e] of bulk.entries())
      await api(app.url, 'dev-staff', 'council', 'enterPaperVote', { voteId: vote.id, voterKey: e.key, choice: 'for', paperNo: `B-${i + 1}` })
    const turnout = bulk.length + 2

    // another resident's paper ballot is entered by staff on screen, found by name, then staff close the vote
    await staff.goto(matterUrl)
    await tap(staff, '录入纸质票 / 查看名单')
    await fillInput(staff, '查找投票人，输入姓名或房号', '李建国')
    await tap(staff, '查找')
    await staff.getByLabel('李建国（4栋 2单元 502），未投票').click()
    await staff.getByLabel('同意', { exact: true }).click()
    await fillInput(staff, '纸质票编号', 'P-001')
    await tap(staff, '确定录入')
    await confirmModal(staff, '确定录入')
    await staff.getByText('已录入纸质票（P-001）').waitFor()
    await staff.goto(matterUrl)
    await staff.getByText('结束表决并计票').waitFor()
    await shot(staff, 'council-before-close')
    await tap(staff, '结束表决并计票')
    await confirmModal(staff, '结束计票')
    await staff.getByText('表决通过').waitFor()
    const result = await staff.locator('.result').innerText()
    expect(result).toContain(`${turnout}/${vote.rollCount}`)
    expect(result).toContain('要求过半数 ✓')
    await shot(staff, 'council-tally')

    // 决议公开 with a 7-day publicity period
    await tap(staff, '决议公开')
    await fillArea(staff, '公示内容', '经居民会议表决，同意在1栋楼道加装扶手，费用由社区公益金列支。')
    await tap(staff, '发布')
    await staff.getByText('决议已公示').first().waitFor()

    // a resident objects during the publicity period
    const neighbour = await app.phone()
    await app.signIn(neighbour, '李建国')
    await neighbour.goto(matterUrl)
    await fillArea(neighbour, '异议内容', '扶手会不会让楼道变窄，影响搬家具？')
    await tap(neighbour, '提交异议')
    await neighbour.getByText('等待社区答复').waitFor()

    // staff answer the objection
    await staff.goto(matterUrl)
    await fillArea(staff, '答复李建国的异议', '扶手只占8厘米，经测量不影响搬运。')
    await tap(staff, '答复')
    await staff.getByText('社区答复：扶手只占8厘米，经测量不影响搬运。').waitFor()

    // the publicity period ends (the local dev clock moves 8 days on), and staff publish the result
    const moved = await fetch(`${app.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ days: 8 }) })
    expect(moved.status).toBe(200)
    try {
      await staff.goto(matterUrl)
      await tap(staff, '公开实施结果')
      await fillArea(staff, '实施结果', '扶手已于本周安装完成，共12层，经居民验收合格。')
      await tap(staff, '发布')
      await staff.getByText('实施结果已公开').first().waitFor()
      await staff.getByText('已办结').first().waitFor()
      const record = await staff.locator('.matter-records').innerText()
      for (const stage of ['党组织提议', '两委商议', '党员大会审议', '居民（代表）会议决议', '决议公开', '实施结果公开']) expect(record).toContain(stage)
      await shot(staff, 'council-done')

      // the resident sees the whole record and the result
      await resident.goto(matterUrl)
      await resident.getByText('扶手已于本周安装完成，共12层，经居民验收合格。').waitFor()
    } finally {
      globalThis.__LOCAL_CLOCK_SKEW_MS__ = undefined // the gateway runs in this process
    }
  })
})
