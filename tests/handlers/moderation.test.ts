import { collection, findAll } from '../../cloudfunctions/_core/repos/base'
import { applyMediaVerdict } from '../../cloudfunctions/_core/moderation'
import type { ModerationDoc, NoticeDoc, TicketDoc } from '../../types'
import { councilFixture } from './council.helpers'
import { demoIds } from '../../local/demo'
import { rid } from '../support/requestIds'
import { CODE_B1U1, report as reportAt } from './tickets.helpers'
import { P, XINGFU, as, errorCode, ok, snapshot, upload, useWorld } from '../support/world'

const world = useWorld()

/** The local word lists (local/wx.ts): 赌博 is risky, 投诉曝光 needs a person's review. */
const RISKY = '楼下有人聚众赌博'
const REVIEW = '再不修我就去投诉曝光'

/** 4栋1单元: 李建国 (resident2) lives in 4栋, so he is the neighbour; 第二网格's member handles it. */
const CODE_B4U1 = demoIds.unitCode(XINGFU, 4, 1)
const GRID = P.gridMember2
const report = (openid: string = P.resident, over: Parameters<typeof reportAt>[1] = {}) => reportAt(openid, { placeCode: CODE_B4U1, ...over })

const queue = (openid: string = P.staff) => as(openid)('moderation', 'list', { communityId: XINGFU, status: 'pending' })
const decide = (itemId: string, publish: boolean, reason = '', openid: string = P.staff) =>
  as(openid)('moderation', 'decide', { itemId, publish, ...(reason ? { reason } : {}) })
const similarFor = (openid: string) => as(openid)('tickets', 'similar', { placeCode: CODE_B4U1, category: 'sanitation' })

