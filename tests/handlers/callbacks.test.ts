import { findAll } from '../../cloudfunctions/_core/repos/base'
import type { CallbackQueueView, TicketDoc, TicketView } from '../../types'
import { HEPING, NOW, P, XINGFU, as, errorCode, ok, raw, snapshot, useWorld } from '../support/world'
import { expectDashboardsToEqualRecount } from './recount.helpers'
import { CODE_B1U1, CODE_B4U2, resolved } from './tickets.helpers'

const world = useWorld()

const DAY = 86_400_000
const at = (days: number, hours = 0) => new Date(NOW.getTime() + days * DAY + hours * 3_600_000)
/** 王秀英's phone, as she registered it: it must never appear in what the queue answers. */
const PHONE = '13800000001'

/**
 * A ticket of 第一网格 张伟 resolved; 王秀英 rates it `score` stars and confirms it (1–2 stars: always called back; a
 * rating before the closing, so the draw by share never decides these).
 */
async function closedAndRated(score = 1): Promise<TicketView> {
  const t = await resolved()
  ok(await as(P.resident)('tickets', 'rate', { ticketId: t.id, score }))
  return ok(await as(P.resident)('tickets', 'confirm', { ticketId: t.id }))
}

const queue = async (openid: string, status: 'open' | 'done' | 'unreachable' = 'open', communityId = XINGFU) =>
  ok(await as(openid)('tickets', 'callbackQueue', { communityId, status })) as CallbackQueueView
const stored = async (id: string) => (await findAll<TicketDoc>('tickets', { _id: id }))[0]

describe('the callback queue', () => {
  it('when a resident rates a closed ticket 1 star, then it is in the queue with exact totals, and no phone number is in the answer', async () => {
    const t = await closedAndRated(1)
    const q = await queue(P.staff)
    expect(q.total).toBe(1)
    expect(q.counts).toEqual({ open: 1, done: 0, unreachable: 0 })
    expect(q.items[0]).toEqual(
      expect.objectContaining({
        ticketId: t.id,
        status: 'open',
        reason: 'lowRating',
        reasonLabel: '居民评价不满意',
        residentName: '王秀英',
        hasPhone: true,
        selfRating: 1,
        confirmation: 'confirmed',
        resolutionNote: '已清理干净',
        gridName: '第一网格',
        triesLeft: 3,
        can: ['take', 'dial', 'record'],
        blocked: null,
      }),
    )
    expect(JSON.stringify(q)).not.toContain(PHONE)
    expect(JSON.stringify(q)).not.toContain('0001')
  })

  it("when a grid leader or a member of another grid reads the queue, then the name is masked; a member never sees their own grid's tickets", async () => {
    await closedAndRated(2)
    expect((await queue(P.gridLeader)).items.map((i) => i.residentName)).toEqual(['王**'])
    expect((await queue(P.gridMember2)).items.map((i) => i.residentName)).toEqual(['王**'])
    const own = await queue(P.gridMember)
    expect([own.total, own.items, own.counts]).toEqual([0, [], { open: 0, done: 0, unreachable: 0 }])
  })

  it('when the community sets the share to 100 %, then a ticket confirmed and rated 5 stars is called back too; at 0 % it is not', async () => {
    expect(ok(await as(P.staff)('places', 'updateSettings', { communityId: XINGFU, callbackShare: 100 }))).toEqual({
      photoRetentionDays: 730,
      callbackShare: 100,
    })
    const first = await closedAndRated(5)
    expect((await queue(P.staff)).items.map((i) => [i.ticketId, i.reason])).toEqual([[first.id, 'share']])
    ok(await as(P.staff)('places', 'updateSettings', { communityId: XINGFU, callbackShare: 0 }))
    await closedAndRated(5)
    expect((await queue(P.staff)).total).toBe(1)
    expect(ok(await as(P.staff)('places', 'settings', { communityId: XINGFU }))).toEqual({ photoRetentionDays: 730, callbackShare: 0 })
  })

  it('when the share is set outside 0–100 or not a whole number, then INPUT.INVALID says so and the setting stays', async () => {
    for (const share of [101, -1, 12.5]) {
      const bad = await as(P.staff)('places', 'updateSettings', { communityId: XINGFU, callbackShare: share })
      expect(errorCode(bad)).toBe('INPUT.INVALID')
    }
    const bad = await as(P.staff)('places', 'updateSettings', { communityId: XINGFU, callbackShare: 101 })
    expect(bad.ok ? null : bad.error.issues?.[0].message).toBe('抽查比例在0到100之间')
    expect(ok(await as(P.staff)('places', 'settings', { communityId: XINGFU })).callbackShare).toBe(20)
  })

  it('when the queue is longer than a page, then pages hold every callback once and the total is exact', async () => {
    ok(await as(P.staff)('places', 'updateSettings', { communityId: XINGFU, callbackShare: 100 }))
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await closedAndRated(4)).id)
    const pages = await Promise.all([1, 2, 3].map((page) => as(P.staff)('tickets', 'callbackQueue', { communityId: XINGFU, page, pageSize: 2 }).then(ok)))
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5])
    expect(pages.flatMap((p) => p.items.map((i) => i.ticketId)).sort()).toEqual([...ids].sort())
  })
})

