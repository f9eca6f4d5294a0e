import { reachOf } from '../../cloudfunctions/_core/domain/notices'
import { isFor, isHeld } from '../../cloudfunctions/notices/access'
import { collection, command, findAll } from '../../cloudfunctions/_core/repos/base'
import { backfillFields } from '../../cloudfunctions/sweeper/backfill'
import { demoIds } from '../../local/demo'
import { NOTICE_KINDS, type Listing, type NoticeDoc } from '../../types'
import { NOW, P, XINGFU, as, ok, useWorld } from '../support/world'

/**
 * More notices than any page-size ceiling: totals are checked against a recount of the stored notices, order against
 * pinned first, then newest (ties by id), and a resident's list against the audience rule.
 */

const world = useWorld()
jest.setTimeout(120_000)

const MIN = 60_000
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MIN).toISOString()
// 王秀英 lives in 1栋 (第一网格); 李建国 in 4栋 (第二网格)
const HOME_RESIDENT = { gridIds: new Set([demoIds.grid(XINGFU, 0)]), buildingIds: new Set([demoIds.building(XINGFU, 1)]) }

/** The i-th notice: audiences, kinds, pins, expiry, withdrawal and moderation holds all vary; many share a minute. */
function bulkNotice(i: number): NoticeDoc {
  const audience = [
    { scope: 'community' as const, gridIds: [], buildingIds: [] },
    { scope: 'grid' as const, gridIds: [demoIds.grid(XINGFU, 0)], buildingIds: [] },
    { scope: 'grid' as const, gridIds: [demoIds.grid(XINGFU, 1)], buildingIds: [] },
    { scope: 'buildings' as const, gridIds: [], buildingIds: [demoIds.building(XINGFU, 1), demoIds.building(XINGFU, 2)] },
    { scope: 'buildings' as const, gridIds: [], buildingIds: [demoIds.building(XINGFU, 4)] },
  ][i % 5]
  const body = `第${i}号公告\n  正文  ${'内容'.repeat(40)}`
  return {
    _id: `notice-${String(i).padStart(5, '0')}`,
    communityId: XINGFU,
    streetId: 'st-chunhui',
    kind: NOTICE_KINDS[i % NOTICE_KINDS.length],
    title: `公告${i}`,
    body,
    // older notices were stored without an excerpt; the list reads their body's opening instead
    ...(i % 4 === 0 ? {} : { excerpt: body.replace(/\s+/g, ' ').slice(0, 60) }),
    images: [],
    files: [],
    audience,
    reach: reachOf(XINGFU, audience),
    pinned: i % 97 === 0,
    expiresAt: i % 13 === 0 ? at(-60) : i % 13 === 1 ? at(60) : null,
    publishedBy: P.secretary,
    publishedByName: '赵红梅',
    publishedAt: at(-(i % 900) - Math.floor(i / 900) * 7),
    withdrawnAt: i % 31 === 0 ? at(-1) : null,
    ...(i % 23 === 0
      ? { moderation: 'pending' as const }
      : i % 29 === 0
        ? { moderation: 'rejected' as const }
        : i % 7 === 0
          ? { moderation: 'published' as const }
          : {}),
  }
}

async function insertNotices(n: number): Promise<NoticeDoc[]> {
  const docs = Array.from({ length: n }, (_, i) => bulkNotice(i))
  for (let i = 0; i < docs.length; i += 500) await collection('notices').add(docs.slice(i, i + 500))
  return docs
}

const current = (n: NoticeDoc) => !n.withdrawnAt && (!n.expiresAt || n.expiresAt > NOW.toISOString())
const listed = (ns: NoticeDoc[]) =>
  [...ns]
    .sort((a, b) =>
      a.pinned !== b.pinned ? (a.pinned ? -1 : 1) : a.publishedAt !== b.publishedAt ? (a.publishedAt > b.publishedAt ? -1 : 1) : a._id > b._id ? -1 : 1,
    )
    .map((n) => n._id)

/**
 * Every page of a caller's list, 100 at a time: the ids in order, the totals staff pages state, and for a resident's
 * pages (which state no total) whether each said another follows.
 */
async function walk(openid: string, input: { kind?: NoticeDoc['kind'] } = {}): Promise<{ ids: string[]; totals: Set<number>; more: boolean[] }> {
  const ids: string[] = []
  const totals = new Set<number>()
  const more: boolean[] = []
  for (let page = 1; ; page++) {
    const got = ok(await as(openid)('notices', 'list', { communityId: XINGFU, page, pageSize: 100, ...input }))
    ids.push(...got.items.map((i) => i.id))
    if ('total' in got) {
      totals.add(got.total)
      if (got.items.length < 100) return { ids, totals, more }
    } else {
      more.push(got.more)
      if (!got.more) return { ids, totals, more }
    }
  }
}

/** A staff page's total (theirs are counted). */
const totalOf = (page: Listing<unknown>): number => {
  if (!('total' in page)) throw new Error('a staff page came without its total')
  return page.total
}

/** A resident's walk: every page but the last says another follows. */
const saysMoreUntilTheLast = (more: boolean[]) => expect(more).toEqual(more.map((_, i) => i < more.length - 1))

