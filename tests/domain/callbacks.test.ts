import { parseSettings } from '../../types/settings'
import { callbackBucket, callbackReason, LOW_RATING_MAX, sampleCallback } from '../../cloudfunctions/_core/domain/callbackSample'
import { callbackGuard, decideCallback, handlersOf, nextMorning, TAKE_MINUTES, type CallbackEvent } from '../../cloudfunctions/_core/domain/callbacks'
import { decide, ticketSettings, type TicketActor } from '../../cloudfunctions/_core/domain/ticket'
import type { TicketDoc } from '../../types'
import { A, SETTINGS, T0, buildTicket, hours } from './ticketFixtures'

/** Ticket ids whose bucket is, or is not, under a share: the draw is by id, so tests choose ids, not luck. */
const idWhere = (pred: (bucket: number) => boolean): string => {
  for (let i = 0; ; i++) if (pred(callbackBucket(`t-${i}`))) return `t-${i}`
}
const IN_SHARE = idWhere((b) => b < 20)
const OUT_OF_SHARE = idWhere((b) => b >= 20)

/** A ticket the reporter confirmed and rated, with a callback waiting (as the sampling left it), by id. */
function waiting(over: Partial<TicketDoc> = {}, at = hours(4)): TicketDoc {
  const closed = buildTicket('closed', { _id: IN_SHARE, rating: { score: 5, comment: null, at: hours(3).toISOString() }, ...over })
  return sampleCallback(closed, 20, at)
}

const act = (t: TicketDoc, e: CallbackEvent, a: TicketActor, now: Date) => decideCallback(t, e, a, now, SETTINGS)
const okNext = (r: ReturnType<typeof act>): TicketDoc => {
  if (!r.ok) throw new Error(`refused: ${r.code}`)
  return r.next
}
const codeOf = (r: ReturnType<typeof act> | ReturnType<typeof callbackGuard>) => (r && !r.ok ? r.code : null)