describe('tickets under content security', () => {
  it('when a resident reports with risky words, then CONTENT.RISKY answers with its message and nothing is written', async () => {
    const before = await snapshot()
    const answer = await as(P.resident)('tickets', 'submit', { requestId: rid('ticket'), placeCode: CODE_B1U1, category: 'sanitation', text: RISKY })
    expect(errorCode(answer)).toBe('CONTENT.RISKY')
    expect(answer.ok ? '' : answer.error.message).toBe('内容含有不适宜公开的信息，请修改后再提交')
    expect(await snapshot()).toEqual(before)
  })

  it('when a risky photo comes with a harmless text, then it is refused too', async () => {
    const before = await snapshot()
    const answer = await as(P.resident)('tickets', 'submit', {
      requestId: rid('ticket'),
      placeCode: CODE_B1U1,
      category: 'sanitation',
      text: '楼道脏',
      photos: [upload(P.resident, 'tickets/risky-1.png')],
    })
    expect(errorCode(answer)).toBe('CONTENT.RISKY')
    expect(await snapshot()).toEqual(before)
  })

  it('when staff file on behalf with risky words, then CONTENT.RISKY answers and nothing is written', async () => {
    const before = await snapshot()
    const answer = await as(P.staff)('tickets', 'fileOnBehalf', {
      requestId: rid('ticket'),
      placeCode: CODE_B1U1,
      category: 'sanitation',
      text: `居民来电：${RISKY}`,
      channel: 'phone',
      residentName: '王秀英',
    })
    expect(errorCode(answer)).toBe('CONTENT.RISKY')
    expect(await snapshot()).toEqual(before)
  })

  it('when a report needs review, then it is filed and routed, the reporter sees it whole, and a neighbour sees neither its words nor its photos', async () => {
    const t = await report(P.resident, { text: REVIEW, photos: [upload(P.resident, 'tickets/a.png')] })
    expect(t.state).toBe('assigned')
    expect((await findAll<TicketDoc>('tickets', { _id: t.id }))[0].assigneeOpenid).toBe(GRID)
    expect(t).toMatchObject({ text: REVIEW, moderation: 'pending' })
    // the grid member has it on the desk, with the words
    expect(ok(await as(GRID)('tickets', 'get', { ticketId: t.id })).text).toBe(REVIEW)
    // a neighbour of the same building: listed (the problem is real) but the words are held
    const similar = ok(await similarFor(P.resident2))
    expect(similar.map((s) => s.id)).toEqual([t.id])
    expect(JSON.stringify(similar)).not.toContain(REVIEW)
    const seen = ok(await as(P.resident2)('tickets', 'get', { ticketId: t.id }))
    expect(seen.text).toBe('内容审核中，暂不公开')
    expect(seen.photos).toEqual([])
    expect(JSON.stringify(seen)).not.toContain(REVIEW)
    // a neighbour who said "me too" does not see them either
    ok(await as(P.resident2)('tickets', 'join', { ticketId: t.id }))
    expect(JSON.stringify(ok(await as(P.resident2)('tickets', 'mine', {})))).not.toContain(REVIEW)
    expect(JSON.stringify(ok(await as(P.resident2)('tickets', 'get', { ticketId: t.id })))).not.toContain(REVIEW)
    // queued once, with the words and photos
    const items = ok(await queue()).items
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'ticket',
        refId: t.id,
        text: REVIEW,
        images: [upload(P.resident, 'tickets/a.png')],
        status: 'pending',
        byName: '王秀英',
      }),
    ])
  })

  it('when staff publish a held report, then the neighbours see its words', async () => {
    const t = await report(P.resident, { text: REVIEW })
    const [item] = ok(await queue()).items
    const decided = ok(await decide(item.id, true))
    expect(decided).toMatchObject({ status: 'published', statusLabel: '已公开', decidedByName: '陈静' })
    expect(ok(await similarFor(P.resident2))[0].excerpt).toBe(REVIEW)
    expect(ok(await as(P.resident2)('tickets', 'get', { ticketId: t.id })).text).toBe(REVIEW)
    expect(ok(await queue()).items).toEqual([])
  })

  it('when staff reject a held report, then it stays hidden from the neighbours, the reason is recorded, and the grid member still handles it', async () => {
    const t = await report(P.resident, { text: REVIEW })
    const [item] = ok(await queue()).items
    expect(ok(await decide(item.id, false, '含有不实的曝光内容'))).toMatchObject({ status: 'rejected', reason: '含有不实的曝光内容' })
    const seen = ok(await as(P.resident2)('tickets', 'get', { ticketId: t.id }))
    expect(seen).toMatchObject({ text: '内容经审核不予公开', moderation: 'rejected' })
    expect(JSON.stringify(ok(await similarFor(P.resident2)))).not.toContain(REVIEW)
    expect(ok(await as(GRID)('tickets', 'accept', { ticketId: t.id })).state).toBe('accepted')
    const all = ok(await as(P.staff)('moderation', 'list', { communityId: XINGFU }))
    expect(all.items).toEqual([expect.objectContaining({ id: item.id, status: 'rejected', reason: '含有不实的曝光内容' })])
  })

  it('when staff reject without a reason, then INPUT.INVALID answers', async () => {
    await report(P.resident, { text: REVIEW })
    const [item] = ok(await queue()).items
    expect(errorCode(await decide(item.id, false))).toBe('INPUT.INVALID')
  })

  it('when a grid member writes risky words in a progress note, then CONTENT.RISKY and nothing changes; words for review hold the ticket', async () => {
    const t = await report()
    ok(await as(GRID)('tickets', 'accept', { ticketId: t.id }))
    const before = await snapshot()
    expect(errorCode(await as(GRID)('tickets', 'progress', { ticketId: t.id, note: `有人${RISKY}` }))).toBe('CONTENT.RISKY')
    expect(await snapshot()).toEqual(before)
    ok(await as(GRID)('tickets', 'progress', { ticketId: t.id, note: `居民说要${REVIEW.slice(-4)}` }))
    expect(JSON.stringify(ok(await as(P.resident2)('tickets', 'get', { ticketId: t.id })))).not.toContain('投诉曝光')
    expect(ok(await queue()).items).toEqual([expect.objectContaining({ refId: t.id, text: '居民说要投诉曝光' })])
  })
})

