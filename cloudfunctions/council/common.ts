import {
  AppError,
  COUNCIL_STAGE_LABELS,
  MATTER_STATE_LABELS,
  ROLL_KIND_LABELS,
  TICKET_STATE_LABELS,
  VOTE_RULE_LABELS,
  VOTE_UNIT_LABELS,
  VOTE_UNIT_NOUNS,
  MATTER_KIND_LABELS,
  type CommunityDoc,
  type CouncilAction,
  type MatterDoc,
  type MatterSummary,
  type MatterView,
  type Role,
  type RollEntryDoc,
  type VoteDoc,
  type VoteView,
} from '../../types'
import { countingBasis } from '../_core/domain/voteRules'
import { decideMatter, FINAL_STATES, publicityOpen, type MatterActor, type MatterEvent } from '../_core/domain/council'
import { maskName } from '../_core/mask'
import { findMatter, liveTally, objectionsOf, receiptsOf, rollEntriesOf, rollEntry, saveMatter, ticketsByIds, votesOfMatter } from '../_core/repos/council'
import { findBuildings, findHouseholds } from '../_core/repos/places'
import { findUsers } from '../_core/repos/users'
import type { Ctx } from '../_core/serve'
import { notifyMatter } from '../_core/workflows/council'

/** Roles that see every matter of the community and its roll; everyone else sees what concerns their buildings. */
export const OVERSEERS: readonly Role[] = ['community_staff', 'branch_secretary', 'street_staff', 'grid_member', 'grid_leader']
const COMMITTEE: readonly Role[] = ['community_staff', 'branch_secretary']

export const actorOf = (ctx: Ctx, community: CommunityDoc): MatterActor => ({
  openid: ctx.openid,
  name: ctx.user?.name ?? '',
  roles: ctx.rolesIn(community),
})

/** The matter and its community, once the caller is known to hold one of `roles` (default: the action's) there. */
export async function loadMatter(ctx: Ctx, id: string, roles?: readonly Role[]): Promise<{ matter: MatterDoc; community: CommunityDoc }> {
  const matter = await findMatter(id)
  if (!matter) throw new AppError('COUNCIL.NOT_FOUND')
  const community = await ctx.authorize(matter.communityId, roles)
  return { matter, community }
}

/** Whether the matter concerns the caller: overseers always; others when it is community-wide or about their building. */
export async function concerns(ctx: Ctx, community: CommunityDoc, m: MatterDoc): Promise<boolean> {
  if (ctx.rolesIn(community).some((r) => OVERSEERS.includes(r))) return true
  if (!m.buildingIds.length) return true
  const homes = await findHouseholds(ctx.user?.householdIds ?? [])
  if (homes.some((h) => m.buildingIds.includes(h.buildingId))) return true
  // a party member or representative on the roll of the matter's vote is concerned by it whatever their building
  return !!m.activeVoteId && !!(await rollEntry(m.activeVoteId, ctx.openid))
}

export async function mustConcern(ctx: Ctx, community: CommunityDoc, m: MatterDoc): Promise<void> {
  if (!(await concerns(ctx, community, m))) throw new AppError('COUNCIL.NOT_CONCERNED')
}

/**
 * Load → decide → save → notify, re-deciding on the fresh matter when someone else wrote first (the version check
 * makes two concurrent steps land one after the other, never both on the same stage).
 */
export async function step(ctx: Ctx, matterId: string, eventFor: (m: MatterDoc) => Promise<MatterEvent> | MatterEvent): Promise<MatterView> {
  for (let attempt = 0; ; attempt++) {
    const { matter, community } = await loadMatter(ctx, matterId)
    const d = decideMatter(matter, await eventFor(matter), actorOf(ctx, community), ctx.now)
    if (!d.ok) throw new AppError(d.code, d.message)
    if (await saveMatter(matter, d.next)) {
      await notifyMatter(d.effects, d.next, ctx.now.toISOString())
      return matterView(ctx, community, d.next)
    }
    if (attempt >= 3) throw new AppError('CONFLICT')
  }
}

