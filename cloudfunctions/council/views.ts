/** What council actions answer: matter, vote and summary views for the caller. */
import {
  COUNCIL_STAGE_LABELS,
  MATTER_STATE_LABELS,
  ROLL_KIND_LABELS,
  TICKET_STATE_LABELS,
  VOTE_RULE_LABELS,
  VOTE_UNIT_LABELS,
  VOTE_UNIT_NOUNS,
  MATTER_KIND_LABELS,
  type Community,
  type CouncilAction,
  type MatterDoc,
  type MatterSummary,
  type MatterView,
  type RollEntryDoc,
  type VoteDoc,
  type VoteView,
} from '../../types'
import { countingBasis } from '../_core/domain/voteRules'
import { FINAL_STATES, publicityOpen } from '../_core/domain/council'
import { maskName } from '../_core/mask'
import { liveTally, objectionsOf, receiptsOf, ticketsByIds, votesOfMatter } from '../_core/repos/council'
import { findBuildings } from '../_core/repos/places'
import { findUsers } from '../_core/repos/users'
import type { Ctx } from '../_core/serve'

import { COMMITTEE, OVERSEERS, entriesIn } from './access'

const statusOf = (v: VoteDoc, now: Date): VoteView['status'] => {
  const at = now.toISOString()
  if (v.state === 'closed' || at >= v.closesAt) return 'closed'
  return at < v.opensAt ? 'scheduled' : 'open'
}

const m2 = (units: number) => Math.round(units) / 100

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

export async function voteView(ctx: Ctx, community: Community, v: VoteDoc): Promise<VoteView> {
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
      scopeLabel: m.buildingIds.length
        ? buildings
            .filter((b) => m.buildingIds.includes(b._id))
            .map((b) => b.name)
            .join('、')
        : '全社区',
      openVote: vote && me?.onRoll ? { id: vote._id, closesAt: vote.closesAt, voted: me.voted } : null,
      publicityUntil: m.publication?.until ?? null,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    }
  })
}

export const summaryOf = async (ctx: Ctx, community: Community, m: MatterDoc, activeVote?: VoteDoc | null): Promise<MatterSummary> =>
  (await summariesOf(ctx, [{ matter: m, vote: activeVote ?? null }]))[0]

/** An objection staff still owe an answer: one refused publication by moderation is not owed one. */
export const awaitsAnswer = (o: { answer: unknown; moderation?: string | null }) => !o.answer && o.moderation !== 'rejected'

export async function matterView(ctx: Ctx, community: Community, m: MatterDoc): Promise<MatterView> {
  const roles = ctx.rolesIn(community)
  const committee = roles.some((r) => COMMITTEE.includes(r))
  const branch = roles.includes('branch_secretary')
  const staffSight = roles.some((r) => OVERSEERS.includes(r))
  const [votes, objections, tickets] = await Promise.all([votesOfMatter(m._id), objectionsOf(m._id), ticketsByIds(m.ticketIds)])
  const active = votes.find((v) => v._id === m.activeVoteId) ?? null
  const names = new Map((await findUsers(objections.flatMap((o) => [o.byOpenid]))).map((u) => [u._id, u.name]))
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
    objections: objections
      .filter((o) => staffSight || o.byOpenid === ctx.openid || !o.moderation || o.moderation === 'published')
      .map((o) => ({
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
