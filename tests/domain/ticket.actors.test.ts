import { decide, DECIDE_EVENTS, type TicketActor, type TicketEvent, type TicketEventName } from '../../cloudfunctions/_core/domain/ticket'
import type { TicketDoc, TicketLevel, TicketState } from '../../types'
import { A, G1, SETTINGS, buildTicket, hours } from './ticketFixtures'

/**
 * Who may send which event, beyond the state table (ticket.test.ts): for every (actor, event) pair, allowed or refused.
 * Each row sends the event in a state where the state table allows it, so a refusal here is about the person.
 *
 * Cells: Y = allowed, . = AUTH.FORBIDDEN, F = TICKET.ALREADY_FOLLOWING (they follow it already), L = TICKET.ESCALATE_LEVEL
 * (they may escalate, but the street is the top).
 */

/** Far enough ahead that every deadline (and the auto-close wait) has passed. */
const LATE = hours(24 * 40)

/** A second member of 第一网格's community staff, and people of another community (roles there: none). */
const person = (openid: string, roles: TicketActor['roles'], gridIds: string[] = [], ledGridIds: string[] = []): TicketActor => ({
  openid,
  roles,
  gridIds,
  ledGridIds,
})
const CAST: Record<string, TicketActor> = {
  reporter: A.reporter,
  follower: A.neighbour,
  assignee: A.member,
  colleague: A.member2,
  otherGridMember: A.otherGrid,
  leader: A.leader,
  otherLeader: A.otherLeader,
  staff: A.staff,
  secretary: person('sec', ['branch_secretary']),
  street: A.street,
  // the handler works out roles in the ticket's community: someone of another community holds none there
  otherCommunityStaff: person('s-heping', []),
  otherCommunityResident: person('r-heping', []),
  system: A.system,
}

/** Each event's payload and the state it is sent in (one the state table allows). */
const SENT: Record<TicketEventName, { state: TicketState; event: TicketEvent; now?: Date }> = {
  assign: { state: 'submitted', event: { type: 'assign', to: 'm' } },
  join: { state: 'assigned', event: { type: 'join', householdId: 'h9' } },
  accept: { state: 'assigned', event: { type: 'accept' } },
  progress: { state: 'accepted', event: { type: 'progress', note: '已联系物业', photos: [] } },
  resolve: { state: 'accepted', event: { type: 'resolve', note: '已清理', photos: ['cloud://after.png'] } },
  escalate: { state: 'accepted', event: { type: 'escalate', to: 'street', reason: '需要街道协调' } },
  transfer: { state: 'accepted', event: { type: 'transfer', to: 'l', gridMembers: G1, note: null } },
  reassign: { state: 'accepted', event: { type: 'reassign', to: 'l', eligible: G1, note: null } },
  confirm: { state: 'resolved', event: { type: 'confirm' } },
  reopen: { state: 'resolved', event: { type: 'reopen', reason: '还是很脏' } },
  rate: { state: 'resolved', event: { type: 'rate', score: 5, comment: null } },
  withdraw: { state: 'assigned', event: { type: 'withdraw', reason: null } },
  merge: { state: 'assigned', event: { type: 'merge', into: 't2' } },
  absorb: { state: 'assigned', event: { type: 'absorb', from: 't2', followers: ['z'], households: ['h-z'] } },
  markOverdue: { state: 'assigned', event: { type: 'markOverdue' }, now: LATE },
  autoEscalate: { state: 'assigned', event: { type: 'autoEscalate' }, now: LATE },
  autoClose: { state: 'resolved', event: { type: 'autoClose' }, now: LATE },
}

/**
 * A ticket of grid g1 at level grid, reported by r, followed by n ("me too"), assigned to (then accepted and resolved
 * by) grid member m. Columns: reporter, follower, assignee, a colleague of the same grid, a member of another grid,
 * the grid's leader, another grid's leader, community staff, branch secretary, street staff, staff and a resident of
 * another community, the system (routing and the sweeper).
 */
