import type { WishActor } from '../../cloudfunctions/_core/domain/wishes'
import type { WishDoc } from '../../types'

/** One open wish, people to act on it, and the clock the wish rule tests share. */
export const HOUR = 3_600_000
export const NOW = new Date('2026-11-22T01:00:00.000Z')
export const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR)

export const buildWish = (over: Partial<WishDoc> = {}): WishDoc => ({
  _id: 'w1',
  communityId: 'c1',
  streetId: 's1',
  gridId: 'g1',
  buildingId: 'b1',
  unitId: 'u1',
  householdId: 'h1',
  buildingName: '1栋',
  unitName: '1单元',
  title: '换灯泡',
  description: '',
  wantedAt: at(24).toISOString(),
  requesterOpenid: 'req',
  requesterName: '李建国',
  requesterMemberId: null,
  postedBy: { openid: 'req', name: '李建国', staff: false },
  state: 'open',
  flagged: false,
  review: null,
  claim: null,
  claimExpiresAt: null,
  releases: [],
  done: null,
  credit: null,
  cancelled: null,
  version: 1,
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  ...over,
})
export const person = (openid: string, over: Partial<WishActor> = {}): WishActor => ({ openid, name: openid, staff: false, volunteer: true, ...over })
export const staff = person('staff', { staff: true, volunteer: false, name: '陈静' })
