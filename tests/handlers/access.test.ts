import { demoIds } from '../../local/demo'
import { contracts, type FunctionName } from '../../types'
import { P, XINGFU, errorCode, raw, snapshot, upload, useWorld } from '../support/world'

useWorld()

const sample = (key: string, caller: string) => {
  const s = SAMPLES[key]
  return typeof s === 'function' ? s(caller) : s
}

/**
 * One valid input per role-restricted action, aimed at 幸福社区. Each is tried by a resident of 幸福社区 (wrong
 * role) and by staff of 和平社区 (another community): both must be refused and change nothing. A new action
 * without a sample here fails the completeness test below.
 */
const SAMPLES: Record<string, unknown | ((caller: string) => unknown)> = {
  'users.createInvite': { communityId: XINGFU, role: 'grid_member' },
  'users.listInvites': { communityId: XINGFU },
  'users.listBindingRequests': { communityId: XINGFU },
  'users.decideBinding': { requestId: 'br-xingfu', approve: true },
  'users.listMembers': { communityId: XINGFU },
  'users.deletions': { communityId: XINGFU },
  'users.revokeRole': { communityId: XINGFU, openid: P.gridMember, role: 'grid_member' },
  'users.consoleLoginRequest': { requestId: 'f'.repeat(32), env: 'local-dev' },
  'users.approveConsoleLogin': { requestId: 'f'.repeat(32), env: 'local-dev', approve: true },
  'places.createCommunity': { streetId: 'st-chunhui', name: '新社区' },
  'places.renameCommunity': { communityId: XINGFU, name: '幸福里社区' },
  'places.tree': { communityId: XINGFU },
  'places.createGrid': { communityId: XINGFU, name: '新网格' },
  'places.renameGrid': { gridId: demoIds.grid(XINGFU, 0), name: '改名' },
  'places.setGridMembers': { gridId: demoIds.grid(XINGFU, 0), leaderOpenid: null, memberOpenids: [] },
  'places.createBuilding': { communityId: XINGFU, name: '99栋', units: 1 },
  'places.updateBuilding': { buildingId: demoIds.building(XINGFU, 1), name: '一号楼' },
  'places.addUnit': { buildingId: demoIds.building(XINGFU, 1), name: '9单元' },
  'places.importCsv': { communityId: XINGFU, csv: '楼栋,单元,房号,户主\n50栋,1单元,101,某某' },
  'places.households': { communityId: XINGFU },
  'places.revokeBindCode': { householdId: demoIds.household(XINGFU, 1, 1, '301') },
  'places.settings': { communityId: XINGFU },
  'places.updateSettings': { communityId: XINGFU, photoRetentionDays: 365 },
  'places.household': { householdId: demoIds.household(XINGFU, 1, 1, '301') },
  'places.saveMember': { householdId: demoIds.household(XINGFU, 1, 1, '301'), name: '王小明', relation: '孙辈', birth: '2012' },
  'places.removeMember': { memberId: `${demoIds.household(XINGFU, 1, 1, '301')}-m2` },
  'places.setOwner': { householdId: demoIds.household(XINGFU, 1, 1, '301'), area: 80, ownership: 'owned', ownerName: '王秀英' },
  'qrcodes.sheet': { communityId: XINGFU },
  'qrcodes.bindNotices': { communityId: XINGFU, householdIds: [demoIds.household(XINGFU, 1, 1, '301')] },
  'qrcodes.miniCode': { unitId: demoIds.unit(XINGFU, 1, 1) },
  'qrcodes.ballots': { matterId: 'm-xingfu' },
  'qrcodes.signInSheet': { matterId: 'm-xingfu' },
  'sheets.registerTemplate': { communityId: XINGFU },
  'sheets.importRegister': (caller: string) => ({ communityId: XINGFU, fileID: upload(caller, 'register.xlsx') }),
  'sheets.exportTickets': { communityId: XINGFU, state: 'assigned' },
  'sheets.exportDashboard': { communityId: XINGFU },
  'sheets.exportVolunteers': { communityId: XINGFU, year: 2026 },
  'sheets.exportVote': { voteId: 'v-xingfu' },
  'tickets.inbox': { communityId: XINGFU },
  'tickets.accept': { ticketId: 't-xingfu' },
  'tickets.progress': { ticketId: 't-xingfu', note: '已联系物业' },
  'tickets.resolve': (caller: string) => ({ ticketId: 't-xingfu', note: '已处理', photos: [upload(caller, 'after.png')] }),
  'tickets.escalate': { ticketId: 't-xingfu', to: 'street', reason: '需要街道协调' },
  'tickets.transfer': { ticketId: 't-xingfu', toOpenid: P.gridMember },
  'tickets.gridMembers': { ticketId: 't-xingfu' },
  'tickets.templates': { communityId: XINGFU },
  'tickets.saveTemplate': { communityId: XINGFU, category: 'sanitation', text: '您好，已收到' },
  'tickets.list': { communityId: XINGFU },
  'tickets.reassign': { ticketId: 't-xingfu', toOpenid: P.gridMember },
  'tickets.merge': { ticketId: 't-xingfu', intoTicketId: 't-xingfu-2' },
  'tickets.fileOnBehalf': {
    requestId: 'req-access-1',
    placeCode: demoIds.unitCode(XINGFU, 1, 1),
    category: 'sanitation',
    text: '电话反映楼道脏',
    channel: 'phone',
    residentName: '王秀英',
  },
  'tickets.dashboard': { communityId: XINGFU },
  'tickets.export': { communityId: XINGFU },
  'tickets.callbackQueue': { communityId: XINGFU },
  'tickets.callbackTake': { ticketId: 't-xingfu' },
  'tickets.callbackDial': { ticketId: 't-xingfu' },
  'tickets.callbackRecord': { ticketId: 't-xingfu', reached: false },
  'council.list': { communityId: XINGFU },
  'council.get': { matterId: 'm-xingfu' },
  'council.suggestions': { communityId: XINGFU },
  'council.propose': { communityId: XINGFU, requestId: 'req-access-council', title: '加装电梯', background: '老楼无电梯' },
  'council.recordStage': {
    matterId: 'm-xingfu',
    stage: 'deliberation',
    date: '2026-11-22',
    minutes: '同意',
    attendance: { present: 5, expected: 7 },
    outcome: 'agreed',
  },
  'council.withdraw': { matterId: 'm-xingfu', reason: '条件不成熟' },
  'council.openVote': {
    matterId: 'm-xingfu',
    rollKind: 'residents',
    unit: 'person',
    opensAt: '2026-11-22T09:00:00+08:00',
    closesAt: '2026-11-29T09:00:00+08:00',
  },
  'council.vote': { voteId: 'v-xingfu', choice: 'for' },
  'council.enterPaperVote': { voteId: 'v-xingfu', voterKey: P.resident, choice: 'for', paperNo: '001' },
  'council.roll': { voteId: 'v-xingfu' },
  'council.closeVote': { voteId: 'v-xingfu' },
  'council.publish': { matterId: 'm-xingfu', text: '公示' },
  'council.object': { matterId: 'm-xingfu', requestId: 'req-access-object', text: '有异议' },
  'council.answerObjection': { objectionId: 'o-xingfu', text: '答复' },
  'council.publishResult': { matterId: 'm-xingfu', text: '已完成' },
  'volunteers.publish': {
    communityId: XINGFU,
    requestId: 'req-access-volunteer',
    title: '清扫',
    place: '广场',
    startAt: '2026-11-24T09:00:00+08:00',
    endAt: '2026-11-24T11:00:00+08:00',
    deadline: '2026-11-23T09:00:00+08:00',
    capacity: 5,
    organiser: '幸福社区',
  },
  'volunteers.list': { communityId: XINGFU },
  'volunteers.get': { activityId: 'va-xingfu' },
  'volunteers.signup': { activityId: 'va-xingfu' },
  'volunteers.cancel': { activityId: 'va-xingfu' },
  'volunteers.checkinCode': { activityId: 'va-xingfu' },
  'volunteers.checkin': { activityId: 'va-xingfu', code: '123456' },
  'volunteers.checkout': { activityId: 'va-xingfu', code: '123456' },
  'volunteers.adjustHours': { activityId: 'va-xingfu', openid: P.resident, hours: 2, reason: '补录' },
  'volunteers.record': { communityId: XINGFU },
  'volunteers.export': { communityId: XINGFU, year: 2026 },
  'volunteers.registerPartyMember': { communityId: XINGFU, workplace: '春晖小学', branchName: '春晖小学党支部' },
  'volunteers.partyMembers': { communityId: XINGFU },
  'volunteers.addRecordNote': {
    communityId: XINGFU,
    openid: P.resident2,
    requestId: 'req-access-note',
    kind: 'commendation',
    date: '2026-06-30',
    title: '优秀志愿者',
    organisation: '春晖街道',
  },
  'volunteers.removeRecordNote': { noteId: 'vn-xingfu' },
  'volunteers.recordNotes': { communityId: XINGFU },
  'volunteers.requestCertificate': { communityId: XINGFU, requestId: 'req-access-certificate', from: '2026-01-01', to: '2026-11-22' },
  'volunteers.certificates': { communityId: XINGFU },
  'volunteers.declineCertificate': { certificateId: 'vc-xingfu', reason: '时间段有误' },
  'volunteers.revokeCertificate': { certificateId: 'vc-xingfu-issued', reason: 'error' },
  'volunteers.certificateFile': { certificateId: 'vc-xingfu-issued' },
  'qrcodes.issueCertificate': { certificateId: 'vc-xingfu', organisation: '幸福社区居民委员会', contact: '028-87654321' },
  'notices.list': { communityId: XINGFU },
  'notices.get': { noticeId: 'n-xingfu' },
  'notices.publish': { communityId: XINGFU, requestId: 'req-access-notice', kind: 'general', title: '通知', body: '正文', audience: { scope: 'community' } },
  'notices.withdraw': { noticeId: 'n-xingfu' },
  'moderation.list': { communityId: XINGFU },
  'moderation.decide': { itemId: 'mod-xingfu', publish: true },
  'wishes.post': { communityId: XINGFU, requestId: 'req-access-wish', title: '换灯泡', wantedAt: '2026-11-23T10:00:00+08:00' },
  'wishes.postFor': {
    communityId: XINGFU,
    requestId: 'req-access-wish-for',
    memberId: `${demoIds.household(XINGFU, 1, 1, '301')}-m1`,
    title: '换灯泡',
    wantedAt: '2026-11-23T10:00:00+08:00',
  },
  'wishes.review': { wishId: 'w-xingfu', approve: false, reason: '不属于微心愿' },
  'wishes.nearby': { communityId: XINGFU },
  'wishes.mine': { communityId: XINGFU },
  'wishes.queue': { communityId: XINGFU },
  'wishes.get': { wishId: 'w-xingfu' },
  'wishes.claim': { wishId: 'w-xingfu' },
  'wishes.withdraw': { wishId: 'w-xingfu' },
  'wishes.complete': (caller: string) => ({ wishId: 'w-xingfu', note: '已换好', photos: [upload(caller, 'done.png')], hours: 1 }),
  'wishes.confirm': { wishId: 'w-xingfu' },
  'wishes.cancel': { wishId: 'w-xingfu', reason: '重复发布' },
  'wishes.contact': { wishId: 'w-xingfu' },
  'wishes.settings': { communityId: XINGFU },
  'wishes.updateSettings': { communityId: XINGFU, claimDays: 5 },
}

