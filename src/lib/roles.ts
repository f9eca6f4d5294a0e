import type { MeView, Role } from '../../types'

export { ROLE_LABELS } from '../../types/roles'

export const GRID_ROLES: readonly Role[] = ['grid_member', 'grid_leader']
export const STAFF_ROLES: readonly Role[] = ['community_staff', 'branch_secretary', 'street_staff']
/** everyone who belongs to a community: they read its notices, matters and activities */
export const COMMUNITY_MEMBERS: readonly Role[] = ['resident', 'party_member', 'resident_rep', 'grid_member', 'grid_leader', 'community_staff', 'branch_secretary']
/** who drafts council stages, publishes notices and organises activities */
export const ORGANISERS: readonly Role[] = ['community_staff', 'branch_secretary']
/** who may list, reassign and merge a community's tickets and read its dashboard */
export const TICKET_SUPERVISORS: readonly Role[] = [...STAFF_ROLES, 'grid_leader']

export const hasAnyRole = (me: Pick<MeView, 'roles'> | null | undefined, roles: readonly Role[]): boolean =>
  !!me && me.roles.some((r) => roles.includes(r.role))

export interface CommunityChoice {
  id: string
  name: string
}

/** Communities where the caller holds one of `roles` (street staff reach them through places.communities). */
export const communitiesWithRole = (me: Pick<MeView, 'roles'> | null | undefined, roles: readonly Role[]): CommunityChoice[] => {
  const seen = new Map<string, string>()
  for (const r of me?.roles ?? []) {
    if (r.communityId && roles.includes(r.role) && !seen.has(r.communityId)) seen.set(r.communityId, r.communityName ?? r.communityId)
  }
  return [...seen].map(([id, name]) => ({ id, name }))
}

/** Street ids where the caller is street staff. */
export const staffStreets = (me: Pick<MeView, 'roles'> | null | undefined): string[] =>
  [...new Set((me?.roles ?? []).filter((r) => r.role === 'street_staff').map((r) => r.streetId))]
