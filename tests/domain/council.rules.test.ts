import { decideMatter, publicityOpen, stageOf, type MatterActor, type MatterEvent } from '../../cloudfunctions/_core/domain/council'
import { choicesFor, countingBasis, evaluate } from '../../cloudfunctions/_core/domain/voteRules'
import type { MatterDoc, MatterState, StageRecord, VoteTally } from '../../types'

/** What each council step records and when it is in time; the gaps mutation testing found in council.ts and voteRules.ts. */

// 2026-11-22 17:00 UTC is already 2026-11-23 01:00 in Shanghai, where meeting dates are written
const NOW = new Date('2026-11-22T17:00:00.000Z')
const CREATED = '2026-11-19T02:00:00.000Z'

const matter = (state: MatterState, over: Partial<MatterDoc> = {}): MatterDoc => ({
  _id: 'm1',
  communityId: 'c',
  streetId: 's',
  title: '加装电梯',
  background: '老楼',
  options: [],
  attachments: [],
  ticketIds: [],
  buildingIds: [],
  state,
  records: [],
  activeVoteId: null,
  publication: null,
  result: null,
  proposedBy: 'sec',
  version: 3,
  createdAt: CREATED,
  updatedAt: CREATED,
  ...over,
})
const secretary: MatterActor = { openid: 'sec', name: '赵红梅', roles: ['resident', 'branch_secretary'] }
const staff: MatterActor = { openid: 'staff', name: '陈静', roles: ['community_staff'] }

const meeting = (date: string, over: Partial<Extract<MatterEvent, { type: 'record' }>> = {}): MatterEvent => ({
  type: 'record',
  stage: 'deliberation',
  date,
  minutes: '同意提交',
  attendance: { present: 5, expected: 7 },
  attendees: '',
  votes: null,
  reason: '',
  outcome: 'agreed',
  ...over,
})
const codeOf = (d: ReturnType<typeof decideMatter>) => (d.ok ? null : d.code)
const lastRecord = (d: ReturnType<typeof decideMatter>): StageRecord | undefined => (d.ok ? d.next.records[d.next.records.length - 1] : undefined)
const recorded = (day: string): StageRecord => ({
  at: `${day}T02:00:00.000Z`,
  byOpenid: 'sec',
  byName: '赵红梅',
  byRole: 'branch_secretary',
  stage: 'deliberation',
  outcome: 'agreed',
  date: null,
  minutes: null,
  attendance: null,
  attendees: null,
  votes: null,
  reason: null,
  voteId: null,
})

describe('meeting dates keep the law’s order in time', () => {
  it('when the meeting is dated today in Shanghai (still yesterday in UTC), then it is recorded', () => {
    expect(codeOf(decideMatter(matter('deliberation'), meeting('2026-11-23'), staff, NOW))).toBeNull()
  })

  it('when the meeting is dated tomorrow in Shanghai, then COUNCIL.MEETING_DATE', () => {
    expect(codeOf(decideMatter(matter('deliberation'), meeting('2026-11-24'), staff, NOW))).toBe('COUNCIL.MEETING_DATE')
  })

  it('when the meeting is dated before the proposal, then COUNCIL.MEETING_DATE; on its day, recorded', () => {
    expect(codeOf(decideMatter(matter('deliberation'), meeting('2026-11-18'), staff, NOW))).toBe('COUNCIL.MEETING_DATE')
    expect(codeOf(decideMatter(matter('deliberation'), meeting('2026-11-19'), staff, NOW))).toBeNull()
  })

  it('when the last step was a meeting, then the next may not be dated before that meeting’s own date', () => {
    const before = { ...recorded('2026-11-20'), date: '2026-11-21' }
    const review = (date: string) =>
      decideMatter(matter('review', { records: [recorded('2026-11-19'), before] }), meeting(date, { stage: 'review' }), secretary, NOW)
    expect(codeOf(review('2026-11-20'))).toBe('COUNCIL.MEETING_DATE')
    expect(codeOf(review('2026-11-21'))).toBeNull()
  })

  it('when the last step has no meeting date, then the day it was recorded (Shanghai) is the limit', () => {
    // recorded 2026-11-21 20:00 UTC = 2026-11-22 in Shanghai
    const late = { ...recorded('2026-11-21'), at: '2026-11-21T20:00:00.000Z' }
    const review = (date: string) => decideMatter(matter('review', { records: [late] }), meeting(date, { stage: 'review' }), secretary, NOW)
    expect(codeOf(review('2026-11-21'))).toBe('COUNCIL.MEETING_DATE')
    expect(codeOf(review('2026-11-22'))).toBeNull()
  })
})

