import { collection, findAll } from '../../cloudfunctions/_core/repos/base'
import { demoIds } from '../../local/demo'
import { HEPING, NOW, P, XINGFU, as, errorCode, ok, raw, snapshot, useWorld } from '../support/world'

const world = useWorld()

describe('users.me', () => {
  it('when a seeded resident asks who they are, then they see their role, community and home, with the phone masked', async () => {
    const me = ok(await as(P.resident)('users', 'me', {}))
    expect(me.registered).toBe(true)
    expect(me.name).toBe('王秀英')
    expect(me.phone).toBe('138****0001')
    expect(me.roles).toEqual([
      expect.objectContaining({ role: 'resident', communityId: XINGFU, communityName: '幸福社区', streetName: '春晖街道' }),
      expect.objectContaining({ role: 'party_member', communityId: XINGFU }),
    ])
    expect(me.households).toEqual([expect.objectContaining({ communityName: '幸福社区', buildingName: '1栋', unitName: '1单元', room: '301' })])
  })

  it('when someone WeChat knows but the app does not asks, then they are told they are not registered and nothing is written', async () => {
    const before = await snapshot()
    const me = ok(await as('wx-stranger')('users', 'me', {}))
    expect(me).toMatchObject({ openid: 'wx-stranger', registered: false, roles: [], households: [] })
    expect(await snapshot()).toEqual(before)
  })

  it('when the platform attaches no OPENID, then the call is refused as not signed in', async () => {
    expect(errorCode(await as(null)('users', 'me', {}))).toBe('AUTH.NOT_SIGNED_IN')
  })

  it('when the event names an action the function does not have, then FN.UNKNOWN_ACTION answers', async () => {
    expect(errorCode(await raw(P.resident, 'users', { action: 'dropDatabase' }))).toBe('FN.UNKNOWN_ACTION')
    expect(errorCode(await raw(P.resident, 'users', { action: 'toString' }))).toBe('FN.UNKNOWN_ACTION')
  })

  it('when the input claims another identity, then it is rejected as invalid input and the platform identity stands', async () => {
    const answer = await raw(P.resident, 'users', { action: 'me', data: { openid: P.staff } })
    expect(errorCode(answer)).toBe('INPUT.INVALID')
  })
})

describe('users.updateProfile', () => {
  it('when a newcomer saves a name and phone, then a user record is created keyed by their OPENID', async () => {
    const me = ok(await as(P.newcomer)('users', 'updateProfile', { name: '钱多多', phone: '13912345678' }))
    expect(me).toMatchObject({ openid: P.newcomer, registered: true, name: '钱多多', phone: '139****5678' })
  })

  it('when the phone is not 11 digits, then INPUT.INVALID names the field in Chinese and nothing is written', async () => {
    const before = await snapshot()
    const answer = await as(P.newcomer)('users', 'updateProfile', { name: '钱多多', phone: '12345' })
    expect(answer.ok).toBe(false)
    if (!answer.ok) {
      expect(answer.error.code).toBe('INPUT.INVALID')
      expect(answer.error.issues).toEqual([{ path: 'phone', message: '请填写11位手机号' }])
    }
    expect(await snapshot()).toEqual(before)
  })
})