describe('notices.list with 2 500 notices', () => {
  it('when staff list them, then every current notice comes once, pinned first, then newest, and the total is a recount', async () => {
    const docs = await insertNotices(2500)
    const expected = listed(docs.filter(current))
    expect(expected.length).toBeGreaterThan(2000)
    const { ids, totals } = await walk(P.staff)
    expect([...totals]).toEqual([expected.length])
    expect(ids).toEqual(expected)
  })

  it('when 王秀英 lists them, then she gets exactly the current ones reaching her home and not held, in order, and every page but the last says more follow', async () => {
    const docs = await insertNotices(2500)
    const expected = listed(docs.filter((n) => current(n) && isFor(n, HOME_RESIDENT) && !isHeld(n)))
    expect(expected.length).toBeGreaterThan(500)
    const { ids, totals, more } = await walk(P.resident)
    expect(totals.size).toBe(0)
    saysMoreUntilTheLast(more)
    expect(ids).toEqual(expected)
    const first = ok(await as(P.resident)('notices', 'list', { communityId: XINGFU }))
    expect(first.items.slice(0, 3).every((n) => n.pinned)).toBe(true)
    expect(first.items.every((n) => n.unread && n.readers === null)).toBe(true)
  })

  it('when a resident filters by kind, then her pages hold that kind only and stop after its last notice', async () => {
    const docs = await insertNotices(2500)
    const expected = listed(docs.filter((n) => current(n) && n.kind === 'finance' && isFor(n, HOME_RESIDENT) && !isHeld(n)))
    const { ids, more } = await walk(P.resident, { kind: 'finance' })
    saysMoreUntilTheLast(more)
    expect(ids).toEqual(expected)
  })

  it('when a list page is read, then each summary carries the opening of its body, stored or not', async () => {
    const docs = await insertNotices(2500)
    const byId = new Map(docs.map((n) => [n._id, n]))
    const page = ok(await as(P.staff)('notices', 'list', { communityId: XINGFU, page: 3, pageSize: 100 }))
    for (const item of page.items) expect(item.excerpt).toBe(byId.get(item.id)!.body.replace(/\s+/g, ' ').slice(0, 60))
    expect(page.items.some((i) => !byId.get(i.id)!.excerpt)).toBe(true)
  })
})

describe('notices.list requests per page', () => {
  const page = (openid: string) => world.requests(async () => ok(await as(openid)('notices', 'list', { communityId: XINGFU, page: 1, pageSize: 20 })))

  it('when the community holds 40 notices or 2 500, then a page costs the same requests, for staff and for a resident', async () => {
    const docs = Array.from({ length: 2500 }, (_, i) => bulkNotice(i))
    await collection('notices').add(docs.slice(0, 40))
    // readers of some notices on the staff's first page: one grouped count answers them all
    const shown = listed(docs.slice(0, 40).filter(current)).slice(0, 20)
    const reads = shown.flatMap((id, k) =>
      [P.resident, P.resident2, P.staff].slice(0, k % 4).map((openid) => ({ _id: `${id}|${openid}`, noticeId: id, openid, at: NOW.toISOString() })),
    )
    await collection('noticeReads').add(reads)
    const staffFew = await page(P.staff)
    const residentFew = await page(P.resident)
    for (let i = 40; i < docs.length; i += 500) await collection('notices').add(docs.slice(i, i + 500))
    const staffMany = await page(P.staff)
    const residentMany = await page(P.resident)
    expect(totalOf(staffMany.result)).toBeGreaterThan(totalOf(staffFew.result) + 2000)
    // hers states no total: the first page, and whether more follow
    expect(residentFew.result).toMatchObject({ more: false })
    expect(residentMany.result).toMatchObject({ more: true })
    expect(staffMany.result.items).toHaveLength(20)
    expect(residentMany.result.items).toHaveLength(20)
    expect(staffMany.actions).toEqual(staffFew.actions)
    expect(residentMany.actions).toEqual(residentFew.actions)
    // not one count per notice: the caller and the community, the page and its total, reads, labels, readers
    expect(staffFew.actions.length).toBeLessThanOrEqual(10)
    expect(residentFew.actions.length).toBeLessThanOrEqual(10)
    const readers = new Map(shown.map((id, k) => [id, k % 4]))
    expect(staffFew.result.items.map((n) => n.readers)).toEqual(staffFew.result.items.map((n) => readers.get(n.id) ?? 0))
    expect(staffFew.result.items.some((n) => (n.readers ?? 0) > 1)).toBe(true)
  })

  it('when notices were stored before they carried their reach, then the sweeper fills it in, they reach their residents, and a rerun changes nothing', async () => {
    const docs = await insertNotices(300)
    const expected = listed(docs.filter((n) => current(n) && isFor(n, HOME_RESIDENT) && !isHeld(n)))
    // as stored before: no reach
    await collection('notices').where({ communityId: XINGFU }).update({ reach: command().remove() })
    expect(ok(await as(P.resident)('notices', 'list', { communityId: XINGFU }))).toMatchObject({ items: [], more: false })
    const runs = []
    for (let i = 0; i < 3; i++) runs.push(await backfillFields())
    expect(runs.map((r) => r.noticeReach)).toEqual([200, 100, 0])
    const { ids, more } = await walk(P.resident)
    saysMoreUntilTheLast(more)
    expect(ids).toEqual(expected)
    const stored = await findAll<NoticeDoc>('notices', { communityId: XINGFU }, [], 1000)
    expect(stored.every((n) => JSON.stringify(n.reach) === JSON.stringify(reachOf(XINGFU, n.audience)))).toBe(true)
  })
})
