/**
 * A vote's printed papers at a real size, on the file-backed local database in a temp dir (as `npm start` runs it):
 *   - 幸福社区 gains PAPERS_BENCH_UNITS exclusive units (default 3000) in 20 new buildings, each with its registered
 *     area and owner: one owner in 40 holds a second unit, and 30 units are the developer's unsold ones, so the
 *     owners' roll counts fewer owners than units, as the court counts them;
 *   - an art. 278 matter of those buildings goes to an open (记名) owners' vote: the roll is drawn and numbered;
 *   - staff print `qrcodes.ballots` (each ballot with its owner, flats and area) and `qrcodes.signInSheet`: time of the
 *     first call (the font is read and converted once per process) and of a second, PDF size and pages, the process's
 *     resident memory after, and both papers' entry counts checked against the roll.
 * Run alone: npx tsx bench/papers.ts
 */
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { main as council } from '../cloudfunctions/council'
import { main as qrcodes } from '../cloudfunctions/qrcodes'
import { useLocalCloudBase } from '../local/cloud'
import { platformContext } from '../local/context'
import { seedDemo } from '../local/seed'
import { installLocalWx } from '../local/wx'
import type { BallotsResult, BuildingDoc, Envelope, HouseholdDoc, MatterView, OwnerDoc, SignInSheetResult, UnitDoc } from '../types'

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文'
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志强秀兰春梅海燕晓东'
const nameOf = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i % 3 ? GIVEN[(i * 13) % GIVEN.length] : ''}`

const call = async <T>(fn: typeof council, openid: string, action: string, data: unknown): Promise<T> => {
  const answer = (await fn({ action, data }, platformContext(openid))) as Envelope<T>
  if (!answer.ok) throw new Error(`${action}: ${answer.error.code} ${answer.error.message}`)
  return answer.data
}
const r1 = (x: number) => Math.round(x * 10) / 10

export async function benchPapers(units = Number(process.env.PAPERS_BENCH_UNITS ?? 3000)) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-papers-'))
  const local = useLocalCloudBase({ dataDir: dir })
  const uninstallWx = installLocalWx()
  try {
    await seedDemo()
    const at = new Date().toISOString()
    const base = { communityId: 'c-xingfu', streetId: 'st-chunhui', createdAt: at }
    const buildings: string[] = []
    const perUnit = Math.ceil(units / 40) // 20 buildings × 2 stairwells
    local.backend.sql.exec('BEGIN')
    for (let b = 0; b < 20; b++) {
      const building: BuildingDoc = { ...base, _id: `pb-${b}`, gridId: null, name: `${21 + b}栋`, sort: 21 + b }
      local.backend.collection('buildings').insert(building as never)
      buildings.push(building._id)
      for (let u = 0; u < 2; u++) {
        const unit: UnitDoc = {
          ...base,
          _id: `pb-${b}-${u}`,
          buildingId: building._id,
          name: `${u + 1}单元`,
          code: `PB${String(b).padStart(2, '0')}U${u}XX`,
          sort: u + 1,
        }
        local.backend.collection('units').insert(unit as never)
      }
    }
    const developer: OwnerDoc = {
      ...base,
      _id: 'pb-developer',
      kind: 'developer',
      name: '星河置业有限公司',
      key: 'developer:星河置业有限公司',
      ref: null,
      openid: null,
      updatedAt: at,
    }
    local.backend.collection('owners').insert(developer as never)
    for (let i = 0; i < units; i++) {
      const slot = Math.floor(i / perUnit) // which stairwell
      const b = Math.floor(slot / 2)
      const k = i % perUnit
      const room = `${1 + Math.floor(k / 4)}${String((k % 4) + 1).padStart(2, '0')}`
      const unsold = i >= units - 30
      // one owner in 40 also holds the next unit
      const ownerIndex = i % 40 === 1 ? i - 1 : i
      if (!unsold && ownerIndex === i) {
        const owner: OwnerDoc = {
          ...base,
          _id: `pb-owner-${i}`,
          kind: 'person',
          name: nameOf(i),
          key: `person:PB-${i}`,
          ref: `PB-${i}`,
          openid: null,
          updatedAt: at,
        }
        local.backend.collection('owners').insert(owner as never)
      }
      const h: HouseholdDoc = {
        ...base,
        _id: `pb-h-${i}`,
        buildingId: `pb-${b}`,
        unitId: `pb-${b}-${slot % 2}`,
        room,
        holderName: nameOf(i),
        phone: null,
        area: 60 + (i % 81) + (i % 7) / 4,
        ownerId: unsold ? developer._id : `pb-owner-${ownerIndex}`,
        ownership: unsold ? 'unsold' : 'owned',
        bindCodeHash: null,
        bindCodeExpiresAt: null,
      }
      local.backend.collection('households').insert(h as never)
    }
    local.backend.sql.exec('COMMIT')

    const m = await call<MatterView>(council, 'dev-secretary', 'propose', {
      communityId: 'c-xingfu',
      requestId: 'bench-papers-1',
      kind: 'art278_4',
      title: '续聘物业服务企业（21–40栋）',
      background: '物业服务合同到期',
      buildingIds: buildings,
    })
    const meeting = {
      date: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
      minutes: '同意',
      attendance: { present: 7, expected: 9 },
      outcome: 'agreed',
    }
    await call(council, 'dev-staff', 'recordStage', { matterId: m.id, stage: 'deliberation', ...meeting })
    await call(council, 'dev-secretary', 'recordStage', { matterId: m.id, stage: 'review', ...meeting })
    const now = new Date()
    const opened = await call<MatterView>(council, 'dev-staff', 'openVote', {
      matterId: m.id,
      rollKind: 'owners',
      secret: false,
      opensAt: now.toISOString(),
      closesAt: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
    })
    const roll = opened.votes[0].rollCount

    const size = (fileID: string) => local.readFile(local.storage.pathOf(fileID)!)!.length
    const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
      const t = performance.now()
      const out = await fn()
      return [out, performance.now() - t]
    }
    const [ballots, ballotsMs] = await timed(() => call<BallotsResult>(qrcodes, 'dev-staff', 'ballots', { matterId: m.id }))
    const [, ballotsAgainMs] = await timed(() => call<BallotsResult>(qrcodes, 'dev-staff', 'ballots', { matterId: m.id }))
    const [sheet, sheetMs] = await timed(() => call<SignInSheetResult>(qrcodes, 'dev-staff', 'signInSheet', { matterId: m.id }))
    const [, sheetAgainMs] = await timed(() => call<SignInSheetResult>(qrcodes, 'dev-staff', 'signInSheet', { matterId: m.id }))
    if (ballots.entries !== roll || sheet.entries !== roll) throw new Error(`papers: ${ballots.entries} ballots, ${sheet.entries} rows for a roll of ${roll}`)
    if (Math.abs(sheet.area - opened.votes[0].rollArea) > 0.005) throw new Error(`papers: sign-in area ${sheet.area} ≠ roll area ${opened.votes[0].rollArea}`)
    return {
      units,
      owners: roll,
      rollAreaM2: sheet.area,
      ballotsFirstMs: Math.round(ballotsMs),
      ballotsAgainMs: Math.round(ballotsAgainMs),
      ballotsKB: r1(size(ballots.fileID) / 1024),
      ballotPages: ballots.pages,
      ballotsPerPage: ballots.perPage,
      signInFirstMs: Math.round(sheetMs),
      signInAgainMs: Math.round(sheetAgainMs),
      signInKB: r1(size(sheet.fileID) / 1024),
      signInPages: sheet.pages,
      rssMB: Math.round(process.memoryUsage().rss / 1024 / 1024),
    }
  } finally {
    uninstallWx()
    local.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchPapers().then(
    (row) => console.table(row),
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
