/**
 * A residents' vote drawn from the register at a real street's size, on the file-backed local database in a temp dir
 * (WAL, as `npm start` runs it):
 *   - 幸福社区 grows to COUNCIL_BENCH_HOUSEHOLDS households (default 3000) of three registered people each (≈ 9 000
 *     members, the children among them under 18); one household in COUNCIL_BENCH_APP_EVERY (default 3) has its head
 *     using the app — most residents never do;
 *   - the branch proposes, both meetings are recorded, staff open a one-person-one-vote residents' vote: the roll of
 *     every adult on the register is drawn and written at opening (timed);
 *   - every app user casts once, COUNCIL_BENCH_CONCURRENCY at a time (default 50): per-cast p50/p95 and casts/s;
 *   - staff enter COUNCIL_BENCH_PAPER paper ballots (default 300) from the roll, one by one: per-entry p50/p95;
 *   - staff close the vote (seal the shards, count, move the matter on): timed; the tally must equal online + paper;
 *   - `council.list` for a resident with COUNCIL_BENCH_MATTERS more matters stored (default 60, a third with a vote
 *     open to her, a third closed): database requests and time for a page of 20 and of 50 (p50 of 20 calls each).
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
import type { Envelope, HouseholdDoc, MatterDoc, MatterSummary, MatterView, Listing, MemberDoc, RollEntryDoc, UserDoc, VoteDoc, VoteReceiptDoc } from '../types'

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

export async function benchCouncil(
  households = Number(process.env.COUNCIL_BENCH_HOUSEHOLDS ?? 3000),
  concurrency = Number(process.env.COUNCIL_BENCH_CONCURRENCY ?? 50),
  appEvery = Number(process.env.COUNCIL_BENCH_APP_EVERY ?? 3),
  paper = Number(process.env.COUNCIL_BENCH_PAPER ?? 300),
) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-council-'))
  const local = useLocalCloudBase({ dataDir: dir })
  const uninstallWx = installLocalWx()
  try {
    await seedDemo()
    // more households in 幸福社区's buildings (floors 10–99), three people each; every few households, the head uses the app
    const sql = local.backend.sql
    const hs = local.backend.collection('households')
    const ms = local.backend.collection('members')
    const us = local.backend.collection('users')
    const at = new Date().toISOString()
    const voters: string[] = []
    let members = 0
    sql.exec('BEGIN')
    for (let i = 0; i < households; i++) {
      const b = 1 + (i % 6)
      const u = 1 + (Math.floor(i / 6) % 2)
      const room = `${10 + Math.floor(i / 12)}${String(i % 12).padStart(2, '0')}`
      const id = `bh-${i}`
      const h: HouseholdDoc = {
        _id: id,
        communityId: 'c-xingfu',
        streetId: 'st-chunhui',
        buildingId: demoIds.building('c-xingfu', b),
        unitId: demoIds.unit('c-xingfu', b, u),
        room,
        holderName: `户主${i}`,
        phone: null,
        area: 60 + (i % 80),
        ownerId: null,
        ownership: null,
        bindCodeHash: null,
        bindCodeExpiresAt: null,
        createdAt: at,
      }
      hs.insert(h as never)
      const app = i % appEvery === 0
      const people: [string, string, string][] = [
        ['户主', '1958-03-01', `户主${i}`],
        ['配偶', '1960-07-15', `配偶${i}`],
        ['子女', `${1995 + (i % 20)}-05-20`, `子女${i}`],
      ]
      for (const [k, [relation, birth, name]] of people.entries()) {
        const member: MemberDoc = {
          _id: `${id}-m${k}`,
          communityId: 'c-xingfu',
          streetId: 'st-chunhui',
          householdId: id,
          buildingId: h.buildingId,
          name,
          relation,
          birth,
          adult: null,
          phone: null,
          openid: app && k === 0 ? `bench-voter-${i}` : null,
          createdAt: at,
          updatedAt: at,
        }
        ms.insert(member as never)
        members++
      }
      if (!app) continue
      const user: UserDoc = {
        _id: `bench-voter-${i}`,
        name: `户主${i}`,
        phone: null,
        roles: [{ role: 'resident', communityId: 'c-xingfu', streetId: 'st-chunhui', grantedAt: at, grantedBy: null }],
        householdIds: [id],
        memberIds: [`${id}-m0`],
        createdAt: at,
        updatedAt: at,
      }
      us.insert(user as never)
      voters.push(user._id)
    }
    sql.exec('COMMIT')

    const m = await call<MatterView>('dev-secretary', 'propose', {
      communityId: 'c-xingfu',
      requestId: 'bench-council-1',
      title: '小区加装充电桩',
      background: '电动车充电难',
    })
    const meeting = {
      date: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
      minutes: '同意',
      attendance: { present: 7, expected: 9 },
      outcome: 'agreed',
    }
    await call('dev-staff', 'recordStage', { matterId: m.id, stage: 'deliberation', ...meeting })
    await call('dev-secretary', 'recordStage', { matterId: m.id, stage: 'review', ...meeting })
    const now = new Date()
    let t = performance.now()
    const opened = await call<MatterView>('dev-staff', 'openVote', {
      matterId: m.id,
      rollKind: 'residents',
      unit: 'person',
      secret: true,
      opensAt: now.toISOString(),
      closesAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
    })
    const openMs = performance.now() - t
    const vote = opened.votes[0]

    const castMs: number[] = []
    let next = 0
    let failed = 0
    t = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < voters.length) {
          const voter = voters[next++]
          const t0 = performance.now()
          const answer = (await council(
            { action: 'vote', data: { voteId: vote.id, choice: next % 3 ? 'for' : 'against' } },
            platformContext(voter),
          )) as Envelope<unknown>
          castMs.push(performance.now() - t0)
          if (!answer.ok) failed++
        }
      }),
    )
    const castSeconds = (performance.now() - t) / 1000

    // the rest of the roll votes on paper: staff find each voter on the roll and enter the ballot
    const paperMs: number[] = []
    const open: string[] = []
    for (let p = 1; open.length < paper; p++) {
      const page = await call<{ items: { key: string; voted: boolean }[] }>('dev-staff', 'roll', { voteId: vote.id, page: p, pageSize: 100 })
      if (!page.items.length) break
      open.push(...page.items.filter((e) => !e.voted).map((e) => e.key))
    }
    for (const [n, key] of open.slice(0, paper).entries()) {
      const t0 = performance.now()
      await call('dev-staff', 'enterPaperVote', { voteId: vote.id, voterKey: key, choice: 'for', paperNo: `P-${n + 1}` })
      paperMs.push(performance.now() - t0)
    }

    t = performance.now()
    const closed = await call<MatterView>('dev-staff', 'closeVote', { voteId: vote.id })
    const closeMs = performance.now() - t
    t = performance.now()
    await call<MatterView>(voters[0], 'get', { matterId: m.id })
    const getMs = performance.now() - t
    const list = await listPages(local, voters[0], Number(process.env.COUNCIL_BENCH_MATTERS ?? 60), Number(process.env.COUNCIL_BENCH_MATTERS_MANY ?? 1000))
    const tally = closed.votes[0].tally!
    const accepted = voters.length - failed + paperMs.length
    return {
      households,
      'members on the register': members,
      'roll (adults)': vote.rollCount,
      'app users': voters.length,
      concurrency,
      'open vote (roll drawn and written) ms': r2(openMs),
      'cast p50 ms': r2(percentile(castMs, 50)),
      'cast p95 ms': r2(percentile(castMs, 95)),
      'casts per second': r2((voters.length - failed) / castSeconds),
      'casts refused': failed,
      'paper entry p50 ms': r2(percentile(paperMs, 50)),
      'paper entry p95 ms': r2(percentile(paperMs, 95)),
      'paper ballots': paperMs.length,
      'close and count ms': r2(closeMs),
      'matter page (resident) ms': r2(getMs),
      [`council.list requests, page of 20 / 50, at ${list.few} matters`]: `${list.atFew[20].requests} / ${list.atFew[50].requests}`,
      [`council.list requests, page of 20 / 50, at ${list.many} matters`]: `${list.atMany[20].requests} / ${list.atMany[50].requests}`,
      [`council.list p50 / p95 ms, page of 20, at ${list.few}`]: `${r2(list.atFew[20].p50)} / ${r2(list.atFew[20].p95)}`,
      [`council.list p50 / p95 ms, page of 20, at ${list.many}`]: `${r2(list.atMany[20].p50)} / ${r2(list.atMany[20].p95)}`,
      [`council.list cpu p50 / p95 ms, page of 20, at ${list.few}`]: `${r2(list.atFew[20].cpuP50)} / ${r2(list.atFew[20].cpuP95)}`,
      [`council.list cpu p50 / p95 ms, page of 20, at ${list.many}`]: `${r2(list.atMany[20].cpuP50)} / ${r2(list.atMany[20].cpuP95)}`,
      'council.list p50 ratio': r2(list.atMany[20].p50 / list.atFew[20].p50),
      'council.list cpu p50 ratio': r2(list.atMany[20].cpuP50 / list.atFew[20].cpuP50),
      'tally participants': tally.participants,
      'tally equals accepted casts': tally.participants === accepted,
      'turnout of roll': `${tally.participants} / ${vote.rollCount}`,
      passed: closed.votes[0].result?.passed,
    }
  } finally {
    uninstallWx()
    local.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * `few`, then `many` matters stored directly, a third with a vote open to `openid` (as a person or as her household,
 * some already voted), a third with a closed one, the rest without; at each, `council.list` as `openid`, pages of 20 and
 * of 50: the database requests each costs (counted at the SDK seam) and p50/p95 of 20 calls.
 */
