import {
  TICKET_STATE_LABELS,
  type Community,
  type SimilarTicket,
  type TicketAction,
  type TicketDoc,
  type TicketSummary,
  type TicketTimelineEntry,
  type TicketView,
} from '../../types'
import { dueAt, guard, isOverdue, ticketSettings, type TicketActor, type TicketSettings } from '../_core/domain/ticket'
import { maskName, maskPhone } from '../_core/mask'
import { findUsers } from '../_core/repos/users'
import type { Ctx } from '../_core/serve'
import { actorIn, sightOf } from './access'

/**
 * How the viewer stands to the ticket, which decides what they see:
 * staff (community/branch/street) everything; handler (the assignee, the grid's people) everything but an
 * anonymous reporter's name; follower (reporter, "me too") their ticket with handlers' names as the community
 * decides; public (a resident of the same building) the problem without anyone's name or phone.
 */
export type Sight = 'staff' | 'handler' | 'follower' | 'public'

export interface Viewer {
  actor: TicketActor
  sight: Sight
  settings: TicketSettings
  now: Date
  /** display names by openid (assignee and timeline actors) */
  names: Map<string, string>
}

const CANDIDATES: TicketAction[] = [
  'withdraw',
  'accept',
  'progress',
  'resolve',
  'escalate',
  'transfer',
  'reassign',
  'merge',
  'confirm',
  'reopen',
  'rate',
  'join',
]

/** The buttons to show: every action the workflow itself would let this viewer take now (one source of truth). */
export const canOf = (t: TicketDoc, v: Pick<Viewer, 'actor' | 'settings' | 'now'>): TicketAction[] =>
  CANDIDATES.filter((a) => guard(t, a, v.actor, v.now, v.settings) === null)

const isResidentSight = (v: Viewer) => v.sight === 'follower' || v.sight === 'public'
const isReporter = (t: TicketDoc, v: Viewer) => v.actor.openid === t.reporterOpenid

export function reporterNameFor(t: TicketDoc, v: Viewer): string | null {
  if (v.sight === 'staff' || isReporter(t, v)) return t.reporterName
  if (t.anonymous) return null
  return v.sight === 'handler' ? t.reporterName : maskName(t.reporterName)
}

const reporterPhoneFor = (t: TicketDoc, v: Viewer): string | null => {
  if (v.sight === 'staff' || (t.assigneeOpenid && v.actor.openid === t.assigneeOpenid)) return t.reporterPhone
  return v.sight === 'public' ? null : maskPhone(t.reporterPhone)
}

/** A handler's name as a resident sees it: masked when the community says so. */
const handlerName = (openid: string, v: Viewer): string => {
  const name = v.names.get(openid) ?? ''
  return isResidentSight(v) && v.settings.maskAssigneeName ? maskName(name) : name
}

const entryName = (t: TicketDoc, e: TicketTimelineEntry, v: Viewer): string => {
  if (e.actorRole === 'system') return '系统'
  if (e.actorOpenid === t.reporterOpenid && e.actorRole === 'resident') return reporterNameFor(t, v) ?? '匿名居民'
  if (e.actorRole === 'resident')
    return isResidentSight(v) && e.actorOpenid !== v.actor.openid ? maskName(v.names.get(e.actorOpenid) ?? '居民') : (v.names.get(e.actorOpenid) ?? '居民')
  return handlerName(e.actorOpenid, v)
}

/** Openids are shown to the people who work the ticket; residents see their own only. */
const openidFor = (openid: string, v: Viewer) => (isResidentSight(v) && openid !== v.actor.openid ? '' : openid)

/** Held content (content security): what neighbours see instead of the words and photos, until staff publish them. */
export const HELD_TEXT = { pending: '内容审核中，暂不公开', rejected: '内容经审核不予公开' } as const
const heldOf = (t: TicketDoc): keyof typeof HELD_TEXT | null => (t.moderation === 'pending' || t.moderation === 'rejected' ? t.moderation : null)

/**
 * Whether a resident other than the reporter must not see the ticket's words and photos: they are held while in
 * review or rejected. Staff, the grid's people and the reporter always see them.
 */
export const heldFrom = (t: TicketDoc, v: Pick<Viewer, 'sight' | 'actor'>): boolean =>
  !!heldOf(t) && (v.sight === 'public' || (v.sight === 'follower' && v.actor.openid !== t.reporterOpenid))

const excerptOf = (t: TicketDoc, held: boolean) => {
  const h = heldOf(t)
  return held && h ? HELD_TEXT[h] : (t.text.split('\n')[0] ?? '').slice(0, 60)
}