describe('invites', () => {
  it('when staff invite a grid member to a grid and a newcomer redeems the code, then the newcomer holds the role and serves that grid', async () => {
    const invite = ok(await as(P.staff)('users', 'createInvite', { communityId: XINGFU, role: 'grid_member', gridId: demoIds.grid(XINGFU, 1) }))
    expect(invite.code).toMatch(/^[A-Z0-9]{8}$/)
    expect(invite.expiresAt).toBe(new Date(NOW.getTime() + 72 * 3600_000).toISOString())
    const me = ok(await as(P.newcomer)('users', 'redeemInvite', { code: invite.code.toLowerCase() }))
    expect(me.roles).toEqual([expect.objectContaining({ role: 'grid_member', communityId: XINGFU })])
    const tree = ok(await as(P.staff)('places', 'tree', { communityId: XINGFU }))
    expect(tree.grids.find((g) => g.id === demoIds.grid(XINGFU, 1))?.memberOpenids).toContain(P.newcomer)
  })

  it('when a used code is redeemed again, then INVITE.USED answers and the second person gains nothing', async () => {
    const { code } = ok(await as(P.staff)('users', 'createInvite', { communityId: XINGFU, role: 'community_staff' }))
    ok(await as(P.newcomer)('users', 'redeemInvite', { code }))
    const before = await snapshot()
    expect(errorCode(await as('wx-second')('users', 'redeemInvite', { code }))).toBe('INVITE.USED')
    expect(await snapshot()).toEqual(before)
  })

  it('when two people redeem one code at the same moment, then exactly one of them gets the role', async () => {
    const { code } = ok(await as(P.staff)('users', 'createInvite', { communityId: XINGFU, role: 'grid_leader' }))
    const answers = await Promise.all(['wx-a', 'wx-b', 'wx-c', 'wx-d'].map((o) => as(o)('users', 'redeemInvite', { code })))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(
      answers
        .filter((a) => !a.ok)
        .map(errorCode)
        .every((c) => c === 'INVITE.USED' || c === 'CONFLICT'),
    ).toBe(true)
    const leaders = ok(await as(P.staff)('users', 'listMembers', { communityId: XINGFU, role: 'grid_leader' }))
    expect(leaders.filter((m) => m.openid.startsWith('wx-'))).toHaveLength(1)
  })

  it('when a code is redeemed after it expired, then INVITE.EXPIRED answers', async () => {
    const { code } = ok(await as(P.staff)('users', 'createInvite', { communityId: XINGFU, role: 'grid_member', validHours: 1 }))
    world.clock(new Date(NOW.getTime() + 2 * 3600_000))
    expect(errorCode(await as(P.newcomer)('users', 'redeemInvite', { code }))).toBe('INVITE.EXPIRED')
  })

  it('when a code that was never issued is redeemed, then INVITE.NOT_FOUND answers', async () => {
    expect(errorCode(await as(P.newcomer)('users', 'redeemInvite', { code: 'ZZZZ2222' }))).toBe('INVITE.NOT_FOUND')
  })

  it('when community staff try to make a branch secretary, then INVITE.ROLE_NOT_ALLOWED answers; the secretary may', async () => {
    expect(errorCode(await as(P.staff)('users', 'createInvite', { communityId: XINGFU, role: 'branch_secretary' }))).toBe('INVITE.ROLE_NOT_ALLOWED')
    ok(await as(P.secretary)('users', 'createInvite', { communityId: XINGFU, role: 'branch_secretary' }))
  })

  it('when staff name a grid of another community, then PLACE.GRID_MISMATCH answers', async () => {
    expect(errorCode(await as(P.staff)('users', 'createInvite', { communityId: XINGFU, role: 'grid_member', gridId: demoIds.grid(HEPING, 0) }))).toBe(
      'PLACE.GRID_MISMATCH',
    )
  })

  it('when staff list invites, then each shows whether and by whom it was used, newest first', async () => {
    const first = ok(await as(P.staff)('users', 'createInvite', { communityId: XINGFU, role: 'grid_member' }))
    world.clock(new Date(NOW.getTime() + 60_000))
    ok(await as(P.staff)('users', 'createInvite', { communityId: XINGFU, role: 'grid_leader' }))
    ok(await as(P.staff)('users', 'updateProfile', { name: '陈静' }))
    ok(await as(P.newcomer)('users', 'updateProfile', { name: '钱多多' }))
    ok(await as(P.newcomer)('users', 'redeemInvite', { code: first.code }))
    const page = ok(await as(P.staff)('users', 'listInvites', { communityId: XINGFU }))
    expect(page.total).toBe(2)
    expect(page.items.map((i) => i.role)).toEqual(['grid_leader', 'grid_member'])
    expect(page.items[1]).toMatchObject({ used: true, usedByName: '钱多多' })
  })
})

