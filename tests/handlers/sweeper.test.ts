import { parseSettings } from '../../types/settings'
import { applyDeltas, cellId, counterDeltas, figuresOf, zeroCounts, type Counts } from '../../cloudfunctions/_core/domain/counters'
import { decide, ticketSettings, SYSTEM_ACTOR, type TicketActor, type TicketEvent } from '../../cloudfunctions/_core/domain/ticket'
import { findAll } from '../../cloudfunctions/_core/repos/base'
import { readFigures } from '../../cloudfunctions/_core/repos/counters'
import { findTicket, insertTicket, saveTicket } from '../../cloudfunctions/_core/repos/tickets'
import { main } from '../../cloudfunctions/sweeper'
import { planSweep } from '../../cloudfunctions/sweeper/plan'
import { platformContext } from '../../local/context'
import { demoIds } from '../../local/demo'
import type { TicketDoc } from '../../types'
import { NOW, P, XINGFU, snapshot, useWorld } from '../support/world'
import { demoTicket } from './tickets.helpers'

const world = useWorld()

const DAY = 86_400_000
const HOUR = 3_600_000
const settings = ticketSettings(parseSettings({}))
const member: TicketActor = { openid: P.gridMember, roles: ['grid_member'], gridIds: [demoIds.grid(XINGFU, 0)], ledGridIds: [] }
const reporter: TicketActor = { openid: P.resident, roles: ['resident'], gridIds: [], ledGridIds: [] }

const timer = { Type: 'Timer', TriggerName: 'every5min', Time: NOW.toISOString() }
const runSweeper = () => main(timer, platformContext(null))

let n = 0
/** A ticket through the ticket repo (insert, then each event decided and saved conditionally), as the tickets function does. */
async function ticket(key: string, events: [TicketEvent, TicketActor][]): Promise<string> {
  const b = 1 + (n % 3)
  let t = demoTicket(`sweep-${++n}`, NOW, { building: b, category: key })
  await insertTicket(t)
  for (const [event, actor] of [[{ type: 'assign', to: P.gridMember }, SYSTEM_ACTOR] as [TicketEvent, TicketActor], ...events]) {
    const d = decide(t, event, actor, NOW, settings)
    if (!d.ok) throw new Error(`${event.type}: ${d.code}`)
    if (!(await saveTicket(t, d.next))) throw new Error('save lost')
    t = d.next
  }
  return t._id
}

const PHOTO = ['cloud://env/after.jpg']
async function seedDeadlines() {
  return {
    unanswered: await ticket('repair', []),
    accepted: await ticket('repair', [[{ type: 'accept' }, member]]),
    resolvedSilent: await ticket('repair', [
      [{ type: 'accept' }, member],
      [{ type: 'resolve', note: '已更换灯泡', photos: PHOTO }, member],
    ]),
    confirmed: await ticket('safety', [
      [{ type: 'accept' }, member],
      [{ type: 'resolve', note: '已处理', photos: PHOTO }, member],
      [{ type: 'confirm' }, reporter],
    ]),
  }
}

const get = async (id: string) => (await findTicket(id))!

/** The community's counters recomputed from scratch from the stored tickets: what the incremental ones must equal. */
async function recomputedCounts(): Promise<Counts> {
  const cells = new Map<string, Counts>()
  for (const t of await findAll<TicketDoc>('tickets', { communityId: XINGFU })) applyDeltas(cells, counterDeltas(null, t))
  return cells.get(cellId(`community:${XINGFU}`, 'all')) ?? zeroCounts()
}

