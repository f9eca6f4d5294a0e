import { AppError, type BindingRequestDoc, type GridDoc, type InviteDoc, type RoleGrant, type UserDoc } from '../../../types'

/**
 * Who holds which role, as pure functions of what was read: redeeming an invite, revoking a role, deciding a binding
 * request. A refusal is an AppError thrown before anything is written; the repository loads, asks, and saves what
 * the answer holds, in one transaction.
 */

export const blankUser = (openid: string, at: string): UserDoc => ({
  _id: openid,
  name: '',
  phone: null,
  roles: [],
  householdIds: [],
  createdAt: at,
  updatedAt: at,
})

/** Adds a grant unless an equal one is there. */
export const withGrant = (user: UserDoc, grant: RoleGrant): UserDoc =>
  user.roles.some((g) => g.role === grant.role && g.communityId === grant.communityId && g.streetId === grant.streetId)
    ? user
    : { ...user, roles: [...user.roles, grant] }

const gridRole = (role: string): role is 'grid_member' | 'grid_leader' => role === 'grid_member' || role === 'grid_leader'

export interface Redemption {
  invite: InviteDoc | null
  user: UserDoc | null
  /** the invite's grid, when it names one */
  grid: GridDoc | null
}

/**
 * Redeeming an invite: the invite is spent and the role granted together; a grid role also puts the person on the
 * invite's grid (as its leader for grid_leader). Refused when the invite is unknown, spent or expired.
 */
export function redeem(s: Redemption, openid: string, at: string): { invite: InviteDoc; user: UserDoc; grid: GridDoc | null } {
  const { invite } = s
  if (!invite) throw new AppError('INVITE.NOT_FOUND')
  if (invite.usedBy) throw new AppError('INVITE.USED')
  if (invite.expiresAt <= at) throw new AppError('INVITE.EXPIRED')
  const granted = withGrant(s.user ?? blankUser(openid, at), {
    role: invite.role,
    communityId: invite.communityId,
    streetId: invite.streetId,
    grantedAt: at,
    grantedBy: invite.createdBy,
  })
  let grid: GridDoc | null = null
  if (s.grid && gridRole(invite.role)) {
    const members = s.grid.memberOpenids.includes(openid) ? s.grid.memberOpenids : [...s.grid.memberOpenids, openid]
    grid = { ...s.grid, memberOpenids: members, leaderOpenid: invite.role === 'grid_leader' ? openid : s.grid.leaderOpenid }
  }
  return { invite: { ...invite, usedBy: openid, usedAt: at }, user: { ...granted, updatedAt: at }, grid }
}

/**
 * Revoking a community role: the grant goes, and a grid role also takes the person off the community's grids (as
 * member, or as leader). Answers only the grids that change. Refused when the person does not hold the role there.
 */
export function revoke(user: UserDoc | null, role: string, communityId: string, grids: GridDoc[], at: string): { user: UserDoc; grids: GridDoc[] } {
  if (!user || !user.roles.some((g) => g.role === role && g.communityId === communityId)) throw new AppError('NOT_FOUND', '此人在本社区没有该身份')
  const next = { ...user, roles: user.roles.filter((g) => !(g.role === role && g.communityId === communityId)), updatedAt: at }
  const changed: GridDoc[] = []
  if (gridRole(role)) {
    for (const grid of grids) {
      const members = role === 'grid_member' ? grid.memberOpenids.filter((o) => o !== user._id) : grid.memberOpenids
      const leader = role === 'grid_leader' && grid.leaderOpenid === user._id ? null : grid.leaderOpenid
      if (members.length !== grid.memberOpenids.length || leader !== grid.leaderOpenid) changed.push({ ...grid, memberOpenids: members, leaderOpenid: leader })
    }
  }
  return { user: next, grids: changed }
}

/** Deciding a binding request, once: refused when it is no longer pending (another staff member decided it). */
export function decideRequest(current: BindingRequestDoc | null, approve: boolean, reason: string | null, by: string, at: string): BindingRequestDoc {
  if (!current || current.status !== 'pending') throw new AppError('BINDING.NOT_PENDING')
  return { ...current, status: approve ? 'approved' : 'rejected', reason, decidedAt: at, decidedBy: by }
}