describe('household binding', () => {
  const household = demoIds.household(XINGFU, 2, 1, '402')

  it('when a resident asks to bind a household and staff approve, then the resident holds the household and the resident role', async () => {
    ok(await as(P.newcomer)('users', 'updateProfile', { name: '钱多多' }))
    const pending = ok(await as(P.newcomer)('users', 'requestBinding', { householdId: household }))
    expect(pending.pendingBindings).toEqual([expect.objectContaining({ label: '2栋 1单元 402', communityName: '幸福社区' })])
    const queue = ok(await as(P.staff)('users', 'listBindingRequests', { communityId: XINGFU }))
    expect(queue.items).toEqual([expect.objectContaining({ name: '钱多多', label: '2栋 1单元 402', status: 'pending' })])
    const decided = ok(await as(P.staff)('users', 'decideBinding', { requestId: queue.items[0].requestId, approve: true }))
    expect(decided.status).toBe('approved')
    const me = ok(await as(P.newcomer)('users', 'me', {}))
    expect(me.households.map((h) => h.householdId)).toEqual([household])
    expect(me.roles.map((r) => r.role)).toEqual(['resident'])
    expect(me.pendingBindings).toEqual([])
  })

  it('when staff reject a request, then the resident gains nothing and the request cannot be decided twice', async () => {
    ok(await as(P.newcomer)('users', 'updateProfile', { name: '钱多多' }))
    ok(await as(P.newcomer)('users', 'requestBinding', { householdId: household }))
    const [request] = ok(await as(P.staff)('users', 'listBindingRequests', { communityId: XINGFU })).items
    ok(await as(P.staff)('users', 'decideBinding', { requestId: request.requestId, approve: false, reason: '户主信息不符' }))
    expect(ok(await as(P.newcomer)('users', 'me', {})).households).toEqual([])
    expect(errorCode(await as(P.staff)('users', 'decideBinding', { requestId: request.requestId, approve: true }))).toBe('BINDING.NOT_PENDING')
  })

  it('when someone without a name asks to bind, then PROFILE.NAME_REQUIRED answers', async () => {
    expect(errorCode(await as(P.newcomer)('users', 'requestBinding', { householdId: household }))).toBe('PROFILE.NAME_REQUIRED')
  })

  it('when a resident asks twice for the same household, then HOUSEHOLD.REQUEST_PENDING answers', async () => {
    ok(await as(P.newcomer)('users', 'updateProfile', { name: '钱多多' }))
    ok(await as(P.newcomer)('users', 'requestBinding', { householdId: household }))
    expect(errorCode(await as(P.newcomer)('users', 'requestBinding', { householdId: household }))).toBe('HOUSEHOLD.REQUEST_PENDING')
  })

  it('when staff of another community try to decide a request, then they are refused and the request stays pending', async () => {
    ok(await as(P.newcomer)('users', 'updateProfile', { name: '钱多多' }))
    ok(await as(P.newcomer)('users', 'requestBinding', { householdId: household }))
    const [request] = ok(await as(P.staff)('users', 'listBindingRequests', { communityId: XINGFU })).items
    const before = await snapshot()
    expect(errorCode(await as(P.staffHeping)('users', 'decideBinding', { requestId: request.requestId, approve: true }))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot()).toEqual(before)
  })

  it('when a resident enters the household bind code from the household’s notice, in any case and with the dash, then they are bound at once', async () => {
    const code = demoIds.bindCode(household)
    const me = ok(await as(P.newcomer)('users', 'bindByCode', { code: `${code.slice(0, 5)}-${code.slice(5)}`.toLowerCase() }))
    expect(me.households.map((h) => h.householdId)).toEqual([household])
    expect(me.roles).toEqual([expect.objectContaining({ role: 'resident', communityId: XINGFU })])
  })

  it('when a wrong bind code is entered, then HOUSEHOLD.CODE_INVALID answers and nothing but the try is recorded', async () => {
    const before = await snapshot()
    expect(errorCode(await as(P.newcomer)('users', 'bindByCode', { code: 'QQQQQQQQQQ' }))).toBe('HOUSEHOLD.CODE_INVALID')
    expect(await snapshot()).toEqual(before)
    expect(await findAll('codeAttempts', {})).toEqual([expect.objectContaining({ _id: `bind|caller|${P.newcomer}`, failures: 1 })])
  })
})

describe('members', () => {
  it('when staff list members, then staff, grid people, party members and representatives appear with their roles, and plain residents do not', async () => {
    const members = ok(await as(P.staff)('users', 'listMembers', { communityId: XINGFU }))
    const byName = Object.fromEntries(members.map((m) => [m.name, m.roles]))
    expect(byName).toMatchObject({ 张伟: ['grid_member'], 刘芳: ['grid_leader'], 陈静: ['community_staff'], 赵红梅: ['branch_secretary', 'party_member'] })
    expect(byName['王秀英']).toEqual(['resident', 'party_member'])
    expect(byName['李建国']).toEqual(['resident', 'resident_rep'])
    await collection('users')
      .doc(P.resident)
      .update({ roles: [{ role: 'resident', communityId: XINGFU, streetId: 'st-chunhui', grantedAt: '2026-11-01T00:00:00.000Z', grantedBy: null }] })
    const again = ok(await as(P.staff)('users', 'listMembers', { communityId: XINGFU }))
    expect(again.map((m) => m.name)).not.toContain('王秀英')
    expect(byName['吴刚']).toBeUndefined()
  })

  it('when staff revoke a grid member, then the person loses the role and leaves the grid', async () => {
    ok(await as(P.staff)('users', 'revokeRole', { communityId: XINGFU, openid: P.gridMember, role: 'grid_member' }))
    const me = ok(await as(P.gridMember)('users', 'me', {}))
    expect(me.roles).toEqual([])
    const tree = ok(await as(P.staff)('places', 'tree', { communityId: XINGFU }))
    expect(tree.grids.flatMap((g) => g.memberOpenids)).not.toContain(P.gridMember)
  })
})