describe('which closed tickets are called back', () => {
  it('the bucket is FNV-1a of the ticket id mod 100: the same id always draws the same, so a recount reproduces it', () => {
    expect(callbackBucket('')).toBe(0x811c9dc5 % 100)
    expect(callbackBucket('t-0')).toBe(callbackBucket('t-0'))
    const buckets = Array.from({ length: 10_000 }, (_, i) => callbackBucket(`ticket-${i}`))
    expect(buckets.every((b) => Number.isInteger(b) && b >= 0 && b < 100)).toBe(true)
    // a share of 20 picks about a fifth of tickets: the hash spreads ids evenly
    const picked = buckets.filter((b) => b < 20).length / buckets.length
    expect(picked).toBeGreaterThan(0.18)
    expect(picked).toBeLessThan(0.22)
  })

  it('when a closed ticket was rated 1 or 2 of 5 stars, then it is called back whatever its bucket; 3 stars is not low', () => {
    expect(LOW_RATING_MAX).toBe(2)
    for (const score of [1, 2]) {
      expect(callbackReason(buildTicket('closed', { _id: OUT_OF_SHARE, rating: { score, comment: null, at: T0.toISOString() } }), 0)).toBe('lowRating')
    }
    expect(callbackReason(buildTicket('closed', { _id: OUT_OF_SHARE, rating: { score: 3, comment: null, at: T0.toISOString() } }), 0)).toBeNull()
  })

  it('when the timer closed a resolved ticket nobody confirmed, then it is called back whatever its bucket', () => {
    expect(callbackReason(buildTicket('closed', { _id: OUT_OF_SHARE, confirmation: 'unconfirmed' }), 0)).toBe('unconfirmed')
  })

  it('when a confirmed, well-rated ticket closes, then it is called back exactly when its bucket is under the share', () => {
    const confirmed = (id: string) => buildTicket('closed', { _id: id, rating: { score: 5, comment: null, at: T0.toISOString() } })
    expect(callbackReason(confirmed(IN_SHARE), 20)).toBe('share')
    expect(callbackReason(confirmed(OUT_OF_SHARE), 20)).toBeNull()
    expect(callbackReason(confirmed(IN_SHARE), 0)).toBeNull()
    expect(callbackReason(confirmed(OUT_OF_SHARE), 100)).toBe('share')
  })

  it('when a ticket is not closed, then it is not called back, however it was rated', () => {
    expect(callbackReason(buildTicket('resolved', { rating: { score: 1, comment: null, at: T0.toISOString() } }), 100)).toBeNull()
  })

  it('when the community sets no share, then 20 % is the default; a share outside 0–100 falls back to it', () => {
    expect(ticketSettings(parseSettings({})).callbackShare).toBe(20)
    expect(ticketSettings(parseSettings({ callbackShare: 0 })).callbackShare).toBe(0)
    expect(ticketSettings(parseSettings({ callbackShare: 100 })).callbackShare).toBe(100)
    expect(ticketSettings(parseSettings({ callbackShare: 101 })).callbackShare).toBe(20)
    expect(ticketSettings(parseSettings({ callbackShare: '50' })).callbackShare).toBe(20)
  })

  it('when the workflow closes a ticket, then the sampled callback comes with the closing, once, with the share used', () => {
    const resolved = buildTicket('resolved', { _id: IN_SHARE })
    const closed = decide(resolved, { type: 'confirm' }, A.reporter, hours(5), SETTINGS)
    if (!closed.ok) throw new Error(closed.code)
    expect(closed.next.callbacks).toEqual([
      expect.objectContaining({
        closedAt: hours(5).toISOString(),
        reason: 'share',
        share: 20,
        status: 'open',
        dueAt: hours(5).toISOString(),
        unreached: [],
        result: null,
      }),
    ])
    expect([closed.next.callbackStatus, closed.next.callbackDueAt]).toEqual(['open', hours(5).toISOString()])
    // a rating on the closed ticket does not sample the same closing twice
    const rated = decide(closed.next, { type: 'rate', score: 1, comment: null }, A.reporter, hours(6), SETTINGS)
    expect(rated.ok && rated.next.callbacks?.length).toBe(1)
  })

  it('when a ticket out of the share closes well and is rated 2 stars afterwards, then the low rating puts it in the queue', () => {
    const resolved = buildTicket('resolved', { _id: OUT_OF_SHARE })
    const closed = decide(resolved, { type: 'confirm' }, A.reporter, hours(5), SETTINGS)
    expect(closed.ok && closed.next.callbacks).toBeUndefined()
    if (!closed.ok) return
    const rated = decide(closed.next, { type: 'rate', score: 2, comment: '不太满意' }, A.reporter, hours(6), SETTINGS)
    expect(rated.ok && rated.next.callbacks?.map((c) => [c.reason, c.closedAt])).toEqual([['lowRating', hours(5).toISOString()]])
  })

  it('when the timer closes a resolved ticket as unconfirmed, then it is called back', () => {
    const resolved = buildTicket('resolved', { _id: OUT_OF_SHARE })
    const closed = decide(resolved, { type: 'autoClose' }, A.system, hours(24 * 8), SETTINGS)
    expect(closed.ok && closed.next.callbacks?.map((c) => c.reason)).toEqual(['unconfirmed'])
  })
})

