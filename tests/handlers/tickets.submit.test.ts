import { collection, findAll } from '../../cloudfunctions/_core/repos/base'
import { demoIds } from '../../local/demo'
import type { TicketDoc } from '../../types'
import { HEPING, P, XINGFU, as, errorCode, ok, snapshot, upload, useWorld } from '../support/world'
import { rid } from '../support/requestIds'
import { CODE_B1U1, CODE_B4U2, report } from './tickets.helpers'

useWorld()

const outbox = () => findAll<{ to: string; kind: string; ticketId: string }>('outbox', {})

describe('tickets.categories', () => {
  it('when a community has not set its own, then the defaults come with their time limits', async () => {
    const cats = ok(await as(P.newcomer)('tickets', 'categories', { communityId: XINGFU }))
    expect(cats[0]).toEqual({ key: 'sanitation', label: '环境卫生', respondHours: 4, resolveDays: 2 })
  })
})

describe('tickets.submit', () => {
  it('when a resident scans 1栋1单元 and submits, then the ticket is assigned to 张伟 of 第一网格 and he is notified', async () => {
    const t = await report()
    expect(t).toMatchObject({
      state: 'assigned',
      level: 'grid',
      gridId: demoIds.grid(XINGFU, 0),
      buildingId: demoIds.building(XINGFU, 1),
      unitId: demoIds.unit(XINGFU, 1, 1),
      placeLabel: '1栋 1单元',
      categoryLabel: '环境卫生',
      reporterName: '王秀英',
      following: true,
      followers: 1,
      can: ['withdraw'],
    })
    expect(t.assignee?.name).toBe('张*')
    expect(t.respondBy).toBe('2026-11-22T05:00:00.000Z')
    expect(t.timeline.map((e) => e.event)).toEqual(['submit', 'assign'])
    expect((await outbox()).map((o) => [o.to, o.kind])).toEqual([[P.gridMember, 'assigned']])
    const [doc] = await findAll<TicketDoc>('tickets', {})
    expect(doc.reporterHouseholdId).toBe(demoIds.household(XINGFU, 1, 1, '301'))
  })

  it('when a resident reports in 4栋, then 黄丽 of 第二网格 gets it and the resident does not see her openid', async () => {
    const first = await report(P.resident, { placeCode: CODE_B4U2 })
    expect(first.assignee?.openid).toBe('')
    const view = ok(await as(P.gridMember2)('tickets', 'get', { ticketId: first.id }))
    expect(view.assignee?.openid).toBe(P.gridMember2)
  })

  it('when someone without a household scans a stairwell, then they can still report, with no household recorded', async () => {
    const t = await report(P.newcomer)
    expect(t.state).toBe('assigned')
    const [doc] = await findAll<TicketDoc>('tickets', {})
    expect(doc.reporterHouseholdId).toBeNull()
  })

  it('when a submit is retried 5 times at once with one request id, then exactly one ticket exists and all answers name it', async () => {
    const requestId = rid('ticket')
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => as(P.resident)('tickets', 'submit', { requestId, placeCode: CODE_B1U1, category: 'sanitation', text: '重试' })),
    )
    const ids = answers.map((a) => ok(a).id)
    expect(new Set(ids).size).toBe(1)
    expect(await findAll('tickets', {})).toHaveLength(1)
    expect((await outbox()).filter((o) => o.kind === 'assigned')).toHaveLength(1)
  })

  it('when the reporter chooses anonymity, then the grid member sees no name but staff do', async () => {
    const t = await report(P.resident, { anonymous: true })
    expect(ok(await as(P.gridMember)('tickets', 'get', { ticketId: t.id })).reporterName).toBeNull()
    expect(ok(await as(P.staff)('tickets', 'get', { ticketId: t.id })).reporterName).toBe('王秀英')
  })

  it.each([
    ['text over 500 characters', { text: '脏'.repeat(501) }, 'INPUT.INVALID', '描述不能超过500个字'],
    ['7 photos', { photos: Array.from({ length: 7 }, (_, i) => `cloud://env/p${i}.png`) }, 'INPUT.INVALID', '最多上传6张照片'],
    ['an unknown place code', { placeCode: 'NOPE2345' }, 'PLACE.UNKNOWN_CODE', '没有找到这个楼道码，请确认二维码是否完整'],
    ['a category not in the list', { category: 'ufo' }, 'TICKET.CATEGORY_UNKNOWN', '本社区没有这个问题类型，请重新选择'],
  ])('when a resident submits %s, then a clear code with a Chinese message answers and nothing changes', async (_name, over, code, message) => {
    const before = await snapshot()
    const answer = await as(P.resident)('tickets', 'submit', { requestId: rid('ticket'), placeCode: CODE_B1U1, category: 'sanitation', text: 'x', ...over })
    expect(errorCode(answer)).toBe(code)
    const error = answer.ok ? null : answer.error
    expect(error?.issues?.[0]?.message ?? error?.message).toBe(message)
    expect(await snapshot()).toEqual(before)
  })

  it('when a community sets its own categories, then only those are accepted', async () => {
    const { collection } = await import('../../cloudfunctions/_core/repos/base')
    await collection('communities')
      .doc(HEPING)
      .update({ settings: { ticketCategories: [{ key: 'lift', label: '电梯故障', respondHours: 1, resolveDays: 1 }] } })
    const code = demoIds.unitCode(HEPING, 1, 1)
    expect(errorCode(await as(P.residentHeping)('tickets', 'submit', { requestId: rid('ticket'), placeCode: code, category: 'sanitation', text: '' }))).toBe(
      'TICKET.CATEGORY_UNKNOWN',
    )
    expect(ok(await as(P.residentHeping)('tickets', 'submit', { requestId: rid('ticket'), placeCode: code, category: 'lift', text: '' })).categoryLabel).toBe(
      '电梯故障',
    )
  })
})

