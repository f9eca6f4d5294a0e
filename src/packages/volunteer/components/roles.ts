import type { Role } from '../../../../types'

export const MEMBERS: readonly Role[] = ['resident', 'party_member', 'resident_rep', 'grid_member', 'grid_leader', 'community_staff', 'branch_secretary']
export const ORGANISERS: readonly Role[] = ['community_staff', 'branch_secretary']
