import { findAll } from '../../cloudfunctions/_core/repos/base'
import { demoIds } from '../../local/demo'
import type { BallotDoc, TicketDoc, VoteReceiptDoc } from '../../types'
import { HEPING, P, XINGFU, as, errorCode, ok, snapshot, useWorld } from '../support/world'
import { rid } from '../support/requestIds'
import { activeVote, atResolution, openVote } from './council.helpers'
import { report } from './tickets.helpers'
import { START, published } from './volunteers.helpers'

const world = useWorld()

/** The demo resident's traces across the app: a ticket, a secret vote, a volunteer sign-up, a notice read. */
async function activeResident() {
  const ticket = await report(P.resident, { text: '楼道灯坏了' })
  const matter = await atResolution()
  const voteId = activeVote(ok(await openVote(matter.id, { rollKind: 'residents', unit: 'person' })))
  ok(await as(P.resident)('council', 'vote', { voteId, choice: 'for' }))
  const activity = await published({ deadline: START.toISOString() })
  ok(await as(P.resident)('volunteers', 'signup', { activityId: activity.id }))
  const notice = ok(
    await as(P.staff)('notices', 'publish', {
      communityId: XINGFU,
      requestId: rid(),
      kind: 'general',
      title: '停水通知',
      body: '周六停水',
      audience: { scope: 'community' },
    }),
  )
  ok(await as(P.resident)('notices', 'get', { noticeId: notice.id }))
  return { ticket, matter, voteId, activity, notice }
}

describe('downloading one’s own data', () => {
  test('when the demo resident downloads their data, then the file holds their profile, household, who they are on the register, tickets with progress and which votes they took part in, never what they chose', async () => {
    const { ticket, voteId } = await activeResident()
    const mine = ok(await as(P.resident)('users', 'myData', {}))
    expect(mine.counts).toEqual({ households: 1, members: 1, owners: 1, tickets: 1, voteReceipts: 1, volunteerSignups: 1, objections: 0, bindingRequests: 0 })
    const data = JSON.parse(world.stored(mine.fileID)!.toString('utf8'))
    expect(data.资料).toMatchObject({ 姓名: '王秀英', 手机: '13800000001' })
    expect(data.住户).toEqual([{ 住户: '1栋 1单元 301', 社区: XINGFU }])
    expect(data.名册中的我).toEqual([expect.objectContaining({ 姓名: '王秀英', 与户主关系: '户主' })])
    expect(data.报事).toEqual([expect.objectContaining({ 编号: ticket.id, 我的角色: '报事人', 内容: '楼道灯坏了' })])
    expect(data.报事[0].进展.length).toBeGreaterThan(0)
    expect(data.参加的表决).toEqual([expect.objectContaining({ 表决: voteId, 方式: '在线投票' })])
    expect(JSON.stringify(data)).not.toMatch(/"for"|同意/)
    expect(mine.url).toMatch(/\/files\/private\/mydata\//)
  })
})

describe('deleting one’s account', () => {
  test('when the demo resident deletes their account, then their profile and bindings are gone, the ticket stays anonymised, the vote stays counted and nothing names them', async () => {
    const { ticket, voteId, activity, notice } = await activeResident()
    const ballotsBefore = await findAll<BallotDoc>('ballots', { voteId })
    expect(errorCode(await as(P.resident)('users', 'deleteAccount', { confirm: '删除' } as never))).toBe('INPUT.INVALID')
    ok(await as(P.resident)('users', 'deleteAccount', { confirm: '注销' }))

    const { households, members, ...rest } = await snapshot()
    const all = JSON.stringify({ ...rest, households, members })
    expect(all).not.toMatch(/dev-resident(?!-)/)
    // the register is the community's, kept apart from the app: it still lists her (and her phone) as a resident
    expect(JSON.stringify(rest)).not.toContain('13800000001')
    // the ticket is the community's record: kept, its reporter 已注销用户
    const [t] = await findAll<TicketDoc>('tickets', { _id: ticket.id })
    expect(t).toMatchObject({ reporterName: '已注销用户', reporterPhone: null, text: '楼道灯坏了' })
    expect(ok(await as(P.gridMember)('tickets', 'get', { ticketId: ticket.id })).reporterName).toBe('已注销用户')
    // the ballot still counts; its receipt names nobody
    expect(await findAll<BallotDoc>('ballots', { voteId })).toEqual(ballotsBefore)
    expect((await findAll<VoteReceiptDoc>('voteReceipts', { voteId })).map((r) => r.voterOpenid)).toEqual([null])
    const closed = ok(await as(P.staff)('council', 'closeVote', { voteId }))
    expect(closed.votes[0].tally?.participants).toBe(1)
    // the notice keeps its reader, the activity its volunteer
    expect(ok(await as(P.staff)('notices', 'get', { noticeId: notice.id })).readers).toBe(1)
    expect(ok(await as(P.staff)('volunteers', 'get', { activityId: activity.id })).confirmed).toBe(1)
    // the register keeps the member, no longer bound to anyone
    const detail = ok(await as(P.staff)('places', 'household', { householdId: demoIds.household(XINGFU, 1, 1, '301') }))
    expect(detail.people[0]).toMatchObject({ name: '王秀英', boundTo: null })
    // coming back is coming back as a newcomer
    expect(ok(await as(P.resident)('users', 'me', {}))).toMatchObject({ registered: false, households: [], roles: [] })
  })

  test('when a resident deleted their account, then staff of that community see that it happened and when, and nothing else; other communities see nothing', async () => {
    ok(await as(P.resident)('users', 'deleteAccount', { confirm: '注销' }))
    const page = ok(await as(P.staff)('users', 'deletions', { communityId: XINGFU }))
    expect(page).toMatchObject({ total: 1, items: [{ at: expect.any(String) }] })
    expect(Object.keys(page.items[0])).toEqual(['at'])
    expect(ok(await as('dev-staff-heping')('users', 'deletions', { communityId: HEPING })).total).toBe(0)
    expect(errorCode(await as('dev-staff-heping')('users', 'deletions', { communityId: XINGFU }))).toBe('AUTH.FORBIDDEN')
  })

  test('when the deletion is asked for twice, then the second finishes quietly and the record is kept once', async () => {
    ok(await as(P.resident)('users', 'deleteAccount', { confirm: '注销' }))
    ok(await as(P.resident)('users', 'deleteAccount', { confirm: '注销' }))
    expect(await findAll('deletions', {})).toHaveLength(1)
  })
})

describe('party membership is for the branch and staff', () => {
  test('when a grid leader lists the community’s people, then party membership is not shown; the branch secretary sees it', async () => {
    const leader = ok(await as(P.gridLeader)('users', 'listMembers', { communityId: XINGFU }))
    expect(leader.flatMap((m) => m.roles)).not.toContain('party_member')
    expect(leader.map((m) => m.name)).not.toContain('王秀英')
    expect(ok(await as(P.gridLeader)('users', 'listMembers', { communityId: XINGFU, role: 'party_member' }))).toEqual([])
    const secretary = ok(await as(P.secretary)('users', 'listMembers', { communityId: XINGFU, role: 'party_member' }))
    expect(secretary.map((m) => m.name).sort()).toEqual(['王秀英', '赵红梅'])
  })
})
