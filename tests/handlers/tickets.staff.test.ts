import { collection, findAll } from '../../cloudfunctions/_core/repos/base'
import { demoIds } from '../../local/demo'
import type { TicketDoc } from '../../types'
import { HEPING, NOW, P, XINGFU, as, errorCode, ok, snapshot, useWorld } from '../support/world'
import { rid } from '../support/requestIds'
import { accepted, report } from './tickets.helpers'

const world = useWorld()
const later = (h: number) => new Date(NOW.getTime() + h * 3_600_000)

describe('tickets.inbox', () => {
  it('when 张伟 opens his inbox, then overdue come first, then new, then in progress, with counts', async () => {
    const inProgress = await accepted()
    world.clock(later(1))
    const late = await report(P.resident, { category: 'safety' }) // respond within 1 hour
    world.clock(later(2))
    const fresh = await report()
    world.clock(later(2.5))
    const inbox = ok(await as(P.gridMember)('tickets', 'inbox', { communityId: XINGFU }))
    expect(inbox.items.map((i) => i.id)).toEqual([late.id, fresh.id, inProgress.id])
    expect(inbox.counts).toEqual({ overdue: 1, new: 1, inProgress: 1 })
    expect(inbox.items[0].overdue).toBe(true)
    const page2 = ok(await as(P.gridMember)('tickets', 'inbox', { communityId: XINGFU, page: 2, pageSize: 2 }))
    expect(page2.items.map((i) => i.id)).toEqual([inProgress.id])
  })

  it('when 黄丽 of 第二网格 opens her inbox, then the tickets of 第一网格 are not there', async () => {
    await report()
    expect(ok(await as(P.gridMember2)('tickets', 'inbox', { communityId: XINGFU })).total).toBe(0)
  })
})

describe('tickets.list', () => {
  it('when staff filter by grid, building, category, state and overdue, then only matching tickets come', async () => {
    const a = await report()
    const b = await report(P.resident2, { placeCode: demoIds.unitCode(XINGFU, 4, 2), category: 'noise' })
    const all = ok(await as(P.staff)('tickets', 'list', { communityId: XINGFU }))
    expect(all.items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort())
    expect(ok(await as(P.staff)('tickets', 'list', { communityId: XINGFU, gridId: demoIds.grid(XINGFU, 1) })).items.map((i) => i.id)).toEqual([b.id])
    expect(ok(await as(P.staff)('tickets', 'list', { communityId: XINGFU, buildingId: demoIds.building(XINGFU, 1) })).items.map((i) => i.id)).toEqual([a.id])
    expect(ok(await as(P.staff)('tickets', 'list', { communityId: XINGFU, category: 'noise', state: 'assigned' })).items.map((i) => i.id)).toEqual([b.id])
    world.clock(later(5)) // sanitation: 4 hours to respond; noise: 4 as well
    expect(ok(await as(P.staff)('tickets', 'list', { communityId: XINGFU, overdue: true })).total).toBe(2)
    expect(ok(await as(P.staff)('tickets', 'list', { communityId: XINGFU, overdue: false })).total).toBe(0)
  })

  it('when the grid leader lists, then only the tickets of her grid come', async () => {
    const a = await report()
    await report(P.resident2, { placeCode: demoIds.unitCode(XINGFU, 4, 2) })
    expect(ok(await as(P.gridLeader)('tickets', 'list', { communityId: XINGFU })).items.map((i) => i.id)).toEqual([a.id])
  })
})

