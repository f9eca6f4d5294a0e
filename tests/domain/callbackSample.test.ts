import { callbackReason, sampleCallback, withCallbacks } from '../../cloudfunctions/_core/domain/callbackSample'
import type { TicketCallback } from '../../types/models'
import { buildTicket, hours } from './ticketFixtures'

const callback = (over: Partial<TicketCallback> = {}): TicketCallback => ({
  closedAt: hours(3).toISOString(),
  sampledAt: hours(3).toISOString(),
  reason: 'share',
  share: 20,
  status: 'open',
  dueAt: hours(4).toISOString(),
  takenBy: null,
  unreached: [],
  result: null,
  endedAt: null,
  ...over,
})

describe('the callback queue’s copy of a ticket’s latest callback', () => {
  it('is the latest callback’s status, and its due time only while it is open', () => {
    const t = buildTicket('closed')
    expect(withCallbacks(t, [callback({ status: 'done' }), callback()])).toMatchObject({ callbackStatus: 'open', callbackDueAt: hours(4).toISOString() })
    expect(withCallbacks(t, [callback(), callback({ status: 'done' })])).toMatchObject({ callbackStatus: 'done', callbackDueAt: null })
    expect(withCallbacks(t, [])).toMatchObject({ callbacks: [], callbackStatus: null, callbackDueAt: null })
  })
})

describe('sampling a closing for a callback', () => {
  it('adds nothing to a ticket not closed, or closed with no time recorded', () => {
    const rated = { rating: { score: 1, comment: null, at: hours(4).toISOString() } }
    const resolved = buildTicket('resolved', rated as never)
    expect(sampleCallback(resolved, 100, hours(5))).toBe(resolved)
    const noTime = buildTicket('closed', { ...rated, closedAt: null } as never)
    expect(sampleCallback(noTime, 100, hours(5))).toBe(noTime)
  })

  it('adds one open callback, due now, for a closing the rule picks, after the callbacks of earlier closings', () => {
    const earlier = callback({ closedAt: hours(1).toISOString(), status: 'done' })
    const t = buildTicket('closed', { confirmation: 'unconfirmed', callbacks: [earlier] } as never)
    const sampled = sampleCallback(t, 0, hours(5))
    expect(sampled.callbacks).toEqual([
      earlier,
      {
        closedAt: t.closedAt,
        sampledAt: hours(5).toISOString(),
        reason: 'unconfirmed',
        share: 0,
        status: 'open',
        dueAt: hours(5).toISOString(),
        takenBy: null,
        unreached: [],
        result: null,
        endedAt: null,
      },
    ])
    expect(sampleCallback(sampled, 0, hours(6))).toBe(sampled)
  })

  it('reads a recheck only from a callback that found the fix wanting, not one that found it fixed', () => {
    const found = (fixed: boolean) =>
      callback({ closedAt: hours(1).toISOString(), status: 'done', result: { at: 'x', byOpenid: 'c', fixed, satisfaction: 3, note: null } })
    expect(callbackReason(buildTicket('closed', { callbacks: [found(false)] } as never), 0)).toBe('recheck')
    expect(callbackReason(buildTicket('closed', { callbacks: [found(true)] } as never), 0)).toBeNull()
    expect(callbackReason(buildTicket('closed', { callbacks: [callback()] } as never), 0)).toBeNull()
  })
})
