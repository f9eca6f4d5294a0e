import { grantApplies, holdsRole, rolesIn } from '../../cloudfunctions/_core/auth'
import type { RoleGrant, UserDoc } from '../../types'

const grant = (g: Partial<RoleGrant>): RoleGrant => ({ role: 'resident', communityId: 'c1', streetId: 's1', grantedAt: '', grantedBy: null, ...g })
const user = (roles: RoleGrant[]): UserDoc => ({ _id: 'u', name: '', phone: null, roles, householdIds: [], createdAt: '', updatedAt: '' })
const c1 = { _id: 'c1', streetId: 's1' }
const c2 = { _id: 'c2', streetId: 's1' }
const c3 = { _id: 'c3', streetId: 's2' }

describe('role checks', () => {
  it('when a grant names a community, then it applies there and nowhere else', () => {
    expect(grantApplies(grant({}), c1)).toBe(true)
    expect(grantApplies(grant({}), c2)).toBe(false)
  })

  it('when a street-staff grant is held, then it applies to every community of that street only', () => {
    const g = grant({ role: 'street_staff', communityId: null })
    expect([c1, c2, c3].map((c) => grantApplies(g, c))).toEqual([true, true, false])
  })

  it('when a user holds several roles, then rolesIn lists those of the community once each', () => {
    const u = user([
      grant({ role: 'grid_member' }),
      grant({ role: 'resident' }),
      grant({ role: 'resident' }),
      grant({ role: 'community_staff', communityId: 'c2' }),
    ])
    expect(rolesIn(u, c1).sort()).toEqual(['grid_member', 'resident'])
    expect(holdsRole(u, c1, ['community_staff'])).toBe(false)
    expect(holdsRole(u, c2, ['community_staff'])).toBe(true)
    expect(holdsRole(null, c1, ['resident'])).toBe(false)
  })
})
