import { main as sweeper } from '../../cloudfunctions/sweeper'
import { collection, command, findAll } from '../../cloudfunctions/_core/repos/base'
import { backfillFields } from '../../cloudfunctions/sweeper/backfill'
import { platformContext } from '../../local/context'
import { demoIds } from '../../local/demo'
import { NOW, P, XINGFU, as, errorCode, ok, snapshot, useWorld } from '../support/world'
import type { MatterDoc, RollEntryDoc, UserDoc, VoteDoc, VoteReceiptDoc } from '../../types'
import { rid } from '../support/requestIds'
import {
  MEMBER,
  WEEK_LATER,
  activeVote,
  adultsIn,
  atResolution,
  localOutbox,
  openVote,
  paperVotes,
  proposed,
  recordDeliberation,
  recordReview,
  residents,
} from './council.helpers'

const world = useWorld()
const DAY = 86_400_000
const later = (days: number) => new Date(NOW.getTime() + days * DAY)

describe('council: the procedure', () => {
  test('when the branch proposes, then the matter records stage 1 and waits for the committees; a retry answers the same matter', async () => {
    const input = { communityId: XINGFU, requestId: 'req-propose-1', title: '加装电梯', background: '老楼无电梯', options: [], buildingIds: [], ticketIds: [] }
    const m = ok(await as(P.secretary)('council', 'propose', input))
    expect(m.state).toBe('deliberation')
    expect(m.records.map((r) => r.stageLabel)).toEqual(['党组织提议'])
    expect(m.can).toEqual(expect.arrayContaining(['withdraw']))
    const again = ok(await as(P.secretary)('council', 'propose', input))
    expect(again.id).toBe(m.id)
    expect(await findAll('matters', {})).toHaveLength(1)
  })

  test('when a step comes out of order, then COUNCIL.INVALID_STAGE answers and nothing changes', async () => {
    const m = await proposed()
    const before = await snapshot()
    expect(errorCode(await recordReview(m.id))).toBe('COUNCIL.INVALID_STAGE')
    expect(errorCode(await openVote(m.id, { rollKind: 'residents', unit: 'person' }))).toBe('COUNCIL.INVALID_STAGE')
    expect(errorCode(await as(P.staff)('council', 'publish', { matterId: m.id, text: '公示' }))).toBe('COUNCIL.INVALID_STAGE')
    expect(errorCode(await as(P.staff)('council', 'publishResult', { matterId: m.id, text: '完成', photos: [] }))).toBe('COUNCIL.INVALID_STAGE')
    expect(await snapshot()).toEqual(before)
  })

  test('when the committees reject, then the matter ends with the reason and takes no further step', async () => {
    const m = await proposed()
    const r = ok(await recordDeliberation(m.id, 'rejected'))
    expect(r.state).toBe('rejected')
    expect(r.records[1]).toMatchObject({ stage: 'deliberation', outcome: 'rejected', reason: '条件不成熟' })
    expect(errorCode(await recordReview(m.id))).toBe('COUNCIL.INVALID_STAGE')
    expect(errorCode(await as(P.secretary)('council', 'withdraw', { matterId: m.id, reason: '撤回' }))).toBe('COUNCIL.INVALID_STAGE')
  })

  test('when community staff try to record the party members’ review, then it is refused: that stage is the branch’s', async () => {
    const m = await proposed()
    ok(await recordDeliberation(m.id))
    expect(
      errorCode(
        await as(P.staff)('council', 'recordStage', {
          matterId: m.id,
          stage: 'review',
          date: '2026-11-22',
          minutes: '审议',
          attendance: { present: 5, expected: 5 },
          outcome: 'agreed',
        }),
      ),
    ).toBe('AUTH.FORBIDDEN')
  })

  test('when the whole procedure runs, then vote, publicity, objection, answer and result follow in order', async () => {
    const b1 = demoIds.building(XINGFU, 1)
    const m = await atResolution()
    // the residents of 1栋 decide: the roll is every adult of the building on the register, app or not
    const opened = ok(await openVote(m.id, { rollKind: 'residents', unit: 'person', buildingIds: [b1] }))
    const voteId = activeVote(opened)
    const adults = await adultsIn([b1])
    expect(opened.votes[0]).toMatchObject({ rollCount: adults.length, status: 'open', secret: true, unitNoun: '人' })
    ok(await as(P.resident)('council', 'vote', { voteId, choice: 'for' }))
    // the rest vote on paper: more than half of the roll takes part with her online vote
    const paper = Math.floor(adults.length / 2)
    await paperVotes(voteId, paper)
    // secret ballot: residents see no tally while it runs; staff see only the turnout
    expect(ok(await as(P.resident)('council', 'get', { matterId: m.id })).votes[0]).toMatchObject({ tally: null, turnout: null })
    expect(ok(await as(P.staff)('council', 'get', { matterId: m.id })).votes[0]).toMatchObject({ tally: null, turnout: paper + 1 })

    const closed = ok(await as(P.staff)('council', 'closeVote', { voteId }))
    expect(closed.state).toBe('publicity')
    expect(closed.votes[0].result).toMatchObject({ passed: true, adopted: 'for' })
    expect(closed.votes[0].tally?.choices.find((c) => c.id === 'for')?.count).toBe(paper + 1)
    expect(closed.votes[0].result?.figures.map((f) => [f.key, f.value, f.of, f.met])).toEqual([
      ['turnout', paper + 1, adults.length, true],
      ['approve', paper + 1, paper + 1, true],
    ])
    expect(closed.votes[0].basis[0]).toContain(`年满18周岁的居民 ${adults.length} 人`)

    const published = ok(await as(P.staff)('council', 'publish', { matterId: m.id, text: '经居民会议表决通过，公示7天。', days: 7 }))
    expect(published.publication?.open).toBe(true)
    expect(published.stateLabel).toBe('决议公示中')
    const objected = ok(await as(P.resident2)('council', 'object', { matterId: m.id, requestId: rid(), text: '一楼住户的采光怎么办？' }))
    expect(objected.objections).toHaveLength(1)
    expect(objected.objections[0]).toMatchObject({ mine: true, answer: null })
    // another resident sees the objection with the name masked
    expect(ok(await as(P.resident)('council', 'get', { matterId: m.id })).objections[0].byName).toBe('李**')

    expect(errorCode(await as(P.staff)('council', 'publishResult', { matterId: m.id, text: '电梯已安装', photos: [] }))).toBe('COUNCIL.PUBLICITY_RUNNING')
    world.clock(later(8))
    expect(errorCode(await as(P.resident2)('council', 'object', { matterId: m.id, requestId: rid(), text: '还有意见' }))).toBe('COUNCIL.PUBLICITY_CLOSED')
    expect(errorCode(await as(P.staff)('council', 'publishResult', { matterId: m.id, text: '电梯已安装', photos: [] }))).toBe('COUNCIL.OBJECTIONS_UNANSWERED')
    const answered = ok(await as(P.staff)('council', 'answerObjection', { objectionId: objected.objections[0].id, text: '电梯井设在北侧，不影响采光。' }))
    expect(answered.objections[0].answer?.text).toContain('不影响采光')
    expect(errorCode(await as(P.secretary)('council', 'answerObjection', { objectionId: objected.objections[0].id, text: '再答' }))).toBe(
      'COUNCIL.ALREADY_ANSWERED',
    )
    expect((await localOutbox()).some((e) => e.to === P.resident2 && e.kind === 'matterChanged')).toBe(true)

    const done = ok(await as(P.staff)('council', 'publishResult', { matterId: m.id, text: '电梯已安装并通过验收。', photos: [] }))
    expect(done.state).toBe('done')
    expect(done.records.map((r) => r.stage)).toEqual(['proposal', 'deliberation', 'review', 'resolution', 'publicity', 'implementation'])
    expect(done.result?.text).toContain('验收')
  })

  test('when the party members vote in stage 3, then only party members are on the roll and passing moves to stage 4', async () => {
    const m = await proposed()
    ok(await recordDeliberation(m.id))
    expect(errorCode(await openVote(m.id, { rollKind: 'residents', unit: 'person' }, P.secretary))).toBe('COUNCIL.RULE_MISMATCH')
    const v = ok(await openVote(m.id, { rollKind: 'party_members', unit: 'person', secret: false }, P.secretary))
    const voteId = activeVote(v)
    expect(v.votes[0].rollCount).toBe(2) // 王秀英 and 赵红梅
    expect(errorCode(await as(P.resident2)('council', 'vote', { voteId, choice: 'for' }))).toBe('COUNCIL.NOT_ON_ROLL')
    const cast = ok(await as(P.resident)('council', 'vote', { voteId, choice: 'for' }))
    // an open ballot shows its tally while it runs
    expect(cast.tally?.choices.find((c) => c.id === 'for')?.count).toBe(1)
    ok(await as(P.secretary)('council', 'vote', { voteId, choice: 'against' }))
    const closed = ok(await as(P.secretary)('council', 'closeVote', { voteId }))
    // 1 of 2 is not more than half: not passed
    expect(closed.state).toBe('rejected')
    expect(closed.records.at(-1)?.reason).toContain('过半数')
  })
})