// Views ----------------------------------------------------------------------------------------------------------

const statusOf = (v: VoteDoc, now: Date): VoteView['status'] => {
  const at = now.toISOString()
  if (v.state === 'closed' || at >= v.closesAt) return 'closed'
  return at < v.opensAt ? 'scheduled' : 'open'
}

const m2 = (units: number) => Math.round(units) / 100

/** The roll keys the caller could hold in a vote: themselves (role rolls) or their member record, their households, their owner identities. */
export const candidateKeys = (ctx: Ctx, v: Pick<VoteDoc, 'unit'>): string[] =>
  v.unit === 'person' ? [ctx.openid, ...(ctx.user?.memberIds ?? [])] : v.unit === 'household' ? ctx.user?.householdIds ?? [] : ctx.user?.ownerIds ?? []

/** The caller's entries on the rolls of these openings, in candidate-key order, in one read. */
async function entriesIn(ctx: Ctx, votes: VoteDoc[]): Promise<Map<string, RollEntryDoc[]>> {
  const found = new Map((await rollEntriesOf(votes.flatMap((v) => candidateKeys(ctx, v).map((key) => ({ voteId: v._id, key }))))).map((e) => [e._id, e]))
  return new Map(
    votes.map((v) => [
      v._id,
      candidateKeys(ctx, v).flatMap((k) => {
        const e = found.get(`${v._id}|${k}`)
        return e && e.rollToken === v.rollToken ? [e] : []
      }),
    ]),
  )
}

/** The caller's entries on this opening's roll. */
export const entriesOf = async (ctx: Ctx, v: VoteDoc): Promise<RollEntryDoc[]> => (await entriesIn(ctx, [v])).get(v._id) ?? []

/**
 * The caller's standing in each of these votes: on the roll or not, voted or not, and through whom for a household.
 * A constant number of reads whatever the number of votes (each a round trip on CloudBase): the roll entries, their
 * receipts, and the names of the family members who voted for a household.
 */
async function standingsIn(ctx: Ctx, votes: VoteDoc[]): Promise<Map<string, VoteView['me']>> {
  const none = { onRoll: false, voted: false, votedBy: null, channel: null, choice: null, as: [] }
  const entries = votes.length ? await entriesIn(ctx, votes) : new Map<string, RollEntryDoc[]>()
  const receipts = new Map((await receiptsOf([...entries.values()].flat())).map((r) => [r._id, r]))
  const unitOf = new Map(votes.map((v) => [v._id, v.unit]))
  const others = [...receipts.values()].filter((r) => unitOf.get(r.voteId) !== 'person' && r.voterOpenid && r.voterOpenid !== ctx.openid)
  const names = new Map((await findUsers(others.map((r) => r.voterOpenid!))).map((u) => [u._id, u.name]))
  return new Map(
    votes.map((v): [string, VoteView['me']] => {
      const mine = entries.get(v._id) ?? []
      if (!mine.length) return [v._id, none]
      const as = mine.map((e) => ({ key: e.key, label: e.label }))
      const open: typeof as = []
      let voted: VoteView['me'] | null = null
      for (const e of mine) {
        const r = receipts.get(`${v._id}|${e.key}`)
        if (!r) {
          open.push({ key: e.key, label: e.label })
          continue
        }
        if (voted) continue
        let votedBy: string | null = null
        if (v.unit !== 'person' && r.voterOpenid && r.voterOpenid !== ctx.openid) {
          const name = names.get(r.voterOpenid)
          votedBy = name ? maskName(name) : '本户家人'
        } else if (r.channel === 'paper') votedBy = '纸质票'
        voted = { onRoll: true, voted: true, votedBy, channel: r.channel, choice: r.voterOpenid === ctx.openid || v.unit === 'household' ? r.choice : null, as }
      }
      // someone holding two entries (two households, two owner identities) may still vote for the one not yet voted
      if (voted && !open.length) return [v._id, voted]
      return [v._id, { ...none, onRoll: true, as: open }]
    }),
  )
}

