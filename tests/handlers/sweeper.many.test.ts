import { collection } from '../../cloudfunctions/_core/repos/base'
import { findTicket } from '../../cloudfunctions/_core/repos/tickets'
import { sweep } from '../../cloudfunctions/sweeper/sweep'
import type { TicketDoc } from '../../types'
import { HEPING, NOW, P, XINGFU, useWorld } from '../support/world'
import { demoTicket } from './tickets.helpers'

useWorld()

const DAY = 86_400_000

/** A ticket resolved at `resolvedAt` that nobody confirmed: the sweeper closes it once its community's period passes. */
function resolvedTicket(id: string, communityId: string, resolvedAt: string): TicketDoc {
  const t = demoTicket(id, new Date(NOW.getTime() - 20 * DAY), { communityId })
  const resolution = { note: '已更换灯泡', photos: ['cloud://env/after.jpg'], at: resolvedAt, byOpenid: P.gridMember }
  return { ...t, state: 'resolved', assigneeOpenid: P.gridMember, respondedAt: resolvedAt, resolvedAt, resolution, overdueRespond: true, overdueResolve: true }
}

describe('sweeper with more tickets on one deadline than a page holds', () => {
  it('when 600 resolved tickets of a community with a long period share one instant, then the sweep still reaches the tickets after them', async () => {
    await collection('communities').doc(XINGFU).update({ 'settings.ticketAutoCloseDays': 14 })
    await collection('communities').doc(HEPING).update({ 'settings.ticketAutoCloseDays': 3 })
    const at = new Date(NOW.getTime() - 5 * DAY).toISOString()
    const waiting = Array.from({ length: 600 }, (_, i) => resolvedTicket(`a-${String(i).padStart(4, '0')}`, XINGFU, at))
    for (let i = 0; i < waiting.length; i += 300) await collection('tickets').add(waiting.slice(i, i + 300))
    await collection('tickets').add(['z-1', 'z-2'].map((id) => resolvedTicket(id, HEPING, at)))

    const report = await sweep(NOW)

    expect(report).toMatchObject({ changed: 2, events: { markOverdue: 0, autoEscalate: 0, autoClose: 2 } })
    expect(report.truncated).toBeUndefined()
    expect((await findTicket('z-2'))?.state).toBe('closed')
    expect((await findTicket('a-0599'))?.state).toBe('resolved')
  })
})
