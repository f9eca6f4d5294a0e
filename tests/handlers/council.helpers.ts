import { collection } from '../../cloudfunctions/_core/repos/base'
import { demoIds } from '../../local/demo'
import type { MatterView, UserDoc } from '../../types'
import { NOW, P, XINGFU, as, ok } from '../support/world'

let requests = 0
export const rid = (prefix = 'req') => `${prefix}-${String(++requests).padStart(6, '0')}-x`

export const WEEK_LATER = new Date(NOW.getTime() + 7 * 86_400_000).toISOString()

/** A matter proposed by the branch secretary (stage 1 done: waiting for 两委商议). */
export async function proposed(extra: Partial<{ options: string[]; buildingIds: string[]; ticketIds: string[]; title: string }> = {}): Promise<MatterView> {
  return ok(
    await as(P.secretary)('council', 'propose', {
      communityId: XINGFU,
      requestId: rid(),
      title: extra.title ?? '3栋加装电梯',
      background: '3栋老人多，上下楼困难，多次有居民反映。',
      options: extra.options ?? [],
      buildingIds: extra.buildingIds ?? [],
      ticketIds: extra.ticketIds ?? [],
    }),
  )
}

const meeting = (stage: 'deliberation' | 'review', outcome: 'agreed' | 'rejected' = 'agreed') => ({
  stage,
  date: '2026-11-20',
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
  unit: 'person' | 'household'
  rule: 'meeting' | 'art278_ordinary' | 'art278_major'
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

/** `n` extra residents of 幸福社区, each bound to a household (all to `householdId` when given). */
export async function residents(n: number, householdId?: (i: number) => string): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const openid = `wx-res-${i}`
    const k = i % 12
    const h = householdId ? householdId(i) : demoIds.household(XINGFU, 2 + Math.floor(i / 24), 1 + Math.floor((i % 24) / 12), `${1 + Math.floor(k / 2)}0${1 + (k % 2)}`)
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
