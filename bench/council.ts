/**
 * A community-wide vote under load, on the file-backed local database in a temp dir (WAL, as `npm start` runs it):
 *   - 幸福社区 grows to COUNCIL_BENCH_HOUSEHOLDS households (default 3000), each with one bound resident;
 *   - the branch proposes, both meetings are recorded, staff open a one-household-one-vote residents' vote
 *     (the roll of every household is written at opening: timed);
 *   - every resident casts once, COUNCIL_BENCH_CONCURRENCY at a time (default 50): per-cast p50/p95 and casts/s;
 *   - staff close the vote (seal the shards, count, move the matter on): timed; the tally must equal the casts.
 * Run alone: npx tsx bench/council.ts
 */
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { main as council } from '../cloudfunctions/council'
import { useLocalCloudBase } from '../local/cloud'
import { platformContext } from '../local/context'
import { demoIds } from '../local/demo'
import { seedDemo } from '../local/seed'
import { installLocalWx } from '../local/wx'
import type { Envelope, HouseholdDoc, MatterView, UserDoc } from '../types'

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}
const r2 = (x: number) => Math.round(x * 100) / 100

const call = async <T>(openid: string, action: string, data: unknown): Promise<T> => {
  const answer = (await council({ action, data }, platformContext(openid))) as Envelope<T>
  if (!answer.ok) throw new Error(`${action}: ${answer.error.code} ${answer.error.message}`)
  return answer.data
}

export async function benchCouncil(households = Number(process.env.COUNCIL_BENCH_HOUSEHOLDS ?? 3000), concurrency = Number(process.env.COUNCIL_BENCH_CONCURRENCY ?? 50)) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-council-'))
  const local = useLocalCloudBase({ dataDir: dir })
  const uninstallWx = installLocalWx()
  try {
    await seedDemo()
    // more households in 幸福社区's buildings (floors 10–99), each with one resident bound to it
    const sql = local.backend.sql
    const hs = local.backend.collection('households')
    const us = local.backend.collection('users')
    const at = new Date().toISOString()
    const voters: string[] = []
    sql.exec('BEGIN')
    for (let i = 0; i < households; i++) {
      const b = 1 + (i % 6)
      const u = 1 + (Math.floor(i / 6) % 2)
      const room = `${10 + Math.floor(i / 12)}${String(i % 12).padStart(2, '0')}`
      const id = `bh-${i}`
      const h: HouseholdDoc = {
        _id: id, communityId: 'c-xingfu', streetId: 'st-chunhui', buildingId: demoIds.building('c-xingfu', b), unitId: demoIds.unit('c-xingfu', b, u),
        room, holderName: '住户', phone: null, area: 60 + (i % 80), isOwner: true, bindCode: `BH${i}`, createdAt: at,
      }
      hs.insert(h as never)
      const user: UserDoc = {
        _id: `bench-voter-${i}`, name: `居民${i}`, phone: null,
        roles: [{ role: 'resident', communityId: 'c-xingfu', streetId: 'st-chunhui', grantedAt: at, grantedBy: null }],
        householdIds: [id], createdAt: at, updatedAt: at,
      }
      us.insert(user as never)
      voters.push(user._id)
    }
    sql.exec('COMMIT')

    const m = await call<MatterView>('dev-secretary', 'propose', { communityId: 'c-xingfu', requestId: 'bench-council-1', title: '小区加装充电桩', background: '电动车充电难' })
    const meeting = { date: '2026-11-20', minutes: '同意', attendance: { present: 7, expected: 9 }, outcome: 'agreed' }
    await call('dev-staff', 'recordStage', { matterId: m.id, stage: 'deliberation', ...meeting })
    await call('dev-secretary', 'recordStage', { matterId: m.id, stage: 'review', ...meeting })
    const now = new Date()
    let t = performance.now()
    const opened = await call<MatterView>('dev-staff', 'openVote', {
      matterId: m.id, rollKind: 'residents', unit: 'household', rule: 'meeting', secret: true,
      opensAt: now.toISOString(), closesAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
    })
    const openMs = performance.now() - t
    const vote = opened.votes[0]

    const ms: number[] = []
    let next = 0
    let failed = 0
    t = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < voters.length) {
          const voter = voters[next++]
          const t0 = performance.now()
          const answer = (await council({ action: 'vote', data: { voteId: vote.id, choice: next % 3 ? 'for' : 'against' } }, platformContext(voter))) as Envelope<unknown>
          ms.push(performance.now() - t0)
          if (!answer.ok) failed++
        }
      }),
    )
    const castSeconds = (performance.now() - t) / 1000

    t = performance.now()
    const closed = await call<MatterView>('dev-staff', 'closeVote', { voteId: vote.id })
    const closeMs = performance.now() - t
    t = performance.now()
    await call<MatterView>(voters[0], 'get', { matterId: m.id })
    const getMs = performance.now() - t
    const tally = closed.votes[0].tally!
    return {
      households,
      rollCount: vote.rollCount,
      concurrency,
      'open vote (roll written) ms': r2(openMs),
      'cast p50 ms': r2(percentile(ms, 50)),
      'cast p95 ms': r2(percentile(ms, 95)),
      'casts per second': r2((voters.length - failed) / castSeconds),
      'casts refused': failed,
      'close and count ms': r2(closeMs),
      'matter page (resident) ms': r2(getMs),
      'tally participants': tally.participants,
      'tally equals accepted casts': tally.participants === voters.length - failed,
      passed: closed.votes[0].result?.passed,
    }
  } finally {
    uninstallWx()
    local.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchCouncil().then(
    (row) => console.table(row),
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
