import type { GridDoc, InviteDoc, RoleGrant, UserDoc } from '../../types'
import { blankUser, redeem, revoke, withGrant } from '../../cloudfunctions/_core/domain/users'

const AT = '2026-11-22T02:00:00.000Z'
const grant = (over: Partial<RoleGrant> = {}): RoleGrant => ({
  role: 'community_staff',
  communityId: 'c1',
  streetId: 's1',
  grantedAt: AT,
  grantedBy: 'staff',
  ...over,
})
const invite = (over: Partial<InviteDoc> = {}) =>
  ({
    _id: 'ABCD2345',
    communityId: 'c1',
    streetId: 's1',
    role: 'grid_member',
    gridId: 'g1',
    createdBy: 'staff',
    createdAt: AT,
    expiresAt: '2026-11-22T02:00:00.001Z',
    usedBy: null,
    usedAt: null,
    ...over,
  }) as InviteDoc
const grid = (over: Partial<GridDoc> = {}) =>
  ({ _id: 'g1', communityId: 'c1', name: '第一网格', leaderOpenid: 'lead', memberOpenids: ['m1'], ...over }) as GridDoc

describe('adding a role grant', () => {
  const holder: UserDoc = { ...blankUser('p1', AT), roles: [grant()] }

  it('keeps the person as they are when an equal grant is there, whoever granted it and when', () => {
    expect(withGrant(holder, grant({ grantedAt: 'later', grantedBy: 'other' }))).toBe(holder)
  })

  it('adds the same role in another community or street, and another role in the same community', () => {
    expect(withGrant(holder, grant({ communityId: 'c2' })).roles).toEqual([grant(), grant({ communityId: 'c2' })])
    expect(withGrant(holder, grant({ streetId: 's2' })).roles).toEqual([grant(), grant({ streetId: 's2' })])
    expect(withGrant(holder, grant({ role: 'branch_secretary' })).roles).toEqual([grant(), grant({ role: 'branch_secretary' })])
  })
})

describe('redeeming an invite', () => {
  it('is allowed until the very moment it expires, and keeps an existing person’s other roles, updated now', () => {
    const existing: UserDoc = { ...blankUser('p1', '2026-01-01T00:00:00.000Z'), name: '李四', roles: [grant({ communityId: 'c9' })] }
    const r = redeem({ invite: invite(), user: existing, grid: null }, 'p1', AT)
    expect(r.user).toEqual({ ...existing, roles: [grant({ communityId: 'c9' }), grant({ role: 'grid_member' })], updatedAt: AT })
    expect(r.grid).toBeNull()
    expect(r.invite).toEqual({ ...invite(), usedBy: 'p1', usedAt: AT })
  })

  it('makes a new person with the role when they had no record', () => {
    const r = redeem({ invite: invite({ role: 'community_staff' }), user: null, grid: null }, 'p9', AT)
    expect(r.user).toEqual({ ...blankUser('p9', AT), roles: [grant({ role: 'community_staff' })] })
  })

  it('as a grid leader already on the grid, leads it without being listed twice', () => {
    const r = redeem({ invite: invite({ role: 'grid_leader' }), user: null, grid: grid({ memberOpenids: ['m1', 'p1'] }) }, 'p1', AT)
    expect(r.grid).toEqual(grid({ memberOpenids: ['m1', 'p1'], leaderOpenid: 'p1' }))
  })
})

describe('revoking a grid member', () => {
  it('takes them off every grid they are a member of, changes no other grid and keeps the leaders', () => {
    const holder: UserDoc = { ...blankUser('p1', AT), roles: [grant({ role: 'grid_member' }), grant({ role: 'resident' })] }
    const grids = [grid({ memberOpenids: ['m1', 'p1'] }), grid({ _id: 'g2', memberOpenids: ['m2'], leaderOpenid: 'p1' })]
    const r = revoke(holder, 'grid_member', 'c1', grids, AT)
    expect(r.user.roles).toEqual([grant({ role: 'resident' })])
    expect(r.user.updatedAt).toBe(AT)
    expect(r.grids).toEqual([grid({ memberOpenids: ['m1'] })])
  })

  it('of a role that is not a grid role, touches no grid', () => {
    const holder: UserDoc = { ...blankUser('p1', AT), roles: [grant()] }
    expect(revoke(holder, 'community_staff', 'c1', [grid({ memberOpenids: ['p1'], leaderOpenid: 'p1' })], AT)).toEqual({
      user: { ...holder, roles: [] },
      grids: [],
    })
  })
})
