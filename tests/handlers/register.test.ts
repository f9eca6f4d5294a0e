import { storage } from '../../cloudfunctions/_core/cloud'
import { collection, findAll } from '../../cloudfunctions/_core/repos/base'
import { demoIds } from '../../local/demo'
import type { MemberDoc, OwnerDoc, UserDoc } from '../../types'
import { P, XINGFU, as, errorCode, ok, snapshot, useWorld } from '../support/world'
import { MEMBER, adultsIn, atResolution, livedIn, openVote, paperVotes, proposed, recordDeliberation, wholeRoll } from './council.helpers'

useWorld()

const codeOf = (b: number, u: number, room: string) => demoIds.bindCode(demoIds.household(XINGFU, b, u, room))
const household = (b: number, u: number, room: string) => demoIds.household(XINGFU, b, u, room)
const userDoc = (openid: string) =>
  collection('users')
    .doc(openid)
    .get()
    .then((r) => (r.data as UserDoc[])[0])
const memberDoc = (id: string) =>
  collection('members')
    .doc(id)
    .get()
    .then((r) => (r.data as MemberDoc[])[0])

/** A person who opened the app once and saved a name, as the platform would know them. */
async function newcomer(openid: string, name = ''): Promise<string> {
  if (name) ok(await as(openid)('users', 'updateProfile', { name }))
  return openid
}

const REGISTER = [
  '楼栋,单元,房号,姓名,与户主关系,出生日期,电话,面积,产权人,产权人编号,产权状态',
  '9栋,1单元,101,张三,户主,1950-01-02,13900000011,90,张三,A1,已交付',
  '9栋,1单元,101,李四,配偶,1952,,,,,',
  '9栋,1单元,101,张小,子女,2015-06-01,,,,,',
  '9栋,1单元,102,,,,,80,张三,A1,',
  '9栋,1单元,201,王五,户主,1970-03-03,,70,王五,,',
  '9栋,2单元,201,赵六,户主,1980-08-08,,70,王五,,',
  '9栋,2单元,301,,,,,100,星光置业,,开发商未售',
  '9栋,2单元,302,孙七,户主,1990-09-09,,100,星光置业,,已售未交付',
].join('\r\n')