describe('who may call back', () => {
  it('everyone who handled the ticket or had it on their desk counts as its handler; a supervisor who only reassigned does not', () => {
    const t = buildTicket('closed', {
      timeline: [
        { at: T0.toISOString(), event: 'assign', actorOpenid: 'system', actorRole: 'system', note: null, photos: [], detail: 'm2' },
        { at: T0.toISOString(), event: 'reassign', actorOpenid: 'l', actorRole: 'grid_leader', note: null, photos: [], detail: 'm' },
        { at: T0.toISOString(), event: 'accept', actorOpenid: 'm', actorRole: 'grid_member', note: null, photos: [], detail: null },
        { at: T0.toISOString(), event: 'escalate', actorOpenid: 'm', actorRole: 'grid_member', note: '需要社区', photos: [], detail: 'community' },
        { at: T0.toISOString(), event: 'resolve', actorOpenid: 's', actorRole: 'community_staff', note: '已修好', photos: [], detail: null },
      ],
      resolution: { note: '已修好', photos: [], at: T0.toISOString(), byOpenid: 's' },
    })
    expect([...handlersOf(t)].sort()).toEqual(['m', 'm2', 's'])
  })

  it('when the grid member who handled it tries to call back, then CALLBACK.OWN_TICKET, and staff who resolved it after escalation are refused too', () => {
    const t = waiting()
    expect(codeOf(act(t, { type: 'take' }, A.member, hours(5)))).toBe('CALLBACK.OWN_TICKET')
    const byStaff = waiting({ resolution: { note: '社区已处理', photos: [], at: hours(2).toISOString(), byOpenid: 's' } })
    expect(codeOf(act(byStaff, { type: 'take' }, A.staff, hours(5)))).toBe('CALLBACK.OWN_TICKET')
  })

  it('when another member of the same grid tries, then CALLBACK.SAME_GRID; a member of another grid, the grid leader, staff and the street may', () => {
    const t = waiting()
    expect(codeOf(act(t, { type: 'take' }, A.member2, hours(5)))).toBe('CALLBACK.SAME_GRID')
    for (const a of [A.otherGrid, A.leader, A.otherLeader, A.staff, A.street]) expect(codeOf(act(t, { type: 'take' }, a, hours(5)))).toBeNull()
  })

  it('when a resident (or the reporter) tries, then they are refused', () => {
    expect(codeOf(act(waiting(), { type: 'take' }, A.neighbour, hours(5)))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(act(waiting(), { type: 'take' }, { ...A.reporter, roles: ['community_staff'] }, hours(5)))).toBe('CALLBACK.OWN_TICKET')
  })

  it('when someone has taken the callback, then nobody else may until the take lapses', () => {
    const taken = okNext(act(waiting(), { type: 'take' }, A.staff, hours(5)))
    expect(codeOf(act(taken, { type: 'take' }, A.otherGrid, hours(5.1)))).toBe('CALLBACK.TAKEN')
    expect(codeOf(act(taken, { type: 'unreached', note: null }, A.otherGrid, hours(5.1)))).toBe('CALLBACK.TAKEN')
    expect(codeOf(act(taken, { type: 'take' }, A.staff, hours(5.1)))).toBeNull()
    expect(codeOf(act(taken, { type: 'take' }, A.otherGrid, new Date(hours(5).getTime() + TAKE_MINUTES * 60_000 + 1)))).toBeNull()
  })

  it('when a ticket has no callback, then CALLBACK.NOT_FOUND', () => {
    expect(codeOf(act(buildTicket('closed'), { type: 'take' }, A.staff, hours(5)))).toBe('CALLBACK.NOT_FOUND')
  })
})

