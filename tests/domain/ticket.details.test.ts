import { decide, guard, roleFor, type Decision, type TicketActor, type TicketEvent } from '../../cloudfunctions/_core/domain/ticket'
import { ERROR_MESSAGES } from '../../types'
import type { TicketDoc } from '../../types'
import { A, G1, SETTINGS, buildTicket, hours } from './ticketFixtures'

const run = (t: TicketDoc, e: TicketEvent, a: TicketActor, now = hours(1)): Decision => decide(t, e, a, now, SETTINGS)
const next = (r: Decision): TicketDoc => {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}`)
  return r.next
}
const refusal = (r: Decision) => (r.ok ? null : { code: r.code, message: r.message })
const effects = (r: Decision) => (r.ok ? r.effects.map((e) => [e.to, e.kind]) : null)
const person = (openid: string, roles: TicketActor['roles'], gridIds: string[] = [], ledGridIds: string[] = []): TicketActor => ({
  openid,
  roles,
  gridIds,
  ledGridIds,
})

describe('the timeline entry an event writes', () => {
  it('records when, what, who and in which role, with no note, photos or detail unless the event has them', () => {
    const t = buildTicket('assigned')
    const after = next(run(t, { type: 'accept' }, A.member, hours(1)))
    expect(after.timeline).toEqual([
      ...t.timeline,
      { at: hours(1).toISOString(), event: 'accept', actorOpenid: 'm', actorRole: 'grid_member', note: null, photos: [], detail: null },
    ])
    expect(after.version).toBe(t.version + 1)
    expect(after.updatedAt).toBe(hours(1).toISOString())
  })

  it('keeps a progress note and its photos on the entry, and tells every follower but the one who wrote it', () => {
    const r = run(buildTicket('accepted', { followers: ['r', 'n', 'm'] }), { type: 'progress', note: '已联系物业', photos: ['cloud://p.png'] }, A.member)
    expect(next(r).timeline.at(-1)).toMatchObject({ event: 'progress', note: '已联系物业', photos: ['cloud://p.png'], detail: null })
    expect(next(r).state).toBe('accepted')
    expect(effects(r)).toEqual([
      ['r', 'progress'],
      ['n', 'progress'],
    ])
  })

  it('writes a withdrawal’s reason and closes the ticket now', () => {
    const t = next(run(buildTicket('assigned'), { type: 'withdraw', reason: '已自行解决' }, A.reporter))
    expect(t).toMatchObject({ state: 'withdrawn', closedAt: hours(1).toISOString() })
    expect(t.timeline.at(-1)).toMatchObject({ event: 'withdraw', note: '已自行解决', actorRole: 'resident' })
  })

  it('writes a rating’s score as its detail and the comment as its note', () => {
    const t = next(run(buildTicket('closed'), { type: 'rate', score: 3, comment: '还行' }, A.reporter))
    expect(t.timeline.at(-1)).toMatchObject({ event: 'rate', note: '还行', detail: '3' })
  })
})

describe('the role written for who acted', () => {
  it('is the role that let them act: staff before grid roles below the street, street staff first at the street', () => {
    const both = person('both', ['grid_member', 'street_staff', 'community_staff'], ['g1'])
    expect(roleFor(buildTicket('assigned'), both)).toBe('community_staff')
    expect(roleFor(buildTicket('assigned', { level: 'street' }), both)).toBe('street_staff')
    expect(roleFor(buildTicket('assigned'), person('gl', ['grid_member', 'grid_leader'], ['g1'], ['g1']))).toBe('grid_leader')
    expect(roleFor(buildTicket('assigned'), A.system)).toBe('system')
  })

  it('is resident for a reporter who does not handle it, and their working role when they do', () => {
    const reporterMember = person('r', ['grid_member'], ['g1'])
    expect(roleFor(buildTicket('assigned'), reporterMember)).toBe('grid_member')
    expect(roleFor(buildTicket('assigned', { level: 'community' }), reporterMember)).toBe('resident')
    expect(roleFor(buildTicket('assigned'), person('q', []))).toBe('resident')
  })
})

describe('who handles a ticket at its level', () => {
  it('the assignee, whatever the level; nobody else of the grid above the grid', () => {
    const t = buildTicket('assigned', { level: 'community', assigneeOpenid: 'm' })
    expect(next(run(t, { type: 'accept' }, A.member)).assigneeOpenid).toBe('m')
    expect(refusal(run(t, { type: 'accept' }, A.member2))?.code).toBe('AUTH.FORBIDDEN')
    expect(next(run(t, { type: 'accept' }, person('sec', ['branch_secretary']))).assigneeOpenid).toBe('sec')
  })

  it('not the system, even named as the assignee', () => {
    expect(refusal(run(buildTicket('assigned', { assigneeOpenid: 'system' }), { type: 'accept' }, A.system))?.code).toBe('AUTH.FORBIDDEN')
  })

  it('a grid member with the role but not of the ticket’s grid, or of the grid without a grid role, may not', () => {
    expect(refusal(run(buildTicket('assigned'), { type: 'accept' }, person('q', ['resident'], ['g1'])))?.code).toBe('AUTH.FORBIDDEN')
    expect(refusal(run(buildTicket('assigned'), { type: 'accept' }, person('q', ['grid_member'], ['g2'])))?.code).toBe('AUTH.FORBIDDEN')
    expect(next(run(buildTicket('assigned'), { type: 'accept' }, person('q', ['grid_leader'], ['g1']))).state).toBe('accepted')
  })

  it('only at the grid, for transfers: staff handling it at the community reassign instead', () => {
    const t = buildTicket('accepted', { level: 'community', assigneeOpenid: 's' })
    expect(refusal(run(t, { type: 'transfer', to: 'm', gridMembers: G1, note: null }, A.staff))?.code).toBe('AUTH.FORBIDDEN')
  })
})

describe('who supervises a ticket', () => {
  it('the leader of its grid while at the grid, not once it left the grid', () => {
    expect(next(run(buildTicket('assigned'), { type: 'reassign', to: 'm2', eligible: G1, note: null }, A.leader)).assigneeOpenid).toBe('m2')
    const up = buildTicket('assigned', { level: 'community' })
    expect(refusal(run(up, { type: 'reassign', to: 'm2', eligible: G1, note: null }, A.leader))?.code).toBe('AUTH.FORBIDDEN')
    expect(next(run(up, { type: 'reassign', to: 'm2', eligible: G1, note: null }, person('sec', ['branch_secretary']))).assigneeOpenid).toBe('m2')
    expect(next(run(up, { type: 'merge', into: 't2' }, A.street)).state).toBe('merged')
  })

  it('not a leader by role alone, without leading the grid', () => {
    expect(
      refusal(run(buildTicket('assigned'), { type: 'reassign', to: 'm2', eligible: G1, note: null }, person('q', ['grid_leader'], ['g1'], [])))?.code,
    ).toBe('AUTH.FORBIDDEN')
    expect(
      refusal(run(buildTicket('assigned'), { type: 'reassign', to: 'm2', eligible: G1, note: null }, person('q', ['grid_member'], ['g1'], ['g1'])))?.code,
    ).toBe('AUTH.FORBIDDEN')
  })
})

describe('refusals of a bad payload', () => {
  it('a transfer or reassignment to whoever has it already', () => {
    expect(refusal(run(buildTicket('accepted'), { type: 'transfer', to: 'm', gridMembers: G1, note: null }, A.member))).toEqual({
      code: 'TICKET.ASSIGNEE_INVALID',
      message: '已经是该人员在办理',
    })
    expect(refusal(run(buildTicket('accepted'), { type: 'reassign', to: 'm', eligible: G1, note: null }, A.staff))).toEqual({
      code: 'TICKET.ASSIGNEE_INVALID',
      message: '已经是该人员在办理',
    })
  })

  it('a reassignment to someone who may not handle it at its level', () => {
    expect(refusal(run(buildTicket('accepted'), { type: 'reassign', to: 'x', eligible: G1, note: null }, A.staff))?.code).toBe('TICKET.ASSIGNEE_INVALID')
  })

  it('a rating outside whole stars 1 to 5', () => {
    for (const score of [0, 6, 2.5, -1])
      expect(refusal(run(buildTicket('closed'), { type: 'rate', score, comment: null }, A.reporter))).toEqual({
        code: 'INPUT.INVALID',
        message: '评分应为1到5分',
      })
    for (const score of [1, 5]) expect(next(run(buildTicket('closed'), { type: 'rate', score, comment: null }, A.reporter)).rating?.score).toBe(score)
  })

  it('a ticket taking over its own followers', () => {
    expect(refusal(run(buildTicket('assigned'), { type: 'absorb', from: 't1', followers: [], households: [] }, A.staff))?.code).toBe('TICKET.MERGE_INVALID')
  })
})

describe('what each event changes, in detail', () => {
  it('a transfer writes its note and the colleague as its detail', () => {
    const t = next(run(buildTicket('accepted'), { type: 'transfer', to: 'm2', gridMembers: G1, note: '我在外地' }, A.member))
    expect(t.timeline.at(-1)).toMatchObject({ event: 'transfer', note: '我在外地', detail: 'm2' })
  })

  it('a reassignment writes its note, the new assignee as detail, and tells them', () => {
    const r = run(buildTicket('accepted'), { type: 'reassign', to: 'm2', eligible: G1, note: '换人' }, A.staff)
    expect(next(r)).toMatchObject({ state: 'assigned', assigneeOpenid: 'm2' })
    expect(next(r).timeline.at(-1)).toMatchObject({ event: 'reassign', note: '换人', detail: 'm2' })
    expect(effects(r)).toEqual([
      ['m2', 'assigned'],
      ['r', 'stateChanged'],
    ])
  })

  it('assignment tells the assignee of it even when they follow the ticket too, and of the state change', () => {
    const r = run(buildTicket('submitted', { followers: ['r', 'm'] }), { type: 'assign', to: 'm' }, A.system)
    expect(effects(r)).toEqual([
      ['m', 'assigned'],
      ['r', 'stateChanged'],
      ['m', 'stateChanged'],
    ])
    expect(next(r).timeline.at(-1)).toMatchObject({ event: 'assign', detail: 'm', actorRole: 'system' })
  })

  it('accepting a reopened ticket keeps when it was first answered', () => {
    const reopened = buildTicket('submitted', { respondedAt: hours(0.5).toISOString(), reopenCount: 1 })
    expect(next(run(reopened, { type: 'accept' }, A.member, hours(9))).respondedAt).toBe(hours(0.5).toISOString())
  })

  it('merging writes the target as detail and closes the duplicate now', () => {
    const t = next(run(buildTicket('assigned'), { type: 'merge', into: 't2' }, A.staff))
    expect(t).toMatchObject({ closedAt: hours(1).toISOString() })
    expect(t.timeline.at(-1)).toMatchObject({ event: 'merge', detail: 't2' })
  })

  it('absorbing counts each follower and household once and writes where they came from', () => {
    const t = next(
      run(
        buildTicket('assigned', { followers: ['r', 'n'], followerHouseholds: ['h1', 'h2'] }),
        { type: 'absorb', from: 't9', followers: ['n', 'q'], households: ['h2', 'h3'] },
        A.staff,
      ),
    )
    expect(t.followers).toEqual(['r', 'n', 'q'])
    expect(t.followerHouseholds).toEqual(['h1', 'h2', 'h3'])
    expect(t.timeline.at(-1)).toMatchObject({ event: 'absorb', detail: 't9' })
  })

  it('a "me too" without a household counts the person as their own household', () => {
    const t = next(run(buildTicket('assigned'), { type: 'join', householdId: null }, A.neighbour))
    expect(t.followerHouseholds).toEqual(['h1', 'openid:n'])
  })

  it('the system cannot say "me too"', () => {
    expect(refusal(run(buildTicket('assigned'), { type: 'join', householdId: null }, A.system))?.code).toBe('AUTH.FORBIDDEN')
  })

  it('escalating a waiting ticket changes its level but not its state, and every follower hears of it', () => {
    const r = run(buildTicket('submitted', { followers: ['r', 'n'] }), { type: 'escalate', to: 'community', reason: '需要社区协调' }, A.leader)
    expect(next(r)).toMatchObject({ state: 'submitted', level: 'community', maxLevel: 'community' })
    expect(effects(r)).toEqual([
      ['r', 'stateChanged'],
      ['n', 'stateChanged'],
    ])
  })

  it('escalating down is refused, and escalating keeps the highest level the ticket ever reached', () => {
    const t = buildTicket('accepted', { level: 'community', maxLevel: 'street', assigneeOpenid: 's' })
    expect(refusal(run(t, { type: 'escalate', to: 'grid', reason: 'x' }, A.staff))?.code).toBe('TICKET.ESCALATE_LEVEL')
    expect(next(run(t, { type: 'escalate', to: 'street', reason: 'x' }, A.staff)).maxLevel).toBe('street')
  })

  it('a category the community no longer has keeps the ticket’s deadlines when it moves up', () => {
    const t = buildTicket('accepted', { category: 'gone' })
    expect(next(run(t, { type: 'escalate', to: 'community', reason: 'x' }, A.member, hours(5))).respondBy).toBe(t.respondBy)
    const reopened = next(run(buildTicket('resolved', { category: 'gone' }), { type: 'reopen', reason: 'x' }, A.reporter, hours(5)))
    expect([reopened.respondBy, reopened.resolveBy]).toEqual([t.respondBy, t.resolveBy])
  })

  it('reopening gives fresh deadlines from now, and a ticket at the street stays at the street', () => {
    const reopened = next(run(buildTicket('resolved', { level: 'street', maxLevel: 'street' }), { type: 'reopen', reason: '还是漏水' }, A.reporter, hours(5)))
    expect(reopened).toMatchObject({
      level: 'street',
      maxLevel: 'street',
      respondBy: hours(9).toISOString(),
      resolveBy: hours(53).toISOString(),
      resolvedAt: null,
    })
    expect(reopened.timeline.at(-1)).toMatchObject({ detail: 'street' })
  })
})

describe('the timer’s events in detail', () => {
  it('marks a ticket overdue to resolve once it was already flagged late to respond', () => {
    const t = buildTicket('assigned', { overdueRespond: true })
    expect(refusal(run(t, { type: 'markOverdue' }, A.system, hours(5)))?.code).toBe('TICKET.NOT_DUE')
    expect(next(run(t, { type: 'markOverdue' }, A.system, hours(49)))).toMatchObject({ overdueRespond: true, overdueResolve: true })
  })

  it('does not mark an accepted ticket late to respond, however late it is', () => {
    expect(next(run(buildTicket('accepted'), { type: 'markOverdue' }, A.system, hours(49)))).toMatchObject({ overdueRespond: false, overdueResolve: true })
    expect(refusal(run(buildTicket('accepted'), { type: 'markOverdue' }, A.system, hours(48)))?.code).toBe('TICKET.NOT_DUE')
    expect(refusal(run(buildTicket('accepted', { overdueResolve: true }), { type: 'markOverdue' }, A.system, hours(49)))?.code).toBe('TICKET.NOT_DUE')
  })

  it('escalates an unanswered ticket only once past its respond-by, writes the level, and gives it a fresh time', () => {
    expect(refusal(run(buildTicket('assigned'), { type: 'autoEscalate' }, A.system, hours(4)))?.code).toBe('TICKET.NOT_DUE')
    const t = next(run(buildTicket('assigned'), { type: 'autoEscalate' }, A.system, hours(5)))
    expect(t).toMatchObject({ maxLevel: 'community', respondBy: hours(9).toISOString() })
    expect(t.timeline.at(-1)).toMatchObject({ event: 'autoEscalate', detail: 'community', actorRole: 'system' })
  })

  it('closes a resolved ticket from its last change when the resolution time is missing', () => {
    const t = buildTicket('resolved', { resolvedAt: null, updatedAt: hours(10).toISOString() })
    expect(refusal(run(t, { type: 'autoClose' }, A.system, hours(10 + 24 * 7 - 1)))?.code).toBe('TICKET.NOT_DUE')
    expect(next(run(t, { type: 'autoClose' }, A.system, hours(10 + 24 * 7))).closedAt).toBe(hours(10 + 24 * 7).toISOString())
  })
})

describe('the role written for who acted, role by role', () => {
  const roles = ['street_staff', 'community_staff', 'branch_secretary', 'grid_leader', 'grid_member'] as const
  it.each(roles)('someone holding only %s is written as such at every level', (role) => {
    for (const level of ['grid', 'community', 'street'] as const)
      expect(roleFor(buildTicket('assigned', { level }), person('q', [role], ['g1'], ['g1']))).toBe(role)
  })
})

describe('whether an event may happen now, before its payload', () => {
  it('refuses escalating a ticket already at the street, so nobody is offered it', () => {
    expect(guard(buildTicket('assigned', { level: 'street' }), 'escalate', A.street, hours(1), SETTINGS)).toEqual({
      ok: false,
      code: 'TICKET.ESCALATE_LEVEL',
      message: ERROR_MESSAGES['TICKET.ESCALATE_LEVEL'],
    })
    expect(guard(buildTicket('assigned', { level: 'community' }), 'escalate', A.staff, hours(1), SETTINGS)).toBeNull()
  })
})

describe('who is told', () => {
  it('nobody about a "me too" on a ticket already assigned: neither its state nor its assignee changed', () => {
    expect(effects(run(buildTicket('assigned'), { type: 'join', householdId: 'h9' }, A.neighbour))).toEqual([])
  })

  it('each person once, even listed twice among the followers', () => {
    expect(effects(run(buildTicket('assigned', { followers: ['r', 'n', 'r'] }), { type: 'accept' }, A.member))).toEqual([
      ['r', 'stateChanged'],
      ['n', 'stateChanged'],
    ])
  })
})

describe('rating a ticket with no resolution recorded', () => {
  it('is the reporter’s, as for any closed ticket', () => {
    expect(next(run(buildTicket('closed', { resolution: null }), { type: 'rate', score: 4, comment: null }, A.reporter)).rating?.score).toBe(4)
  })
})
