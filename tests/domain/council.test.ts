import { decideMatter, type MatterActor, type MatterEvent } from '../../cloudfunctions/_core/domain/council'
import { choicesFor, evaluate } from '../../cloudfunctions/_core/domain/voteRules'
import { MATTER_STATES, type MatterDoc, type MatterState, type VoteTally } from '../../types'

const NOW = new Date('2026-11-22T01:00:00.000Z')
const LATER = '2026-11-30T00:00:00.000Z'
const EARLIER = '2026-11-20T00:00:00.000Z'

const matter = (state: MatterState, over: Partial<MatterDoc> = {}): MatterDoc => ({
  _id: 'm1',
  communityId: 'c',
  streetId: 's',
  title: 't',
  background: 'b',
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

const everyone: MatterActor = { openid: 'sec', name: '赵红梅', roles: ['branch_secretary', 'community_staff'] }
const meeting = { date: '2026-11-20', minutes: 'm', attendance: { present: 5, expected: 7 }, attendees: '', votes: null, reason: '' }

const EVENTS: Record<string, MatterEvent> = {
  recordDeliberation: { type: 'record', stage: 'deliberation', outcome: 'agreed', ...meeting },
  recordReview: { type: 'record', stage: 'review', outcome: 'agreed', ...meeting },
  openPartyVote: { type: 'openVote', voteId: 'v', rollKind: 'party_members' },
  openResidentsVote: { type: 'openVote', voteId: 'v', rollKind: 'residents' },
  withdraw: { type: 'withdraw', reason: '撤回' },
  publish: { type: 'publish', text: '公示', days: 7 },
  publishResult: { type: 'publishResult', text: '结果', photos: [], unanswered: 0 },
}

/** state → event → the next state, for every pair that is allowed; every other pair must be refused. */
const ALLOWED: Partial<Record<MatterState, Record<string, MatterState>>> = {
  deliberation: { recordDeliberation: 'review', withdraw: 'withdrawn' },
  review: { recordReview: 'resolution', openPartyVote: 'review', withdraw: 'withdrawn' },
  resolution: { openResidentsVote: 'resolution', withdraw: 'withdrawn' },
  publicity: { publish: 'implementation', withdraw: 'withdrawn' },
  implementation: { publishResult: 'done', withdraw: 'withdrawn' },
}

describe('the council procedure, every state × event', () => {
  const cases = MATTER_STATES.flatMap((s) => Object.keys(EVENTS).map((e) => [s, e] as const))
  test.each(cases)('when a matter in %s meets %s, then it moves as the table says or is refused as out of order', (state, name) => {
    const m = matter(state, state === 'implementation' ? { publication: { text: 'p', at: EARLIER, until: EARLIER, byOpenid: 'sec' } } : {})
    const d = decideMatter(m, EVENTS[name], everyone, NOW)
    const expected = ALLOWED[state]?.[name]
    if (!expected) {
      expect(d).toMatchObject({ ok: false })
      if (!d.ok) expect(['COUNCIL.INVALID_STAGE', 'COUNCIL.RULE_MISMATCH']).toContain(d.code)
      return
    }
    expect(d.ok).toBe(true)
    if (!d.ok) return
    expect(d.next.state).toBe(expected)
    expect(d.next.version).toBe(4)
    // every step but opening a vote appends exactly one record; nothing is removed
    expect(d.next.records.length).toBe(name.startsWith('open') ? 0 : 1)
  })

  test('when a vote is under way, then no other step is taken until it closes, and its close moves the matter', () => {
    const m = matter('resolution', { activeVoteId: 'v' })
    for (const e of Object.values(EVENTS)) expect(decideMatter(m, e, everyone, NOW).ok).toBe(false)
    const passed = decideMatter(m, { type: 'voteClosed', voteId: 'v', passed: true, summary: '' }, everyone, NOW)
    expect(passed.ok && passed.next).toMatchObject({ state: 'publicity', activeVoteId: null })
    const failed = decideMatter(m, { type: 'voteClosed', voteId: 'v', passed: false, summary: '未过半' }, everyone, NOW)
    expect(failed.ok && failed.next).toMatchObject({ state: 'rejected' })
    expect(decideMatter(m, { type: 'voteClosed', voteId: 'other', passed: true, summary: '' }, everyone, NOW).ok).toBe(false)
  })

  test('when the publicity period runs or objections wait, then the result cannot be published', () => {
    const running = matter('implementation', { publication: { text: 'p', at: EARLIER, until: LATER, byOpenid: 'sec' } })
    expect(decideMatter(running, EVENTS.publishResult, everyone, NOW)).toMatchObject({ ok: false, code: 'COUNCIL.PUBLICITY_RUNNING' })
    const over = matter('implementation', { publication: { text: 'p', at: EARLIER, until: EARLIER, byOpenid: 'sec' } })
    expect(decideMatter(over, { ...EVENTS.publishResult, unanswered: 1 } as MatterEvent, everyone, NOW)).toMatchObject({
      ok: false,
      code: 'COUNCIL.OBJECTIONS_UNANSWERED',
    })
  })

  test('when the wrong role acts, then the stage is refused as forbidden', () => {
    const staff: MatterActor = { openid: 'staff', name: '陈静', roles: ['community_staff'] }
    const resident: MatterActor = { openid: 'r', name: '王', roles: ['resident', 'party_member'] }
    expect(decideMatter(matter('review'), EVENTS.recordReview, staff, NOW)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(decideMatter(matter('review'), EVENTS.openPartyVote, staff, NOW)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(decideMatter(matter('deliberation'), EVENTS.withdraw, staff, NOW)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(decideMatter(matter('deliberation'), EVENTS.recordDeliberation, resident, NOW)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(decideMatter(matter('deliberation'), EVENTS.recordDeliberation, staff, NOW).ok).toBe(true)
  })

  test('when a step changes the state, then the proposer is notified unless they took it', () => {
    const staff: MatterActor = { openid: 'staff', name: '陈静', roles: ['community_staff'] }
    const d = decideMatter(matter('deliberation'), EVENTS.recordDeliberation, staff, NOW)
    expect(d.ok && d.effects).toEqual([{ type: 'notify', to: 'sec', state: 'review' }])
    const own = decideMatter(matter('deliberation'), EVENTS.recordDeliberation, everyone, NOW)
    expect(own.ok && own.effects).toEqual([])
  })
})

describe('counting rules at their edges', () => {
  const yesNo = choicesFor([])
  /** a tally with `yes` for and `no` against (by count), areas as given */
  const tally = (yes: number, no: number, yesArea = yes * 100, noArea = no * 100): VoteTally => ({
    choices: [
      { id: 'for', count: yes, area: yesArea },
      { id: 'against', count: no, area: noArea },
      { id: 'abstain', count: 0, area: 0 },
    ],
    participants: yes + no,
    participantArea: yesArea + noArea,
  })

  test.each([
    // roll, for, against → passed (meeting: more than half take part; more than half of them agree)
    [10, 3, 2, false], // exactly half took part: no quorum
    [10, 4, 2, true], // 6 of 10 take part; 4 of 6 agree
    [10, 3, 3, false], // exactly half agree: not more than half
    [10, 4, 3, true],
  ])('meeting rule: roll %i, %i for, %i against → passed %s', (roll, yes, no, passed) => {
    expect(evaluate('meeting', { count: roll, area: 0 }, tally(yes, no), yesNo).passed).toBe(passed)
  })

  test('art. 278 turnout: exactly two-thirds by count and by area is enough; a hair less by either is not', () => {
    // roll 9 owners, 900 area units; 6 take part with 600 units (exactly 2/3 of both); 4 of them agree with 400 units
    expect(evaluate('art278_ordinary', { count: 9, area: 900 }, tally(4, 2, 400, 200), yesNo).passed).toBe(true)
    // area one unit short of 2/3
    expect(evaluate('art278_ordinary', { count: 9, area: 901 }, tally(4, 2, 400, 200), yesNo).figures.find((f) => f.key === 'turnoutArea')?.met).toBe(false)
    // count short: 5 of 9
    expect(evaluate('art278_ordinary', { count: 9, area: 600 }, tally(3, 2, 400, 200), yesNo).figures.find((f) => f.key === 'turnout')?.met).toBe(false)
  })

  test('art. 278 ordinary: more than half by count AND by area; exactly half of either fails', () => {
    const roll = { count: 6, area: 600 }
    expect(evaluate('art278_ordinary', roll, tally(4, 2, 301, 299), yesNo).passed).toBe(true)
    expect(evaluate('art278_ordinary', roll, tally(4, 2, 300, 300), yesNo).passed).toBe(false) // half the area
    expect(evaluate('art278_ordinary', roll, tally(3, 3, 400, 200), yesNo).passed).toBe(false) // half the people
  })

  test('art. 278 major: three-quarters by count AND by area, the fraction itself included', () => {
    const roll = { count: 8, area: 800 }
    expect(evaluate('art278_major', roll, tally(6, 2, 600, 200), yesNo).passed).toBe(true) // exactly 3/4 of both
    expect(evaluate('art278_major', roll, tally(6, 2, 599, 201), yesNo).passed).toBe(false) // area just under
    expect(evaluate('art278_major', roll, tally(5, 3, 700, 100), yesNo).passed).toBe(false) // count under
  })

  // Civil Code art. 278 items 6–8 (raising the fund, rebuilding, changing common parts' use) need ¾ of those taking
  // part by count AND by area; a figure between ⅔ and ¾ is the ordinary matters' two-thirds feel, and must not pass.
  const figure = (r: ReturnType<typeof evaluate>, key: string) => r.figures.find((f) => f.key === key)?.met
  // 24 owners on the roll: every case below has a lawful turnout (at least 16 of them, all the area)
  const roll = { count: 24, area: 2000 }

  test.each([
    // for, against (count); for, against (area units): all the area takes part
    ['7 of 10 by count (70 %)', 14, 6, 1500, 500],
    ['⅔ by count exactly (16 of 24)', 16, 8, 1500, 500],
    ['just under ¾ by count (14 of 19)', 14, 5, 1500, 500],
  ])('art. 278 major: %s with ¾ of the area is refused by the count', (_name, yes, no, yesArea, noArea) => {
    const r = evaluate('art278_major', roll, tally(yes, no, yesArea, noArea), yesNo)
    expect(figure(r, 'approve')).toBe(false)
    expect(figure(r, 'approveArea')).toBe(true)
    expect(r).toMatchObject({ passed: false, adopted: null })
  })

  test.each([
    ['70 % of the area', 1400, 600],
    ['⅔ of the area exactly', 1200, 600],
    ['one unit under ¾ of the area', 1499, 501],
  ])('art. 278 major: %s with ¾ by count is refused by the area', (_name, yesArea, noArea) => {
    const r = evaluate('art278_major', roll, tally(15, 5, yesArea, noArea), yesNo)
    expect(figure(r, 'approve')).toBe(true)
    expect(figure(r, 'approveArea')).toBe(false)
    expect(r).toMatchObject({ passed: false, adopted: null })
  })

  test.each([
    ['exactly ¾ of both', 15, 5, 1500, 500],
    ['above ¾ of both', 16, 4, 1600, 400],
    ['all of both', 20, 0, 2000, 0],
  ])('art. 278 major: %s passes and adopts 同意', (_name, yes, no, yesArea, noArea) => {
    const r = evaluate('art278_major', roll, tally(yes, no, yesArea, noArea), yesNo)
    expect(r.figures.map((f) => [f.key, f.met])).toEqual([
      ['turnout', true],
      ['turnoutArea', true],
      ['approve', true],
      ['approveArea', true],
    ])
    expect(r).toMatchObject({ passed: true, adopted: 'for' })
  })

  test('art. 278 major: the same figure between ⅔ and ¾ that fails a major matter passes an ordinary one', () => {
    const between = tally(14, 6, 1400, 600)
    expect(evaluate('art278_major', roll, between, yesNo).passed).toBe(false)
    expect(evaluate('art278_ordinary', roll, between, yesNo).passed).toBe(true)
  })

  test('when two plans tie, then neither is adopted', () => {
    const plans = choicesFor(['甲', '乙'])
    const t: VoteTally = {
      choices: [
        { id: 'o1', count: 2, area: 0 },
        { id: 'o2', count: 2, area: 0 },
      ],
      participants: 4,
      participantArea: 0,
    }
    expect(evaluate('meeting', { count: 4, area: 0 }, t, plans)).toMatchObject({ passed: false, adopted: null })
  })
})