describe('who may call', () => {
  it('when the grid member who handled the ticket asks for the number, then CALLBACK.OWN_TICKET in Chinese and nothing changes', async () => {
    const t = await closedAndRated(1)
    const before = await snapshot()
    const answer = await as(P.gridMember)('tickets', 'callbackDial', { ticketId: t.id })
    expect(answer).toEqual({ ok: false, error: { code: 'CALLBACK.OWN_TICKET', message: '您办理过这条报事，回访须由办理人以外的人员进行' } })
    expect(errorCode(await as(P.gridMember)('tickets', 'callbackRecord', { ticketId: t.id, reached: true, fixed: true, satisfaction: 5 }))).toBe(
      'CALLBACK.OWN_TICKET',
    )
    expect(errorCode(await as(P.gridMember)('tickets', 'callbackTake', { ticketId: t.id }))).toBe('CALLBACK.OWN_TICKET')
    expect(await snapshot()).toEqual(before)
  })

  it('when a member of another grid dials, then the number goes to them alone and the callback is theirs for a while', async () => {
    const t = await closedAndRated(1)
    const dialed = ok(await as(P.gridMember2)('tickets', 'callbackDial', { ticketId: t.id }))
    expect([dialed.phone, dialed.item.takenBy?.mine]).toEqual([PHONE, true])
    const mine = (await queue(P.gridMember2)).items[0]
    expect([mine.takenBy?.name, mine.takenBy?.mine, mine.can]).toEqual(['黄丽', true, ['dial', 'record']])
    const theirs = (await queue(P.staff)).items[0]
    expect([theirs.takenBy?.mine, theirs.can, theirs.blocked?.code]).toEqual([false, [], 'CALLBACK.TAKEN'])
    expect(errorCode(await as(P.staff)('tickets', 'callbackDial', { ticketId: t.id }))).toBe('CALLBACK.TAKEN')
    // half an hour later the take has lapsed
    world.clock(at(0, 1))
    expect(ok(await as(P.staff)('tickets', 'callbackDial', { ticketId: t.id })).phone).toBe(PHONE)
  })

  it('when the handler reads the queue, then the ticket is listed with why they may not call, and no button to do it', async () => {
    // 刘芳 leads 第一网格 and took the ticket over from 张伟
    const t = await resolvedBy(P.gridLeader)
    const item = (await queue(P.gridLeader)).items.find((i) => i.ticketId === t.id)!
    expect([item.can, item.blocked]).toEqual([[], { code: 'CALLBACK.OWN_TICKET', message: '您办理过这条报事，回访须由办理人以外的人员进行' }])
  })

  it('when the reporter left no phone, then dialing answers CALLBACK.NO_PHONE and the result can still be recorded after a visit', async () => {
    ok(await as(P.resident)('users', 'updateProfile', { name: '王秀英', phone: null }))
    const t = await closedAndRated(1)
    const item = (await queue(P.staff)).items[0]
    expect([item.hasPhone, item.can]).toEqual([false, ['take', 'record']])
    expect(errorCode(await as(P.staff)('tickets', 'callbackDial', { ticketId: t.id }))).toBe('CALLBACK.NO_PHONE')
    expect(ok(await as(P.staff)('tickets', 'callbackRecord', { ticketId: t.id, reached: true, fixed: true, satisfaction: 4, note: '上门回访' })).status).toBe(
      'done',
    )
  })

  it('when a resident, staff of another community or a caller without a record use the callback actions, then AUTH.FORBIDDEN and nothing changes', async () => {
    const t = await closedAndRated(1)
    const before = await snapshot()
    for (const who of [P.resident, P.staffHeping, P.newcomer]) {
      expect(errorCode(await as(who)('tickets', 'callbackQueue', { communityId: XINGFU }))).toBe('AUTH.FORBIDDEN')
      expect(errorCode(await as(who)('tickets', 'callbackTake', { ticketId: t.id }))).toBe('AUTH.FORBIDDEN')
      expect(errorCode(await as(who)('tickets', 'callbackDial', { ticketId: t.id }))).toBe('AUTH.FORBIDDEN')
      expect(errorCode(await as(who)('tickets', 'callbackRecord', { ticketId: t.id, reached: false }))).toBe('AUTH.FORBIDDEN')
    }
    expect(await snapshot()).toEqual(before)
    // 和平社区's own queue is theirs, and empty
    expect((await queue(P.staffHeping, 'open', HEPING)).total).toBe(0)
  })
})

