import type { BindingRequestDoc, GridDoc, InviteDoc, UserDoc } from '../../types'
import { blankUser, decideRequest, redeem, revoke } from '../../cloudfunctions/_core/domain/users'
import { thrownCode } from '../support/thrown'

const AT = '2026-11-22T02:00:00.000Z'
const invite = (over: Partial<InviteDoc> = {}) =>
  ({
    _id: 'ABCD2345',
    communityId: 'c1',
    streetId: 's1',
    role: 'grid_member',
    gridId: 'g1',
    createdBy: 'staff',
    createdAt: AT,
    expiresAt: '2026-11-23T00:00:00.000Z',
    usedBy: null,
    usedAt: null,
    ...over,
  }) as InviteDoc
const grid = (over: Partial<GridDoc> = {}) =>
  ({ _id: 'g1', communityId: 'c1', name: '第一网格', leaderOpenid: 'lead', memberOpenids: ['m1'], ...over }) as GridDoc
const user = (roles: UserDoc['roles']): UserDoc => ({ ...blankUser('p1', AT), roles })

describe('roles', () => {
  it('when a grid member’s invite is redeemed, then it is spent by them, the role granted once, and they join the invite’s grid', () => {
    const r = redeem({ invite: invite(), user: null, grid: grid() }, 'p1', AT)
    expect(r.invite).toMatchObject({ usedBy: 'p1', usedAt: AT })
    expect(r.user.roles).toEqual([{ role: 'grid_member', communityId: 'c1', streetId: 's1', grantedAt: AT, grantedBy: 'staff' }])
    expect(r.grid).toMatchObject({ memberOpenids: ['m1', 'p1'], leaderOpenid: 'lead' })
    const again = redeem({ invite: invite({ _id: 'OTHER234' }), user: r.user, grid: r.grid }, 'p1', AT)
    expect(again.user.roles).toHaveLength(1)
    expect(again.grid?.memberOpenids).toEqual(['m1', 'p1'])
  })

  it('when a grid leader’s invite is redeemed, then they lead the grid; a staff invite touches no grid', () => {
    expect(redeem({ invite: invite({ role: 'grid_leader' }), user: null, grid: grid() }, 'p1', AT).grid?.leaderOpenid).toBe('p1')
    expect(redeem({ invite: invite({ role: 'community_staff' }), user: null, grid: grid() }, 'p1', AT).grid).toBeNull()
  })

  it('when the invite is unknown, spent or past its time, then it is refused', () => {
    expect(thrownCode(() => redeem({ invite: null, user: null, grid: null }, 'p1', AT))).toBe('INVITE.NOT_FOUND')
    expect(thrownCode(() => redeem({ invite: invite({ usedBy: 'p2' }), user: null, grid: null }, 'p1', AT))).toBe('INVITE.USED')
    expect(thrownCode(() => redeem({ invite: invite({ expiresAt: AT }), user: null, grid: null }, 'p1', AT))).toBe('INVITE.EXPIRED')
  })

  it('when a grid role is revoked, then the grant goes and only the grids naming them change; a role not held is refused', () => {
    const holder = user([
      { role: 'grid_leader', communityId: 'c1', streetId: 's1', grantedAt: AT, grantedBy: 'staff' },
      { role: 'grid_leader', communityId: 'c2', streetId: 's1', grantedAt: AT, grantedBy: 'staff' },
    ])
    const r = revoke(holder, 'grid_leader', 'c1', [grid({ leaderOpenid: 'p1' }), grid({ _id: 'g2', leaderOpenid: 'lead' })], AT)
    expect(r.user.roles.map((g) => g.communityId)).toEqual(['c2'])
    expect(r.grids).toEqual([grid({ leaderOpenid: null })])
    expect(thrownCode(() => revoke(holder, 'grid_member', 'c1', [], AT))).toBe('NOT_FOUND')
    expect(thrownCode(() => revoke(null, 'grid_leader', 'c1', [], AT))).toBe('NOT_FOUND')
  })

  it('when a binding request is decided, then it records who decided and how; a request no longer pending is refused', () => {
    const pending = { _id: 'br1', status: 'pending', reason: null, decidedAt: null, decidedBy: null } as BindingRequestDoc
    expect(decideRequest(pending, true, null, 'staff', AT)).toMatchObject({ status: 'approved', decidedBy: 'staff', decidedAt: AT })
    expect(decideRequest(pending, false, '信息不符', 'staff', AT)).toMatchObject({ status: 'rejected', reason: '信息不符' })
    expect(thrownCode(() => decideRequest({ ...pending, status: 'approved' }, true, null, 'staff', AT))).toBe('BINDING.NOT_PENDING')
    expect(thrownCode(() => decideRequest(null, true, null, 'staff', AT))).toBe('BINDING.NOT_PENDING')
  })
})