describe('recording a callback', () => {
  // 2026-11-22T01:00Z is 09:00 in Shanghai
  it('an unanswered call is tried again from 08:00 Shanghai time the next day', () => {
    expect(nextMorning(new Date('2026-11-22T01:00:00.000Z'))).toBe('2026-11-23T00:00:00.000Z')
    // 23:30 Shanghai on the 22nd: the next day is the 23rd, not a moment later
    expect(nextMorning(new Date('2026-11-22T15:30:00.000Z'))).toBe('2026-11-23T00:00:00.000Z')
    // 00:30 Shanghai on the 23rd
    expect(nextMorning(new Date('2026-11-22T16:30:00.000Z'))).toBe('2026-11-24T00:00:00.000Z')
  })

  it('when nobody answers on three different days, then the callback ends as unreachable; a second try the same day is refused', () => {
    let t = waiting()
    t = okNext(act(t, { type: 'unreached', note: null }, A.staff, hours(5)))
    expect([t.callbackStatus, t.callbacks![0].unreached.length, t.callbacks![0].takenBy]).toEqual(['open', 1, null])
    expect(codeOf(act(t, { type: 'unreached', note: null }, A.staff, hours(8)))).toBe('CALLBACK.NOT_DUE')
    expect(t.callbackDueAt).toBe('2026-11-23T00:00:00.000Z')
    t = okNext(act(t, { type: 'unreached', note: '关机' }, A.otherGrid, new Date('2026-11-23T02:00:00.000Z')))
    expect(t.callbackStatus).toBe('open')
    t = okNext(act(t, { type: 'unreached', note: '仍无人接听' }, A.staff, new Date('2026-11-24T02:00:00.000Z')))
    expect(t.callbacks![0]).toEqual(expect.objectContaining({ status: 'unreachable', endedAt: '2026-11-24T02:00:00.000Z', result: null }))
    expect(t.callbacks![0].unreached.map((u) => u.note)).toEqual([null, '关机', '仍无人接听'])
    expect([t.callbackStatus, t.callbackDueAt, t.state]).toEqual(['unreachable', null, 'closed'])
    expect(codeOf(act(t, { type: 'unreached', note: null }, A.staff, new Date('2026-11-25T02:00:00.000Z')))).toBe('CALLBACK.ENDED')
    expect(t.timeline.filter((e) => e.event === 'callback').map((e) => e.detail)).toEqual([
      '第1次未接通，改天再打',
      '第2次未接通，改天再打',
      '第3次未接通，联系不上，回访结束',
    ])
  })

  it('when the resident says it is fixed, then the callback is done with the satisfaction and the ticket stays closed', () => {
    const t = okNext(act(waiting(), { type: 'reached', fixed: true, satisfaction: 4, note: '灯一直亮着' }, A.otherGrid, hours(5)))
    expect(t.callbacks![0]).toEqual(
      expect.objectContaining({ status: 'done', result: { at: hours(5).toISOString(), byOpenid: 'x', fixed: true, satisfaction: 4, note: '灯一直亮着' } }),
    )
    expect([t.state, t.callbackStatus, t.reopenCount]).toEqual(['closed', 'done', 0])
    // the timeline says the outcome; the note stays with the callback
    expect(t.timeline.at(-1)).toEqual(expect.objectContaining({ event: 'callback', actorRole: 'grid_member', note: null, detail: '居民说已解决，满意度4分' }))
  })

  it("when the resident says it is not fixed, then the ticket reopens one level up exactly as the reporter's own 未解决 would", () => {
    const now = hours(5)
    const t = waiting()
    const r = act(t, { type: 'reached', fixed: false, satisfaction: 1, note: '灯修好第二天又坏了' }, A.staff, now)
    const next = okNext(r)
    // the reporter's own reopen of the same ticket, from resolved, at the same moment
    const own = decide(
      { ...t, state: 'resolved', closedAt: null, confirmation: null },
      { type: 'reopen', reason: '灯修好第二天又坏了' },
      A.reporter,
      now,
      SETTINGS,
    )
    if (!own.ok) throw new Error(own.code)
    const fields = [
      'state',
      'level',
      'maxLevel',
      'assigneeOpenid',
      'resolvedAt',
      'resolution',
      'reopenCount',
      'respondBy',
      'resolveBy',
      'closedAt',
      'confirmation',
    ] as const
    expect(Object.fromEntries(fields.map((f) => [f, next[f]]))).toEqual(Object.fromEntries(fields.map((f) => [f, own.next[f]])))
    expect([next.state, next.level, next.reopenCount]).toEqual(['submitted', 'community', 1])
    expect(next.timeline.slice(-2).map((e) => [e.event, e.detail, e.note])).toEqual([
      ['callback', '居民说没有解决，满意度1分', null],
      ['reopen', 'community', '灯修好第二天又坏了'],
    ])
    expect([next.callbackStatus, next.callbacks![0].result?.fixed]).toEqual(['done', false])
    // the reporter hears the ticket moved, as after their own reopen
    expect(r.ok && r.effects).toEqual([{ type: 'notify', to: 'r', kind: 'stateChanged', ticketId: t._id, state: 'submitted' }])
  })

  it('when a ticket a callback found not fixed is closed again, then it is called back again, as a recheck', () => {
    const reopened = okNext(act(waiting(), { type: 'reached', fixed: false, satisfaction: 2, note: '没修好' }, A.staff, hours(5)))
    const again = sampleCallback(
      { ...reopened, _id: OUT_OF_SHARE, state: 'closed', closedAt: hours(30).toISOString(), confirmation: 'confirmed', rating: null },
      0,
      hours(30),
    )
    expect(again.callbacks?.map((c) => [c.reason, c.status])).toEqual([
      ['share', 'done'],
      ['recheck', 'open'],
    ])
  })

  it('when "not fixed" comes without a word of what is wrong, or a satisfaction outside 1–5, then INPUT.INVALID', () => {
    expect(codeOf(act(waiting(), { type: 'reached', fixed: false, satisfaction: 2, note: null }, A.staff, hours(5)))).toBe('INPUT.INVALID')
    expect(codeOf(act(waiting(), { type: 'reached', fixed: true, satisfaction: 6, note: null }, A.staff, hours(5)))).toBe('INPUT.INVALID')
  })
})