describe('tickets.reassign and merge', () => {
  it('when the grid leader reassigns to herself, then she has it; to a member of another grid, TICKET.ASSIGNEE_INVALID', async () => {
    const t = await accepted()
    expect(errorCode(await as(P.gridLeader)('tickets', 'reassign', { ticketId: t.id, toOpenid: P.gridMember2 }))).toBe('TICKET.ASSIGNEE_INVALID')
    expect(ok(await as(P.gridLeader)('tickets', 'reassign', { ticketId: t.id, toOpenid: P.gridLeader })).assignee?.openid).toBe(P.gridLeader)
  })

  it("when a ticket is at the community or the street, then it can go only to that level's staff of its own community or street", async () => {
    const t = await accepted()
    ok(await as(P.gridMember)('tickets', 'escalate', { ticketId: t.id, to: 'community', reason: '需要协调物业' }))
    expect(errorCode(await as(P.staff)('tickets', 'reassign', { ticketId: t.id, toOpenid: P.gridMember }))).toBe('TICKET.ASSIGNEE_INVALID')
    expect(errorCode(await as(P.staff)('tickets', 'reassign', { ticketId: t.id, toOpenid: P.staffHeping }))).toBe('TICKET.ASSIGNEE_INVALID')
    expect(ok(await as(P.staff)('tickets', 'reassign', { ticketId: t.id, toOpenid: P.secretary })).assignee?.openid).toBe(P.secretary)
    ok(await as(P.secretary)('tickets', 'escalate', { ticketId: t.id, to: 'street', reason: '需要街道协调' }))
    expect(errorCode(await as(P.street)('tickets', 'reassign', { ticketId: t.id, toOpenid: P.staff }))).toBe('TICKET.ASSIGNEE_INVALID')
    expect(ok(await as(P.street)('tickets', 'reassign', { ticketId: t.id, toOpenid: P.street })).assignee?.openid).toBe(P.street)
  })

  it('when staff merge a duplicate, then it is merged, its timeline kept, and its followers follow the other', async () => {
    const keep = await report()
    const dup = await report(P.resident2)
    const merged = ok(await as(P.staff)('tickets', 'merge', { ticketId: dup.id, intoTicketId: keep.id }))
    expect(merged).toMatchObject({ state: 'merged', mergedInto: keep.id })
    expect(merged.timeline.map((e) => e.event)).toEqual(['submit', 'assign', 'merge'])
    const target = ok(await as(P.resident2)('tickets', 'get', { ticketId: keep.id }))
    expect(target).toMatchObject({ following: true, followers: 2 })
    expect(target.timeline.at(-1)?.event).toBe('absorb')
  })

  it('when staff merge into a ticket of another community, then TICKET.MERGE_INVALID and nothing changes', async () => {
    const dup = await report()
    const other = ok(
      await as(P.residentHeping)('tickets', 'submit', {
        requestId: rid('ticket'),
        placeCode: demoIds.unitCode(HEPING, 1, 1),
        category: 'sanitation',
        text: '',
      }),
    )
    const before = await snapshot()
    expect(errorCode(await as(P.staff)('tickets', 'merge', { ticketId: dup.id, intoTicketId: other.id }))).toBe('TICKET.MERGE_INVALID')
    expect(await snapshot()).toEqual(before)
  })

  it('when staff of 和平社区 act on a 幸福社区 ticket by id, then AUTH.FORBIDDEN', async () => {
    const t = await report()
    expect(errorCode(await as(P.staffHeping)('tickets', 'reassign', { ticketId: t.id, toOpenid: P.staffHeping }))).toBe('AUTH.FORBIDDEN')
  })
})

describe('tickets.fileOnBehalf and templates', () => {
  it('when staff file for a resident who phoned, then the ticket records who filed it and how, with the resident name', async () => {
    const t = ok(
      await as(P.staff)('tickets', 'fileOnBehalf', {
        requestId: rid('ticket'),
        placeCode: demoIds.unitCode(XINGFU, 2, 1),
        category: 'repair',
        text: '电话反映：路灯坏了',
        channel: 'phone',
        residentName: '李大爷',
        residentPhone: '13912345678',
      }),
    )
    expect(t).toMatchObject({ state: 'assigned', reporterName: '李大爷', reporterPhone: '13912345678' })
    const [doc] = await findAll<TicketDoc>('tickets', {})
    expect(doc.filedBy).toEqual({ openid: P.staff, channel: 'phone' })
    expect(doc.timeline[0]).toMatchObject({ event: 'submit', actorOpenid: P.staff, actorRole: 'community_staff', detail: '代办:phone' })
    expect(ok(await as(P.gridLeader)('tickets', 'get', { ticketId: t.id })).reporterPhone).toBe('139****5678')
    expect(ok(await as(P.gridMember)('tickets', 'get', { ticketId: t.id })).reporterPhone).toBe('13912345678')
  })

  it('when a member saves a reply template, then the grid finds it by category; an unknown category is refused', async () => {
    const saved = ok(await as(P.gridMember)('tickets', 'saveTemplate', { communityId: XINGFU, category: 'sanitation', text: '您好，已安排保洁' }))
    ok(await as(P.gridMember)('tickets', 'saveTemplate', { communityId: XINGFU, id: saved.id, category: 'sanitation', text: '您好，今天清理' }))
    expect(ok(await as(P.gridLeader)('tickets', 'templates', { communityId: XINGFU, category: 'sanitation' }))).toEqual([
      { id: saved.id, category: 'sanitation', text: '您好，今天清理' },
    ])
    expect(errorCode(await as(P.gridMember)('tickets', 'saveTemplate', { communityId: XINGFU, category: 'ufo', text: 'x' }))).toBe('TICKET.CATEGORY_UNKNOWN')
  })

  it('when a community already keeps 100 reply templates, then a new one is refused and an existing one can still be edited', async () => {
    const at = NOW.toISOString()
    await collection('replyTemplates').add(
      Array.from({ length: 100 }, (_, i) => ({
        _id: `tpl-${i}`,
        communityId: XINGFU,
        category: 'sanitation',
        text: `回复${i}`,
        createdBy: P.gridMember,
        createdAt: at,
        updatedAt: at,
      })),
    )
    expect(errorCode(await as(P.gridMember)('tickets', 'saveTemplate', { communityId: XINGFU, category: 'noise', text: '您好' }))).toBe('TICKET.TEMPLATES_FULL')
    ok(await as(P.gridMember)('tickets', 'saveTemplate', { communityId: XINGFU, id: 'tpl-7', category: 'sanitation', text: '您好，已处理' }))
    expect(ok(await as(P.gridMember)('tickets', 'templates', { communityId: XINGFU }))).toHaveLength(100)
  })
})