describe('tickets.similar and join', () => {
  it('when a neighbour scans the same building, then open tickets of the category come, the same unit first, without names', async () => {
    const other = await report(P.resident, { placeCode: demoIds.unitCode(XINGFU, 1, 2), text: '二单元也脏' })
    const own = await report(P.resident)
    const list = ok(await as(P.resident2)('tickets', 'similar', { placeCode: CODE_B1U1, category: 'sanitation' }))
    expect(list.map((s) => [s.id, s.sameUnit])).toEqual([
      [own.id, true],
      [other.id, false],
    ])
    expect(JSON.stringify(list)).not.toContain('王秀英')
  })

  it('when a stranger or a resident of another building scans the stairwell code, then they see category, place, time and households, but not the words', async () => {
    await report(P.resident, { text: '楼道堆物，电话13900000000' })
    for (const who of ['wx-passer-by', P.resident2, P.residentHeping]) {
      const [s] = ok(await as(who)('tickets', 'similar', { placeCode: CODE_B1U1, category: 'sanitation' }))
      expect(s).toMatchObject({ categoryLabel: '环境卫生', placeLabel: '1栋 1单元', followers: 1, excerpt: null })
      expect(JSON.stringify(s)).not.toContain('13900000000')
    }
  })

  it('when a resident of the building or the grid member scans it, then they see the first line of what was written', async () => {
    await report(P.resident, { text: '楼道堆物\n第二行' })
    await collection('users')
      .doc(P.resident2)
      .update({ householdIds: [demoIds.household(XINGFU, 1, 2, '101')] })
    for (const who of [P.resident2, P.gridMember, P.staff]) {
      expect(ok(await as(who)('tickets', 'similar', { placeCode: CODE_B1U1, category: 'sanitation' }))[0].excerpt).toBe('楼道堆物')
    }
  })

  it('when the caller already follows a ticket, then it is not offered again', async () => {
    const t = await report(P.resident)
    ok(await as(P.resident2)('tickets', 'join', { ticketId: t.id }))
    expect(ok(await as(P.resident2)('tickets', 'similar', { placeCode: CODE_B1U1, category: 'sanitation' }))).toEqual([])
    expect(ok(await as(P.resident)('tickets', 'similar', { placeCode: CODE_B1U1, category: 'sanitation' }))).toEqual([])
  })

  it('when a neighbour says "me too", then they follow it, it counts one more household, and saying it again changes nothing', async () => {
    const t = await report()
    const joined = ok(await as(P.resident2)('tickets', 'join', { ticketId: t.id }))
    expect(joined).toMatchObject({ following: true, followers: 2 })
    const before = await snapshot()
    expect(ok(await as(P.resident2)('tickets', 'join', { ticketId: t.id })).followers).toBe(2)
    expect(await snapshot()).toEqual(before)
    const mine = ok(await as(P.resident2)('tickets', 'mine', {}))
    expect(mine.items.map((i) => i.id)).toEqual([t.id])
  })

  it('when a resident of 和平社区 says "me too" to a 幸福社区 ticket, then AUTH.FORBIDDEN and nothing changes', async () => {
    const t = await report()
    const before = await snapshot()
    expect(errorCode(await as(P.residentHeping)('tickets', 'join', { ticketId: t.id }))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot()).toEqual(before)
  })
})

describe('photos must be the caller’s own uploads', () => {
  test.each([
    ['a neighbour’s photo', upload(P.resident2, 'tickets/their.png')],
    ['a photo outside the uploads folder (an export, a QR sheet)', 'cloud://env/private/exports/c-xingfu/x.csv'],
    ['a path that climbs out of the caller’s folder', `cloud://env/uploads/${P.resident}/../${P.resident2}/a.png`],
  ])('when a report names %s, then UPLOAD.NOT_YOURS answers and nothing is filed', async (_label, photo) => {
    const before = await snapshot()
    const answer = await as(P.resident)('tickets', 'submit', {
      requestId: rid('ticket'),
      placeCode: CODE_B1U1,
      category: 'sanitation',
      text: '楼道堆物',
      photos: [photo],
    })
    expect(errorCode(answer)).toBe('UPLOAD.NOT_YOURS')
    expect(await snapshot()).toEqual(before)
  })

  test('when a report carries the reporter’s own photo, then it is filed with it', async () => {
    const mine = upload(P.resident, 'tickets/mine.png')
    const t = ok(
      await as(P.resident)('tickets', 'submit', { requestId: rid('ticket'), placeCode: CODE_B1U1, category: 'sanitation', text: '楼道堆物', photos: [mine] }),
    )
    expect(t.photos).toEqual([mine])
  })
})