describe('what each step writes', () => {
  it('when a meeting is recorded, then its record keeps the meeting as entered, empty attendees and reason as null, and the role that acted', () => {
    const d = decideMatter(matter('deliberation'), meeting('2026-11-22'), secretary, NOW)
    expect(lastRecord(d)).toEqual({
      at: NOW.toISOString(),
      byOpenid: 'sec',
      byName: '赵红梅',
      byRole: 'branch_secretary',
      stage: 'deliberation',
      outcome: 'agreed',
      date: '2026-11-22',
      minutes: '同意提交',
      attendance: { present: 5, expected: 7 },
      attendees: null,
      votes: null,
      reason: null,
      voteId: null,
    })
    expect(d.ok && d.next).toMatchObject({ state: 'review', version: 4, updatedAt: NOW.toISOString() })
  })

  it('when a meeting rejects it, then the matter is rejected with the reason and attendees kept', () => {
    const d = decideMatter(matter('deliberation'), meeting('2026-11-22', { outcome: 'rejected', reason: '条件不成熟', attendees: '赵红梅、陈静' }), staff, NOW)
    expect(d.ok && d.next.state).toBe('rejected')
    expect(lastRecord(d)).toMatchObject({ outcome: 'rejected', reason: '条件不成熟', attendees: '赵红梅、陈静', byRole: 'community_staff' })
  })

  it('when a vote is opened, then the matter waits on it: same state, no record, the vote named', () => {
    const m = matter('resolution')
    const d = decideMatter(m, { type: 'openVote', voteId: 'v9', rollKind: 'residents' }, staff, NOW)
    expect(d.ok && d.next).toMatchObject({ state: 'resolution', activeVoteId: 'v9', records: [] })
    expect(codeOf(decideMatter(m, { type: 'openVote', voteId: 'v9', rollKind: 'party_members' }, staff, NOW))).toBe('COUNCIL.RULE_MISMATCH')
  })

  it.each([
    ['review', true, 'resolution', 'agreed', null],
    ['resolution', true, 'publicity', 'agreed', null],
    ['review', false, 'rejected', 'rejected', '未过半'],
    ['resolution', false, 'rejected', 'rejected', '未过半'],
  ] as const)('when the %s vote closes with passed %s, then the matter moves to %s and records the vote', (state, passed, next, outcome, reason) => {
    const d = decideMatter(matter(state, { activeVoteId: 'v1' }), { type: 'voteClosed', voteId: 'v1', passed, summary: '未过半' }, staff, NOW)
    expect(d.ok && d.next).toMatchObject({ state: next, activeVoteId: null })
    expect(lastRecord(d)).toMatchObject({ stage: state, outcome, voteId: 'v1', reason })
  })

  it('when a vote close arrives for a matter no longer waiting at a vote stage, then COUNCIL.INVALID_STAGE', () => {
    expect(codeOf(decideMatter(matter('publicity', { activeVoteId: 'v1' }), { type: 'voteClosed', voteId: 'v1', passed: true, summary: '' }, staff, NOW))).toBe(
      'COUNCIL.INVALID_STAGE',
    )
  })

  it.each([
    ['deliberation', 'deliberation'],
    ['review', 'review'],
    ['resolution', 'resolution'],
    ['publicity', 'publicity'],
    ['implementation', 'implementation'],
  ] as const)('when the branch withdraws a matter in %s, then the withdrawal is recorded at that stage with its reason', (state, stage) => {
    const d = decideMatter(matter(state), { type: 'withdraw', reason: '条件不成熟' }, secretary, NOW)
    expect(d.ok && d.next.state).toBe('withdrawn')
    expect(lastRecord(d)).toMatchObject({ stage, outcome: 'withdrawn', reason: '条件不成熟' })
  })

  it('names the stage a finished matter stopped at as the proposal', () => {
    for (const s of ['done', 'rejected', 'withdrawn'] as const) expect(stageOf(s)).toBe('proposal')
  })

  it('when the resolution is published for 7 days, then the publicity runs exactly 7 days from now and is recorded', () => {
    const d = decideMatter(matter('publicity'), { type: 'publish', text: '决议：加装电梯', days: 7 }, staff, NOW)
    const until = new Date(NOW.getTime() + 7 * 86_400_000).toISOString()
    expect(d.ok && d.next).toMatchObject({ state: 'implementation', publication: { text: '决议：加装电梯', at: NOW.toISOString(), until, byOpenid: 'staff' } })
    expect(lastRecord(d)).toMatchObject({ stage: 'publicity', outcome: 'published', minutes: '决议：加装电梯' })
  })

  it('when the result is published the moment the publicity ends, then the matter is done; a millisecond before, COUNCIL.PUBLICITY_RUNNING', () => {
    const publication = { text: 'p', at: CREATED, until: NOW.toISOString(), byOpenid: 'staff' }
    const e: MatterEvent = { type: 'publishResult', text: '已完工', photos: ['cloud://done.jpg'], unanswered: 0 }
    const d = decideMatter(matter('implementation', { publication }), e, staff, NOW)
    expect(d.ok && d.next).toMatchObject({ state: 'done', result: { text: '已完工', photos: ['cloud://done.jpg'], at: NOW.toISOString(), byOpenid: 'staff' } })
    expect(lastRecord(d)).toMatchObject({ stage: 'implementation', outcome: 'published', minutes: '已完工' })
    expect(codeOf(decideMatter(matter('implementation', { publication }), e, staff, new Date(NOW.getTime() - 1)))).toBe('COUNCIL.PUBLICITY_RUNNING')
  })

  it('when a matter in implementation has no publication, then its result cannot be published', () => {
    expect(codeOf(decideMatter(matter('implementation'), { type: 'publishResult', text: 'x', photos: [], unanswered: 0 }, staff, NOW))).toBe(
      'COUNCIL.INVALID_STAGE',
    )
  })
})

