import type { Role, UserDoc, Community, RoleGrant } from '../../types'

/**
 * Pure role checks. A grant counts in a community when it was given for that community, or when it is a
 * street-staff grant for the community's street (street staff see every community of their street).
 */
export const grantApplies = (grant: RoleGrant, community: Pick<Community, '_id' | 'streetId'>): boolean =>
  grant.role === 'street_staff' ? grant.streetId === community.streetId : grant.communityId === community._id

export const rolesIn = (user: UserDoc | null, community: Pick<Community, '_id' | 'streetId'>): Role[] =>
  user ? [...new Set(user.roles.filter((g) => grantApplies(g, community)).map((g) => g.role))] : []

export const holdsRole = (user: UserDoc | null, community: Pick<Community, '_id' | 'streetId'>, allowed: readonly Role[]): boolean =>
  rolesIn(user, community).some((r) => allowed.includes(r))

/** True when the user holds one of the roles anywhere: the cheap first gate before a handler loads the record. */
export const holdsRoleAnywhere = (user: UserDoc | null, allowed: readonly Role[]): boolean => !!user && user.roles.some((g) => allowed.includes(g.role))