const myStanding = async (ctx: Ctx, v: VoteDoc): Promise<VoteView['me']> => (await standingsIn(ctx, [v])).get(v._id)!

export async function voteView(ctx: Ctx, community: CommunityDoc, v: VoteDoc): Promise<VoteView> {
  const status = statusOf(v, ctx.now)
  const staff = ctx.rolesIn(community).some((r) => COMMITTEE.includes(r) || r === 'street_staff')
  const closed = v.state === 'closed' && !!v.tally
  const live = !closed && (staff || !v.secret) ? await liveTally(v) : null
  const tally = closed ? v.tally : !v.secret ? live : null
  const label = (id: string) => v.choices.find((c) => c.id === id)?.label ?? id
  return {
    id: v._id,
    stage: v.stage,
    rollKind: v.rollKind,
    rollKindLabel: ROLL_KIND_LABELS[v.rollKind],
    unit: v.unit,
    unitLabel: VOTE_UNIT_LABELS[v.unit],
    rule: v.rule,
    ruleLabel: VOTE_RULE_LABELS[v.rule],
    secret: v.secret,
    choices: v.choices.map((c) => ({ id: c.id, label: c.label })),
    opensAt: v.opensAt,
    closesAt: v.closesAt,
    status,
    unitNoun: VOTE_UNIT_NOUNS[v.unit] ?? '人',
    basis: countingBasis(v),
    rollCount: v.rollCount,
    rollArea: m2(v.rollArea),
    turnout: closed ? v.tally!.participants : live ? live.participants : null,
    tally: tally
      ? {
          choices: tally.choices.map((c) => ({ id: c.id, label: label(c.id), count: c.count, area: m2(c.area) })),
          participants: tally.participants,
          participantArea: m2(tally.participantArea),
        }
      : null,
    result:
      closed && v.result
        ? {
            passed: v.result.passed,
            adopted: v.result.adopted,
            adoptedLabel: v.result.adopted ? label(v.result.adopted) : null,
            // areas are stored in 0.01 m²; shown in m²
            figures: v.result.figures.map((f) => (f.key.endsWith('Area') ? { ...f, value: m2(f.value), of: m2(f.of) } : f)),
          }
        : null,
    me: await myStanding(ctx, v),
  }
}

/**
 * Summaries of matters, each with its active vote (or null): the caller's standing in the open votes and the
 * buildings' names are read for all of them at once, so a page of matters costs the same few requests as one.
 */
export async function summariesOf(ctx: Ctx, items: { matter: MatterDoc; vote: VoteDoc | null }[]): Promise<MatterSummary[]> {
  const open = items.flatMap((i) => (i.vote && statusOf(i.vote, ctx.now) === 'open' ? [i.vote] : []))
  const [standings, buildings] = await Promise.all([standingsIn(ctx, open), findBuildings(items.flatMap((i) => i.matter.buildingIds))])
  return items.map(({ matter: m, vote }) => {
    const me = vote ? standings.get(vote._id) : undefined
    return {
      id: m._id,
      title: m.title,
      kind: m.kind ?? 'community',
      kindLabel: MATTER_KIND_LABELS[m.kind ?? 'community'],
      state: m.state,
      stateLabel: publicityOpen(m, ctx.now) ? '决议公示中' : MATTER_STATE_LABELS[m.state],
      // the names in the buildings' stored order
      scopeLabel: m.buildingIds.length ? buildings.filter((b) => m.buildingIds.includes(b._id)).map((b) => b.name).join('、') : '全社区',
      openVote: vote && me?.onRoll ? { id: vote._id, closesAt: vote.closesAt, voted: me.voted } : null,
      publicityUntil: m.publication?.until ?? null,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    }
  })
}