describe('the publicity period', () => {
  const publication = { text: 'p', at: CREATED, until: NOW.toISOString(), byOpenid: 'staff' }
  it('is open in implementation with a publication until its end, and closed from its end on', () => {
    expect(publicityOpen({ state: 'implementation', publication }, new Date(NOW.getTime() - 1))).toBe(true)
    expect(publicityOpen({ state: 'implementation', publication }, NOW)).toBe(false)
  })
  it('is never open without a publication or in another state', () => {
    expect(publicityOpen({ state: 'implementation', publication: null }, new Date(0))).toBe(false)
    expect(publicityOpen({ state: 'publicity', publication }, new Date(0))).toBe(false)
    expect(publicityOpen({ state: 'done', publication }, new Date(0))).toBe(false)
  })
})

describe('ballots with several plans', () => {
  const plans = choicesFor(['东侧加装', '西侧加装', '暂缓'])
  const tally = (o1: [number, number], o2: [number, number], o3: [number, number] = [0, 0], against: [number, number] = [0, 0]): VoteTally => {
    const rows = [
      ['o1', o1],
      ['o2', o2],
      ['o3', o3],
      ['against', against],
    ] as const
    return {
      choices: rows.map(([id, [count, area]]) => ({ id, count, area })),
      participants: rows.reduce((s, [, [c]]) => s + c, 0),
      participantArea: rows.reduce((s, [, [, a]]) => s + a, 0),
    }
  }

  it('offers each plan as an approving choice o1…, then 都不同意 and 弃权, which approve nothing', () => {
    expect(plans).toEqual([
      { id: 'o1', label: '东侧加装', approving: true },
      { id: 'o2', label: '西侧加装', approving: true },
      { id: 'o3', label: '暂缓', approving: true },
      { id: 'against', label: '都不同意', approving: false },
      { id: 'abstain', label: '弃权', approving: false },
    ])
    expect(choicesFor(['只有一个方案'])).toEqual(choicesFor([]))
    expect(choicesFor([]).map((c) => [c.id, c.label, c.approving])).toEqual([
      ['for', '同意', true],
      ['against', '不同意', false],
      ['abstain', '弃权', false],
    ])
  })

  it('adopts the plan with the most votes, whichever place it has on the ballot, and names it in the figures', () => {
    const r = evaluate('meeting', { count: 10, area: 0 }, tally([1, 0], [6, 0]), plans)
    expect(r).toMatchObject({ passed: true, adopted: 'o2' })
    expect(r.figures.find((f) => f.key === 'approve')).toMatchObject({ label: '“西侧加装”票数（占参加人数）', value: 6, of: 7 })
  })

  it('breaks a tie in votes by area; a tie in both adopts nothing', () => {
    const byArea = evaluate('art278_ordinary', { count: 12, area: 1200 }, tally([5, 300], [5, 500]), plans)
    expect(byArea.figures.find((f) => f.key === 'approve')?.label).toBe('“西侧加装”票数（占参加人数）')
    expect(evaluate('meeting', { count: 10, area: 0 }, tally([3, 0], [3, 0]), plans)).toMatchObject({ adopted: null, passed: false })
  })

  it('when everyone takes part against every plan, then nothing is adopted and the approval figures are zero', () => {
    const r = evaluate('art278_ordinary', { count: 4, area: 400 }, tally([0, 0], [0, 0], [0, 0], [4, 400]), plans)
    expect(r).toMatchObject({ passed: false, adopted: null })
    expect(r.figures.filter((f) => f.key.startsWith('approve')).map((f) => [f.value, f.met])).toEqual([
      [0, false],
      [0, false],
    ])
  })
})

