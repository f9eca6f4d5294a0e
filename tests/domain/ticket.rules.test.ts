import { parseSettings } from '../../types/settings'
import {
  chooseAssignee,
  deadlinesFor,
  decide,
  ticketSettings,
  type Decision,
  type TicketActor,
  type TicketEvent,
} from '../../cloudfunctions/_core/domain/ticket'
import { DEFAULT_TICKET_CATEGORIES, type TicketDoc } from '../../types'
import { A, G1, SETTINGS, T0, buildTicket, hours } from './ticketFixtures'

const run = (t: TicketDoc, e: TicketEvent, a: TicketActor, now = hours(1)): Decision => decide(t, e, a, now, SETTINGS)
const next = (r: Decision): TicketDoc => {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}`)
  return r.next
}
const code = (r: Decision) => (r.ok ? null : r.code)

describe('who may do what', () => {
  it('when a resident who did not report it confirms, then AUTH.FORBIDDEN', () => {
    expect(code(run(buildTicket('resolved'), { type: 'confirm' }, A.neighbour))).toBe('AUTH.FORBIDDEN')
  })

  it('when a member of another grid accepts, then AUTH.FORBIDDEN', () => {
    expect(code(run(buildTicket('assigned'), { type: 'accept' }, A.otherGrid))).toBe('AUTH.FORBIDDEN')
  })

  it('when any member of the ticket grid accepts an assigned ticket, then the first responder owns it', () => {
    const t = next(run(buildTicket('assigned'), { type: 'accept' }, A.member2))
    expect(t).toMatchObject({ state: 'accepted', assigneeOpenid: 'm2', respondedAt: hours(1).toISOString() })
  })

  it('when community staff accept a ticket still at grid level, then AUTH.FORBIDDEN (they reassign instead)', () => {
    expect(code(run(buildTicket('assigned'), { type: 'accept' }, A.staff))).toBe('AUTH.FORBIDDEN')
    expect(next(run(buildTicket('assigned'), { type: 'reassign', to: 'm2', eligible: G1, note: null }, A.staff)).assigneeOpenid).toBe('m2')
  })

  it('when a ticket is at community level, then staff accept it and grid members may not', () => {
    const t = buildTicket('submitted', { level: 'community' })
    expect(code(run(t, { type: 'accept' }, A.member))).toBe('AUTH.FORBIDDEN')
    expect(next(run(t, { type: 'accept' }, A.staff)).assigneeOpenid).toBe('s')
  })

  it('when a ticket is at street level, then street staff accept it and community staff may not', () => {
    const t = buildTicket('submitted', { level: 'street' })
    expect(code(run(t, { type: 'accept' }, A.staff))).toBe('AUTH.FORBIDDEN')
    expect(next(run(t, { type: 'accept' }, A.street)).state).toBe('accepted')
  })

  it('when the leader of another grid reassigns, then AUTH.FORBIDDEN', () => {
    expect(code(run(buildTicket('assigned'), { type: 'reassign', to: 'm2', eligible: G1, note: null }, A.otherLeader))).toBe('AUTH.FORBIDDEN')
  })

  it('when a grid member merges, then AUTH.FORBIDDEN (supervisors merge)', () => {
    expect(code(run(buildTicket('assigned'), { type: 'merge', into: 't2' }, A.member))).toBe('AUTH.FORBIDDEN')
  })

  it('when a person sends a timer event, then AUTH.FORBIDDEN', () => {
    expect(code(run(buildTicket('assigned'), { type: 'markOverdue' }, A.staff, hours(24 * 30)))).toBe('AUTH.FORBIDDEN')
  })

  it('when someone without a role in the community says "me too", then AUTH.FORBIDDEN', () => {
    expect(code(run(buildTicket('assigned'), { type: 'join', householdId: null }, { openid: 'z', roles: [], gridIds: [], ledGridIds: [] }))).toBe(
      'AUTH.FORBIDDEN',
    )
  })
})

describe('what each event does', () => {
  it('when routing assigns, then the assignee is told and the reporter hears of the state change', () => {
    const r = run(buildTicket('submitted'), { type: 'assign', to: 'm' }, A.system)
    expect(next(r)).toMatchObject({ state: 'assigned', assigneeOpenid: 'm' })
    expect(r.ok && r.effects).toEqual([
      { type: 'notify', to: 'm', kind: 'assigned', ticketId: 't1', state: 'assigned' },
      { type: 'notify', to: 'r', kind: 'stateChanged', ticketId: 't1', state: 'assigned' },
    ])
  })

  it('when a member accepts, then the reporter and followers hear of it, not the member', () => {
    const r = run(buildTicket('assigned', { followers: ['r', 'n'] }), { type: 'accept' }, A.member)
    expect(r.ok && r.effects.map((e) => [e.to, e.kind])).toEqual([
      ['r', 'stateChanged'],
      ['n', 'stateChanged'],
    ])
  })

  it('when two people of one household say "me too", then both follow and the household counts once', () => {
    const a = next(run(buildTicket('assigned'), { type: 'join', householdId: 'h9' }, A.neighbour))
    const b = next(run(a, { type: 'join', householdId: 'h9' }, { ...A.neighbour, openid: 'n2' }))
    expect(b.followers).toEqual(['r', 'n', 'n2'])
    expect(b.followerHouseholds).toEqual(['h1', 'h9'])
  })

  it('when a follower says "me too" again, then TICKET.ALREADY_FOLLOWING', () => {
    expect(code(run(buildTicket('assigned'), { type: 'join', householdId: 'h1' }, A.reporter))).toBe('TICKET.ALREADY_FOLLOWING')
  })

  it('when a member resolves without an after photo, then INPUT.INVALID', () => {
    expect(run(buildTicket('accepted'), { type: 'resolve', note: '好了', photos: [] }, A.member)).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      message: '请上传至少一张处理后的照片',
    })
  })

  it('when a member resolves with a note and a photo, then the resolution is recorded', () => {
    const t = next(run(buildTicket('accepted'), { type: 'resolve', note: '已清理', photos: ['cloud://a.png'] }, A.member))
    expect(t).toMatchObject({ state: 'resolved', resolvedAt: hours(1).toISOString(), resolution: { note: '已清理', photos: ['cloud://a.png'], byOpenid: 'm' } })
  })

  it('when a member escalates to the street (吹哨), then it waits there unassigned with a fresh time to respond', () => {
    const t = next(run(buildTicket('accepted'), { type: 'escalate', to: 'street', reason: '涉及多个部门' }, A.member, hours(5)))
    expect(t).toMatchObject({ state: 'submitted', level: 'street', maxLevel: 'street', assigneeOpenid: null, respondBy: hours(9).toISOString() })
    expect(t.timeline.at(-1)).toMatchObject({ event: 'escalate', note: '涉及多个部门', detail: 'street' })
  })

  it('when a ticket at the street is escalated, or escalated to its own level, then TICKET.ESCALATE_LEVEL', () => {
    const street = buildTicket('submitted', { level: 'street' })
    expect(code(run(street, { type: 'escalate', to: 'street', reason: 'x' }, A.street))).toBe('TICKET.ESCALATE_LEVEL')
    const community = buildTicket('submitted', { level: 'community' })
    expect(code(run(community, { type: 'escalate', to: 'community', reason: 'x' }, A.staff))).toBe('TICKET.ESCALATE_LEVEL')
  })

  it('when a member transfers to someone outside the grid, then TICKET.NOT_IN_GRID', () => {
    expect(code(run(buildTicket('accepted'), { type: 'transfer', to: 'x', gridMembers: G1, note: null }, A.member))).toBe('TICKET.NOT_IN_GRID')
  })

  it('when a member transfers an accepted ticket, then the colleague has it assigned and is told', () => {
    const r = run(buildTicket('accepted'), { type: 'transfer', to: 'm2', gridMembers: G1, note: '我在外地' }, A.member)
    expect(next(r)).toMatchObject({ state: 'assigned', assigneeOpenid: 'm2' })
    expect(r.ok && r.effects.find((e) => e.kind === 'assigned')?.to).toBe('m2')
  })

  it('when the reporter confirms, then it closes as confirmed', () => {
    expect(next(run(buildTicket('resolved'), { type: 'confirm' }, A.reporter))).toMatchObject({
      state: 'closed',
      confirmation: 'confirmed',
      closedAt: hours(1).toISOString(),
    })
  })

  it('when the reporter says not fixed, then it reopens one level up with the count raised and the resolution cleared', () => {
    const t = next(run(buildTicket('resolved'), { type: 'reopen', reason: '还是漏水' }, A.reporter))
    expect(t).toMatchObject({ state: 'submitted', level: 'community', maxLevel: 'community', reopenCount: 1, assigneeOpenid: null, resolution: null })
    expect(t.timeline.at(-1)).toMatchObject({ event: 'reopen', note: '还是漏水', actorRole: 'resident' })
  })

  it('when the reporter rates twice, then the second is TICKET.ALREADY_RATED', () => {
    const t = next(run(buildTicket('closed'), { type: 'rate', score: 4, comment: null }, A.reporter))
    expect(t.rating).toEqual({ score: 4, comment: null, at: hours(1).toISOString() })
    expect(code(run(t, { type: 'rate', score: 5, comment: null }, A.reporter))).toBe('TICKET.ALREADY_RATED')
  })

  it('when the reporter withdraws after acceptance, then TICKET.INVALID_TRANSITION', () => {
    expect(code(run(buildTicket('accepted'), { type: 'withdraw', reason: null }, A.reporter))).toBe('TICKET.INVALID_TRANSITION')
  })

  it('when a duplicate merges into another, then it records the target and the target takes its followers', () => {
    const dup = next(run(buildTicket('assigned', { followers: ['r', 'n'] }), { type: 'merge', into: 't2' }, A.staff))
    expect(dup).toMatchObject({ state: 'merged', mergedInto: 't2' })
    const target = next(
      run(
        buildTicket('assigned', { _id: 't2', followers: ['q'], followerHouseholds: ['hq'] }),
        { type: 'absorb', from: 't1', followers: dup.followers, households: dup.followerHouseholds },
        A.staff,
      ),
    )
    expect(target.followers).toEqual(['q', 'r', 'n'])
    expect(target.followerHouseholds).toEqual(['hq', 'h1'])
  })

  it('when a ticket is merged into itself, then TICKET.MERGE_INVALID', () => {
    expect(code(run(buildTicket('assigned'), { type: 'merge', into: 't1' }, A.staff))).toBe('TICKET.MERGE_INVALID')
  })
})

describe('timer events run twice change nothing more (the second answers ok:false TICKET.NOT_DUE or INVALID_TRANSITION)', () => {
  it('markOverdue flags a late unanswered ticket once', () => {
    const late = hours(5) // sanitation: respond within 4 hours
    const once = next(run(buildTicket('assigned'), { type: 'markOverdue' }, A.system, late))
    expect(once).toMatchObject({ overdueRespond: true, overdueResolve: false })
    expect(code(run(once, { type: 'markOverdue' }, A.system, late))).toBe('TICKET.NOT_DUE')
  })

  it('markOverdue before any deadline is TICKET.NOT_DUE', () => {
    expect(code(run(buildTicket('assigned'), { type: 'markOverdue' }, A.system, hours(3)))).toBe('TICKET.NOT_DUE')
  })

  it('markOverdue flags an accepted ticket past its resolve deadline', () => {
    expect(next(run(buildTicket('accepted'), { type: 'markOverdue' }, A.system, hours(49)))).toMatchObject({ overdueResolve: true })
  })

  it('autoEscalate moves an unanswered ticket up one level once per level, and never past the street', () => {
    const t1 = next(run(buildTicket('assigned'), { type: 'autoEscalate' }, A.system, hours(5)))
    expect(t1).toMatchObject({ level: 'community', state: 'submitted', assigneeOpenid: null, overdueRespond: true })
    expect(code(run(t1, { type: 'autoEscalate' }, A.system, hours(5)))).toBe('TICKET.NOT_DUE')
    const t2 = next(run(t1, { type: 'autoEscalate' }, A.system, hours(10)))
    expect(t2.level).toBe('street')
    expect(code(run(t2, { type: 'autoEscalate' }, A.system, hours(100)))).toBe('TICKET.NOT_DUE')
  })

  it('autoClose closes a resolved ticket the reporter never answered, as unconfirmed, once', () => {
    const resolved = buildTicket('resolved') // resolved at T0+2h; default wait 7 days
    expect(code(run(resolved, { type: 'autoClose' }, A.system, hours(2 + 24 * 7 - 1)))).toBe('TICKET.NOT_DUE')
    const closed = next(run(resolved, { type: 'autoClose' }, A.system, hours(2 + 24 * 7)))
    expect(closed).toMatchObject({ state: 'closed', confirmation: 'unconfirmed' })
    expect(code(run(closed, { type: 'autoClose' }, A.system, hours(2 + 24 * 8)))).toBe('TICKET.INVALID_TRANSITION')
  })

  it('autoClose waits as many days as the community set', () => {
    const s = ticketSettings(parseSettings({ ticketAutoCloseDays: 2 }))
    expect(decide(buildTicket('resolved'), { type: 'autoClose' }, A.system, hours(2 + 48), s).ok).toBe(true)
  })
})

describe('routing and deadlines', () => {
  it('routes to the member with the fewest open tickets', () => {
    expect(chooseAssignee({ memberOpenids: ['a', 'b', 'c'], leaderOpenid: 'l' }, { a: 3, b: 1, c: 2 })).toBe('b')
  })

  it('breaks ties by the order the grid lists its members, counting a member without tickets as zero', () => {
    expect(chooseAssignee({ memberOpenids: ['a', 'b'], leaderOpenid: null }, {})).toBe('a')
    expect(chooseAssignee({ memberOpenids: ['a', 'b'], leaderOpenid: null }, { a: 1 })).toBe('b')
  })

  it('routes to the grid leader when the grid has no members, and to nobody when it has neither', () => {
    expect(chooseAssignee({ memberOpenids: [], leaderOpenid: 'l' }, {})).toBe('l')
    expect(chooseAssignee({ memberOpenids: [], leaderOpenid: null }, {})).toBeNull()
  })

  it('gives 环境卫生 four hours to respond and two days to resolve', () => {
    expect(deadlinesFor(DEFAULT_TICKET_CATEGORIES[0], T0)).toEqual({ respondBy: hours(4).toISOString(), resolveBy: hours(48).toISOString() })
  })

  it('uses the community categories when set, and the defaults when not or malformed', () => {
    const own = [{ key: 'lift', label: '电梯故障', respondHours: 1, resolveDays: 1 }]
    expect(ticketSettings(parseSettings({ ticketCategories: own })).categories).toEqual(own)
    expect(ticketSettings(parseSettings({ ticketCategories: [{ key: 'x' }] })).categories).toEqual(DEFAULT_TICKET_CATEGORIES)
    expect(ticketSettings(parseSettings({}))).toEqual({
      categories: DEFAULT_TICKET_CATEGORIES,
      autoCloseDays: 7,
      maskAssigneeName: true,
      photoRetentionDays: 730,
      hideGridContact: false,
      callbackShare: 20,
    })
  })

  it('keeps ticket photos two years unless the community says otherwise, never under 30 days', () => {
    expect(ticketSettings(parseSettings({ photoRetentionDays: 90 })).photoRetentionDays).toBe(90)
    expect(ticketSettings(parseSettings({ photoRetentionDays: 7 })).photoRetentionDays).toBe(730)
    expect(ticketSettings(parseSettings({ photoRetentionDays: '90' })).photoRetentionDays).toBe(730)
  })
})