export const summaryOf = async (ctx: Ctx, community: CommunityDoc, m: MatterDoc, activeVote?: VoteDoc | null): Promise<MatterSummary> =>
  (await summariesOf(ctx, [{ matter: m, vote: activeVote ?? null }]))[0]

/** An objection staff still owe an answer: one refused publication by moderation is not owed one. */
export const awaitsAnswer = (o: { answer: unknown; moderation?: string | null }) => !o.answer && o.moderation !== 'rejected'

export async function matterView(ctx: Ctx, community: CommunityDoc, m: MatterDoc): Promise<MatterView> {
  const roles = ctx.rolesIn(community)
  const committee = roles.some((r) => COMMITTEE.includes(r))
  const branch = roles.includes('branch_secretary')
  const staffSight = roles.some((r) => OVERSEERS.includes(r))
  const [votes, objections, tickets] = await Promise.all([votesOfMatter(m._id), objectionsOf(m._id), ticketsByIds(m.ticketIds)])
  const active = votes.find((v) => v._id === m.activeVoteId) ?? null
  const names = new Map((await findUsers(objections.flatMap((o) => [o.byOpenid])))
    .map((u) => [u._id, u.name]))
  const unanswered = objections.filter(awaitsAnswer).length
  const open = publicityOpen(m, ctx.now)
  const final = FINAL_STATES.includes(m.state)
  const can: CouncilAction[] = []
  if (!final && !m.activeVoteId) {
    if (m.state === 'deliberation' && committee) can.push('recordDeliberation')
    if (m.state === 'review' && branch) can.push('recordReview', 'openVote')
    if (m.state === 'resolution' && committee) can.push('openVote')
    if (branch) can.push('withdraw')
  }
  if (active && active.state === 'open' && committee) can.push('enterPaperVote', 'closeVote')
  if (m.state === 'publicity' && committee) can.push('publish')
  if (open) can.push('object')
  if (committee && unanswered > 0) can.push('answerObjection')
  if (m.state === 'implementation' && committee && !open && unanswered === 0) can.push('publishResult')
  return {
    ...(await summaryOf(ctx, community, m, active)),
    communityId: m.communityId,
    background: m.background,
    options: m.options,
    attachments: m.attachments,
    buildingIds: m.buildingIds,
    records: m.records.map((r) => ({
      stage: r.stage,
      stageLabel: COUNCIL_STAGE_LABELS[r.stage],
      at: r.at,
      by: { name: r.byName || '—', role: r.byRole },
      date: r.date,
      minutes: r.minutes,
      attendance: r.attendance,
      attendees: r.attendees,
      outcome: r.outcome,
      votes: r.votes,
      reason: r.reason,
      voteId: r.voteId,
    })),
    votes: await Promise.all(votes.map((v) => voteView(ctx, community, v))),
    publication: m.publication ? { text: m.publication.text, at: m.publication.at, until: m.publication.until, open } : null,
    // held objections (content security) are shown to staff and their author only
    objections: objections.filter((o) => staffSight || o.byOpenid === ctx.openid || !o.moderation || o.moderation === 'published').map((o) => ({
      id: o._id,
      text: o.text,
      // residents see each other masked; staff see who, to answer them
      byName: staffSight || o.byOpenid === ctx.openid ? names.get(o.byOpenid) || o.byName : maskName(o.byName || '居民'),
      at: o.at,
      answer: o.answer ? { text: o.answer.text, at: o.answer.at, byName: o.answer.byName } : null,
      mine: o.byOpenid === ctx.openid,
    })),
    result: m.result ? { text: m.result.text, photos: m.result.photos, at: m.result.at } : null,
    evidence: tickets.map((t) => ({
      id: t._id,
      categoryLabel: t.categoryLabel,
      placeLabel: t.placeLabel,
      excerpt: t.text.split('\n')[0].slice(0, 60),
      stateLabel: TICKET_STATE_LABELS[t.state],
      createdAt: t.createdAt,
    })),
    can,
  }
}