describe('council: votes', () => {
  test('when one voter votes online and is then entered on paper, or the reverse, then only the first counts', async () => {
    const m = await atResolution()
    const voteId = activeVote(ok(await openVote(m.id, { rollKind: 'residents', unit: 'person' })))
    ok(await as(P.resident)('council', 'vote', { voteId, choice: 'for' }))
    expect(errorCode(await as(P.staff)('council', 'enterPaperVote', { voteId, voterKey: MEMBER.resident, choice: 'against', paperNo: '7' }))).toBe(
      'COUNCIL.ALREADY_VOTED',
    )
    ok(await as(P.staff)('council', 'enterPaperVote', { voteId, voterKey: MEMBER.resident2, choice: 'against', paperNo: '8' }))
    expect(errorCode(await as(P.resident2)('council', 'vote', { voteId, choice: 'for' }))).toBe('COUNCIL.ALREADY_VOTED')
    expect(errorCode(await as(P.resident)('council', 'vote', { voteId, choice: 'against' }))).toBe('COUNCIL.ALREADY_VOTED')
    expect(await findAll('ballots', { voteId })).toHaveLength(2)
  })

  test('when a paper ballot number is entered twice, then the second is refused', async () => {
    const m = await atResolution()
    const voteId = activeVote(ok(await openVote(m.id, { rollKind: 'residents', unit: 'person' })))
    ok(await as(P.staff)('council', 'enterPaperVote', { voteId, voterKey: MEMBER.resident, choice: 'for', paperNo: '12' }))
    expect(errorCode(await as(P.staff)('council', 'enterPaperVote', { voteId, voterKey: MEMBER.resident2, choice: 'for', paperNo: '12' }))).toBe(
      'COUNCIL.PAPER_NUMBER_USED',
    )
  })

  test('when a ballot is secret, then no action reads a choice back and stored ballots name nobody', async () => {
    const m = await atResolution()
    const voteId = activeVote(ok(await openVote(m.id, { rollKind: 'residents', unit: 'person' })))
    const cast = ok(await as(P.resident)('council', 'vote', { voteId, choice: 'against' }))
    expect(cast.me).toMatchObject({ voted: true, choice: 'against' }) // shown once, at the moment of casting
    expect(ok(await as(P.resident)('council', 'get', { matterId: m.id })).votes[0].me).toMatchObject({ voted: true, choice: null })
    const roll = ok(await as(P.staff)('council', 'roll', { voteId, q: '王秀英' }))
    expect(roll.items.find((e) => e.key === MEMBER.resident)).toMatchObject({ voted: true, channel: 'online' })
    expect(JSON.stringify(roll.items)).not.toContain('against')
    const ballots = await findAll<{ _id: string; choice: string }>('ballots', { voteId })
    expect(ballots.map((b) => Object.keys(b).sort())).toEqual([['_id', 'area', 'choice', 'voteId']])
    // the receipt says who voted, never what
    const receipts = await findAll<{ key: string; choice: string | null }>('voteReceipts', { voteId })
    expect(receipts.map((r) => [r.key, r.choice])).toEqual([[MEMBER.resident, null]])
  })

  test('when the same voter casts 50 times at once, then exactly one ballot counts', async () => {
    const m = await atResolution()
    const voteId = activeVote(ok(await openVote(m.id, { rollKind: 'residents', unit: 'person' })))
    const answers = await Promise.all(Array.from({ length: 50 }, () => as(P.resident)('council', 'vote', { voteId, choice: 'for' })))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(new Set(answers.filter((a) => !a.ok).map(errorCode))).toEqual(new Set(['COUNCIL.ALREADY_VOTED']))
    expect(await findAll('ballots', { voteId })).toHaveLength(1)
    const closed = ok(await as(P.staff)('council', 'closeVote', { voteId }))
    expect(closed.votes[0].tally?.participants).toBe(1)
  })

  test('when 50 members of one household vote at once under one household one vote, then exactly one counts and the others see it', async () => {
    const household = demoIds.household(XINGFU, 3, 1, '201')
    const people = await residents(50, () => household)
    const m = await atResolution()
    const voteId = activeVote(ok(await openVote(m.id, { rollKind: 'residents', unit: 'household' })))
    const answers = await Promise.all(people.map((p, i) => as(p)('council', 'vote', { voteId, choice: i % 2 ? 'for' : 'against' })))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(await findAll('ballots', { voteId })).toHaveLength(1)
    const winner = people[answers.findIndex((a) => a.ok)]
    const other = people.find((p) => p !== winner)!
    const seen = ok(await as(other)('council', 'get', { matterId: m.id })).votes[0].me
    expect(seen.voted).toBe(true)
    expect(seen.votedBy).toMatch(/^居\*+$/)
  })

  test('when 40 different households vote at once, then every acknowledged ballot is in the tally', async () => {
    const people = await residents(40)
    const m = await atResolution()
    const voteId = activeVote(ok(await openVote(m.id, { rollKind: 'residents', unit: 'household' })))
    const answers = await Promise.all(people.map((p) => as(p)('council', 'vote', { voteId, choice: 'for' })))
    const acknowledged = answers.filter((a) => a.ok).length
    expect(acknowledged).toBe(40)
    const closed = ok(await as(P.staff)('council', 'closeVote', { voteId }))
    expect(closed.votes[0].tally?.participants).toBe(acknowledged)
  })

  test('when casting before the opening or after the closing time, then COUNCIL.VOTE_NOT_OPEN answers', async () => {
    const m = await atResolution()
    const opensAt = later(1).toISOString()
    const voteId = activeVote(ok(await openVote(m.id, { rollKind: 'residents', unit: 'person', opensAt, closesAt: later(3).toISOString() })))
    expect(errorCode(await as(P.resident)('council', 'vote', { voteId, choice: 'for' }))).toBe('COUNCIL.VOTE_NOT_OPEN')
    world.clock(later(3))
    expect(errorCode(await as(P.resident)('council', 'vote', { voteId, choice: 'for' }))).toBe('COUNCIL.VOTE_NOT_OPEN')
    expect(await findAll('ballots', { voteId })).toHaveLength(0)
  })

  test('when the closing time passes, then the timer counts the vote, publishes the tally and moves the matter on; a second run changes nothing', async () => {
    const m = await atResolution()
    const voteId = activeVote(ok(await openVote(m.id, { rollKind: 'representatives', unit: 'person', secret: true })))
    ok(await as(P.resident2)('council', 'vote', { voteId, choice: 'for' }))
    world.clock(new Date(WEEK_LATER))
    const timer = () =>
      sweeper({ Type: 'Timer', TriggerName: 'every5min', Time: WEEK_LATER }, platformContext(null)) as Promise<{ ok: boolean; data: { votesClosed: number } }>
    expect((await timer()).data.votesClosed).toBe(1)
    const after = ok(await as(P.resident)('council', 'get', { matterId: m.id }))
    expect(after.state).toBe('publicity')
    expect(after.votes[0]).toMatchObject({ status: 'closed', turnout: 1 })
    expect(after.votes[0].tally?.choices.find((c) => c.id === 'for')?.count).toBe(1)
    const before = await snapshot()
    expect((await timer()).data.votesClosed).toBe(0)
    expect(await snapshot()).toEqual(before)
  })

  test('when owners of one building vote on using the maintenance fund, then the roll is that building’s owners counted by unit and area, under the ordinary rule', async () => {
    const building = demoIds.building(XINGFU, 3)
    const m = await atResolution({ buildingIds: [building], kind: 'art278_5' })
    expect(errorCode(await openVote(m.id, { rollKind: 'residents', unit: 'person' }))).toBe('COUNCIL.RULE_MISMATCH')
    expect(errorCode(await openVote(m.id, { rollKind: 'owners', unit: 'person' }))).toBe('COUNCIL.RULE_MISMATCH')
    const v = ok(await openVote(m.id, { rollKind: 'owners' }))
    // a recount as the court counts: one per owner identity, areas summed (3栋2单元 has one buyer of three flats)
    const units = await findAll<{ ownerId: string; area: number }>('households', { buildingId: building })
    expect(v.votes[0]).toMatchObject({ rule: 'art278_ordinary', unit: 'owner', unitNoun: '位业主' })
    expect(v.votes[0].rollCount).toBe(new Set(units.map((u) => u.ownerId)).size)
    expect(v.votes[0].rollCount).toBe(units.length - 2)
    expect(v.votes[0].rollArea).toBeCloseTo(
      units.reduce((n, h) => n + h.area, 0),
      2,
    )
    expect(v.votes[0].basis.join('')).toContain('同一业主拥有多套的计一人（本次有 1 位）')
    // a resident of another building is not on this roll, and the matter does not concern them
    expect(errorCode(await as(P.resident)('council', 'vote', { voteId: activeVote(v), choice: 'for' }))).toBe('COUNCIL.NOT_ON_ROLL')
    expect(errorCode(await as(P.resident)('council', 'get', { matterId: m.id }))).toBe('COUNCIL.NOT_CONCERNED')
  })

  test('when an owners’ matter rebuilds a facility, then its vote is counted under the three-quarters rule whatever staff would like', async () => {
    const m = await atResolution({ buildingIds: [demoIds.building(XINGFU, 6)], kind: 'art278_7' })
    const v = ok(await openVote(m.id, { rollKind: 'owners' }))
    expect(v.votes[0].rule).toBe('art278_major')
    // the developer's two unsold flats and one undelivered flat are one owner on the roll
    const units = await findAll<{ ownerId: string }>('households', { buildingId: demoIds.building(XINGFU, 6) })
    expect(v.votes[0]).toMatchObject({ rollCount: units.length - 2 })
    expect(v.votes[0].basis[0]).toContain('含开发商 1 位')
    const roll = ok(await as(P.staff)('council', 'roll', { voteId: activeVote(v), q: '开发商' }))
    expect(roll.items.map((e) => e.label)).toEqual(['开发商 幸福置业有限公司（未售及未交付：6栋 2单元 501、6栋 2单元 601、6栋 2单元 602）'])
  })

  test('when an owners’ vote meets a unit without floor area or without an owner, then it cannot open', async () => {
    const building = demoIds.building(XINGFU, 3)
    const m = await atResolution({ buildingIds: [building], kind: 'art278_4' })
    await collection('households')
      .doc(demoIds.household(XINGFU, 3, 1, '101'))
      .update({ area: null })
    let before = await snapshot()
    expect(errorCode(await openVote(m.id, { rollKind: 'owners' }))).toBe('COUNCIL.AREA_MISSING')
    expect(await snapshot()).toEqual(before)
    await collection('households')
      .doc(demoIds.household(XINGFU, 3, 1, '101'))
      .update({ area: 88, ownerId: null, ownership: null })
    before = await snapshot()
    const answer = await openVote(m.id, { rollKind: 'owners' })
    expect(errorCode(answer)).toBe('COUNCIL.OWNER_MISSING')
    expect(answer.ok ? null : answer.error.issues).toEqual([{ path: demoIds.household(XINGFU, 3, 1, '101'), message: '3栋 1单元 101' }])
    expect(await snapshot()).toEqual(before)
  })

  test('when the voting window is wrong, then COUNCIL.TIME_INVALID answers', async () => {
    const m = await atResolution()
    expect(errorCode(await openVote(m.id, { rollKind: 'residents', unit: 'person', closesAt: NOW.toISOString() }))).toBe('COUNCIL.TIME_INVALID')
    expect(errorCode(await openVote(m.id, { rollKind: 'residents', unit: 'person', closesAt: later(61).toISOString() }))).toBe('COUNCIL.TIME_INVALID')
  })

  test('when a matter has plans, then the ballot offers each plan and the plan with a majority is adopted', async () => {
    const m = await atResolution({ options: ['方案一：北侧加装', '方案二：南侧加装'] })
    const v = ok(await openVote(m.id, { rollKind: 'representatives', unit: 'person', secret: false }))
    expect(v.votes[0].choices.map((c) => c.label)).toEqual(['方案一：北侧加装', '方案二：南侧加装', '都不同意', '弃权'])
    const voteId = activeVote(v)
    expect(errorCode(await as(P.resident2)('council', 'vote', { voteId, choice: 'nope' }))).toBe('COUNCIL.CHOICE_UNKNOWN')
    ok(await as(P.resident2)('council', 'vote', { voteId, choice: 'o2' }))
    const closed = ok(await as(P.staff)('council', 'closeVote', { voteId }))
    expect(closed.votes[0].result).toMatchObject({ passed: true, adopted: 'o2', adoptedLabel: '方案二：南侧加装' })
  })
})