export const summaryOf = (t: TicketDoc, now: Date, held = false): TicketSummary => ({
  id: t._id,
  state: t.state,
  stateLabel: TICKET_STATE_LABELS[t.state],
  level: t.level,
  category: t.category,
  categoryLabel: t.categoryLabel,
  placeLabel: t.placeLabel,
  excerpt: excerptOf(t, held),
  createdAt: t.createdAt,
  dueAt: dueAt(t),
  overdue: isOverdue(t, now),
  followers: t.followerHouseholds.length,
})

export function ticketView(t: TicketDoc, v: Viewer): TicketView {
  const held = heldFrom(t, v)
  const h = heldOf(t)
  return {
    ...(held ? heldView(ticketViewOf(t, v), h ?? 'pending') : ticketViewOf(t, v)),
    ...(h || t.moderation ? { moderation: t.moderation ?? null } : {}),
  }
}

/** The view with every word and photo people wrote blanked: the problem's kind, place and progress stay. */
const heldView = (view: TicketView, h: keyof typeof HELD_TEXT): TicketView => ({
  ...view,
  excerpt: HELD_TEXT[h],
  text: HELD_TEXT[h],
  photos: [],
  resolution: view.resolution ? { ...view.resolution, note: '', photos: [] } : null,
  rating: view.rating ? { ...view.rating, comment: null } : null,
  timeline: view.timeline.map((e) => ({ ...e, note: e.note === null ? null : '', photos: [] })),
})

function ticketViewOf(t: TicketDoc, v: Viewer): TicketView {
  return {
    ...summaryOf(t, v.now),
    communityId: t.communityId,
    gridId: t.gridId,
    buildingId: t.buildingId,
    unitId: t.unitId,
    text: t.text,
    photos: t.photos,
    reporterName: reporterNameFor(t, v),
    reporterPhone: reporterPhoneFor(t, v),
    assignee: t.assigneeOpenid ? { openid: openidFor(t.assigneeOpenid, v), name: handlerName(t.assigneeOpenid, v) } : null,
    respondBy: t.respondBy,
    resolveBy: t.resolveBy,
    resolution: t.resolution ? { note: t.resolution.note, photos: t.resolution.photos, at: t.resolution.at } : null,
    confirmation: t.confirmation,
    rating: t.rating ? { score: t.rating.score, comment: t.rating.comment } : null,
    mergedInto: t.mergedInto,
    timeline: t.timeline.map((e) => ({
      at: e.at,
      event: e.event,
      actor: { openid: e.actorRole === 'system' ? 'system' : openidFor(e.actorOpenid, v), role: e.actorRole, name: entryName(t, e, v) },
      note: e.note,
      photos: e.photos,
      // transfer/reassign/assign name a person: shown as their name, not an openid
      detail: e.event === 'assign' || e.event === 'transfer' || e.event === 'reassign' ? (e.detail ? handlerName(e.detail, v) : null) : e.detail,
    })),
    can: canOf(t, v),
    following: t.followers.includes(v.actor.openid),
  }
}

export const similarView = (t: TicketDoc, unitId: string, neighbour: boolean): SimilarTicket => ({
  id: t._id,
  categoryLabel: t.categoryLabel,
  placeLabel: t.placeLabel,
  // a neighbour of the building sees the first line (held words never); whoever else holds the code sees none of it
  excerpt: neighbour ? excerptOf(t, true) : null,
  stateLabel: TICKET_STATE_LABELS[t.state],
  createdAt: t.createdAt,
  followers: t.followerHouseholds.length,
  sameUnit: t.unitId === unitId,
})

/** Builds the view of a ticket for the caller, reading the names it shows in one query. */
export async function viewFor(ctx: Ctx, t: TicketDoc, known?: { community: Community; actor: TicketActor; sight: Sight }): Promise<TicketView> {
  const community = known?.community ?? (await ctx.community(t.communityId))
  const actor = known?.actor ?? (await actorIn(ctx, community)).actor
  const sight = known?.sight ?? (await sightOf(ctx, t, actor)) ?? 'follower'
  const openids = [t.assigneeOpenid, ...t.timeline.map((e) => e.actorOpenid), ...t.timeline.map((e) => e.detail)].filter(
    (x): x is string => !!x && x !== 'system',
  )
  const users = await findUsers(openids.filter((o) => /^[A-Za-z0-9_-]{1,64}$/.test(o)))
  const names = new Map(users.map((u) => [u._id, u.name]))
  return ticketView(t, { actor, sight, settings: ticketSettings(community.settings), now: ctx.now, names })
}
