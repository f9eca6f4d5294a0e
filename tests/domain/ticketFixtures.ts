import { parseSettings } from '../../types/settings'
import { openTicket, ticketSettings, type TicketActor } from '../../cloudfunctions/_core/domain/ticket'
import { DEFAULT_TICKET_CATEGORIES, type TicketDoc, type TicketState } from '../../types'

export const T0 = new Date('2026-11-22T01:00:00.000Z')
export const SETTINGS = ticketSettings(parseSettings({}))
export const hours = (h: number, from = T0) => new Date(from.getTime() + h * 3_600_000)

const person = (openid: string, roles: TicketActor['roles'], gridIds: string[] = [], ledGridIds: string[] = []): TicketActor => ({
  openid,
  roles,
  gridIds,
  ledGridIds,
})

/** The cast of the domain tests: grid g1 has members m and m2 and leader l; g2 has member x. */
export const A = {
  reporter: person('r', ['resident']),
  neighbour: person('n', ['resident']),
  member: person('m', ['grid_member'], ['g1']),
  member2: person('m2', ['grid_member'], ['g1']),
  otherGrid: person('x', ['grid_member'], ['g2']),
  leader: person('l', ['grid_leader'], ['g1'], ['g1']),
  otherLeader: person('l2', ['grid_leader'], ['g2'], ['g2']),
  staff: person('s', ['community_staff']),
  street: person('st', ['street_staff']),
  system: { openid: 'system', roles: ['system'], gridIds: [], ledGridIds: [] } as TicketActor,
}
export const G1 = ['m', 'm2', 'l']

/** A ticket in a given state as the workflow would have left it there (data factory). */
export function buildTicket(state: TicketState = 'submitted', overrides: Partial<TicketDoc> = {}): TicketDoc {
  const t = openTicket(
    {
      _id: 't1',
      communityId: 'c1',
      streetId: 'st1',
      gridId: 'g1',
      buildingId: 'b1',
      unitId: 'u1',
      placeCode: 'CODE1234',
      placeLabel: '1栋 1单元',
      category: DEFAULT_TICKET_CATEGORIES[0],
      text: '楼道堆满杂物',
      photos: [],
      reporterOpenid: 'r',
      reporterName: '王秀英',
      reporterPhone: '13800000001',
      reporterHouseholdId: 'h1',
      anonymous: false,
      filedBy: null,
    },
    'resident',
    T0,
  )
  const handled = ['assigned', 'accepted', 'resolved', 'closed'].includes(state)
  const resolved = state === 'resolved' || state === 'closed'
  return {
    ...t,
    state,
    assigneeOpenid: handled ? 'm' : null,
    respondedAt: ['accepted', 'resolved', 'closed'].includes(state) ? hours(1).toISOString() : null,
    resolvedAt: resolved ? hours(2).toISOString() : null,
    resolution: resolved ? { note: '已清理', photos: ['cloud://after.png'], at: hours(2).toISOString(), byOpenid: 'm' } : null,
    closedAt: ['closed', 'withdrawn', 'merged'].includes(state) ? hours(3).toISOString() : null,
    confirmation: state === 'closed' ? 'confirmed' : null,
    mergedInto: state === 'merged' ? 't2' : null,
    ...overrides,
  }
}
