import { DEFAULT_AUTO_CLOSE_DAYS, DEFAULT_PHOTO_RETENTION_DAYS, parseSettings, type CommunitySettings } from '../../../types/settings'
import type { GridDoc, TicketCategory, TicketDoc, TicketLevel, TicketState } from '../../../types'

/** What a community decides about its tickets (community.settings), with the defaults a new community starts with. */
export interface TicketSettings {
  categories: TicketCategory[]
  /** a resolved ticket the reporter never answers closes as "unconfirmed" after this many days */
  autoCloseDays: number
  /** residents see the handling grid member's name masked (张*) */
  maskAssigneeName: boolean
  /** photos of a closed ticket are deleted this many days after it closed (the record itself stays) */
  photoRetentionDays: number
  /** the report's confirmation leaves out the assigned grid member's name and phone (shown by default, as on the grid's notice board) */
  hideGridContact: boolean
  /** 回访: percent (0–100) of the closed tickets called back besides every low rating and every unconfirmed closing */
  callbackShare: number
}

export { DEFAULT_AUTO_CLOSE_DAYS, DEFAULT_PHOTO_RETENTION_DAYS }

/** The ticket settings of a community, from its parsed settings (types/settings.ts: anything malformed is the default). */
export function ticketSettings(s: CommunitySettings): TicketSettings {
  return {
    categories: s.ticketCategories,
    autoCloseDays: s.ticketAutoCloseDays,
    maskAssigneeName: s.ticketMaskAssigneeName,
    photoRetentionDays: s.photoRetentionDays,
    hideGridContact: s.hideGridContact,
    callbackShare: s.callbackShare,
  }
}

/** What a community that never changed a setting has (and what a ticket of an unknown community falls back to). */
export const DEFAULT_TICKET_SETTINGS: TicketSettings = ticketSettings(parseSettings({}))

export const findCategory = (settings: TicketSettings, key: string): TicketCategory | null => settings.categories.find((c) => c.key === key) ?? null

const HOUR = 3_600_000

/** Deadlines from a moment: respond within the category's hours, resolve within its days (24-hour days). */
export const deadlinesFor = (category: Pick<TicketCategory, 'respondHours' | 'resolveDays'>, now: Date) => ({
  respondBy: new Date(now.getTime() + category.respondHours * HOUR).toISOString(),
  resolveBy: new Date(now.getTime() + category.resolveDays * 24 * HOUR).toISOString(),
})

/**
 * Routing: the grid member with the fewest open tickets (ties: the order the grid lists its members, so the answer
 * is stable), the grid leader when the grid has no members, null when it has neither (the ticket waits at community).
 */
export function chooseAssignee(grid: Pick<GridDoc, 'memberOpenids' | 'leaderOpenid'>, openCountsByOpenid: Readonly<Record<string, number>>): string | null {
  let best: string | null = null
  for (const m of grid.memberOpenids) {
    if (best === null || (openCountsByOpenid[m] ?? 0) < (openCountsByOpenid[best] ?? 0)) best = m
  }
  return best ?? grid.leaderOpenid ?? null
}

export const OPEN_STATES: readonly TicketState[] = ['submitted', 'assigned', 'accepted']
export const UNACCEPTED_STATES: readonly TicketState[] = ['submitted', 'assigned']
export const isOpen = (t: Pick<TicketDoc, 'state'>) => OPEN_STATES.includes(t.state)

const LEVEL_ORDER: Record<TicketLevel, number> = { grid: 0, community: 1, street: 2 }
export const levelAbove = (l: TicketLevel): TicketLevel | null => (l === 'grid' ? 'community' : l === 'community' ? 'street' : null)
export const higher = (a: TicketLevel, b: TicketLevel): TicketLevel => (LEVEL_ORDER[a] >= LEVEL_ORDER[b] ? a : b)
export const isAbove = (a: TicketLevel, b: TicketLevel) => LEVEL_ORDER[a] > LEVEL_ORDER[b]

/** Overdue now, by the clock (the sweeper's flags record that it ever was): unanswered past respondBy, or open past resolveBy. */
export const isOverdue = (t: Pick<TicketDoc, 'state' | 'respondBy' | 'resolveBy'>, now: Date): boolean => {
  const at = now.toISOString()
  return (UNACCEPTED_STATES.includes(t.state) && at > t.respondBy) || (isOpen(t) && at > t.resolveBy)
}

/** The deadline that applies now: to respond while unaccepted, to resolve while accepted. */
export const dueAt = (t: Pick<TicketDoc, 'state' | 'respondBy' | 'resolveBy'>): string | null =>
  UNACCEPTED_STATES.includes(t.state) ? t.respondBy : t.state === 'accepted' ? t.resolveBy : null

/** What a new ticket is made of; the caller (submit or 代办) has looked up the place and the reporter. */
export interface TicketDraft {
  _id: string
  communityId: string
  streetId: string
  gridId: string | null
  buildingId: string
  unitId: string
  placeCode: string
  placeLabel: string
  category: TicketCategory
  text: string
  photos: string[]
  reporterOpenid: string
  reporterName: string
  reporterPhone: string | null
  reporterHouseholdId: string | null
  anonymous: boolean
  filedBy: TicketDoc['filedBy']
}

/**
 * A new ticket in state submitted at level grid, with its 'submit' timeline entry. Its reporter follows it, and
 * their household (or, without one, the reporter alone) counts once.
 */
export function openTicket(d: TicketDraft, actorRole: TicketDoc['timeline'][number]['actorRole'], now: Date): TicketDoc {
  const at = now.toISOString()
  const { category, ...rest } = d
  return {
    ...rest,
    category: category.key,
    categoryLabel: category.label,
    state: 'submitted',
    level: d.gridId ? 'grid' : 'community',
    assigneeOpenid: null,
    followers: [d.reporterOpenid],
    followerHouseholds: [householdKey(d.reporterOpenid, d.reporterHouseholdId)],
    ...deadlinesFor(category, now),
    respondedAt: null,
    resolvedAt: null,
    closedAt: null,
    overdueRespond: false,
    overdueResolve: false,
    resolution: null,
    confirmation: null,
    rating: null,
    reopenCount: 0,
    mergedInto: null,
    maxLevel: d.gridId ? 'grid' : 'community',
    timeline: [
      {
        at,
        event: 'submit',
        actorOpenid: d.filedBy?.openid ?? d.reporterOpenid,
        actorRole,
        note: d.text || null,
        photos: d.photos,
        detail: d.filedBy ? `代办:${d.filedBy.channel}` : null,
      },
    ],
    version: 1,
    createdAt: at,
    updatedAt: at,
  }
}

/**
 * "Me too" counts once per household. A follower without a household at the place counts as their own
 * household, keyed `openid:<openid>` so the same person can never count twice either.
 */
export const householdKey = (openid: string, householdId: string | null): string => householdId ?? `openid:${openid}`

/** Every photo a ticket holds: the report's, the resolution's and each step's. */
export const photosOf = (t: Pick<TicketDoc, 'photos' | 'resolution' | 'timeline'>): string[] => [
  ...new Set([...t.photos, ...(t.resolution?.photos ?? []), ...t.timeline.flatMap((e) => e.photos)]),
]

/** The ticket without its photos (past the community's retention): the record of what happened stays. */
export const withoutPhotos = (t: TicketDoc, at: string): TicketDoc => ({
  ...t,
  photos: [],
  resolution: t.resolution ? { ...t.resolution, photos: [] } : null,
  timeline: t.timeline.map((e) => (e.photos.length ? { ...e, photos: [] } : e)),
  photosPurgedAt: at,
  version: t.version + 1,
})