const AT_GRID = `
                  reporter follower assignee colleague otherGridMember leader otherLeader staff secretary street otherCommunityStaff otherCommunityResident system
assign            .        .        .        .         .               .      .           .     .         .      .                   .                      Y
join              F        F        Y        Y         Y               Y      Y           Y     Y         Y      .                   .                      .
accept            .        .        Y        Y         .               Y      .           .     .         .      .                   .                      .
progress          .        .        Y        Y         .               Y      .           .     .         .      .                   .                      .
resolve           .        .        Y        Y         .               Y      .           .     .         .      .                   .                      .
escalate          .        .        Y        Y         .               Y      .           .     .         .      .                   .                      .
transfer          .        .        Y        Y         .               Y      .           .     .         .      .                   .                      .
reassign          .        .        .        .         .               Y      .           Y     Y         Y      .                   .                      .
confirm           Y        .        .        .         .               .      .           .     .         .      .                   .                      .
reopen            Y        .        .        .         .               .      .           .     .         .      .                   .                      .
rate              Y        .        .        .         .               .      .           .     .         .      .                   .                      .
withdraw          Y        .        .        .         .               .      .           .     .         .      .                   .                      .
merge             .        .        .        .         .               Y      .           Y     Y         Y      .                   .                      .
absorb            .        .        .        .         .               Y      .           Y     Y         Y      .                   .                      .
markOverdue       .        .        .        .         .               .      .           .     .         .      .                   .                      Y
autoEscalate      .        .        .        .         .               .      .           .     .         .      .                   .                      Y
autoClose         .        .        .        .         .               .      .           .     .         .      .                   .                      Y
`

/**
 * Above the grid the grid's people no longer work it: at community level its staff do (assignee: staff s2), at street
 * level the street's staff (assignee: st2). Transfer is a grid-level move only; supervisors stay supervisors.
 */
const ABOVE_GRID_EVENTS: TicketEventName[] = ['accept', 'progress', 'resolve', 'escalate', 'transfer', 'reassign', 'merge']
const AT_COMMUNITY = `
                  reporter follower assignee colleague otherGridMember leader otherLeader staff secretary street otherCommunityStaff otherCommunityResident system
accept            .        .        Y        .         .               .      .           Y     Y         .      .                   .                      .
progress          .        .        Y        .         .               .      .           Y     Y         .      .                   .                      .
resolve           .        .        Y        .         .               .      .           Y     Y         .      .                   .                      .
escalate          .        .        Y        .         .               .      .           Y     Y         .      .                   .                      .
transfer          .        .        .        .         .               .      .           .     .         .      .                   .                      .
reassign          .        .        Y        .         .               .      .           Y     Y         Y      .                   .                      .
merge             .        .        Y        .         .               .      .           Y     Y         Y      .                   .                      .
`
const AT_STREET = `
                  reporter follower assignee colleague otherGridMember leader otherLeader staff secretary street otherCommunityStaff otherCommunityResident system
accept            .        .        Y        .         .               .      .           .     .         Y      .                   .                      .
progress          .        .        Y        .         .               .      .           .     .         Y      .                   .                      .
resolve           .        .        Y        .         .               .      .           .     .         Y      .                   .                      .
escalate          .        .        L        .         .               .      .           .     .         L      .                   .                      .
transfer          .        .        .        .         .               .      .           .     .         .      .                   .                      .
reassign          .        .        Y        .         .               .      .           Y     Y         Y      .                   .                      .
merge             .        .        Y        .         .               .      .           Y     Y         Y      .                   .                      .
`

type Cell = { event: TicketEventName; actor: string; mark: string }
const parse = (table: string): { columns: string[]; cells: Cell[] } => {
  const [header, ...lines] = table
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
  const cells = lines.flatMap(([event, ...marks]) => marks.map((mark, i) => ({ event: event as TicketEventName, actor: header[i], mark })))
  return { columns: header, cells }
}

const ticketAt = (level: TicketLevel, state: TicketState): TicketDoc => {
  const assignee = level === 'grid' ? 'm' : level === 'community' ? 's2' : 'st2'
  const unaccepted = state === 'submitted' || state === 'assigned'
  return buildTicket(state, {
    level,
    maxLevel: level,
    followers: ['r', 'n'],
    followerHouseholds: ['h1', 'openid:n'],
    assigneeOpenid: state === 'submitted' ? null : assignee,
    resolution: state === 'resolved' ? { note: '已清理', photos: ['cloud://after.png'], at: hours(2).toISOString(), byOpenid: assignee } : null,
    ...(unaccepted ? {} : { respondedAt: hours(1).toISOString() }),
  })
}

