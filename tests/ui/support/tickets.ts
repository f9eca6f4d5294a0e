import { fireEvent } from '@testing-library/react'
import type { ErrorBody } from '../../../types'
import type { DashboardFigures, DashboardView, RateFigure, SubmittedTicketView, TicketCategory, TicketSummary, TicketView } from '../../../types/tickets'
import { DEFAULT_TICKET_CATEGORIES } from '../../../types/ticketLabels'
import type { TicketActionName, TicketInput, TicketOutput } from '../../../src/components/ticketApi'
import type { fakeBackend } from './fakeTransport'

type Backend = ReturnType<typeof fakeBackend>
type Answer<A extends TicketActionName> = { ok: true; data: TicketOutput<A> } | { ok: false; error: ErrorBody }

/** Answers one `tickets` action on the fake backend (the contract registry does not list `tickets` yet). */
export function onTickets<A extends TicketActionName>(backend: Backend, action: A, handler: (input: TicketInput<A>) => Answer<A>) {
  ;(backend.on as unknown as (fn: string, a: string, h: (i: unknown) => unknown) => Backend)('tickets', action, handler as (i: unknown) => unknown)
  return backend
}

export const ticketCalls = (backend: Backend, action: TicketActionName) => backend.callsOf('tickets', action).map((c) => c.data as Record<string, unknown>)

export const categories: TicketCategory[] = DEFAULT_TICKET_CATEGORIES.slice(0, 5)

export const buildSummary = (overrides: Partial<TicketSummary> = {}): TicketSummary => ({
  id: 't1',
  state: 'assigned',
  stateLabel: '待受理',
  level: 'grid',
  category: 'repair',
  categoryLabel: '设施报修',
  placeLabel: '3栋 2单元',
  excerpt: '楼道灯不亮了',
  createdAt: '2026-11-22T02:00:00.000Z',
  dueAt: '2099-11-22T06:00:00.000Z',
  overdue: false,
  followers: 1,
  ...overrides,
})

export const buildTicket = (overrides: Partial<TicketView> = {}): TicketView => ({
  ...buildSummary(),
  communityId: 'c1',
  gridId: 'g1',
  buildingId: 'b3',
  unitId: 'u32',
  text: '楼道灯不亮了',
  photos: [],
  reporterName: null,
  reporterPhone: null,
  assignee: { openid: 'o-grid-1', name: '李*' },
  respondBy: '2099-11-22T06:00:00.000Z',
  resolveBy: '2099-11-25T02:00:00.000Z',
  resolution: null,
  confirmation: null,
  rating: null,
  mergedInto: null,
  timeline: [
    {
      at: '2026-11-22T02:00:00.000Z',
      event: 'submit',
      actor: { openid: 'o-resident-1', role: 'resident', name: '王**' },
      note: null,
      photos: [],
      detail: null,
    },
    { at: '2026-11-22T02:00:01.000Z', event: 'assign', actor: { openid: 'system', role: 'system', name: '系统' }, note: null, photos: [], detail: '李*' },
  ],
  can: [],
  following: true,
  ...overrides,
})

/** tickets.submit's answer: the ticket and whom to call (null: nobody assigned, or the community hides it). */
export const buildSubmitted = (overrides: Partial<SubmittedTicketView> = {}): SubmittedTicketView => ({ ...buildTicket(), handler: null, ...overrides })

const rate = (numerator: number, denominator: number): RateFigure => ({ numerator, denominator, rate: denominator ? numerator / denominator : null })

export const buildFigures = (overrides: Partial<DashboardFigures> = {}): DashboardFigures => ({
  total: 40,
  open: 6,
  overdue: 2,
  responseRate: rate(36, 40),
  resolutionRate: { confirmed: rate(25, 34), markedResolved: rate(34, 40) },
  satisfactionRate: rate(20, 25),
  onTimeRate: rate(30, 40),
  closedInGridShare: rate(28, 34),
  repeatComplaints: 3,
  callback: { satisfactionRate: rate(6, 8), notFixedShare: rate(1, 8), completionRate: rate(8, 10), unreachable: 1 },
  ...overrides,
})

export const buildDashboard = (overrides: Partial<DashboardView> = {}): DashboardView => ({
  scope: { kind: 'community', id: 'c1', name: '幸福社区' },
  figures: buildFigures(),
  byGrid: [{ key: 'g1', label: '第一网格', figures: buildFigures({ total: 30 }) }],
  byBuilding: [{ key: 'b3', label: '3栋', figures: buildFigures({ total: 12 }) }],
  byCategory: [{ key: 'repair', label: '设施报修', figures: buildFigures({ total: 9 }) }],
  byWeek: [{ key: '2026-W47', label: '11月17日–23日', figures: buildFigures({ total: 7 }) }],
  buildingCategory: { buildings: [{ key: 'b3', label: '3栋' }], categories: [{ key: 'repair', label: '设施报修' }], counts: [[9]] },
  ...overrides,
})

/** Types into a Taro H5 Input/Textarea the way its web component reports it (a CustomEvent with detail.value). */
export const typeInto = (el: Element, value: string) => fireEvent(el, new CustomEvent('input', { detail: { value }, bubbles: true }))