describe('council: from tickets to a proposal', () => {
  const ticket = (i: number, over: Record<string, unknown> = {}) => ({
    _id: `t-ev-${i}`,
    communityId: XINGFU,
    buildingId: demoIds.building(XINGFU, 2),
    category: 'repair',
    categoryLabel: '设施报修',
    placeLabel: '2栋 1单元',
    text: '电梯又坏了',
    state: 'closed',
    createdAt: new Date(NOW.getTime() - i * DAY).toISOString(),
    ...over,
  })

  test('when a building has 5 tickets of one category within 30 days, then staff see a suggestion with those tickets', async () => {
    for (let i = 1; i <= 5; i++) await collection('tickets').add(ticket(i))
    await collection('tickets').add(ticket(40)) // too old
    await collection('tickets').add(ticket(41, { createdAt: NOW.toISOString(), category: 'noise', categoryLabel: '噪音扰民' }))
    const s = ok(await as(P.staff)('council', 'suggestions', { communityId: XINGFU }))
    expect(s).toEqual([expect.objectContaining({ buildingName: '2栋', categoryLabel: '设施报修', count: 5 })])
    expect(s[0].ticketIds.sort()).toEqual(['t-ev-1', 't-ev-2', 't-ev-3', 't-ev-4', 't-ev-5'])
    const m = await proposed({ ticketIds: s[0].ticketIds })
    expect(m.evidence).toHaveLength(5)
  })

  test('when the community set 3 tickets in 60 days, then 3 older tickets suggest a matter; a malformed stored value means the default of 5', async () => {
    for (let i = 1; i <= 3; i++) await collection('tickets').add(ticket(i * 15))
    await collection('communities')
      .doc(XINGFU)
      .update({ settings: { councilSuggestThreshold: 3, councilSuggestDays: 60 } })
    expect(ok(await as(P.staff)('council', 'suggestions', { communityId: XINGFU }))).toEqual([expect.objectContaining({ count: 3 })])
    await collection('communities')
      .doc(XINGFU)
      .update({ settings: { councilSuggestThreshold: 'three', councilSuggestDays: 60 } })
    expect(ok(await as(P.staff)('council', 'suggestions', { communityId: XINGFU }))).toEqual([])
  })

  test('when a proposal cites a ticket of another community, then COUNCIL.EVIDENCE_INVALID answers and nothing is made', async () => {
    await collection('tickets').add(ticket(1, { communityId: 'c-heping' }))
    const before = await snapshot()
    const answer = await as(P.secretary)('council', 'propose', {
      communityId: XINGFU,
      requestId: rid(),
      title: '议题',
      background: '背景',
      ticketIds: ['t-ev-1'],
    })
    expect(errorCode(answer)).toBe('COUNCIL.EVIDENCE_INVALID')
    expect(await snapshot()).toEqual(before)
  })
})