describe('the register: import', () => {
  test('when staff import members and owners, then each dwelling lists its people and its owner, and one buyer of two flats is one owner', async () => {
    const result = ok(await as(P.staff)('places', 'importCsv', { communityId: XINGFU, csv: REGISTER }))
    expect(result).toEqual({
      buildings: 1,
      units: 2,
      households: 6,
      members: 6,
      owners: 3,
      warnings: ['王五 名下 2 套房屋按同一业主计（未填产权人编号）；如是同名的不同业主，请填写产权人编号区分'],
    })
    const owners = await findAll<OwnerDoc>('owners', { communityId: XINGFU, name: '张三' })
    expect(owners).toHaveLength(1)
    const zhang = (await findAll<{ _id: string; room: string; ownerId: string }>('households', { ownerId: owners[0]._id })).map((h) => h.room).sort()
    expect(zhang).toEqual(['101', '102'])
    const dev = await findAll<OwnerDoc>('owners', { communityId: XINGFU, kind: 'developer' })
    expect(dev.map((o) => o.name)).toEqual(['幸福置业有限公司', '星光置业'])

    const page = ok(await as(P.staff)('places', 'households', { communityId: XINGFU, q: '张三' }))
    expect(page.items.map((h) => [h.label, h.members, h.adults, h.ownerName])).toEqual([['9栋 1单元 101', 3, 2, '张三']])
    const detail = ok(await as(P.staff)('places', 'household', { householdId: page.items[0].id }))
    expect(detail.people.map((p) => [p.name, p.relation, p.adult])).toEqual([
      ['张三', '户主', true],
      ['李四', '配偶', true],
      ['张小', '子女', false],
    ])
    expect(detail.owner).toMatchObject({ name: '张三', kind: 'person', ref: 'A1', units: ['9栋 1单元 101', '9栋 1单元 102'] })
  })

  test('when the owners of the imported building vote, then the roll counts each owner once with all their area and the developer once', async () => {
    ok(await as(P.staff)('places', 'importCsv', { communityId: XINGFU, csv: REGISTER }))
    const nine = (await findAll<{ _id: string }>('buildings', { communityId: XINGFU, name: '9栋' }))[0]._id
    const m = await atResolution({ buildingIds: [nine], kind: 'art278_5' })
    const v = ok(await openVote(m.id, { rollKind: 'owners' })).votes[0]
    // what the law counts: 张三 (2 flats) 1 + 王五 (2 flats) 1 + the developer (unsold + undelivered) 1 = 3 owners; 510 m²
    expect(v).toMatchObject({ rollCount: 3, rollArea: 510 })
    expect(v.basis[0]).toBe(
      '应参加：3 位业主（含开发商 1 位），专有部分 6 套，面积合计 510 ㎡，其中 0 人次可在小程序投票，其余以纸质票或到会表决，由工作人员录入。',
    )
    const roll = await wholeRoll(v.id)
    expect(roll.map((e) => [e.label, e.area])).toEqual([
      ['张三（9栋 1单元 101、9栋 1单元 102）', 170],
      ['王五（9栋 1单元 201、9栋 2单元 201）', 140],
      ['开发商 星光置业（未售及未交付：9栋 2单元 301、9栋 2单元 302）', 200],
    ])
  })

  test('when the residents of the imported building vote one person one vote, then adults are on the roll and children are not', async () => {
    ok(await as(P.staff)('places', 'importCsv', { communityId: XINGFU, csv: REGISTER }))
    const nine = (await findAll<{ _id: string }>('buildings', { communityId: XINGFU, name: '9栋' }))[0]._id
    const m = await atResolution()
    const person = ok(await openVote(m.id, { rollKind: 'residents', unit: 'person', buildingIds: [nine] })).votes[0]
    expect(person.rollCount).toBe(5)
    expect(person.basis[0]).toContain('未满18周岁的 1 人不列入')
  })

  test('when the register comes from Chinese Excel as a GBK file uploaded from the mini-program, then it is read as Chinese', async () => {
    const gbk = Buffer.from(
      'c2a5b6b02cb5a5d4aa2cb7bfbac52cd0d5c3fb2cd3ebbba7d6f7b9d8cfb52cb3f6c9fac8d5c6da2cc3e6bbfd2cb2fac8a8c8cb0d0a3130b6b02c31b5a5d4aa2c3130312cd5c5c8fdb7e12cbba7d6f72c313934382d30342d30392c38362e352cd5c5c8fdb7e10d0a',
      'hex',
    )
    const { fileID } = await storage.uploadFile({ cloudPath: 'uploads/dev-staff/imports/register.csv', fileContent: gbk })
    const result = ok(await as(P.staff)('places', 'importCsv', { communityId: XINGFU, fileID }))
    expect(result).toMatchObject({ households: 1, members: 1, owners: 1 })
    expect((await findAll<MemberDoc>('members', { name: '张三丰' }))[0]).toMatchObject({ relation: '户主', birth: '1948-04-09' })
  })

  test('when the uploaded file is not a text table, then IMPORT.FILE_UNREADABLE answers and nothing changes', async () => {
    const { fileID } = await storage.uploadFile({
      cloudPath: 'uploads/dev-staff/imports/register.xlsx',
      fileContent: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]),
    })
    const before = await snapshot()
    expect(errorCode(await as(P.staff)('places', 'importCsv', { communityId: XINGFU, fileID }))).toBe('IMPORT.FILE_UNREADABLE')
    expect(errorCode(await as(P.staff)('places', 'importCsv', { communityId: XINGFU, fileID: 'cloud://local.local-bucket/uploads/dev-staff/none.csv' }))).toBe(
      'IMPORT.FILE_UNREADABLE',
    )
    expect(errorCode(await as(P.staff)('places', 'importCsv', { communityId: XINGFU } as never))).toBe('INPUT.INVALID')
    expect(await snapshot()).toEqual(before)
  })
})