async function listPages(local: ReturnType<typeof useLocalCloudBase>, openid: string, few: number, many: number) {
  const me = local.backend.collection('users').getById(openid)
  const user = JSON.parse(me!.text) as UserDoc
  const at = (i: number) => new Date(Date.now() - (i + 10) * 60_000).toISOString()
  const later = new Date(Date.now() + 7 * 86_400_000).toISOString()
  const store = (from: number, to: number) => {
    local.backend.sql.exec('BEGIN')
    for (let i = from; i < to; i++) {
      const voteId = i % 3 === 2 ? null : `bench-list-v${i}`
      const matter: MatterDoc = {
        _id: `bench-list-m${i}`,
        communityId: 'c-xingfu',
        streetId: 'st-chunhui',
        title: `议题${i}`,
        background: '背景',
        options: [],
        attachments: [],
        ticketIds: [],
        buildingIds: i % 4 === 1 ? [demoIds.building('c-xingfu', 1)] : [],
        state: voteId ? 'resolution' : 'deliberation',
        records: [],
        activeVoteId: voteId,
        voting: voteId ? 1 : 0,
        publication: null,
        result: null,
        proposedBy: 'dev-secretary',
        version: 1,
        createdAt: at(i),
        updatedAt: at(i),
      }
      local.backend.collection('matters').insert(matter as never)
      if (!voteId) continue
      const unit = i % 2 ? 'household' : 'person'
      const key = unit === 'person' ? (user.memberIds ?? [])[0] : user.householdIds[0]
      const vote = {
        _id: voteId,
        matterId: matter._id,
        communityId: 'c-xingfu',
        streetId: 'st-chunhui',
        stage: 'resolution',
        rollKind: 'residents',
        buildingIds: [],
        unit,
        rule: 'meeting',
        secret: false,
        choices: [{ id: 'for', label: '同意', approving: true }],
        opensAt: at(60),
        closesAt: i % 3 === 1 ? at(30) : later,
        state: 'open',
        rollToken: `tok-${i}`,
        rollCount: 1,
        rollArea: 0,
        tally: null,
        result: null,
        closedAt: null,
        openedBy: 'dev-staff',
        createdAt: at(60),
      } as VoteDoc
      local.backend.collection('councilVotes').insert(vote as never)
      const entry: RollEntryDoc = { _id: `${voteId}|${key}`, voteId, key, label: user.name, area: 0, rollToken: `tok-${i}` }
      local.backend.collection('rollEntries').insert(entry as never)
      if (i % 4 === 0) continue
      const receipt: VoteReceiptDoc = {
        _id: entry._id,
        voteId,
        key,
        channel: 'online',
        voterOpenid: openid,
        enteredBy: null,
        paperNo: null,
        choice: 'for',
        at: at(5),
      }
      local.backend.collection('voteReceipts').insert(receipt as never)
    }
    local.backend.sql.exec('COMMIT')
  }
  /** the requests one page costs (counted at the SDK seam), and p50/p95 of 20 calls */
  const measure = async (size: number) => {
    let sent = 0
    const stop = local.onRequest(() => sent++)
    const page = await call<Listing<MatterSummary>>(openid, 'list', { communityId: 'c-xingfu', page: 1, pageSize: size })
    stop()
    // a resident's page states no total: full, unless it is the last
    if ('total' in page ? page.items.length !== Math.min(size, page.total) : page.items.length !== size && page.more)
      throw new Error('council.list: short page')
    const ms: number[] = []
    // CPU time of this process over the call (the function and the database run in this thread): the call's own work
    const cpu: number[] = []
    for (let k = 0; k < 20; k++) {
      const t = performance.now()
      const c = process.cpuUsage()
      await call(openid, 'list', { communityId: 'c-xingfu', page: 1, pageSize: size })
      ms.push(performance.now() - t)
      const d = process.cpuUsage(c)
      cpu.push((d.user + d.system) / 1000)
    }
    return { requests: sent, p50: percentile(ms, 50), p95: percentile(ms, 95), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95) }
  }
  store(0, few)
  const atFew = { 20: await measure(20), 50: await measure(50) }
  store(few, many)
  const atMany = { 20: await measure(20), 50: await measure(50) }
  return { few, many, atFew, atMany }
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