describe('counting edges with nothing to count', () => {
  const yesNo = choicesFor([])
  const none: VoteTally = { choices: [], participants: 0, participantArea: 0 }
  it('when nobody takes part, then no figure is met, not even “more than half of nobody”', () => {
    for (const rule of ['meeting', 'art278_ordinary', 'art278_major'] as const) {
      const r = evaluate(rule, { count: 0, area: 0 }, none, yesNo)
      expect(r.figures.every((f) => !f.met)).toBe(true)
      expect(r).toMatchObject({ passed: false, adopted: null })
    }
  })
  it('when the roll has no registered area, then the area turnout is not met, even by zero of zero', () => {
    const r = evaluate('art278_ordinary', { count: 3, area: 0 }, { choices: [{ id: 'for', count: 3, area: 0 }], participants: 3, participantArea: 0 }, yesNo)
    expect(r.figures.find((f) => f.key === 'turnoutArea')?.met).toBe(false)
    expect(r.figures.find((f) => f.key === 'approveArea')?.met).toBe(false)
  })
})

describe('the counting basis read out on the result page', () => {
  const base = { rollCount: 12, rollArea: 123_456, rollBasis: {} }
  it('for owners: who counts, how many units and developers, the area in m², and art. 278 with its pass mark', () => {
    const lines = countingBasis({
      ...base,
      rollKind: 'owners',
      unit: 'owner',
      rule: 'art278_major',
      rollBasis: { developers: 1, units: 15, multiUnitOwners: 2, online: 3 },
    })
    expect(lines[0]).toBe(
      '应参加：12 位业主（含开发商 1 位），专有部分 15 套，面积合计 1,234.56 ㎡，其中 3 人次可在小程序投票，其余以纸质票或到会表决，由工作人员录入。',
    )
    expect(lines[1]).toContain('同一业主拥有多套的计一人（本次有 2 位）')
    expect(lines[2]).toContain('经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意为通过（第六至八项事项）')
    const ordinary = countingBasis({ ...base, rollKind: 'owners', unit: 'owner', rule: 'art278_ordinary' })
    expect(ordinary[0]).toBe('应参加：12 位业主，专有部分 — 套，面积合计 1,234.56 ㎡。')
    expect(ordinary[2]).toContain('经参与表决专有部分面积过半数且参与表决人数过半数的业主同意为通过。')
    expect(ordinary[2]).not.toContain('第六至八项')
  })
  it('for residents by household, by person, party members and representatives, under the meeting rule', () => {
    const meeting = '表决规则：过半数应参加者参加表决方为有效，参加者过半数同意为通过（城市居民委员会组织法第十条；“过半数”不含半数本数）。'
    expect(countingBasis({ ...base, rollKind: 'residents', unit: 'household', rule: 'meeting' })).toEqual([
      '应参加：住户名册上有登记人口的 12 户，每户一名代表投票。',
      meeting,
    ])
    expect(countingBasis({ ...base, rollKind: 'residents', unit: 'person', rule: 'meeting', rollBasis: { minors: 4 } })[0]).toBe(
      '应参加：住户名册上年满18周岁的居民 12 人（未满18周岁的 4 人不列入）。',
    )
    expect(countingBasis({ ...base, rollKind: 'residents', unit: 'person', rule: 'meeting' })[0]).toBe('应参加：住户名册上年满18周岁的居民 12 人。')
    expect(countingBasis({ ...base, rollKind: 'party_members', unit: 'person', rule: 'meeting' })[0]).toBe('应参加：本社区党员 12 人。')
    expect(countingBasis({ ...base, rollKind: 'representatives', unit: 'person', rule: 'meeting' })[0]).toBe('应参加：本社区居民代表 12 人。')
  })
})