const restricted = Object.entries(contracts).flatMap(([fn, c]) =>
  Object.entries(c.actions)
    .filter(([, def]) => Array.isArray(def.access))
    .map(([action, def]) => ({ fn: fn as FunctionName, action, access: def.access as readonly string[] })),
)

describe('every role-restricted action', () => {
  it('when the contract grows, then this matrix has a sample for each restricted action', () => {
    expect(restricted.map((r) => `${r.fn}.${r.action}`).sort()).toEqual(Object.keys(SAMPLES).sort())
  })

  // A pending binding request of 幸福社区, so decideBinding has a real target.
  const withRequest = async () => {
    const { collection } = await import('../../cloudfunctions/_core/repos/base')
    await collection('bindingRequests').add({
      _id: 'br-xingfu',
      openid: P.newcomer,
      name: '钱多多',
      communityId: XINGFU,
      streetId: 'st-chunhui',
      householdId: demoIds.household(XINGFU, 1, 1, '101'),
      status: 'pending',
      reason: null,
      createdAt: new Date().toISOString(),
      decidedAt: null,
      decidedBy: null,
    })
    // two tickets of 幸福社区; the first already escalated to the street, so street staff may act on it
    const { openTicket } = await import('../../cloudfunctions/_core/domain/ticket')
    const { DEFAULT_TICKET_CATEGORIES } = await import('../../types')
    const draft = (id: string) => ({
      _id: id,
      communityId: XINGFU,
      streetId: 'st-chunhui',
      gridId: demoIds.grid(XINGFU, 0),
      buildingId: demoIds.building(XINGFU, 1),
      unitId: demoIds.unit(XINGFU, 1, 1),
      placeCode: demoIds.unitCode(XINGFU, 1, 1),
      placeLabel: '1栋 1单元',
      category: DEFAULT_TICKET_CATEGORIES[0],
      text: '楼道堆物',
      photos: [],
      reporterOpenid: P.resident,
      reporterName: '王秀英',
      reporterPhone: null,
      reporterHouseholdId: null,
      anonymous: false,
      filedBy: null,
    })
    const at = new Date('2026-11-22T08:00:00+08:00')
    await collection('tickets').add({ ...openTicket(draft('t-xingfu'), 'resident', at), level: 'street', maxLevel: 'street' })
    await collection('tickets').add(openTicket(draft('t-xingfu-2'), 'resident', at))
    // a matter of 幸福社区 with an open vote and an objection, so every council action has a real target
    const { councilFixture } = await import('./council.helpers')
    await councilFixture()
    // an activity of 幸福社区 (id va-xingfu), so every volunteers action has a real target
    const { volunteerFixture } = await import('./volunteers.helpers')
    await volunteerFixture()
    // a waiting request, an issued certificate and a training note of 幸福社区, so every certificate action has a real target
    const { certificateFixture } = await import('./certificates.helpers')
    await certificateFixture()
    // a notice of 幸福社区 to the whole community (id n-xingfu)
    await collection('notices').add({
      _id: 'n-xingfu',
      communityId: XINGFU,
      streetId: 'st-chunhui',
      kind: 'general',
      title: '通知',
      body: '正文',
      images: [],
      files: [],
      audience: { scope: 'community', gridIds: [], buildingIds: [] },
      reach: [`community:${XINGFU}`],
      pinned: false,
      expiresAt: null,
      publishedBy: P.staff,
      publishedByName: '陈静',
      publishedAt: new Date().toISOString(),
      withdrawnAt: null,
    })
    // a pending moderation item of 幸福社区 (the notice above, held for review), so moderation.decide has a real target
    await collection('moderation').add({
      _id: 'mod-xingfu',
      communityId: XINGFU,
      kind: 'notice',
      refId: 'n-xingfu',
      text: '通知\n正文',
      images: [],
      byOpenid: P.staff,
      status: 'pending',
      reason: null,
      decidedBy: null,
      decidedAt: null,
      label: 21000,
      awaitingTraceIds: [],
      judged: true,
      createdAt: new Date().toISOString(),
    })
    // an open wish of 幸福社区 (id w-xingfu), so every wishes action has a real target
    const { wishFixture } = await import('./wishes.helpers')
    await wishFixture()
  }

  it.each(restricted.filter((r) => !r.access.includes('resident')))(
    'when a resident calls $fn.$action, then AUTH.FORBIDDEN answers and nothing changes',
    async ({ fn, action }) => {
      await withRequest()
      const before = await snapshot()
      expect(errorCode(await raw(P.resident, fn, { action, data: sample(`${fn}.${action}`, P.resident) }))).toBe('AUTH.FORBIDDEN')
      expect(await snapshot()).toEqual(before)
    },
  )

  // Confirming a computer's sign-in names no community: it opens the console to the approver's own communities, so
  // staff of any community may confirm (tests/handlers/console.test.ts maps the session to their own roles only).
  const NOT_COMMUNITY_SCOPED = new Set(['users.consoleLoginRequest', 'users.approveConsoleLogin'])
  it.each(restricted.filter((r) => !NOT_COMMUNITY_SCOPED.has(`${r.fn}.${r.action}`)))(
    'when staff of another community call $fn.$action on 幸福社区, then AUTH.FORBIDDEN answers and nothing changes',
    async ({ fn, action }) => {
      await withRequest()
      const before = await snapshot()
      expect(errorCode(await raw(P.staffHeping, fn, { action, data: sample(`${fn}.${action}`, P.staffHeping) }))).toBe('AUTH.FORBIDDEN')
      expect(await snapshot()).toEqual(before)
    },
  )

  it.each(restricted)('when a caller without any record calls $fn.$action, then AUTH.FORBIDDEN answers', async ({ fn, action }) => {
    expect(errorCode(await raw('wx-nobody', fn, { action, data: sample(`${fn}.${action}`, 'wx-nobody') }))).toBe('AUTH.FORBIDDEN')
  })

  it.each(restricted.filter((r) => r.access.includes('street_staff')))(
    'when street staff call $fn.$action on a community of their street, then it is not refused',
    async ({ fn, action }) => {
      await withRequest()
      expect(errorCode(await raw(P.street, fn, { action, data: sample(`${fn}.${action}`, P.street) }))).not.toBe('AUTH.FORBIDDEN')
    },
  )
})
