import { isOverdue, UNACCEPTED_STATES } from '../../cloudfunctions/_core/domain/ticketRules'
import { collection } from '../../cloudfunctions/_core/repos/base'
import { inboxPage } from '../../cloudfunctions/_core/repos/tickets'
import { demoIds } from '../../local/demo'
import { type TicketDoc, type TicketLevel, type TicketState } from '../../types'
import { NOW, P, XINGFU, as, ok, useWorld } from '../support/world'
import { demoTicket } from './tickets.helpers'

/**
 * More open tickets than any page-size ceiling (CloudBase answers 1000 rows at most, 100 without a limit): every
 * figure is checked against a recount of the stored tickets, every order against the rule sorted here in memory.
 */

useWorld()
jest.setTimeout(120_000)

const MIN = 60_000
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MIN).toISOString()
const GRID1 = demoIds.grid(XINGFU, 0) // 第一网格: 张伟

/**
 * The i-th bulk ticket: five kinds in turn (late to respond; unaccepted but escalated, so late only to resolve;
 * accepted and late; new; in progress), deadlines on a 7-minute wheel so that many tie, and created over 40 days.
 */
function bulkTicket(i: number, level: TicketLevel = 'grid', prefix = 'bulk'): TicketDoc {
  const base = demoTicket(`${prefix}-${String(i).padStart(5, '0')}`, new Date(NOW.getTime() - (i % 40) * 24 * 60 * MIN - (i % 3) * MIN), {
    gridId: GRID1,
    text: `第${i}件`,
  })
  const wheel = (i * 37) % 7
  const kind = i % 5
  const state: TicketState = kind === 2 || kind === 4 ? 'accepted' : i % 2 ? 'assigned' : 'submitted'
  const deadlines = [
    { respondBy: at(-1 - wheel - (i % 11) * 60), resolveBy: at(3 * 24 * 60) },
    { respondBy: at(1 + wheel), resolveBy: at(-5 - wheel * 30) },
    { respondBy: at(-10 * 24 * 60), resolveBy: at(-1 - wheel - (i % 13) * 60) },
    { respondBy: at(1 + wheel + (i % 17) * 60), resolveBy: at(5 * 24 * 60) },
    { respondBy: at(-10 * 24 * 60), resolveBy: at(1 + wheel + (i % 19) * 60) },
  ][kind]
  return { ...base, level, state, assigneeOpenid: state === 'submitted' ? null : P.gridMember, ...deadlines }
}

async function insert(docs: TicketDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) await collection('tickets').add(docs.slice(i, i + 500))
}

/** The inbox as the rule defines it, recounted from the stored tickets. */
function expectedInbox(stored: TicketDoc[]) {
  const now = NOW
  const open = stored.filter((t) => ['submitted', 'assigned', 'accepted'].includes(t.state))
  const byDue = (a: TicketDoc, b: TicketDoc) => {
    const x = UNACCEPTED_STATES.includes(a.state) ? a.respondBy : a.resolveBy
    const y = UNACCEPTED_STATES.includes(b.state) ? b.respondBy : b.resolveBy
    return x < y ? -1 : x > y ? 1 : a._id < b._id ? -1 : 1
  }
  const overdue = open.filter((t) => isOverdue(t, now)).sort(byDue)
  const fresh = open.filter((t) => !isOverdue(t, now) && t.state !== 'accepted').sort(byDue)
  const working = open.filter((t) => !isOverdue(t, now) && t.state === 'accepted').sort(byDue)
  return { ids: [...overdue, ...fresh, ...working].map((t) => t._id), counts: { overdue: overdue.length, new: fresh.length, inProgress: working.length } }
}

const allStored = async (): Promise<TicketDoc[]> => {
  const out: TicketDoc[] = []
  for (;;) {
    const rows = (await collection('tickets').orderBy('_id', 'asc').skip(out.length).limit(1000).get()).data as TicketDoc[]
    out.push(...rows)
    if (rows.length < 1000) return out
  }
}