describe('council: bad input', () => {
  test.each([
    ['an empty title', { title: '' }],
    ['a title over 60 characters', { title: '题'.repeat(61) }],
    ['a single plan', { options: ['只有一个方案'] }],
    ['an unknown field', { openid: 'dev-secretary' }],
  ])('when a proposal has %s, then INPUT.INVALID answers and nothing is made', async (_label, over) => {
    const before = await snapshot()
    const answer = await as(P.secretary)('council', 'propose', { communityId: XINGFU, requestId: rid(), title: '议题', background: '背景', ...over } as never)
    expect(errorCode(answer)).toBe('INPUT.INVALID')
    expect(await snapshot()).toEqual(before)
  })
})

describe('council: a page of matters costs a constant number of requests', () => {
  /**
   * `n` matters stored directly, each different: community-wide, about 1栋 (her building) or about 2栋; a third with a vote open to 王秀英 (as
   * a person, or as her household: voted by her, by her neighbour on the register, on paper, or not yet), a third with
   * a closed vote, the rest without one.
   */
  async function storeMatters(n: number, from = 0): Promise<void> {
    const me = (await findAll<UserDoc>('users', { _id: P.resident }))[0]
    const at = (i: number) => new Date(NOW.getTime() - i * 60_000).toISOString()
    const matters: MatterDoc[] = []
    const votes: VoteDoc[] = []
    const entries: RollEntryDoc[] = []
    const receipts: VoteReceiptDoc[] = []
    for (let i = from; i < from + n; i++) {
      const voteId = i % 3 === 2 ? null : `v-page-${i}`
      matters.push({
        _id: `m-page-${String(i).padStart(3, '0')}`,
        communityId: XINGFU,
        streetId: 'st-chunhui',
        title: `议题${i}`,
        background: '背景',
        options: [],
        attachments: [],
        ticketIds: [],
        buildingIds: i % 8 === 1 ? [demoIds.building(XINGFU, 1)] : i % 8 === 5 ? [demoIds.building(XINGFU, 2)] : [],
        state: voteId ? 'resolution' : 'deliberation',
        records: [],
        activeVoteId: voteId,
        voting: voteId ? 1 : 0,
        publication: null,
        result: null,
        proposedBy: P.secretary,
        version: 1,
        createdAt: at(i),
        updatedAt: at(i),
      })
      if (!voteId) continue
      const unit = i % 2 ? 'household' : 'person'
      const key = unit === 'person' ? (me.memberIds ?? [])[0] : me.householdIds[0]
      votes.push({
        _id: voteId,
        matterId: matters[matters.length - 1]._id,
        communityId: XINGFU,
        streetId: 'st-chunhui',
        stage: 'resolution',
        rollKind: 'residents',
        buildingIds: [],
        unit,
        rule: 'meeting',
        secret: false,
        choices: [
          { id: 'for', label: '同意', approving: true },
          { id: 'against', label: '反对', approving: false },
        ],
        opensAt: at(60),
        closesAt: i % 3 === 1 ? at(30) : WEEK_LATER,
        state: 'open',
        rollToken: `tok-${i}`,
        rollCount: 1,
        rollArea: 0,
        tally: null,
        result: null,
        closedAt: null,
        openedBy: P.staff,
        createdAt: at(60),
      } as VoteDoc)
      entries.push({ _id: `${voteId}|${key}`, voteId, key, label: '王秀英', area: 0, rollToken: `tok-${i}` })
      const by = [null, P.resident, P.resident2, 'paper'][i % 4]
      if (by) {
        receipts.push({
          _id: `${voteId}|${key}`,
          voteId,
          key,
          channel: by === 'paper' ? 'paper' : 'online',
          voterOpenid: by === 'paper' ? null : by,
          enteredBy: by === 'paper' ? P.staff : null,
          paperNo: by === 'paper' ? `P-${i}` : null,
          choice: 'for',
          at: at(10),
        })
      }
    }
    for (const [name, docs] of [
      ['matters', matters],
      ['councilVotes', votes],
      ['rollEntries', entries],
      ['voteReceipts', receipts],
    ] as const) {
      if (docs.length) await collection(name).add(docs as object[])
    }
  }

  test('when the community holds 8 matters or 400, then its first page costs the same requests', async () => {
    const page = () => world.requests(async () => ok(await as(P.resident)('council', 'list', { communityId: XINGFU, page: 1, pageSize: 20 })))
    await storeMatters(8)
    const few = await page()
    await storeMatters(392, 8)
    const many = await page()
    expect(few.result.items.length).toBeLessThan(20)
    expect(few.result).toMatchObject({ more: false })
    expect(many.result).toMatchObject({ more: true })
    expect(many.result.items).toHaveLength(20)
    expect(many.actions).toEqual(few.actions)
    expect(few.actions.length).toBeLessThanOrEqual(10)
  })

  test("when 王秀英 pages through 400 matters, then she gets the community-wide ones and 1栋's once each, votes under way first, and every page but the last says more follow", async () => {
    await storeMatters(400)
    const stored = await findAll<MatterDoc>('matters', { communityId: XINGFU }, [], 1000)
    const mine = stored.filter((m) => !m.buildingIds.length || m.buildingIds.includes(demoIds.building(XINGFU, 1)))
    expect(mine.length).toBeLessThan(stored.length)
    const ids: string[] = []
    const more: boolean[] = []
    for (let page = 1; page < 100; page++) {
      const got = ok(await as(P.resident)('council', 'list', { communityId: XINGFU, page, pageSize: 30 }))
      expect(got).not.toHaveProperty('total')
      ids.push(...got.items.map((m) => m.id))
      if (!('more' in got) || !got.more) break
      more.push(true)
    }
    expect(ids.length).toBe(mine.length)
    expect(new Set(ids)).toEqual(new Set(mine.map((m) => m._id)))
    expect(more.length).toBe(Math.ceil(mine.length / 30) - 1)
    const voting = ids.map((id) => stored.find((m) => m._id === id)!.voting)
    expect(voting).toEqual([...voting].sort((a, b) => (b ?? 0) - (a ?? 0)))
  })

  test('when staff page through the matters, then their pages state the exact total', async () => {
    await storeMatters(120)
    const total = (await findAll<MatterDoc>('matters', { communityId: XINGFU }, [], 1000)).length
    const first = ok(await as(P.staff)('council', 'list', { communityId: XINGFU, page: 1, pageSize: 50 }))
    expect(first).toMatchObject({ total })
    expect(first.items).toHaveLength(50)
  })

  test('when matters were stored before they carried voting, then they are listed all the same, and the sweeper fills it in once', async () => {
    await storeMatters(30)
    await collection('matters').where({ communityId: XINGFU }).update({ voting: command().remove() })
    const before = ok(await as(P.resident)('council', 'list', { communityId: XINGFU, page: 1, pageSize: 50 }))
    expect(await backfillFields()).toMatchObject({ matterVoting: 30 })
    expect(await backfillFields()).toMatchObject({ matterVoting: 0 })
    const stored = await findAll<MatterDoc>('matters', { communityId: XINGFU }, [], 1000)
    expect(stored.every((m) => m.voting === (m.activeVoteId ? 1 : 0))).toBe(true)
    const after = ok(await as(P.resident)('council', 'list', { communityId: XINGFU, page: 1, pageSize: 50 }))
    expect(after.items).toHaveLength(before.items.length)
    expect(new Set(after.items.map((m) => m.id))).toEqual(new Set(before.items.map((m) => m.id)))
    // a vote under way first, then by latest activity
    const open = after.items.map((m) => stored.find((x) => x._id === m.id)!.voting ?? 0)
    expect(open).toEqual([...open].sort((a, b) => b - a))
  })

  test('when 王秀英 lists 20 or 50 matters, then both pages cost the same few requests and each summary is the one the matter page shows', async () => {
    await storeMatters(60)
    const list = (pageSize: number) => world.requests(async () => ok(await as(P.resident)('council', 'list', { communityId: XINGFU, page: 1, pageSize })))
    const twenty = await list(20)
    const fifty = await list(50)
    expect(twenty.result.items).toHaveLength(20)
    expect(fifty.result.items).toHaveLength(50)
    expect(fifty.actions).toEqual(twenty.actions)
    // the caller and the community, her homes, the page and its total, the votes, her roll entries and receipts, the
    // names of who voted for her household, the buildings
    expect(twenty.actions.length).toBeLessThanOrEqual(10)
    expect(fifty.result.items.filter((m) => m.openVote).map((m) => m.openVote!.voted)).toEqual(expect.arrayContaining([true, false]))
    for (const item of fifty.result.items) {
      const { votes, records, can, communityId, background, options, attachments, buildingIds, publication, objections, result, evidence, ...summary } = ok(
        await as(P.resident)('council', 'get', { matterId: item.id }),
      )
      expect(item).toEqual(summary)
    }
  })
})