/** The "assignee" column above the grid: the staff member (or street staff member) it is assigned to. */
const castAt = (level: TicketLevel, name: string): TicketActor => {
  if (name !== 'assignee' || level === 'grid') return CAST[name]
  return level === 'community' ? person('s2', ['community_staff']) : person('st2', ['street_staff'])
}

const EXPECTED: Record<string, string | null> = { Y: null, '.': 'AUTH.FORBIDDEN', F: 'TICKET.ALREADY_FOLLOWING', L: 'TICKET.ESCALATE_LEVEL' }

function check(level: TicketLevel, table: string) {
  const { cells } = parse(table)
  it.each(cells.map((c) => [c.event, c.actor, c.mark] as const))('%s by %s: %s', (event, actor, mark) => {
    const sent = SENT[event]
    // above the grid a ticket waits unassigned for its accept
    const state = level !== 'grid' && event === 'accept' ? 'submitted' : sent.state
    const t = ticketAt(level, state)
    const d = decide(t, sent.event, castAt(level, actor), sent.now ?? hours(3), SETTINGS)
    expect(d.ok ? null : d.code).toBe(EXPECTED[mark])
  })
}

describe('who may send which ticket event', () => {
  it('the tables name every event, every person of the cast, and no mark but Y, ., F and L', () => {
    const grid = parse(AT_GRID)
    expect(grid.columns).toEqual(Object.keys(CAST))
    expect([...new Set(grid.cells.map((c) => c.event))].sort()).toEqual([...DECIDE_EVENTS].sort())
    for (const table of [AT_COMMUNITY, AT_STREET]) {
      const p = parse(table)
      expect(p.columns).toEqual(Object.keys(CAST))
      expect([...new Set(p.cells.map((c) => c.event))]).toEqual(ABOVE_GRID_EVENTS)
    }
    for (const c of [AT_GRID, AT_COMMUNITY, AT_STREET].flatMap((t) => parse(t).cells)) expect(Object.keys(EXPECTED)).toContain(c.mark)
  })

  describe('at grid level', () => check('grid', AT_GRID))
  describe('at community level', () => check('community', AT_COMMUNITY))
  describe('at street level', () => check('street', AT_STREET))
})

describe('a grid member who reported a problem and fixed it', () => {
  // 张伟 reports his own stairwell, routing hands it to him, he accepts and resolves it
  const own = () => buildTicket('resolved', { reporterOpenid: 'm', followers: ['m'], followerHouseholds: ['openid:m'] })
  const send = (event: TicketEvent, t = own()) => decide(t, event, A.member, hours(3), SETTINGS)
  const code = (d: ReturnType<typeof send>) => (d.ok ? null : d.code)

  it('when he confirms his own fix, then AUTH.FORBIDDEN: only someone other than the handler counts it as fixed', () => {
    expect(code(send({ type: 'confirm' }))).toBe('AUTH.FORBIDDEN')
  })

  it('when he rates his own handling, then AUTH.FORBIDDEN, resolved or closed', () => {
    expect(code(send({ type: 'rate', score: 5, comment: null }))).toBe('AUTH.FORBIDDEN')
    expect(code(send({ type: 'rate', score: 5, comment: null }, { ...own(), state: 'closed' }))).toBe('AUTH.FORBIDDEN')
  })

  it('when he says it is not fixed after all, then it reopens one level up', () => {
    const d = send({ type: 'reopen', reason: '又堆上了' })
    expect(d.ok && d.next.level).toBe('community')
  })

  it('when a colleague resolved the ticket he reported, then he may confirm it', () => {
    const t = { ...own(), resolution: { note: '已清理', photos: ['cloud://after.png'], at: hours(2).toISOString(), byOpenid: 'm2' } }
    expect(code(send({ type: 'confirm' }, t))).toBeNull()
  })

  it('when nobody confirms, then the sweeper closes it as unconfirmed', () => {
    const d = decide(own(), { type: 'autoClose' }, A.system, LATE, SETTINGS)
    expect(d.ok && d.next.confirmation).toBe('unconfirmed')
  })
})
