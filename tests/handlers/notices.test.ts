import { findAll } from '../../cloudfunctions/_core/repos/base'
import { demoIds } from '../../local/demo'
import type { InputOf, noticesContract } from '../../types'
import { rid } from '../support/requestIds'
import { NOW, P, XINGFU, as, errorCode, ok, snapshot, useWorld } from '../support/world'

const world = useWorld()
type PublishInput = InputOf<typeof noticesContract.actions.publish>

const publish = (over: Partial<PublishInput> = {}, by: string = P.secretary) =>
  as(by)('notices', 'publish', {
    communityId: XINGFU,
    requestId: rid('notice'),
    kind: 'general',
    title: '停水通知',
    body: '本周六上午9点至12点停水，请提前储水。',
    audience: { scope: 'community' },
    ...over,
  })

// 王秀英 lives in 1栋 (第一网格); 李建国 in 4栋 (第二网格)
const building1 = demoIds.building(XINGFU, 1)

describe('notices', () => {
  test('when the branch posts a 财务公开 notice to one building, then a resident there sees it unread and the read count rises once she opens it', async () => {
    const posted = ok(await publish({ kind: 'finance', title: '1栋维修基金使用公示', audience: { scope: 'buildings', buildingIds: [building1] } }))
    expect(posted).toMatchObject({ kindLabel: '财务公开', audienceLabel: '1栋', readers: 0 })
    const mine = ok(await as(P.resident)('notices', 'list', { communityId: XINGFU }))
    expect(mine.items.map((x) => [x.title, x.unread])).toEqual([['1栋维修基金使用公示', true]])
    const opened = ok(await as(P.resident)('notices', 'get', { noticeId: posted.id }))
    expect(opened.body).toContain('停水')
    expect(opened.readers).toBeNull() // residents do not see counts
    ok(await as(P.resident)('notices', 'get', { noticeId: posted.id })) // a second read is the same reader
    expect(ok(await as(P.resident)('notices', 'list', { communityId: XINGFU })).items[0].unread).toBe(false)
    expect(ok(await as(P.staff)('notices', 'list', { communityId: XINGFU })).items[0].readers).toBe(1)
  })

  test('when a notice is for one building, then a resident elsewhere neither lists nor opens it', async () => {
    const posted = ok(await publish({ audience: { scope: 'buildings', buildingIds: [building1] } }))
    expect(ok(await as(P.resident2)('notices', 'list', { communityId: XINGFU })).items).toEqual([])
    expect(errorCode(await as(P.resident2)('notices', 'get', { noticeId: posted.id }))).toBe('NOTICE.NOT_FOUND')
    expect(await findAll('noticeReads', {})).toEqual([])
  })

  test('when a notice is for a grid, then residents of buildings in that grid see it', async () => {
    ok(await publish({ title: '第二网格议事会', audience: { scope: 'grid', gridIds: [demoIds.grid(XINGFU, 1)] } }))
    expect(ok(await as(P.resident2)('notices', 'list', { communityId: XINGFU })).items.map((x) => x.title)).toEqual(['第二网格议事会'])
    expect(ok(await as(P.resident)('notices', 'list', { communityId: XINGFU })).items).toEqual([])
  })

  test('when notices are listed, then pinned ones come first, then the newest', async () => {
    ok(await publish({ title: '旧的置顶', pinned: true }))
    world.clock(new Date(NOW.getTime() + 3600_000))
    ok(await publish({ title: '新的普通' }))
    world.clock(new Date(NOW.getTime() + 7200_000))
    ok(await publish({ title: '最新普通' }))
    expect(ok(await as(P.resident)('notices', 'list', { communityId: XINGFU })).items.map((x) => x.title)).toEqual(['旧的置顶', '最新普通', '新的普通'])
  })

  test('when a notice expires or is withdrawn, then residents no longer see it', async () => {
    const expiring = ok(await publish({ title: '临时通知', expiresAt: new Date(NOW.getTime() + 86_400_000).toISOString() }))
    const other = ok(await publish({ title: '将撤下' }))
    ok(await as(P.staff)('notices', 'withdraw', { noticeId: other.id }))
    world.clock(new Date(NOW.getTime() + 2 * 86_400_000))
    expect(ok(await as(P.resident)('notices', 'list', { communityId: XINGFU })).items).toEqual([])
    expect(errorCode(await as(P.resident)('notices', 'get', { noticeId: expiring.id }))).toBe('NOTICE.NOT_FOUND')
  })

  test('when a publish is retried with the same request id, then one notice exists', async () => {
    const input = { requestId: 'notice-retry-1' }
    const a = ok(await publish(input))
    const b = ok(await publish(input))
    expect(b.id).toBe(a.id)
    expect(await findAll('notices', {})).toHaveLength(1)
  })

  test.each([
    ['no title', { title: '' }],
    ['a grid scope without a grid', { audience: { scope: 'grid' as const } }],
    ['a building scope without buildings', { audience: { scope: 'buildings' as const } }],
    ['an attachment that is not a PDF', { files: [{ fileID: 'cloud://env/a.docx', name: '说明.docx' }] }],
  ])('when a notice has %s, then INPUT.INVALID answers and nothing is posted', async (_label, over) => {
    const before = await snapshot()
    expect(errorCode(await publish(over as Partial<PublishInput>))).toBe('INPUT.INVALID')
    expect(await snapshot()).toEqual(before)
  })

  test('when a notice names a building of another community or an expiry in the past, then it is refused and nothing is posted', async () => {
    const before = await snapshot()
    expect(errorCode(await publish({ audience: { scope: 'buildings', buildingIds: [demoIds.building('c-heping', 1)] } }))).toBe('PLACE.NOT_FOUND')
    expect(errorCode(await publish({ expiresAt: new Date(NOW.getTime() - 1000).toISOString() }))).toBe('NOTICE.EXPIRY_PAST')
    expect(await snapshot()).toEqual(before)
  })

  test('when a resident of another community asks for a notice, then it is refused', async () => {
    const posted = ok(await publish())
    expect(errorCode(await as(P.residentHeping)('notices', 'get', { noticeId: posted.id }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.residentHeping)('notices', 'list', { communityId: XINGFU }))).toBe('AUTH.FORBIDDEN')
  })

  test('when 30 residents open a notice twice each at once, then the read count is 30', async () => {
    const posted = ok(await publish())
    const { collection } = await import('../../cloudfunctions/_core/repos/base')
    const people = Array.from({ length: 30 }, (_, i) => `wx-reader-${i}`)
    for (const p of people) {
      await collection('users').add({
        _id: p,
        name: `读者${p}`,
        phone: null,
        roles: [{ role: 'resident', communityId: XINGFU, streetId: 'st-chunhui', grantedAt: NOW.toISOString(), grantedBy: null }],
        householdIds: [],
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      })
    }
    await Promise.all(people.flatMap((p) => [as(p)('notices', 'get', { noticeId: posted.id }), as(p)('notices', 'get', { noticeId: posted.id })]))
    expect(ok(await as(P.staff)('notices', 'get', { noticeId: posted.id })).readers).toBe(30) // staff opening it do not count
  })
})
