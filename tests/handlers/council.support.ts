import { collection, findAll } from '../../cloudfunctions/_core/repos/base'
import { choicesFor } from '../../cloudfunctions/_core/domain/voteRules'
import type { MatterDoc, VoteDoc } from '../../types'

/** The outbox as the dev page shows it. */
export const localOutbox = () => findAll<{ to: string; kind: string }>('outbox', {}, [{ field: 'createdAt', order: 'asc' }])

/** A matter of 幸福社区 in its publicity period with an open vote and an unanswered objection (ids m-/v-/o-xingfu). */
export async function councilFixture(): Promise<void> {
  const at = '2026-11-22T00:00:00.000Z'
  const matter: MatterDoc = {
    _id: 'm-xingfu', communityId: 'c-xingfu', streetId: 'st-chunhui', title: '加装电梯', background: '老楼', options: [], attachments: [],
    ticketIds: [], buildingIds: [], state: 'deliberation', records: [], activeVoteId: null, proposedBy: 'dev-secretary',
    publication: { text: '公示', at, until: '2026-12-01T00:00:00.000Z', byOpenid: 'dev-staff' }, result: null, version: 1, createdAt: at, updatedAt: at,
  }
  const vote: VoteDoc = {
    _id: 'v-xingfu', matterId: 'm-xingfu', communityId: 'c-xingfu', streetId: 'st-chunhui', stage: 'resolution', rollKind: 'residents',
    buildingIds: [], unit: 'person', rule: 'meeting', secret: true, choices: choicesFor([]), opensAt: at, closesAt: '2026-11-29T00:00:00.000Z',
    state: 'open', rollToken: 'tok', rollCount: 1, rollArea: 0, tally: null, result: null, closedAt: null, openedBy: 'dev-staff', createdAt: at,
  }
  await collection('matters').add(matter)
  await collection('councilVotes').add(vote)
  await collection('rollEntries').add({ _id: 'v-xingfu|dev-resident', voteId: 'v-xingfu', key: 'dev-resident', label: '王秀英', area: 0, rollToken: 'tok' })
  await collection('objections').add({ _id: 'o-xingfu', matterId: 'm-xingfu', communityId: 'c-xingfu', byOpenid: 'dev-resident', byName: '王秀英', text: '异议', at, answer: null })
}
