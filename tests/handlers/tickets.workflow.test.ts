import { findAll } from '../../cloudfunctions/_core/repos/base'
import { demoIds } from '../../local/demo'
import type { TicketDoc } from '../../types'
import { HEPING, P, XINGFU, as, errorCode, ok, snapshot, useWorld } from '../support/world'
import { PHOTO, accepted, report, resolved } from './tickets.helpers'

useWorld()

const outbox = () => findAll<{ to: string; kind: string; ticketId: string }>('outbox', {})

describe('grid member: accept, progress, resolve', () => {
  it('when 张伟 accepts, progresses and resolves, then the resident sees each step and is told of each state change', async () => {
    const t = await accepted()
    expect(t).toMatchObject({ state: 'accepted', can: expect.arrayContaining(['progress', 'resolve', 'escalate', 'transfer']) })
    ok(await as(P.gridMember)('tickets', 'progress', { ticketId: t.id, note: '已联系物业', photos: [] }))
    ok(await as(P.gridMember)('tickets', 'resolve', { ticketId: t.id, note: '已清理干净', photos: [PHOTO] }))
    const seen = ok(await as(P.resident)('tickets', 'get', { ticketId: t.id }))
    expect(seen).toMatchObject({ state: 'resolved', resolution: { note: '已清理干净', photos: [PHOTO] }, can: ['confirm', 'reopen', 'rate'] })
    expect(seen.timeline.map((e) => e.event)).toEqual(['submit', 'assign', 'accept', 'progress', 'resolve'])
    expect(seen.timeline[2].actor.name).toBe('张*')
    expect(seen.reporterPhone).toBe('138****0001')
    expect(ok(await as(P.gridMember)('tickets', 'get', { ticketId: t.id })).reporterPhone).toBe('13800000001')
    const toResident = (await outbox()).filter((o) => o.to === P.resident).map((o) => o.kind)
    expect(toResident).toEqual(['stateChanged', 'progress', 'stateChanged'])
  })

  it('when a member resolves without an after photo, then INPUT.INVALID and nothing changes', async () => {
    const t = await accepted()
    const before = await snapshot()
    expect(errorCode(await as(P.gridMember)('tickets', 'resolve', { ticketId: t.id, note: '好了', photos: [] }))).toBe('INPUT.INVALID')
    expect(await snapshot()).toEqual(before)
  })

  it('when two members accept at once, then exactly one wins and the other hears TICKET.INVALID_TRANSITION', async () => {
    const t = await report()
    const answers = await Promise.all([as(P.gridMember)('tickets', 'accept', { ticketId: t.id }), as(P.gridLeader)('tickets', 'accept', { ticketId: t.id })])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.map(errorCode).filter(Boolean)).toEqual(['TICKET.INVALID_TRANSITION'])
    const [doc] = await findAll<TicketDoc>('tickets', {})
    expect(doc.timeline.filter((e) => e.event === 'accept')).toHaveLength(1)
  })

  it('when the member of another grid accepts, then AUTH.FORBIDDEN and nothing changes', async () => {
    const t = await report()
    const before = await snapshot()
    expect(errorCode(await as(P.gridMember2)('tickets', 'accept', { ticketId: t.id }))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot()).toEqual(before)
  })

  it('when 张伟 escalates to the community (吹哨), then staff find it in their inbox and accept it', async () => {
    const t = await accepted()
    const up = ok(await as(P.gridMember)('tickets', 'escalate', { ticketId: t.id, to: 'community', reason: '需要协调物业' }))
    expect(up).toMatchObject({ state: 'submitted', level: 'community', assignee: null })
    const inbox = ok(await as(P.staff)('tickets', 'inbox', { communityId: XINGFU }))
    expect(inbox.items.map((i) => i.id)).toEqual([t.id])
    expect(ok(await as(P.staff)('tickets', 'accept', { ticketId: t.id })).state).toBe('accepted')
  })

  it('when 张伟 asks whom he can transfer to, then the other people of his grid come, and a resident may not ask', async () => {
    const t = await accepted()
    const people = ok(await as(P.gridMember)('tickets', 'gridMembers', { ticketId: t.id }))
    expect(people).toEqual([{ openid: P.gridLeader, name: '刘芳', isLeader: true }])
    expect(errorCode(await as(P.resident)('tickets', 'gridMembers', { ticketId: t.id }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.gridMember2)('tickets', 'gridMembers', { ticketId: t.id }))).toBe('AUTH.FORBIDDEN')
  })

  it('when 张伟 transfers to someone outside his grid, then TICKET.NOT_IN_GRID; to the grid leader, then she has it', async () => {
    const t = await accepted()
    expect(errorCode(await as(P.gridMember)('tickets', 'transfer', { ticketId: t.id, toOpenid: P.gridMember2 }))).toBe('TICKET.NOT_IN_GRID')
    const moved = ok(await as(P.gridMember)('tickets', 'transfer', { ticketId: t.id, toOpenid: P.gridLeader, note: '请协助' }))
    expect(moved).toMatchObject({ state: 'assigned', assignee: { openid: P.gridLeader, name: '刘芳' } })
    expect((await outbox()).some((o) => o.to === P.gridLeader && o.kind === 'assigned')).toBe(true)
  })
})