describe('the register: staff forms', () => {
  test('when staff add, correct and remove a member, then the household and its head follow', async () => {
    const h = household(2, 1, '101')
    const before = ok(await as(P.staff)('places', 'household', { householdId: h }))
    const added = ok(await as(P.staff)('places', 'saveMember', { householdId: h, name: '新成员', relation: '孙辈', birth: '2012-05-05' }))
    expect(added.people).toHaveLength(before.people.length + 1)
    const baby = added.people.find((p) => p.name === '新成员')!
    expect(baby.adult).toBe(false)
    const fixed = ok(await as(P.staff)('places', 'saveMember', { householdId: h, memberId: baby.id, name: '新成员', relation: '户主', birth: '1960' }))
    expect(fixed.people.find((p) => p.id === baby.id)).toMatchObject({ relation: '户主', adult: true })
    const removed = ok(await as(P.staff)('places', 'removeMember', { memberId: baby.id }))
    expect(removed.people.map((p) => p.id)).toEqual(before.people.map((p) => p.id))
    expect(errorCode(await as(P.staff)('places', 'saveMember', { householdId: h, memberId: MEMBER.resident, name: '改名', relation: '户主' }))).toBe(
      'HOUSEHOLD.MEMBER_NOT_FOUND',
    )
  })

  test('when staff give two flats the same owner number, then they are one owner identity; marking a flat unsold gives it to the developer', async () => {
    const a = household(5, 1, '101')
    const b = household(5, 1, '102')
    ok(await as(P.staff)('places', 'setOwner', { householdId: a, area: 88, ownership: 'owned', ownerName: '钱多多', ownerRef: 'Q-9' }))
    const second = ok(await as(P.staff)('places', 'setOwner', { householdId: b, area: 66, ownership: 'owned', ownerName: '钱多多', ownerRef: 'Q-9' }))
    expect(second.owner?.units).toEqual(['5栋 1单元 101', '5栋 1单元 102'])
    const dev = ok(await as(P.staff)('places', 'setOwner', { householdId: b, area: 66, ownership: 'unsold', ownerName: '幸福置业有限公司' }))
    expect(dev.owner).toMatchObject({ kind: 'developer', name: '幸福置业有限公司' })
    expect(errorCode(await as(P.staff)('places', 'setOwner', { householdId: a, area: 88, ownership: 'owned', ownerName: '' }))).toBe('INPUT.INVALID')
  })

  test('when staff of another community open a household, then AUTH.FORBIDDEN answers', async () => {
    expect(errorCode(await as('dev-staff-heping')('places', 'household', { householdId: household(1, 1, '301') }))).toBe('AUTH.FORBIDDEN')
  })
})

describe('the register: binding says which member one is', () => {
  test('when a newcomer opens a household code, then they see its members masked and bind as one of them without typing a name', async () => {
    const code = codeOf(2, 2, '301')
    const seen = ok(await as('wx-new-1')('users', 'householdByCode', { code }))
    expect(seen.label).toBe('2栋 2单元 301')
    expect(seen.members.every((m) => /^.\*+$/.test(m.name) && !m.taken)).toBe(true)
    const me = ok(await as('wx-new-1')('users', 'bindByCode', { code, memberId: seen.members[0].memberId }))
    const head = await memberDoc(seen.members[0].memberId)
    expect(me.name).toBe(head.name)
    expect(me.households.map((h) => h.householdId)).toEqual([household(2, 2, '301')])
    expect(head.openid).toBe('wx-new-1')
    expect((await userDoc('wx-new-1')).memberIds).toEqual([head._id])
  })

  test('when a second person picks a member someone already is, or one person picks a second member in the community, then it is refused', async () => {
    const code = codeOf(2, 2, '301')
    const [first] = ok(await as('wx-new-1')('users', 'householdByCode', { code })).members
    ok(await as('wx-new-1')('users', 'bindByCode', { code, memberId: first.memberId }))
    const before = await snapshot()
    expect(errorCode(await as('wx-new-2')('users', 'bindByCode', { code, memberId: first.memberId }))).toBe('HOUSEHOLD.MEMBER_TAKEN')
    const other = ok(await as('wx-new-1')('users', 'householdByCode', { code: codeOf(5, 2, '401') })).members[0]
    expect(errorCode(await as('wx-new-1')('users', 'bindByCode', { code: codeOf(5, 2, '401'), memberId: other.memberId }))).toBe('HOUSEHOLD.ALREADY_MEMBER')
    expect(errorCode(await as('wx-new-2')('users', 'bindByCode', { code, memberId: MEMBER.resident }))).toBe('HOUSEHOLD.MEMBER_NOT_FOUND')
    expect(await snapshot()).toEqual(before)
    expect(ok(await as('wx-new-3')('users', 'householdByCode', { code })).members[0].taken).toBe(true)
  })

  test('when 30 people claim the same member at once, then exactly one becomes that member', async () => {
    const code = codeOf(2, 2, '302')
    const [target] = ok(await as('wx-race-0')('users', 'householdByCode', { code })).members
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => as(`wx-race-${i}`)('users', 'bindByCode', { code, memberId: target.memberId })))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    const holders = (await findAll<UserDoc>('users', { memberIds: target.memberId })).map((u) => u._id)
    expect(holders).toEqual([(await memberDoc(target.memberId)).openid])
  })

  test('when someone not on the register binds by code, then they are bound to the household and staff add them as a member, who is then on the roll', async () => {
    const code = codeOf(2, 2, '301')
    await newcomer('wx-lodger', '周新来')
    ok(await as('wx-lodger')('users', 'bindByCode', { code, memberId: null }))
    const requests = ok(await as(P.staff)('users', 'listBindingRequests', { communityId: XINGFU }))
    const r = requests.items.find((x) => x.name === '周新来')!
    expect(r).toMatchObject({ claim: 'member', bound: true, label: '2栋 2单元 301' })
    // a code-bound request must say which member: approving blind is refused
    expect(errorCode(await as(P.staff)('users', 'decideBinding', { requestId: r.requestId, approve: true }))).toBe('INPUT.INVALID')
    ok(await as(P.staff)('users', 'decideBinding', { requestId: r.requestId, approve: true, newMember: { relation: '其他', birth: '1990-01-01' } }))
    const detail = ok(await as(P.staff)('places', 'household', { householdId: household(2, 2, '301') }))
    expect(detail.people.find((p) => p.name === '周新来')).toMatchObject({ relation: '其他', adult: true, boundTo: '周新来' })
    const m = await atResolution()
    const v = ok(await openVote(m.id, { rollKind: 'residents', unit: 'person' })).votes[0]
    expect(v.rollCount).toBe((await adultsIn()).length)
    expect(ok(await as('wx-lodger')('council', 'vote', { voteId: v.id, choice: 'for' })).me.voted).toBe(true)
  })

  test('when a resident asks to bind as a member and staff match them to the register, then they vote as that member', async () => {
    await newcomer('wx-match', '刘待核')
    ok(await as('wx-match')('users', 'requestBinding', { householdId: household(2, 1, '201') }))
    const r = ok(await as(P.staff)('users', 'listBindingRequests', { communityId: XINGFU })).items.find((x) => x.name === '刘待核')!
    const detail = ok(await as(P.staff)('places', 'household', { householdId: household(2, 1, '201') }))
    ok(await as(P.staff)('users', 'decideBinding', { requestId: r.requestId, approve: true, memberId: detail.people[0].id }))
    expect((await userDoc('wx-match')).memberIds).toEqual([detail.people[0].id])
  })
})

