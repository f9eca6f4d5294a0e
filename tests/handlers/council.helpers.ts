import { collection, findAll } from '../../cloudfunctions/_core/repos/base'
import { choicesFor } from '../../cloudfunctions/_core/domain/voteRules'
import { demoIds } from '../../local/demo'
import type { MatterDoc, MatterKind, MatterView, UserDoc, VoteDoc } from '../../types'
import { rid } from '../support/requestIds'
import { NOW, P, XINGFU, as, ok } from '../support/world'

export const WEEK_LATER = new Date(NOW.getTime() + 7 * 86_400_000).toISOString()

/** A matter proposed by the branch secretary (stage 1 done: waiting for 两委商议). */
export async function proposed(
  extra: Partial<{ options: string[]; buildingIds: string[]; ticketIds: string[]; title: string; kind: MatterKind }> = {},
): Promise<MatterView> {
  return ok(
    await as(P.secretary)('council', 'propose', {
      communityId: XINGFU,
      requestId: rid('matter'),
      title: extra.title ?? '3栋加装电梯',
      kind: extra.kind ?? 'community',
      background: '3栋老人多，上下楼困难，多次有居民反映。',
      options: extra.options ?? [],
      buildingIds: extra.buildingIds ?? [],
      ticketIds: extra.ticketIds ?? [],
    }),
  )
}

const meeting = (stage: 'deliberation' | 'review', outcome: 'agreed' | 'rejected' = 'agreed') => ({
  stage,
  // the day of NOW (Shanghai): a meeting is never dated before the proposal it follows
  date: '2026-11-22',
  minutes: stage === 'deliberation' ? '两委联席会议讨论，同意提交党员大会审议。' : '党员大会审议通过。',
  attendance: { present: 7, expected: 9 },
  attendees: '赵红梅、陈静等',
  outcome,
  ...(outcome === 'rejected' ? { reason: '条件不成熟' } : {}),
})

export const recordDeliberation = (matterId: string, outcome: 'agreed' | 'rejected' = 'agreed') =>
  as(P.secretary)('council', 'recordStage', { matterId, ...meeting('deliberation', outcome) })
export const recordReview = (matterId: string, outcome: 'agreed' | 'rejected' = 'agreed') =>
  as(P.secretary)('council', 'recordStage', { matterId, ...meeting('review', outcome) })

/** A matter waiting for the residents' vote (stages 1–3 recorded). */
export async function atResolution(extra: Parameters<typeof proposed>[0] = {}): Promise<MatterView> {
  const m = await proposed(extra)
  ok(await recordDeliberation(m.id))
  return ok(await recordReview(m.id))
}

export type OpenVoteInput = {
  rollKind: 'residents' | 'representatives' | 'party_members' | 'owners'
  unit?: 'person' | 'household' | 'owner'
  secret?: boolean
  buildingIds?: string[]
  opensAt?: string
  closesAt?: string
}

export const openVote = (matterId: string, v: OpenVoteInput, by: string = P.staff) =>
  as(by)('council', 'openVote', { matterId, opensAt: NOW.toISOString(), closesAt: WEEK_LATER, ...v })

/** The id of the matter's open vote. */
export const activeVote = (m: MatterView) => {
  const v = m.votes.find((x) => x.status !== 'closed')
  if (!v) throw new Error('no open vote')
  return v.id
}

/** Households of 幸福社区 with someone on the register (the ones a household roll holds), in a fixed order. */
export async function livedIn(): Promise<string[]> {
  const members = await findAll<{ householdId: string }>('members', { communityId: XINGFU }, [{ field: '_id', order: 'asc' }], 100_000)
  return [...new Set(members.map((m) => m.householdId))].sort()
}

/** `n` extra app users of 幸福社区, each bound to a household with people on the register (all to `householdId` when given). */
export async function residents(n: number, householdId?: (i: number) => string): Promise<string[]> {
  const homes = householdId ? [] : await livedIn()
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const openid = `wx-res-${i}`
    const h = householdId ? householdId(i) : homes[(i + 10) % homes.length]
    const user: UserDoc = {
      _id: openid,
      name: `居民${i}`,
      phone: null,
      roles: [{ role: 'resident', communityId: XINGFU, streetId: 'st-chunhui', grantedAt: NOW.toISOString(), grantedBy: null }],
      householdIds: [h],
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    }
    await collection('users').add(user)
    ids.push(openid)
  }
  return ids
}