describe('deciding', () => {
  it('when two staff decide the same item at once, then exactly one wins and the other hears MODERATION.ALREADY_DECIDED', async () => {
    await report(P.resident, { text: REVIEW })
    const [item] = ok(await queue()).items
    const answers = await Promise.all([decide(item.id, true, '', P.staff), decide(item.id, false, '不宜公开', P.secretary)])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map(errorCode)).toEqual(['MODERATION.ALREADY_DECIDED'])
    const [stored] = await findAll<ModerationDoc>('moderation', {})
    const ticket = (await findAll<TicketDoc>('tickets', { _id: stored.refId }))[0]
    expect(ticket.moderation).toBe(stored.status)
    expect(errorCode(await decide(item.id, true))).toBe('MODERATION.ALREADY_DECIDED')
  })

  it('when the item does not exist, then MODERATION.NOT_FOUND answers', async () => {
    expect(errorCode(await decide('nope', true))).toBe('MODERATION.NOT_FOUND')
  })

  it('when a resident or staff of another community use the queue, then AUTH.FORBIDDEN answers and nothing changes', async () => {
    await report(P.resident, { text: REVIEW })
    const [item] = ok(await queue()).items
    const before = await snapshot()
    expect(errorCode(await queue(P.resident))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await queue(P.gridMember))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await decide(item.id, true, '', P.resident))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await decide(item.id, true, '', P.staffHeping))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.staffHeping)('moderation', 'list', { communityId: XINGFU }))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot()).toEqual(before)
  })

  it('when pending and decided items are listed, then pending ones come first, oldest first', async () => {
    const a = await report(P.resident, { text: `${REVIEW}一` })
    const b = await report(P.resident, { text: `${REVIEW}二` })
    const first = ok(await queue()).items.find((i) => i.refId === a.id)!
    ok(await decide(first.id, true))
    const all = ok(await as(P.staff)('moderation', 'list', { communityId: XINGFU }))
    expect(all.items.map((i) => [i.refId, i.status])).toEqual([
      [b.id, 'pending'],
      [a.id, 'published'],
    ])
    expect(all.total).toBe(2)
  })

  it('when an image verdict is applied (the mediaCheck push, see mediaCheck.test.ts), then risky rejects the item and pass publishes one only waiting for it', async () => {
    const t = await report(P.resident, { text: '楼道灯坏了' })
    const at = '2026-11-22T01:00:00.000Z'
    const item = (over: Partial<ModerationDoc>): ModerationDoc => ({
      _id: 'mod-1',
      communityId: XINGFU,
      kind: 'ticket',
      refId: t.id,
      text: '楼道灯坏了',
      images: ['cloud://env/a.png'],
      byOpenid: P.resident,
      status: 'pending',
      reason: null,
      decidedBy: null,
      decidedAt: null,
      label: 100,
      awaitingTraceIds: ['trace-1'],
      judged: false,
      createdAt: at,
      ...over,
    })
    await collection('tickets').doc(t.id).update({ moderation: 'pending' })
    await collection('moderation').add(item({}))
    await applyMediaVerdict({ traceId: 'trace-1', suggest: 'pass' }, at)
    expect((await findAll<ModerationDoc>('moderation', { _id: 'mod-1' }))[0]).toMatchObject({ status: 'published', decidedBy: 'system', awaitingTraceIds: [] })
    expect((await findAll<TicketDoc>('tickets', { _id: t.id }))[0].moderation).toBe('published')
    await collection('moderation').add(item({ _id: 'mod-2', awaitingTraceIds: ['trace-2'] }))
    await applyMediaVerdict({ traceId: 'trace-2', suggest: 'risky' }, at)
    expect((await findAll<ModerationDoc>('moderation', { _id: 'mod-2' }))[0]).toMatchObject({ status: 'rejected', reason: '图片未通过微信内容安全检测' })
    expect((await findAll<TicketDoc>('tickets', { _id: t.id }))[0].moderation).toBe('rejected')
  })
})