describe('tickets.inbox with 2 500 open tickets in one grid', () => {
  it('when 张伟 opens his inbox, then the total and every group count equal a recount, and the first page is the most overdue in order', async () => {
    await insert(Array.from({ length: 2500 }, (_, i) => bulkTicket(i)))
    const expected = expectedInbox((await allStored()).filter((t) => t.gridId === GRID1 && t.level === 'grid'))
    expect(expected.ids).toHaveLength(2500)

    const first = ok(await as(P.gridMember)('tickets', 'inbox', { communityId: XINGFU, page: 1, pageSize: 20 }))
    expect(first.total).toBe(2500)
    expect(first.counts).toEqual(expected.counts)
    expect(first.items.map((i) => i.id)).toEqual(expected.ids.slice(0, 20))
    expect(first.items.every((i) => i.overdue)).toBe(true)
    expect(first.items.map((i) => i.dueAt)).toEqual([...first.items.map((i) => i.dueAt)].sort())
  })

  it('when 张伟 walks every page of 100, then each ticket comes exactly once, in the order overdue → new → in progress', async () => {
    await insert(Array.from({ length: 2500 }, (_, i) => bulkTicket(i)))
    const expected = expectedInbox(await allStored())
    const seen: string[] = []
    for (let page = 1; page <= 25; page++) {
      const got = ok(await as(P.gridMember)('tickets', 'inbox', { communityId: XINGFU, page, pageSize: 100 }))
      expect(got.total).toBe(2500)
      seen.push(...got.items.map((i) => i.id))
    }
    expect(seen).toEqual(expected.ids)
    const past = ok(await as(P.gridMember)('tickets', 'inbox', { communityId: XINGFU, page: 26, pageSize: 100 }))
    expect(past).toMatchObject({ items: [], total: 2500 })
  })

  it('when a page straddles the end of the overdue group, then the last overdue tickets are followed by the first new ones', async () => {
    await insert(Array.from({ length: 2500 }, (_, i) => bulkTicket(i)))
    const expected = expectedInbox(await allStored())
    const size = 35
    expect(expected.counts.overdue % size).not.toBe(0)
    const page = Math.floor(expected.counts.overdue / size) + 1
    const got = ok(await as(P.gridMember)('tickets', 'inbox', { communityId: XINGFU, page, pageSize: size }))
    expect(got.items.map((i) => i.id)).toEqual(expected.ids.slice((page - 1) * size, page * size))
    expect(got.items.some((i) => i.overdue) && got.items.some((i) => !i.overdue)).toBe(true)
  })

  it('when staff open theirs, then only the tickets escalated to the community come, counted and ordered exactly', async () => {
    await insert([...Array.from({ length: 1200 }, (_, i) => bulkTicket(i, 'community', 'up')), ...Array.from({ length: 300 }, (_, i) => bulkTicket(i))])
    const expected = expectedInbox((await allStored()).filter((t) => t.level === 'community'))
    const last = ok(await as(P.staff)('tickets', 'inbox', { communityId: XINGFU, page: 12, pageSize: 100 }))
    expect(last.total).toBe(1200)
    expect(last.counts).toEqual(expected.counts)
    expect(last.items.map((i) => i.id)).toEqual(expected.ids.slice(1100))
  })

  it('when someone holds a grid and the community level at once, then both scopes merge into one order', async () => {
    await insert([...Array.from({ length: 1300 }, (_, i) => bulkTicket(i)), ...Array.from({ length: 1300 }, (_, i) => bulkTicket(i, 'community', 'up'))])
    const expected = expectedInbox(await allStored())
    const scope = { gridIds: [GRID1], communityLevelOf: XINGFU }
    for (const page of [1, 13, 26]) {
      const got = await inboxPage(scope, NOW.toISOString(), { page, pageSize: 100 })
      expect(got.total).toBe(2600)
      expect(got.counts).toEqual(expected.counts)
      expect(got.items.map((t) => t._id)).toEqual(expected.ids.slice((page - 1) * 100, page * 100))
    }
  })
})

describe('tickets.list with 2 500 tickets', () => {
  it('when staff list them, then the total is exact and pages run newest first without a gap or a repeat', async () => {
    const docs = Array.from({ length: 2500 }, (_, i) => bulkTicket(i))
    docs.forEach((t, i) => {
      if (i % 9 === 0) t.state = 'closed'
    })
    await insert(docs)
    const stored = (await allStored()).filter((t) => t.communityId === XINGFU)
    const order = [...stored].sort((a, b) => (a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a._id > b._id ? -1 : 1)).map((t) => t._id)
    const seen: string[] = []
    for (let page = 1; page <= 25; page++) {
      const got = ok(await as(P.staff)('tickets', 'list', { communityId: XINGFU, page, pageSize: 100 }))
      expect(got.total).toBe(stored.length)
      seen.push(...got.items.map((i) => i.id))
    }
    expect(seen).toEqual(order)
    const overdue = stored.filter((t) => isOverdue(t, NOW)).length
    expect(ok(await as(P.staff)('tickets', 'list', { communityId: XINGFU, overdue: true })).total).toBe(overdue)
    // "not overdue" is counted as all minus the overdue: the same figure a recount gives, and its pages hold no overdue ticket
    const onTime = ok(await as(P.staff)('tickets', 'list', { communityId: XINGFU, overdue: false, page: 3, pageSize: 100 }))
    expect(onTime.total).toBe(stored.length - overdue)
    expect(onTime.items.map((i) => i.id)).toEqual(
      order
        .filter(
          (id) =>
            !isOverdue(
              stored.find((t) => t._id === id)!,
              NOW,
            ),
        )
        .slice(200, 300),
    )
    expect(ok(await as(P.staff)('tickets', 'list', { communityId: XINGFU, state: 'closed' })).total).toBe(stored.filter((t) => t.state === 'closed').length)
  })
})