describe('resident: confirm, reopen, rate, withdraw', () => {
  it('when the reporter confirms and rates 5, then it is closed as confirmed with the rating', async () => {
    const t = await resolved()
    ok(await as(P.resident)('tickets', 'confirm', { ticketId: t.id }))
    const rated = ok(await as(P.resident)('tickets', 'rate', { ticketId: t.id, score: 5, comment: '很及时' }))
    expect(rated).toMatchObject({ state: 'closed', confirmation: 'confirmed', rating: { score: 5, comment: '很及时' }, can: [] })
    expect(errorCode(await as(P.resident)('tickets', 'rate', { ticketId: t.id, score: 1 }))).toBe('TICKET.ALREADY_RATED')
  })

  it('when the reporter says not fixed, then it reopens at community level with the reason in the timeline', async () => {
    const t = await resolved()
    const again = ok(await as(P.resident)('tickets', 'reopen', { ticketId: t.id, reason: '还是有垃圾' }))
    expect(again).toMatchObject({ state: 'submitted', level: 'community', resolution: null })
    expect(again.timeline.at(-1)).toMatchObject({ event: 'reopen', note: '还是有垃圾' })
  })

  it('when the reporter withdraws before acceptance, then it is withdrawn; after acceptance, TICKET.INVALID_TRANSITION', async () => {
    const t = await report()
    expect(ok(await as(P.resident)('tickets', 'withdraw', { ticketId: t.id, reason: '自己解决了' })).state).toBe('withdrawn')
    const a = await accepted()
    expect(errorCode(await as(P.resident)('tickets', 'withdraw', { ticketId: a.id }))).toBe('TICKET.INVALID_TRANSITION')
  })

  it('when a neighbour who follows it tries to confirm, then AUTH.FORBIDDEN and nothing changes', async () => {
    const t = await report()
    ok(await as(P.resident2)('tickets', 'join', { ticketId: t.id }))
    ok(await as(P.gridMember)('tickets', 'accept', { ticketId: t.id }))
    ok(await as(P.gridMember)('tickets', 'resolve', { ticketId: t.id, note: '已清理', photos: [PHOTO] }))
    const before = await snapshot()
    expect(errorCode(await as(P.resident2)('tickets', 'confirm', { ticketId: t.id }))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot()).toEqual(before)
  })

  it.each(['get', 'confirm', 'rate', 'join', 'withdraw', 'reopen'] as const)(
    'when a resident of 和平社区 calls %s on a 幸福社区 ticket, then AUTH.FORBIDDEN and nothing changes',
    async (action) => {
      const t = await resolved()
      const before = await snapshot()
      const pick = action === 'rate' ? { ticketId: t.id, score: 5 } : action === 'reopen' ? { ticketId: t.id, reason: '不行' } : { ticketId: t.id }
      expect(errorCode(await as(P.residentHeping)('tickets', action, pick as never))).toBe('AUTH.FORBIDDEN')
      expect(await snapshot()).toEqual(before)
    },
  )

  it('when staff of 和平社区 open a 幸福社区 ticket, then AUTH.FORBIDDEN', async () => {
    const t = await report()
    expect(errorCode(await as(P.staffHeping)('tickets', 'get', { ticketId: t.id }))).toBe('AUTH.FORBIDDEN')
    void HEPING
  })

  it('when an unknown ticket id is asked for, then TICKET.NOT_FOUND in Chinese', async () => {
    expect(await as(P.resident)('tickets', 'get', { ticketId: 'nope' })).toEqual({
      ok: false,
      error: { code: 'TICKET.NOT_FOUND', message: '没有找到这条报事' },
    })
  })
})

describe('who sees what', () => {
  it('when a neighbour of the same building opens it, then they see the public view: masked name, no phone, no openids', async () => {
    const t = await report(P.resident, { placeCode: demoIds.unitCode(XINGFU, 4, 1) })
    const v = ok(await as(P.resident2)('tickets', 'get', { ticketId: t.id }))
    expect(v).toMatchObject({ reporterName: '王**', reporterPhone: null, following: false, can: ['join'] })
    expect(v.timeline.every((e) => e.actor.openid === '' || e.actor.openid === 'system')).toBe(true)
  })

  it('when a resident of another building of the community opens it, then AUTH.FORBIDDEN', async () => {
    const t = await report()
    expect(errorCode(await as(P.resident2)('tickets', 'get', { ticketId: t.id }))).toBe('AUTH.FORBIDDEN')
  })

  it('when the reporter was anonymous, then the neighbour sees no name at all', async () => {
    const t = await report(P.resident, { placeCode: demoIds.unitCode(XINGFU, 4, 1), anonymous: true })
    const v = ok(await as(P.resident2)('tickets', 'get', { ticketId: t.id }))
    expect(v.reporterName).toBeNull()
    expect(JSON.stringify(v)).not.toContain('王')
  })

  it('when street staff open it, then they see it all', async () => {
    const t = await report()
    expect(ok(await as(P.street)('tickets', 'get', { ticketId: t.id })).reporterPhone).toBe('13800000001')
  })

  it('when the reporter lists their tickets, then open and done are told apart', async () => {
    const a = await report()
    const b = await report()
    ok(await as(P.resident)('tickets', 'withdraw', { ticketId: b.id }))
    expect(ok(await as(P.resident)('tickets', 'mine', { status: 'open' })).items.map((i) => i.id)).toEqual([a.id])
    expect(ok(await as(P.resident)('tickets', 'mine', { status: 'done' })).items.map((i) => i.id)).toEqual([b.id])
    expect(ok(await as(P.resident)('tickets', 'mine', {})).total).toBe(2)
  })
})
