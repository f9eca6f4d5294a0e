import { mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { collection, findAll } from '../../cloudfunctions/_core/repos/base'
import { demoIds } from '../../local/demo'
import type { RollEntryDoc, RollEntryView } from '../../types'
import { A4, SHEET } from '../../cloudfunctions/qrcodes/rollPapers'
import type { Rect } from '../../cloudfunctions/qrcodes/qrsheet'
import { pdfInfo, pdfText } from '../qr/pdf-tools'
import { MEMBER, activeVote, councilFixture, atResolution, openVote, proposed, recordDeliberation, type OpenVoteInput } from './council.helpers'
import { NOW, P, XINGFU, as, errorCode, ok, raw, snapshot, useWorld } from '../support/world'

// printing a few hundred ballots and reading them back with poppler takes seconds, not milliseconds
jest.setTimeout(30_000)

const world = useWorld()

/** A PDF the functions stored, as poppler reads it: its pages' text, and the text of one column of every page. */
function read(fileID: string, column?: Rect): { pages: string[]; column: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'roll-papers-'))
  try {
    const file = join(dir, 'paper.pdf')
    writeFileSync(file, world.stored(fileID)!)
    const count = Number(pdfInfo(file).Pages)
    // pdftotext ends every page with a form feed
    const pages = pdfText(file)
      .split('\f')
      .slice(0, count)
      .map((p) => p.replace(/[ \t]+/g, ' '))
    return { pages, column: column ? pdfText(file, undefined, column).split('\f').slice(0, count) : [] }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
const pages = (fileID: string) => read(fileID).pages
/** The text of each ballot (or only of those at `only`, 1-based positions in the file), cut from its part of its page. */
function ballotTexts(fileID: string, perPage: 1 | 2, only?: number | number[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'roll-ballots-'))
  try {
    const file = join(dir, 'ballots.pdf')
    writeFileSync(file, world.stored(fileID)!)
    const height = A4.height / perPage
    const positions = only ? [only].flat() : Array.from({ length: Number(pdfInfo(file).Pages) * perPage }, (_, i) => i + 1)
    return positions
      .map((n) => {
        const slot = (n - 1) % perPage
        const rect = { x: 0, y: A4.height - (slot + 1) * height, width: A4.width, height }
        return pdfText(file, Math.ceil(n / perPage), rect).replace(/[ \t]+/g, ' ')
      })
      .filter((t) => t.trim())
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
/** The sign-in sheet's number column, as one list of the numbers printed in it, page after page. */
const numberColumn = (fileID: string) =>
  read(fileID, { x: SHEET.side, y: 0, width: 46, height: A4.height })
    .column.join('\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^\d+$/.test(l))

/** A matter of 幸福社区 whose vote is open with this roll; its vote id. */
async function votingOn(roll: OpenVoteInput, extra: Parameters<typeof atResolution>[0] = {}) {
  const m = await atResolution(extra)
  return { matterId: m.id, voteId: activeVote(ok(await openVote(m.id, roll))) }
}

/** The roll as paper entry pages through it. */
async function wholeRoll(voteId: string): Promise<RollEntryView[]> {
  const out: RollEntryView[] = []
  for (let page = 1; ; page++) {
    const p = ok(await as(P.staff)('council', 'roll', { voteId, page, pageSize: 100 }))
    out.push(...p.items)
    if (out.length >= p.total) return out
  }
}

const numbers = (text: string) => [...text.matchAll(/票号 (\d{3,})/g)].map((x) => x[1])
const stored = (voteId: string) => findAll<RollEntryDoc>('rollEntries', { voteId }, [], 100_000)
const m2 = (hundredths: number) => (Math.round(hundredths) / 100).toFixed(2)

describe('qrcodes.ballots', () => {
  it('when staff print the ballots of an open residents’ vote, then there is one ballot per roll entry, numbered as paper entry numbers them', async () => {
    const { matterId, voteId } = await votingOn({ rollKind: 'residents', unit: 'person', secret: false })
    const printed = ok(await as(P.staff)('qrcodes', 'ballots', { matterId }))
    const roll = await wholeRoll(voteId)
    const text = pages(printed.fileID)
    expect(printed).toMatchObject({ voteId, entries: roll.length, perPage: 2, secret: false, firstNo: '001', lastNo: String(roll.length) })
    expect(text).toHaveLength(Math.ceil(roll.length / 2))
    expect(printed.pages).toBe(text.length)
    // paper entry lists the roll in the numbers' order; the ballots are those numbers, each once
    expect(numbers(text.join('\n'))).toEqual(roll.map((e) => e.ballotNo))
    expect(printed.url).toMatch(/\/private\/ballots\/c-xingfu\/[0-9a-f]{32}\.pdf\?expires=\d+&sig=[0-9a-f]{64}$/)
  })

  it('when an open ballot is printed, then it names its voter masked with the flat in full, and carries the question, the choices, a signature line and the instructions', async () => {
    const { matterId, voteId } = await votingOn({ rollKind: 'residents', unit: 'person', secret: false }, { title: '1栋楼道加装扶手' })
    const printed = ok(await as(P.staff)('qrcodes', 'ballots', { matterId }))
    const me = (await wholeRoll(voteId)).find((e) => e.key === MEMBER.resident)!
    const [ballot] = ballotTexts(printed.fileID, printed.perPage, Number(me.ballotNo!))
    expect(numbers(ballot)).toEqual([me.ballotNo])
    expect(ballot).toContain('幸福社区')
    expect(ballot).toContain('居民会议表决票')
    expect(ballot).toContain('议题：1栋楼道加装扶手')
    for (const choice of ['同意', '不同意', '弃权']) expect(ballot).toContain(choice)
    expect(ballot).toContain('投票人：1栋 1单元 301 王**')
    expect(ballot).toContain('投票人签名：')
    expect(ballot).toContain('请于2026年11月29日 09:00前交回社区居委会或投入票箱')
    expect(pages(printed.fileID).join('')).not.toContain('王秀英')
  })

  it('when the ballot is secret, then it carries its number and nothing of its voter: no name, flat, area or signature line', async () => {
    const { matterId, voteId } = await votingOn(
      { rollKind: 'owners', secret: true },
      { buildingIds: [demoIds.building(XINGFU, 3)], kind: 'art278_5', title: '使用维修资金更换水泵' },
    )
    const printed = ok(await as(P.staff)('qrcodes', 'ballots', { matterId }))
    const text = pages(printed.fileID).join('\n')
    expect(printed.secret).toBe(true)
    expect(numbers(text)).toHaveLength((await stored(voteId)).length)
    for (const absent of ['3栋', '业主：', '专有部分面积', '签名：', '*']) expect(text).not.toContain(absent)
    expect(text).toContain('本次为无记名投票：请勿在票上写姓名或做任何记号')
  })

  it('when owners vote under art. 278, then each open ballot states the owner’s area as the roll weighs it', async () => {
    const { matterId, voteId } = await votingOn({ rollKind: 'owners', secret: false }, { buildingIds: [demoIds.building(XINGFU, 6)], kind: 'art278_7' })
    const printed = ok(await as(P.staff)('qrcodes', 'ballots', { matterId }))
    const ballots = ballotTexts(printed.fileID, printed.perPage)
    const entries = (await stored(voteId)).sort((a, b) => a.seq! - b.seq!)
    expect(ballots.map((b) => numbers(b)[0])).toEqual(entries.map((e) => String(e.seq).padStart(3, '0')))
    expect(ballots.map((b) => /专有部分面积（平方米）：\s*([\d.]+)/.exec(b)?.[1])).toEqual(entries.map((e) => m2(e.area)))
    // the developer is an organisation, named; people are masked
    expect(ballots.some((b) => b.includes('开发商 幸福置业有限公司'))).toBe(true)
    expect(ballots.every((b) => b.includes('业主签名：'))).toBe(true)
  })

  it('when the schemes are too long for half a page, then each ballot takes an A4 page of its own, still one per entry', async () => {
    const scheme = (i: number) => `方案${i}：${'在楼栋北侧加装一部电梯，费用由各层住户按所住楼层分摊，社区申请老旧小区改造补贴'.repeat(2)}`
    const { matterId, voteId } = await votingOn({ rollKind: 'representatives', unit: 'person', secret: false }, { options: [1, 2, 3, 4, 5, 6].map(scheme) })
    const printed = ok(await as(P.staff)('qrcodes', 'ballots', { matterId }))
    const entries = await stored(voteId)
    expect(printed).toMatchObject({ perPage: 1, entries: entries.length, pages: entries.length })
    const [ballot] = ballotTexts(printed.fileID, 1, 1)
    expect(ballot).toContain('居民代表会议表决票')
    expect(ballot).toContain('请从下列方案中选择一项')
    for (const label of ['方案6：', '都不同意', '弃权', '投票人签名：']) expect(ballot).toContain(label)
  })

  it('when a number printed on a ballot is typed in paper entry, then it finds that ballot’s voter, whose ballot is entered under that number', async () => {
    const { matterId, voteId } = await votingOn({ rollKind: 'residents', unit: 'person', secret: true })
    const text = pages(ok(await as(P.staff)('qrcodes', 'ballots', { matterId })).fileID)
    const no = numbers(text.join('\n'))[41]
    const found = ok(await as(P.staff)('council', 'roll', { voteId, q: String(Number(no)) })).items.filter((e) => e.ballotNo === no)
    expect(found).toHaveLength(1)
    const entry = (await stored(voteId)).find((e) => e.seq === 42)!
    expect(found[0]).toMatchObject({ key: entry.key, label: entry.label, voted: false })
    ok(await as(P.staff)('council', 'enterPaperVote', { voteId, voterKey: found[0].key, choice: 'for', paperNo: no }))
    expect(ok(await as(P.staff)('council', 'roll', { voteId, q: no })).items.find((e) => e.ballotNo === no)).toMatchObject({
      voted: true,
      channel: 'paper',
      paperNo: no,
    })
  })

  it('when staff print a range of numbers, or one lost ballot again, then exactly those ballots are printed, with the numbers they have in the whole set', async () => {
    const { matterId, voteId } = await votingOn({ rollKind: 'residents', unit: 'household', secret: false })
    const wholeFile = ok(await as(P.staff)('qrcodes', 'ballots', { matterId })).fileID
    const whole = (positions: number[]) => ballotTexts(wholeFile, 2, positions)
    const batch = ok(await as(P.staff)('qrcodes', 'ballots', { matterId, from: 11, to: 20 }))
    expect(batch).toMatchObject({ entries: 10, pages: 5, firstNo: '011', lastNo: '020' })
    expect(ballotTexts(batch.fileID, 2)).toEqual(whole([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]))
    const lost = ok(await as(P.staff)('qrcodes', 'ballots', { matterId, from: 42, to: 42 }))
    expect(ballotTexts(lost.fileID, 2)).toEqual(whole([42]))
    expect(numbers(ballotTexts(lost.fileID, 2)[0])).toEqual(['042'])
    const count = (await stored(voteId)).length
    expect(ok(await as(P.staff)('qrcodes', 'ballots', { matterId, from: count - 1 })).entries).toBe(2)
  })

  it('when a range lies outside the roll or runs backwards, then INPUT.INVALID says which numbers there are', async () => {
    const { matterId, voteId } = await votingOn({ rollKind: 'residents', unit: 'household', secret: false })
    const count = (await stored(voteId)).length
    const outside = await as(P.staff)('qrcodes', 'ballots', { matterId, from: count + 1 })
    expect(outside).toMatchObject({
      ok: false,
      error: { code: 'INPUT.INVALID', message: `名单上没有这些票号：本次表决的票号是 001 至 ${String(count).padStart(3, '0')}` },
    })
    const backwards = await as(P.staff)('qrcodes', 'ballots', { matterId, from: 20, to: 10 })
    expect(backwards).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID', issues: [{ path: 'to', message: '起始票号不能大于结束票号' }] } })
  })

  it('when the same ballots are printed twice, then they carry the same numbers for the same voters', async () => {
    const { matterId } = await votingOn({ rollKind: 'residents', unit: 'household', secret: false })
    const first = pages(ok(await as(P.staff)('qrcodes', 'ballots', { matterId })).fileID)
    const again = pages(ok(await as(P.staff)('qrcodes', 'ballots', { matterId })).fileID)
    expect(again).toEqual(first)
  })
})

describe('qrcodes.signInSheet', () => {
  it('when staff print the sign-in sheet of an owners’ roll, then its rows are the roll’s entries and its totals equal a recount of the roll', async () => {
    const { matterId, voteId } = await votingOn(
      { rollKind: 'owners', secret: false },
      { buildingIds: [demoIds.building(XINGFU, 3), demoIds.building(XINGFU, 6)], kind: 'art278_4' },
    )
    const sheet = ok(await as(P.secretary)('qrcodes', 'signInSheet', { matterId }))
    const entries = await stored(voteId)
    const area = entries.reduce((n, e) => n + e.area, 0)
    const text = pages(sheet.fileID)
    expect(sheet).toMatchObject({ voteId, entries: entries.length, pages: text.length, area: Math.round(area) / 100 })
    for (const page of text) {
      expect(page).toContain(`应到 ${entries.length} 位业主 · 专有部分面积合计 ${m2(area)} ㎡`)
      expect(page).toContain(`全表 ${entries.length} 位业主，面积合计 ${m2(area)} ㎡`)
    }
    // every entry once, by its number; the pages' own counts and areas add up to the totals
    expect(numberColumn(sheet.fileID)).toEqual(entries.map((e) => String(e.seq).padStart(3, '0')).sort())
    const perPage = text.map((p) => /本页 (\d+) 位业主，面积 ([\d.]+) ㎡/.exec(p)!)
    expect(perPage.reduce((n, x) => n + Number(x[1]), 0)).toBe(entries.length)
    expect(perPage.reduce((n, x) => n + Math.round(Number(x[2]) * 100), 0)).toBe(Math.round(area))
    expect(text.at(-1)).toContain('实到（签名）')
  })

  it('when the sign-in sheet of a residents’ roll runs over many pages, then every page says which of how many it is and every entry has its numbered row', async () => {
    const { matterId, voteId } = await votingOn({ rollKind: 'residents', unit: 'person', secret: true })
    const sheet = ok(await as(P.staff)('qrcodes', 'signInSheet', { matterId }))
    const roll = await wholeRoll(voteId)
    const text = pages(sheet.fileID)
    expect(text.length).toBeGreaterThan(5)
    text.forEach((page, i) => {
      expect(page).toContain(`第 ${i + 1} / ${text.length} 页`)
      expect(page).toContain(`应到 ${roll.length} 人`)
      expect(page).not.toContain('面积')
    })
    expect(numberColumn(sheet.fileID)).toEqual(roll.map((e) => e.ballotNo))
    // residents are masked as the app masks them to one another, their flat in full
    expect(text.join('\n')).toMatch(/1栋 1单元 301\s+王\*\*/)
    expect(text.join('\n')).not.toContain('王秀英')
  })

  it('when the party members’ meeting prints its sign-in sheet, then members are named in full on a sheet with no flat column', async () => {
    const m = await proposed()
    ok(await recordDeliberation(m.id))
    ok(await openVote(m.id, { rollKind: 'party_members', unit: 'person', secret: false }, P.secretary))
    const text = pages(ok(await as(P.secretary)('qrcodes', 'signInSheet', { matterId: m.id })).fileID).join('\n')
    expect(text).toContain('党员大会签到表')
    expect(text).toContain('王秀英')
    expect(text).toContain('赵红梅')
    expect(text).not.toContain('住址')
  })
})

describe('qrcodes: who may print a roll, and when', () => {
  it('when a resident, a grid member or street staff ask for a matter’s ballots or sign-in sheet, then AUTH.FORBIDDEN and nothing changes', async () => {
    const { matterId } = await votingOn({ rollKind: 'residents', unit: 'person' })
    const before = await snapshot()
    for (const who of [P.resident, P.gridMember, P.gridLeader, P.street]) {
      expect(errorCode(await as(who)('qrcodes', 'ballots', { matterId }))).toBe('AUTH.FORBIDDEN')
      expect(errorCode(await as(who)('qrcodes', 'signInSheet', { matterId }))).toBe('AUTH.FORBIDDEN')
    }
    expect(await snapshot()).toEqual(before)
  })

  it('when staff of another community ask for this matter’s papers, then AUTH.FORBIDDEN', async () => {
    const { matterId } = await votingOn({ rollKind: 'residents', unit: 'person' })
    expect(errorCode(await as(P.staffHeping)('qrcodes', 'ballots', { matterId }))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.staffHeping)('qrcodes', 'signInSheet', { matterId }))).toBe('AUTH.FORBIDDEN')
  })

  it('when the matter has no vote yet, then COUNCIL.NO_ROLL says there is no roll to print', async () => {
    const m = await atResolution()
    const answer = await as(P.staff)('qrcodes', 'ballots', { matterId: m.id })
    expect(answer).toEqual({ ok: false, error: { code: 'COUNCIL.NO_ROLL', message: '这个议题还没有发起表决，没有参加名单可以打印；请先发起表决' } })
    expect(errorCode(await as(P.staff)('qrcodes', 'signInSheet', { matterId: m.id }))).toBe('COUNCIL.NO_ROLL')
    expect(errorCode(await as(P.staff)('qrcodes', 'ballots', { matterId: 'no-such-matter' }))).toBe('COUNCIL.NOT_FOUND')
  })

  it('when the vote has closed, then no more ballots are printed for it', async () => {
    const { matterId, voteId } = await votingOn({ rollKind: 'residents', unit: 'person' })
    ok(await as(P.staff)('council', 'closeVote', { voteId }))
    expect(errorCode(await as(P.staff)('qrcodes', 'ballots', { matterId }))).toBe('COUNCIL.NO_ROLL')
    // a vote past its closing time that the timer has not closed yet
    const late = await votingOn({ rollKind: 'residents', unit: 'person' })
    world.clock(new Date(NOW.getTime() + 8 * 86_400_000))
    expect(errorCode(await as(P.staff)('qrcodes', 'signInSheet', { matterId: late.matterId }))).toBe('COUNCIL.VOTE_NOT_OPEN')
  })

  it('when a roll was drawn before entries were numbered, then COUNCIL.ROLL_UNNUMBERED rather than numbers paper entry would not know', async () => {
    await councilFixture()
    await collection('matters').doc('m-xingfu').update({ state: 'resolution', activeVoteId: 'v-xingfu' })
    expect(errorCode(await as(P.staff)('qrcodes', 'ballots', { matterId: 'm-xingfu' }))).toBe('COUNCIL.ROLL_UNNUMBERED')
  })

  it('when the input names no matter, a malformed one or an unknown field, then INPUT.INVALID says which in Chinese', async () => {
    const missing = await raw(P.staff, 'qrcodes', { action: 'ballots', data: {} })
    expect(missing).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID', issues: [{ path: 'matterId', message: '请指定议题' }] } })
    const malformed = await raw(P.staff, 'qrcodes', { action: 'signInSheet', data: { matterId: '../m 1' } })
    expect(malformed).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID', issues: [{ path: 'matterId', message: '编号格式不正确' }] } })
    const extra = await raw(P.staff, 'qrcodes', { action: 'ballots', data: { matterId: 'm1', perPage: 4 } })
    expect(errorCode(extra)).toBe('INPUT.INVALID')
  })
})