describe('sweeper', () => {
  it('when the clock passes the deadlines, then overdue is marked, the unanswered ticket goes up one level, and the silent resolved one closes unconfirmed', async () => {
    const ids = await seedDeadlines()
    world.clock(new Date(NOW.getTime() + 8 * DAY))
    const res = await runSweeper()
    expect(res).toEqual({ ok: true, data: expect.objectContaining({ changed: 3, events: { markOverdue: 2, autoEscalate: 1, autoClose: 1 } }) })

    const unanswered = await get(ids.unanswered)
    expect(unanswered).toMatchObject({
      state: 'submitted',
      level: 'community',
      maxLevel: 'community',
      assigneeOpenid: null,
      overdueRespond: true,
      overdueResolve: true,
    })
    expect(unanswered.timeline.slice(-2).map((e) => [e.event, e.actorOpenid, e.actorRole])).toEqual([
      ['markOverdue', 'system', 'system'],
      ['autoEscalate', 'system', 'system'],
    ])
    expect(await get(ids.accepted)).toMatchObject({ state: 'accepted', level: 'grid', overdueResolve: true, overdueRespond: false })
    expect(await get(ids.resolvedSilent)).toMatchObject({ state: 'closed', confirmation: 'unconfirmed' })
    const confirmed = await get(ids.confirmed)
    expect(confirmed).toMatchObject({ state: 'closed', confirmation: 'confirmed' })
    expect(confirmed.timeline.some((e) => e.actorOpenid === 'system' && e.event !== 'assign')).toBe(false)

    // the reporter hears of the escalation and of the automatic closing
    const outbox = await findAll<{ to: string; kind: string; ticketId: string }>('outbox', {})
    expect(outbox.filter((o) => o.to === P.resident && [ids.unanswered, ids.resolvedSilent].includes(o.ticketId)).length).toBeGreaterThanOrEqual(2)
  })

  it('when the sweep has run, then the dashboard counts the auto-closed ticket apart from the confirmed one and counts open overdue tickets late, exactly as a recount', async () => {
    await seedDeadlines()
    world.clock(new Date(NOW.getTime() + 8 * DAY))
    await runSweeper()
    const all = (await readFigures(`community:${XINGFU}`)).all
    expect(all.counts).toEqual(await recomputedCounts())
    expect(all.counts).toMatchObject({ total: 4, confirmed: 1, unconfirmedClosed: 1, closed: 2, openOverdue: 2 })
    expect(all.figures.resolutionRate.confirmed).toEqual({ numerator: 1, denominator: 4, rate: 0.25 })
    expect(all.figures.resolutionRate.markedResolved).toEqual({ numerator: 1, denominator: 4, rate: 0.25 })
    expect(all.figures.onTimeRate).toEqual({ numerator: 2, denominator: 4, rate: 0.5 })
    expect(all.figures.closedInGridShare).toEqual(figuresOf({ closed: 2, closedInGrid: 2 }).closedInGridShare)
  })

  it('when the sweeper runs a second time at the same moment, then nothing changes at all', async () => {
    await seedDeadlines()
    world.clock(new Date(NOW.getTime() + 8 * DAY))
    await runSweeper()
    const first = await snapshot()
    const again = await runSweeper()
    expect(again).toEqual({ ok: true, data: expect.objectContaining({ changed: 0 }) })
    expect(await snapshot()).toEqual(first)
  })

  it('when the community level does not answer in time either, then the next sweep sends it to the street, and no further', async () => {
    const ids = await seedDeadlines()
    world.clock(new Date(NOW.getTime() + 8 * DAY))
    await runSweeper()
    world.clock(new Date(NOW.getTime() + 8 * DAY + 5 * HOUR))
    await runSweeper()
    expect(await get(ids.unanswered)).toMatchObject({ level: 'street', maxLevel: 'street', state: 'submitted' })
    world.clock(new Date(NOW.getTime() + 20 * DAY))
    await runSweeper()
    const last = await snapshot()
    await runSweeper()
    expect(await get(ids.unanswered)).toMatchObject({ level: 'street' })
    expect(await snapshot()).toEqual(last)
  })

  it('when nothing is due yet, then the sweep changes nothing', async () => {
    await seedDeadlines()
    world.clock(new Date(NOW.getTime() + HOUR))
    const before = await snapshot()
    expect(await runSweeper()).toEqual({ ok: true, data: expect.objectContaining({ changed: 0 }) })
    expect(await snapshot()).toEqual(before)
  })

  it('when a client calls the sweeper (an action, or a forged timer event with a user), then it is refused and nothing changes', async () => {
    await seedDeadlines()
    world.clock(new Date(NOW.getTime() + 8 * DAY))
    const before = await snapshot()
    const refused = { ok: false, error: { code: 'AUTH.FORBIDDEN', message: '该功能只由定时任务触发' } }
    expect(await main({ action: 'x' }, platformContext(P.staff))).toEqual(refused)
    expect(await main({ action: 'x' }, platformContext(null))).toEqual(refused)
    expect(await main(timer, platformContext(P.staff))).toEqual(refused)
    expect(await main({ Type: 'Timer' }, platformContext(null))).toEqual(refused)
    expect(await snapshot()).toEqual(before)
  })
})

describe('planSweep', () => {
  it('a ticket that is not due, or already closed, gets no plan; a due one gets the events in order', async () => {
    const ids = await seedDeadlines()
    const t = await get(ids.unanswered)
    expect(planSweep(t, NOW, settings)).toBeNull()
    expect(planSweep(await get(ids.confirmed), new Date(NOW.getTime() + 30 * DAY), settings)).toBeNull()
    const plan = planSweep(t, new Date(NOW.getTime() + 5 * HOUR), settings)!
    expect(plan.events).toEqual(['markOverdue', 'autoEscalate'])
    expect(plan.steps[1].version).toBe(t.version + 2)
    expect(planSweep(plan.steps[1], new Date(NOW.getTime() + 5 * HOUR), settings)).toBeNull()
  })
})
