import fc from 'fast-check'
import { decide, DECIDE_EVENTS, type TicketActor, type TicketEvent, type TicketEventName } from '../../cloudfunctions/_core/domain/ticket'
import { TICKET_STATES, type TicketState } from '../../types'
import { A, G1, SETTINGS, buildTicket, hours } from './ticketFixtures'

/** Far enough ahead that every deadline (and the auto-close wait) has passed. */
const LATE = hours(24 * 40)

/** For each event: an actor allowed to send it, its payload, and the moment it is sent. */
const CASES: Record<TicketEventName, { actor: TicketActor; event: TicketEvent; now?: Date }> = {
  assign: { actor: A.system, event: { type: 'assign', to: 'm' } },
  join: { actor: A.neighbour, event: { type: 'join', householdId: 'h9' } },
  accept: { actor: A.member, event: { type: 'accept' } },
  progress: { actor: A.member, event: { type: 'progress', note: '已联系物业', photos: [] } },
  resolve: { actor: A.member, event: { type: 'resolve', note: '已清理', photos: ['cloud://after.png'] } },
  escalate: { actor: A.member, event: { type: 'escalate', to: 'community', reason: '需要社区协调' } },
  transfer: { actor: A.member, event: { type: 'transfer', to: 'm2', gridMembers: G1, note: null } },
  reassign: { actor: A.leader, event: { type: 'reassign', to: 'm2', eligible: G1, note: null } },
  confirm: { actor: A.reporter, event: { type: 'confirm' } },
  reopen: { actor: A.reporter, event: { type: 'reopen', reason: '还是很脏' } },
  rate: { actor: A.reporter, event: { type: 'rate', score: 5, comment: '很快' } },
  withdraw: { actor: A.reporter, event: { type: 'withdraw', reason: null } },
  merge: { actor: A.staff, event: { type: 'merge', into: 't2' } },
  absorb: { actor: A.staff, event: { type: 'absorb', from: 't2', followers: ['n'], households: ['h9'] } },
  markOverdue: { actor: A.system, event: { type: 'markOverdue' }, now: LATE },
  autoEscalate: { actor: A.system, event: { type: 'autoEscalate' }, now: LATE },
  autoClose: { actor: A.system, event: { type: 'autoClose' }, now: LATE },
}

// The transition table: Y = allowed in that state, . = TICKET.INVALID_TRANSITION.
//                 submitted assigned accepted resolved closed withdrawn merged
const TABLE = `
assign            Y         .        .        .        .      .         .
join              Y         Y        Y        .        .      .         .
accept            Y         Y        .        .        .      .         .
progress          .         .        Y        .        .      .         .
resolve           .         .        Y        .        .      .         .
escalate          Y         Y        Y        .        .      .         .
transfer          .         Y        Y        .        .      .         .
reassign          Y         Y        Y        .        .      .         .
confirm           .         .        .        Y        .      .         .
reopen            .         .        .        Y        .      .         .
rate              .         .        .        Y        Y      .         .
withdraw          Y         Y        .        .        .      .         .
merge             Y         Y        Y        .        .      .         .
absorb            Y         Y        Y        .        .      .         .
markOverdue       Y         Y        Y        .        .      .         .
autoEscalate      Y         Y        .        .        .      .         .
autoClose         .         .        .        Y        .      .         .
`
const STATE_ORDER: TicketState[] = ['submitted', 'assigned', 'accepted', 'resolved', 'closed', 'withdrawn', 'merged']
const rows = TABLE.trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/))
const cells = rows.flatMap(([event, ...marks]) => marks.map((mark, i) => ({ event: event as TicketEventName, state: STATE_ORDER[i], allowed: mark === 'Y' })))

describe('the transition table', () => {
  it('names every event decide knows and every state a ticket can be in', () => {
    expect(rows.map((r) => r[0]).sort()).toEqual([...DECIDE_EVENTS].sort())
    expect([...STATE_ORDER].sort()).toEqual([...TICKET_STATES].sort())
    expect(cells).toHaveLength(DECIDE_EVENTS.length * TICKET_STATES.length)
  })

  it.each(cells)('$event in state $state: allowed = $allowed', ({ event, state, allowed }) => {
    const { actor, event: e, now = hours(1) } = CASES[event]
    const ticket = buildTicket(state)
    const result = decide(ticket, e, actor, now, SETTINGS)
    if (allowed) {
      expect(result).toMatchObject({ ok: true })
    } else {
      expect(result).toEqual({ ok: false, code: 'TICKET.INVALID_TRANSITION', message: '当前状态不能进行此操作' })
    }
  })

  it.each(cells.filter((c) => c.allowed))('$event in state $state appends one timeline entry, bumps the version and stamps the time', ({ event, state }) => {
    const { actor, event: e, now = hours(1) } = CASES[event]
    const before = buildTicket(state)
    const result = decide(before, e, actor, now, SETTINGS)
    if (!result.ok) throw new Error(result.code)
    expect(result.next.timeline.slice(0, -1)).toEqual(before.timeline)
    expect(result.next.timeline.at(-1)).toMatchObject({ event, actorOpenid: actor.openid, at: now.toISOString() })
    expect(result.next.version).toBe(before.version + 1)
    expect(result.next.updatedAt).toBe(now.toISOString())
  })

  it('when decide refuses, then the ticket it was given is untouched', () => {
    const before = buildTicket('closed')
    const copy = structuredClone(before)
    decide(before, { type: 'accept' }, A.member, hours(1), SETTINGS)
    expect(before).toEqual(copy)
  })
})

describe('the timeline over any run of events', () => {
  it('only ever grows: each accepted event keeps every earlier entry and adds exactly one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DECIDE_EVENTS), { maxLength: 25 }), (names) => {
        let t = buildTicket('submitted')
        for (const name of names) {
          const { actor, event, now = hours(1) } = CASES[name]
          const r = decide(t, event, actor, now, SETTINGS)
          if (!r.ok) continue
          expect(r.next.timeline.slice(0, t.timeline.length)).toEqual(t.timeline)
          expect(r.next.timeline).toHaveLength(t.timeline.length + 1)
          expect(r.next.version).toBe(t.version + 1)
          t = r.next
        }
      }),
      { numRuns: 200 },
    )
  })
})
