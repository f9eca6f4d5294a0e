import { findAll } from '../../cloudfunctions/_core/repos/base'
import { demoIds } from '../../local/demo'
import { XINGFU, P, as, ok, useWorld } from '../support/world'
import { rid } from '../support/requestIds'
import { activityInput } from './volunteers.helpers'
import { wishInput } from './wishes.helpers'

useWorld()

/**
 * A creating call's record id comes from its request id AND its caller (`idFor`): the request id only makes a retry
 * land on the same record. Two people whose phones happen to send the same request id get two records, each their
 * own — never the other's.
 */
describe('the same request id from two people', () => {
  const notice = (requestId: string, title: string) => ({
    communityId: XINGFU,
    requestId,
    kind: 'general' as const,
    title,
    body: '请周知。',
    audience: { scope: 'community' as const },
  })

  test('when staff and the secretary publish notices under one request id, then there are two notices, each with its own title and author', async () => {
    const id = rid('notice')
    const a = ok(await as(P.staff)('notices', 'publish', notice(id, '停水通知')))
    const b = ok(await as(P.secretary)('notices', 'publish', notice(id, '党员大会通知')))
    expect(b.id).not.toBe(a.id)
    const stored = await findAll<{ _id: string; title: string; byOpenid?: string }>('notices', {}, [{ field: '_id', order: 'asc' }])
    expect(stored.map((n) => n.title).sort()).toEqual(['停水通知', '党员大会通知'].sort())
  })

  test('when two residents post wishes under one request id, then each has their own wish', async () => {
    const id = rid('wish')
    const a = ok(await as(P.resident)('wishes', 'post', { ...wishInput({ title: '帮忙换灯泡' }), requestId: id }))
    const b = ok(await as(P.resident2)('wishes', 'post', { ...wishInput({ title: '帮忙修水龙头' }), requestId: id }))
    expect(b.id).not.toBe(a.id)
    expect([a.title, b.title]).toEqual(['帮忙换灯泡', '帮忙修水龙头'])
    expect((await findAll('wishes', {})).length).toBe(2)
  })

  test('when staff and the secretary publish activities under one request id, then there are two activities', async () => {
    const id = rid('vol')
    const a = ok(await as(P.staff)('volunteers', 'publish', { ...activityInput({ title: '楼道清扫' }), requestId: id }))
    const b = ok(await as(P.secretary)('volunteers', 'publish', { ...activityInput({ title: '敬老探访' }), requestId: id }))
    expect(b.id).not.toBe(a.id)
    expect((await findAll<{ title: string }>('volunteerActivities', {})).map((x) => x.title).sort()).toEqual(['敬老探访', '楼道清扫'].sort())
  })

  test('when one of them retries, then the retry lands on their own record, not the other one', async () => {
    const id = rid('wish')
    const a = ok(await as(P.resident)('wishes', 'post', { ...wishInput({ title: '帮忙换灯泡' }), requestId: id }))
    const b = ok(await as(P.resident2)('wishes', 'post', { ...wishInput({ title: '帮忙修水龙头' }), requestId: id }))
    const again = ok(await as(P.resident)('wishes', 'post', { ...wishInput({ title: '帮忙换灯泡' }), requestId: id }))
    expect(again.id).toBe(a.id)
    expect(again.id).not.toBe(b.id)
    expect((await findAll('wishes', {})).length).toBe(2)
  })

  test('when two residents report the same stairwell under one request id, then two tickets exist, each with its own reporter', async () => {
    const id = rid('ticket')
    const placeCode = demoIds.unitCode(XINGFU, 1, 1)
    const a = ok(await as(P.resident)('tickets', 'submit', { requestId: id, placeCode, category: 'sanitation', text: '楼道堆物' }))
    const b = ok(await as(P.resident2)('tickets', 'submit', { requestId: id, placeCode, category: 'sanitation', text: '楼道堆物' }))
    expect(b.id).not.toBe(a.id)
    const tickets = await findAll<{ reporterOpenid: string }>('tickets', { placeCode }, [{ field: '_id', order: 'asc' }])
    expect(tickets.map((t) => t.reporterOpenid).sort()).toEqual([P.resident, P.resident2].sort())
  })
})