/** The register's member ids of the demo residents who use the app (the head of their household). */
export const MEMBER = {
  resident: `${demoIds.household(XINGFU, 1, 1, '301')}-m1`,
  resident2: `${demoIds.household(XINGFU, 4, 2, '502')}-m1`,
}

/** Adults on the register by the vote's day (births are full dates in the demo: compare as text). */
export async function adultsIn(buildingIds: string[] = [], on = '2008-11-22') {
  const members = await findAll<{ _id: string; buildingId: string; birth: string; openid: string | null }>('members', { communityId: XINGFU }, [], 100_000)
  return members.filter((m) => (!buildingIds.length || buildingIds.includes(m.buildingId)) && m.birth <= on)
}

/** The roll of a vote as staff page through it (50 at a time). */
export async function wholeRoll(voteId: string) {
  const out: { key: string; label: string; area: number; voted: boolean }[] = []
  for (let page = 1; ; page++) {
    const p = ok(await as(P.staff)('council', 'roll', { voteId, page, pageSize: 100 }))
    out.push(...p.items)
    if (out.length >= p.total) return out
  }
}

let paperNo = 0

/** Staff enter paper ballots for the first `n` people of the roll who have not voted, all with `choice`. */
export async function paperVotes(voteId: string, n: number, choice = 'for'): Promise<string[]> {
  const open = (await wholeRoll(voteId)).filter((e) => !e.voted).slice(0, n)
  if (open.length < n) throw new Error(`only ${open.length} voters left on the roll`)
  for (const e of open) ok(await as(P.staff)('council', 'enterPaperVote', { voteId, voterKey: e.key, choice, paperNo: `P-${++paperNo}` }))
  return open.map((e) => e.key)
}

/** The outbox as the dev page shows it. */
export const localOutbox = () => findAll<{ to: string; kind: string }>('outbox', {}, [{ field: 'createdAt', order: 'asc' }])

/** A matter of 幸福社区 in its publicity period with an open vote and an unanswered objection (ids m-/v-/o-xingfu). */
export async function councilFixture(): Promise<void> {
  const at = '2026-11-22T00:00:00.000Z'
  const matter: MatterDoc = {
    _id: 'm-xingfu',
    communityId: 'c-xingfu',
    streetId: 'st-chunhui',
    title: '加装电梯',
    background: '老楼',
    options: [],
    attachments: [],
    ticketIds: [],
    buildingIds: [],
    state: 'deliberation',
    records: [],
    activeVoteId: null,
    proposedBy: 'dev-secretary',
    publication: { text: '公示', at, until: '2026-12-01T00:00:00.000Z', byOpenid: 'dev-staff' },
    result: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  }
  const vote: VoteDoc = {
    _id: 'v-xingfu',
    matterId: 'm-xingfu',
    communityId: 'c-xingfu',
    streetId: 'st-chunhui',
    stage: 'resolution',
    rollKind: 'residents',
    buildingIds: [],
    unit: 'person',
    rule: 'meeting',
    secret: true,
    choices: choicesFor([]),
    opensAt: at,
    closesAt: '2026-11-29T00:00:00.000Z',
    state: 'open',
    rollToken: 'tok',
    rollCount: 1,
    rollArea: 0,
    tally: null,
    result: null,
    closedAt: null,
    openedBy: 'dev-staff',
    createdAt: at,
  }
  await collection('matters').add(matter)
  await collection('councilVotes').add(vote)
  await collection('rollEntries').add({ _id: 'v-xingfu|dev-resident', voteId: 'v-xingfu', key: 'dev-resident', label: '王秀英', area: 0, rollToken: 'tok' })
  await collection('objections').add({
    _id: 'o-xingfu',
    matterId: 'm-xingfu',
    communityId: 'c-xingfu',
    byOpenid: 'dev-resident',
    byName: '王秀英',
    text: '异议',
    at,
    answer: null,
  })
}
