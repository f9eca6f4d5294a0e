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

// Role groups: who may do what, named once. The contract's access lists, the functions' checks and the pages'
// buttons all use these, so a group changes in one place.

/** community and street staff: run the community's places, register, tickets and exports */
export const STAFF: readonly Role[] = ['community_staff', 'branch_secretary', 'street_staff']
/** the community committee: drafts council stages, publishes notices, organises activities, issues certificates */
export const ORGANISERS: readonly Role[] = ['community_staff', 'branch_secretary']
/** the grid's own people */
export const GRID_ROLES: readonly Role[] = ['grid_member', 'grid_leader']
/** who may list, reassign and merge a community's tickets, read its dashboard, make callbacks and use the PC console */
export const SUPERVISORS: readonly Role[] = [...STAFF, 'grid_leader']
/** who sees every matter and notice of the community, whatever building it concerns */
export const OVERSEERS: readonly Role[] = [...STAFF, ...GRID_ROLES]
/** everyone who belongs to a community (street staff reach it from the street): residents and every community role */
export const COMMUNITY_MEMBERS: readonly Role[] = [
  'resident',
  'party_member',
  'resident_rep',
  'grid_member',
  'grid_leader',
  'community_staff',
  'branch_secretary',
]

/** Whether `role` (a role, or an actor's pseudo-role such as the timer's 'system') is one of `group`. */
export const inGroup = (group: readonly Role[], role: string): boolean => (group as readonly string[]).includes(role)