describe('the register: rolls where most people have no app', () => {
  test('when a residents’ vote opens per person, then the roll is every adult on the register and turnout is counted against it', async () => {
    const m = await atResolution()
    const v = ok(await openVote(m.id, { rollKind: 'residents', unit: 'person' })).votes[0]
    const adults = await adultsIn()
    const members = await findAll<MemberDoc>('members', { communityId: XINGFU }, [], 100_000)
    expect(await findAll('households', { communityId: XINGFU })).toHaveLength(144)
    expect(v.rollCount).toBe(adults.length)
    expect(adults.length).toBeGreaterThan(200)
    // only 王秀英 and 李建国 use the app: everyone else votes on paper
    expect(adults.filter((a) => a.openid)).toHaveLength(2)
    expect(v.basis[0]).toBe(
      `应参加：住户名册上年满18周岁的居民 ${adults.length} 人（未满18周岁的 ${members.length - adults.length} 人不列入），其中 2 人次可在小程序投票，其余以纸质票或到会表决，由工作人员录入。`,
    )
    // a member without the app is entered on paper from the same roll
    const noApp = adults.find((a) => !a.openid)!
    ok(await as(P.staff)('council', 'enterPaperVote', { voteId: v.id, voterKey: noApp._id, choice: 'for', paperNo: 'P-001' }))
    const staffView = ok(await as(P.staff)('council', 'get', { matterId: m.id })).votes[0]
    expect(staffView.turnout).toBe(1)
    expect((await wholeRoll(v.id)).find((e) => e.key === noApp._id)).toMatchObject({ voted: true })
    // the same person, binding later and trying online, has voted already
    const h = (await memberDoc(noApp._id)).householdId
    const code = demoIds.bindCode(h)
    ok(await as('wx-late')('users', 'bindByCode', { code, memberId: noApp._id }))
    expect(errorCode(await as('wx-late')('council', 'vote', { voteId: v.id, choice: 'against' }))).toBe('COUNCIL.ALREADY_VOTED')
  })

  test('when a residents’ vote opens per household, then every household with someone registered is on the roll, and the vacant ones are not', async () => {
    const m = await atResolution()
    const v = ok(await openVote(m.id, { rollKind: 'residents', unit: 'household' })).votes[0]
    const lived = await livedIn()
    expect(v.rollCount).toBe(lived.length)
    expect(lived.length).toBeLessThan(144)
    expect(v.unitNoun).toBe('户')
  })

  test('when representatives or party members vote, then the roll is the people holding the role', async () => {
    const m = await atResolution()
    expect(ok(await openVote(m.id, { rollKind: 'representatives' })).votes[0].rollCount).toBe(1)
    const review = await proposed()
    ok(await recordDeliberation(review.id))
    expect(ok(await openVote(review.id, { rollKind: 'party_members' }, P.secretary)).votes[0].rollCount).toBe(2)
  })

  test('when exactly half of the roll takes part in a residents’ meeting, then it is not valid; one more and it passes', async () => {
    const b2 = demoIds.building(XINGFU, 2)
    // make the building's roll even, so that "exactly half" exists
    if ((await adultsIn([b2])).length % 2)
      ok(await as(P.staff)('places', 'saveMember', { householdId: household(2, 1, '101'), name: '补登成员', relation: '其他', birth: '1980' }))
    const half = ok(await openVote((await atResolution()).id, { rollKind: 'residents', unit: 'person', buildingIds: [b2] })).votes[0]
    expect(half.rollCount).toBe((await adultsIn([b2])).length)
    expect(half.rollCount % 2).toBe(0)
    await paperVotes(half.id, half.rollCount / 2)
    const closedHalf = ok(await as(P.staff)('council', 'closeVote', { voteId: half.id }))
    expect(closedHalf.state).toBe('rejected')
    expect(closedHalf.votes[0].result?.figures[0]).toMatchObject({ key: 'turnout', value: half.rollCount / 2, of: half.rollCount, met: false })

    const more = ok(await openVote((await atResolution()).id, { rollKind: 'residents', unit: 'person', buildingIds: [b2] })).votes[0]
    await paperVotes(more.id, more.rollCount / 2 + 1)
    const closedMore = ok(await as(P.staff)('council', 'closeVote', { voteId: more.id }))
    expect(closedMore.votes[0].result?.figures[0]).toMatchObject({ value: more.rollCount / 2 + 1, met: true })
    expect(closedMore.state).toBe('publicity')
  })

  test('when an owner of three flats binds as owner and votes online, then one ballot carries the three areas and a second is refused', async () => {
    await newcomer('wx-lsf', '李淑芬')
    ok(await as('wx-lsf')('users', 'requestBinding', { householdId: household(3, 2, '102'), claim: 'owner' }))
    const r = ok(await as(P.staff)('users', 'listBindingRequests', { communityId: XINGFU })).items.find((x) => x.name === '李淑芬')!
    expect(r.claim).toBe('owner')
    ok(await as(P.staff)('users', 'decideBinding', { requestId: r.requestId, approve: true }))
    const m = await atResolution({ buildingIds: [demoIds.building(XINGFU, 3)], kind: 'art278_5' })
    const v = ok(await openVote(m.id, { rollKind: 'owners' })).votes[0]
    const areas = (
      await Promise.all(
        ['101', '102', '201'].map((room) =>
          collection('households')
            .doc(household(3, 2, room))
            .get(),
        ),
      )
    ).map((x) => (x.data as { area: number }[])[0].area)
    const cast = ok(await as('wx-lsf')('council', 'vote', { voteId: v.id, choice: 'for' }))
    expect(cast.me.voted).toBe(true)
    const ballots = await findAll<{ area: number }>('ballots', { voteId: v.id })
    expect(ballots.map((b) => b.area)).toEqual([Math.round(areas.reduce((n, a) => n + a, 0) * 100)])
    expect(errorCode(await as('wx-lsf')('council', 'vote', { voteId: v.id, choice: 'against' }))).toBe('COUNCIL.ALREADY_VOTED')
    const entry = (await wholeRoll(v.id)).find((e) => e.label.startsWith('李淑芬'))!
    expect(entry.label).toBe('李淑芬（3栋 2单元 101、3栋 2单元 102、3栋 2单元 201）')
    expect(errorCode(await as(P.staff)('council', 'enterPaperVote', { voteId: v.id, voterKey: entry.key, choice: 'for', paperNo: 'X1' }))).toBe(
      'COUNCIL.ALREADY_VOTED',
    )
  })
})