/** A ticket 刘芳 (leader of 第一网格) reassigned to herself and resolved, closed with a low rating. */
async function resolvedBy(openid: string): Promise<TicketView> {
  const t = ok(await as(P.resident)('tickets', 'submit', { requestId: 'req-cb-leader', placeCode: CODE_B1U1, category: 'sanitation', text: '楼道有垃圾' }))
  ok(await as(P.gridLeader)('tickets', 'reassign', { ticketId: t.id, toOpenid: openid }))
  ok(await as(openid)('tickets', 'accept', { ticketId: t.id }))
  ok(await as(openid)('tickets', 'resolve', { ticketId: t.id, note: '已清理', photos: [`cloud://env/uploads/${openid}/after.png`] }))
  ok(await as(P.resident)('tickets', 'confirm', { ticketId: t.id }))
  return ok(await as(P.resident)('tickets', 'rate', { ticketId: t.id, score: 2 }))
}

describe('recording callbacks', () => {
  it('when nobody answers on three different days, then the callback ends as unreachable; a second call the same day is refused', async () => {
    const t = await closedAndRated(1)
    ok(await as(P.staff)('tickets', 'callbackRecord', { ticketId: t.id, reached: false, note: '无人接听' }))
    const again = await as(P.staff)('tickets', 'callbackRecord', { ticketId: t.id, reached: false })
    expect(again.ok ? null : again.error).toEqual({ code: 'CALLBACK.NOT_DUE', message: '今天已经打过电话了，未接通的回访请改天再打' })
    world.clock(at(1))
    const second = ok(await as(P.gridMember2)('tickets', 'callbackRecord', { ticketId: t.id, reached: false }))
    expect([second.status, second.triesLeft, second.unreached.map((u) => u.byName)]).toEqual(['open', 1, ['陈静', '黄丽']])
    world.clock(at(2))
    const third = ok(await as(P.staff)('tickets', 'callbackRecord', { ticketId: t.id, reached: false }))
    expect([third.status, third.statusLabel, third.triesLeft, third.can]).toEqual(['unreachable', '联系不上', 0, []])
    expect((await queue(P.staff)).counts).toEqual({ open: 0, done: 0, unreachable: 1 })
    expect((await queue(P.staff, 'unreachable')).items.map((i) => i.ticketId)).toEqual([t.id])
    expect(errorCode(await as(P.staff)('tickets', 'callbackRecord', { ticketId: t.id, reached: true, fixed: true, satisfaction: 5 }))).toBe('CALLBACK.ENDED')
    const figures = ok(await as(P.staff)('tickets', 'dashboard', { communityId: XINGFU })).figures.callback
    expect(figures).toEqual({
      satisfactionRate: { numerator: 0, denominator: 0, rate: null },
      notFixedShare: { numerator: 0, denominator: 0, rate: null },
      completionRate: { numerator: 0, denominator: 1, rate: 0 },
      unreachable: 1,
    })
    expect((await stored(t.id)).state).toBe('closed')
  })

  it('when the resident says it is not fixed, then the ticket reopens at the community as after their own 未解决, and they are told', async () => {
    const t = await closedAndRated(2)
    const item = ok(
      await as(P.gridMember2)('tickets', 'callbackRecord', { ticketId: t.id, reached: true, fixed: false, satisfaction: 1, note: '垃圾又堆起来了' }),
    )
    expect([item.status, item.result?.fixed, item.result?.satisfaction, item.result?.byName]).toEqual(['done', false, 1, '黄丽'])
    const doc = await stored(t.id)
    expect([doc.state, doc.level, doc.maxLevel, doc.reopenCount, doc.assigneeOpenid, doc.closedAt, doc.resolution]).toEqual([
      'submitted',
      'community',
      'community',
      1,
      null,
      null,
      null,
    ])
    // community staff find it on their desk, as a ticket the reporter reopened
    const desk = ok(await as(P.staff)('tickets', 'inbox', { communityId: XINGFU }))
    expect(desk.items.map((x) => x.id)).toContain(t.id)
    // the reporter sees what happened, and hears that it moved
    const view = ok(await as(P.resident)('tickets', 'get', { ticketId: t.id }))
    expect(view.timeline.slice(-2).map((e) => [e.event, e.detail, e.note])).toEqual([
      ['callback', '居民说没有解决，满意度1分', null],
      ['reopen', 'community', '垃圾又堆起来了'],
    ])
    const outbox = await findAll<{ to: string; kind: string; payload: { state: string } }>('outbox', { to: P.resident, ticketId: t.id })
    expect(outbox.at(-1)).toEqual(expect.objectContaining({ kind: 'stateChanged', payload: expect.objectContaining({ state: 'submitted' }) }))
    // in the dashboard a repeat complaint, and a callback that found it not fixed
    const f = ok(await as(P.staff)('tickets', 'dashboard', { communityId: XINGFU })).figures
    expect([f.repeatComplaints, f.callback.notFixedShare, f.callback.satisfactionRate]).toEqual([
      1,
      { numerator: 1, denominator: 1, rate: 1 },
      { numerator: 0, denominator: 1, rate: 0 },
    ])
  })

  it('when "not fixed" is recorded without saying what is wrong, then INPUT.INVALID asks for it and nothing changes', async () => {
    const t = await closedAndRated(1)
    const before = await snapshot()
    const bad = await as(P.staff)('tickets', 'callbackRecord', { ticketId: t.id, reached: true, fixed: false, satisfaction: 2 })
    expect(bad.ok ? null : [bad.error.code, bad.error.issues?.[0].message]).toEqual(['INPUT.INVALID', '请写明哪里还没解决'])
    expect(errorCode(await raw(P.staff, 'tickets', { action: 'callbackRecord', data: { ticketId: t.id, reached: true, fixed: true, satisfaction: 0 } }))).toBe(
      'INPUT.INVALID',
    )
    expect(await snapshot()).toEqual(before)
  })

  it('when the note holds words the content check refuses, then CONTENT.RISKY and nothing is recorded', async () => {
    const t = await closedAndRated(1)
    const before = await snapshot()
    expect(
      errorCode(await as(P.staff)('tickets', 'callbackRecord', { ticketId: t.id, reached: true, fixed: true, satisfaction: 3, note: '他说可以帮忙代开发票' })),
    ).toBe('CONTENT.RISKY')
    expect(await snapshot()).toEqual(before)
  })

  it('when callbacks are made, then every dashboard figure, callbacks included, equals a recount from the stored tickets', async () => {
    ok(await as(P.staff)('places', 'updateSettings', { communityId: XINGFU, callbackShare: 100 }))
    const a = await closedAndRated(5)
    const b = await closedAndRated(1)
    const c = await closedAndRated(2)
    // 李建国's ticket in 4栋 (第二网格, 黄丽), closed well and drawn by the 100 % share
    const d = ok(await as(P.resident2)('tickets', 'submit', { requestId: 'req-cb-b4', placeCode: CODE_B4U2, category: 'noise', text: '楼上装修太吵' }))
    ok(await as(P.gridMember2)('tickets', 'accept', { ticketId: d.id }))
    ok(await as(P.gridMember2)('tickets', 'resolve', { ticketId: d.id, note: '已协调', photos: [`cloud://env/uploads/${P.gridMember2}/after.png`] }))
    ok(await as(P.resident2)('tickets', 'confirm', { ticketId: d.id }))
    ok(await as(P.staff)('tickets', 'callbackRecord', { ticketId: a.id, reached: true, fixed: true, satisfaction: 5 }))
    ok(await as(P.gridMember2)('tickets', 'callbackRecord', { ticketId: b.id, reached: true, fixed: false, satisfaction: 2, note: '没有清理干净' }))
    ok(await as(P.gridLeader)('tickets', 'callbackRecord', { ticketId: c.id, reached: false }))
    ok(await as(P.gridMember)('tickets', 'callbackRecord', { ticketId: d.id, reached: true, fixed: true, satisfaction: 4 }))
    const f = ok(await as(P.staff)('tickets', 'dashboard', { communityId: XINGFU }))
    expect(f.figures.callback).toEqual({
      satisfactionRate: { numerator: 2, denominator: 3, rate: 2 / 3 },
      notFixedShare: { numerator: 1, denominator: 3, rate: 1 / 3 },
      completionRate: { numerator: 3, denominator: 4, rate: 3 / 4 },
      unreachable: 0,
    })
    // beside the residents' own satisfaction: 1 of the 3 ratings was 4–5 stars
    expect(f.figures.satisfactionRate).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 })
    expect(f.byGrid.map((g) => [g.label, g.figures.callback.completionRate.numerator, g.figures.callback.completionRate.denominator])).toEqual([
      ['第一网格', 2, 3],
      ['第二网格', 1, 1],
    ])
    expect(f.byWeek.map((w) => [w.key, w.figures.callback.satisfactionRate.denominator])).toEqual([['2026-W47', 3]])
    await expectDashboardsToEqualRecount()
  })
})
