import { decideMatter, type MatterActor, type MatterEvent } from '../../cloudfunctions/_core/domain/council'
import type { MatterDoc, MatterState } from '../../types'

/**
 * Who may take which step of 四议两公开, beyond the order of the steps (council.test.ts): for every (actor, event) pair,
 * allowed or refused, each sent in a state where the step is in order. Roles are those held in the matter's community
 * (the handler works them out; someone of another community holds none there).
 *
 * Cells: Y = allowed, . = AUTH.FORBIDDEN.
 */

const NOW = new Date('2026-11-22T01:00:00.000Z')
const EARLIER = '2026-11-20T00:00:00.000Z'

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
  createdAt: EARLIER,
  updatedAt: EARLIER,
  ...over,
})

const CAST: Record<string, MatterActor> = {
  // the branch secretary who proposed it (党组织提议)
  proposer: { openid: 'sec', name: '赵红梅', roles: ['branch_secretary', 'party_member'] },
  otherSecretary: { openid: 'sec2', name: '钱书记', roles: ['branch_secretary'] },
  staff: { openid: 'staff', name: '陈静', roles: ['community_staff'] },
  partyMember: { openid: 'pm', name: '王秀英', roles: ['resident', 'party_member'] },
  representative: { openid: 'rep', name: '李建国', roles: ['resident', 'resident_rep'] },
  resident: { openid: 'r', name: '周大明', roles: ['resident'] },
  gridMember: { openid: 'm', name: '张伟', roles: ['grid_member'] },
  gridLeader: { openid: 'l', name: '刘芳', roles: ['grid_leader'] },
  street: { openid: 'st', name: '孙强', roles: ['street_staff'] },
  otherCommunity: { openid: 'x', name: '吴刚', roles: [] },
  system: { openid: 'system', name: '系统', roles: ['system'] },
}

const meeting = { date: '2026-11-21', minutes: '同意', attendance: { present: 5, expected: 7 }, attendees: '', votes: null, reason: '' }
const published = { text: '公示', at: EARLIER, until: EARLIER, byOpenid: 'staff' }

/** Each step, the state it is in order in, and its payload. */
const SENT: Record<string, { m: MatterDoc; e: MatterEvent }> = {
  recordDeliberation: { m: matter('deliberation'), e: { type: 'record', stage: 'deliberation', outcome: 'agreed', ...meeting } },
  recordReview: { m: matter('review'), e: { type: 'record', stage: 'review', outcome: 'agreed', ...meeting } },
  openPartyVote: { m: matter('review'), e: { type: 'openVote', voteId: 'v', rollKind: 'party_members' } },
  openResidentsVote: { m: matter('resolution'), e: { type: 'openVote', voteId: 'v', rollKind: 'residents' } },
  voteClosed: { m: matter('resolution', { activeVoteId: 'v' }), e: { type: 'voteClosed', voteId: 'v', passed: true, summary: '' } },
  withdraw: { m: matter('publicity'), e: { type: 'withdraw', reason: '条件不成熟' } },
  publish: { m: matter('publicity'), e: { type: 'publish', text: '决议公开', days: 7 } },
  publishResult: { m: matter('implementation', { publication: published }), e: { type: 'publishResult', text: '已完工', photos: [], unanswered: 0 } },
}

/**
 * 两委商议 and the residents' vote: the two committees (branch secretary, community staff). 党员大会审议 and its vote,
 * withdrawing: the party branch only. A vote's close is the vote's own outcome (the workflow closes it when its time is
 * up or staff close it), so whoever carries it over is not asked.
 */
const TABLE = `
                    proposer otherSecretary staff partyMember representative resident gridMember gridLeader street otherCommunity system
recordDeliberation  Y        Y              Y     .           .              .        .          .          .      .              .
recordReview        Y        Y              .     .           .              .        .          .          .      .              .
openPartyVote       Y        Y              .     .           .              .        .          .          .      .              .
openResidentsVote   Y        Y              Y     .           .              .        .          .          .      .              .
voteClosed          Y        Y              Y     Y           Y              Y        Y          Y          Y      Y              Y
withdraw            Y        Y              .     .           .              .        .          .          .      .              .
publish             Y        Y              Y     .           .              .        .          .          .      .              .
publishResult       Y        Y              Y     .           .              .        .          .          .      .              .
`

const [header, ...lines] = TABLE.trim()
  .split('\n')
  .map((l) => l.trim().split(/\s+/))
const cells = lines.flatMap(([event, ...marks]) => marks.map((mark, i) => [event, header[i], mark] as const))

describe('who may take which council step', () => {
  it('the table names every step and every person of the cast', () => {
    expect(header).toEqual(Object.keys(CAST))
    expect(lines.map((l) => l[0])).toEqual(Object.keys(SENT))
    expect(new Set(cells.map((c) => c[2]))).toEqual(new Set(['Y', '.']))
  })

  it.each(cells)('%s by %s: %s', (event, actor, mark) => {
    const { m, e } = SENT[event]
    const d = decideMatter(m, e, CAST[actor], NOW)
    expect(d.ok ? 'Y' : d.code).toBe(mark === 'Y' ? 'Y' : 'AUTH.FORBIDDEN')
  })

  it('when a refused person tries a step, then the matter they were given is untouched', () => {
    const m = matter('publicity')
    const before = JSON.stringify(m)
    expect(decideMatter(m, SENT.withdraw.e, CAST.staff, NOW).ok).toBe(false)
    expect(JSON.stringify(m)).toBe(before)
  })

  it('when the secretary withdraws during a running vote, then COUNCIL.INVALID_STAGE: the vote is ended first', () => {
    const d = decideMatter(matter('resolution', { activeVoteId: 'v' }), SENT.withdraw.e, CAST.proposer, NOW)
    expect(d.ok ? null : d.code).toBe('COUNCIL.INVALID_STAGE')
  })
})
