import type { Role } from './core'

/**
 * Stored documents, one interface per collection. Every record below the street carries its `communityId`,
 * so a query can always be scoped to the caller's community.
 */
export interface StreetDoc {
  _id: string
  name: string
  district: string
}

export interface CommunityDoc {
  _id: string
  streetId: string
  name: string
  /** community-level settings that later capabilities read (ticket limits, masking, …) */
  settings: Record<string, unknown>
  createdAt: string
}

export interface GridDoc {
  _id: string
  communityId: string
  streetId: string
  name: string
  /** openids of the grid's members; the leader is also held as a role on the user */
  memberOpenids: string[]
  leaderOpenid: string | null
  createdAt: string
}

export interface BuildingDoc {
  _id: string
  communityId: string
  streetId: string
  gridId: string | null
  name: string
  /** for ordering "2栋" before "10栋" */
  sort: number
  createdAt: string
}

export interface UnitDoc {
  _id: string
  communityId: string
  streetId: string
  buildingId: string
  name: string
  /** stable short place code printed in the stairwell QR code (unique across the deployment) */
  code: string
  sort: number
  createdAt: string
}

export interface HouseholdDoc {
  _id: string
  communityId: string
  streetId: string
  buildingId: string
  unitId: string
  room: string
  /** head of household on the roll; shown to staff only */
  holderName: string
  phone: string | null
  /** floor area in m², for Civil Code art. 278 votes */
  area: number | null
  isOwner: boolean
  /** one-time code staff hand to the household so a resident can bind without approval */
  bindCode: string
  createdAt: string
}

export interface RoleGrant {
  role: Role
  /** null for street_staff, who hold their role per street */
  communityId: string | null
  streetId: string
  grantedAt: string
  grantedBy: string | null
}

export interface UserDoc {
  /** the caller's OPENID, as WeChat attaches it */
  _id: string
  name: string
  phone: string | null
  roles: RoleGrant[]
  householdIds: string[]
  createdAt: string
  updatedAt: string
}

export interface InviteDoc {
  /** the code itself: short, typed or scanned once */
  _id: string
  communityId: string
  streetId: string
  role: Role
  gridId: string | null
  createdBy: string
  createdAt: string
  expiresAt: string
  usedBy: string | null
  usedAt: string | null
}

export type BindingStatus = 'pending' | 'approved' | 'rejected'

export interface BindingRequestDoc {
  _id: string
  openid: string
  name: string
  communityId: string
  streetId: string
  householdId: string
  status: BindingStatus
  reason: string | null
  createdAt: string
  decidedAt: string | null
  decidedBy: string | null
}
