import type { MeView, Role } from '../../types'

// the role groups are named once, in the contract (types/roles.ts, free of zod)
export { COMMUNITY_MEMBERS, GRID_ROLES, ORGANISERS, ROLE_LABELS, STAFF as STAFF_ROLES, SUPERVISORS as TICKET_SUPERVISORS } from '../../types/roles'

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
export const staffStreets = (me: Pick<MeView, 'roles'> | null | undefined): string[] => [
  ...new Set((me?.roles ?? []).filter((r) => r.role === 'street_staff').map((r) => r.streetId)),
]
