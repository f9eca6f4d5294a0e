/**
 * Roles, free of zod so the mini-program can import the values without carrying zod in its bundle.
 * Roles are held per community; `street_staff` is held per street and reaches every community of that street.
 */
export const ROLES = ['resident', 'party_member', 'resident_rep', 'grid_member', 'grid_leader', 'community_staff', 'branch_secretary', 'street_staff'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  party_member: '党员',
  resident_rep: '居民代表',
  grid_member: '网格员',
  grid_leader: '网格长',
  community_staff: '社区工作者',
  branch_secretary: '党组织书记',
  street_staff: '街道工作人员',
}

/**
 * Community roles that staff can hand out through an invite code. Party members and residents' representatives are
 * roles too: the council's vote rolls are drawn from them.
 */
export const COMMUNITY_ROLES = ['grid_member', 'grid_leader', 'community_staff', 'branch_secretary', 'party_member', 'resident_rep'] as const
export type CommunityRole = (typeof COMMUNITY_ROLES)[number]