describe('council objections under content security', () => {
  const object = (text: string, openid: string = P.resident) => as(openid)('council', 'object', { matterId: 'm-xingfu', requestId: rid('ticket'), text })
  /** the fixture's matter, in its publicity period */
  const publicity = async () => {
    await councilFixture()
    await collection('matters').doc('m-xingfu').update({ state: 'implementation' })
  }

  it('when a resident objects with risky words, then CONTENT.RISKY answers and nothing is written', async () => {
    await publicity()
    const before = await snapshot()
    expect(errorCode(await object(RISKY))).toBe('CONTENT.RISKY')
    expect(await snapshot()).toEqual(before)
  })

  it('when an objection needs review, then its author and staff see it, another resident only once it is published', async () => {
    await publicity()
    const mine = ok(await object(REVIEW))
    expect(mine.objections.map((o) => o.text)).toContain(REVIEW)
    const texts = async (openid: string) => ok(await as(openid)('council', 'get', { matterId: 'm-xingfu' })).objections.map((o) => o.text)
    expect(await texts(P.resident2)).not.toContain(REVIEW)
    expect(await texts(P.staff)).toContain(REVIEW)
    const [item] = ok(await queue()).items
    expect(item).toMatchObject({ kind: 'objection', kindLabel: '异议', text: REVIEW })
    ok(await decide(item.id, true))
    expect(await texts(P.resident2)).toContain(REVIEW)
  })

  it('when an objection is refused publication, then staff owe it no answer before publishing the result', async () => {
    await publicity()
    ok(await object(REVIEW))
    const [item] = ok(await queue()).items
    ok(await decide(item.id, false, '含有不实信息'))
    ok(await as(P.staff)('council', 'answerObjection', { objectionId: 'o-xingfu', text: '已答复' }))
    world.clock(new Date('2026-12-02T00:00:00.000Z')) // the fixture's publicity ends on 12-01
    const done = ok(await as(P.staff)('council', 'publishResult', { matterId: 'm-xingfu', text: '已完成', photos: [] }))
    expect(done.state).toBe('done')
  })
})

describe('notices under content security', () => {
  const notice = (title: string, body: string) =>
    as(P.staff)('notices', 'publish', { communityId: XINGFU, requestId: rid('ticket'), kind: 'general', title, body, audience: { scope: 'community' } })

  it('when staff publish a notice with risky words, then CONTENT.RISKY answers and nothing is written', async () => {
    const before = await snapshot()
    expect(errorCode(await notice('通知', `严禁${RISKY}`))).toBe('CONTENT.RISKY')
    expect(await snapshot()).toEqual(before)
  })

  it('when a notice needs review, then residents do not get it until staff publish it', async () => {
    const n = ok(await notice('物业通知', REVIEW))
    expect(n.moderation).toBe('pending')
    const listed = async (openid: string) => ok(await as(openid)('notices', 'list', { communityId: XINGFU })).items.map((i) => i.id)
    expect(await listed(P.resident)).not.toContain(n.id)
    expect(errorCode(await as(P.resident)('notices', 'get', { noticeId: n.id }))).toBe('NOTICE.NOT_FOUND')
    expect(await listed(P.staff)).toContain(n.id)
    const [item] = ok(await queue()).items
    expect(item).toMatchObject({ kind: 'notice', refId: n.id })
    ok(await decide(item.id, true))
    expect(await listed(P.resident)).toContain(n.id)
    expect((await findAll<NoticeDoc>('notices', { _id: n.id }))[0].moderation).toBe('published')
  })
})

describe('volunteer activities under content security', () => {
  const activity = (title: string) =>
    as(P.staff)('volunteers', 'publish', {
      communityId: XINGFU,
      requestId: rid('ticket'),
      title,
      place: '广场',
      startAt: '2026-11-24T09:00:00+08:00',
      endAt: '2026-11-24T11:00:00+08:00',
      deadline: '2026-11-23T09:00:00+08:00',
      capacity: 5,
      organiser: '幸福社区',
    })

  it('when the title is risky or needs review, then it is refused (asked to rephrase) and nothing is written', async () => {
    const before = await snapshot()
    expect(errorCode(await activity(`反${RISKY}宣传`))).toBe('CONTENT.RISKY')
    expect(errorCode(await activity(`${REVIEW}`))).toBe('CONTENT.REVIEW')
    expect(await snapshot()).toEqual(before)
  })
})
