import type { BindingRequestDoc, Community, HouseholdDoc, InviteDoc, MeView, MemberView, Role, UserDoc } from '../../types'
import { maskPhone } from '../_core/mask'
import { rolesIn } from '../_core/auth'
import { householdLabels } from '../_core/labels'
import { allStreets, findCommunities, findHouseholds } from '../_core/repos/places'
import { findUser, pendingRequestsOf } from '../_core/repos/users'

export async function meView(openid: string): Promise<MeView> {
  const [user, pending] = await Promise.all([findUser(openid), pendingRequestsOf(openid)])
  const households = await findHouseholds([...(user?.householdIds ?? []), ...pending.map((p) => p.householdId)])
  const communityIds = [...(user?.roles ?? []).map((g) => g.communityId), ...households.map((h) => h.communityId)].filter((x): x is string => !!x)
  const [communities, streets, labels] = await Promise.all([findCommunities(communityIds), allStreets(), householdLabels(households)])
  const cName = new Map(communities.map((c) => [c._id, c.name]))
  const sName = new Map(streets.map((s) => [s._id, s.name]))
  const byId = new Map(households.map((h) => [h._id, h]))
  return {
    openid,
    registered: !!user,
    name: user?.name ?? '',
    phone: maskPhone(user?.phone),
    roles: (user?.roles ?? []).map((g) => ({
      role: g.role,
      communityId: g.communityId,
      communityName: g.communityId ? (cName.get(g.communityId) ?? null) : null,
      streetId: g.streetId,
      streetName: sName.get(g.streetId) ?? '',
    })),
    households: (user?.householdIds ?? [])
      .map((id) => byId.get(id))
      .filter((h): h is HouseholdDoc => !!h)
      .map((h) => {
        const l = labels.get(h._id)!
        return {
          householdId: h._id,
          communityId: h.communityId,
          communityName: cName.get(h.communityId) ?? '',
          buildingName: l.building,
          unitName: l.unit,
          room: h.room,
        }
      }),
    pendingBindings: pending.map((p) => ({
      requestId: p._id,
      householdId: p.householdId,
      communityName: cName.get(p.communityId) ?? '',
      label: labels.get(p.householdId)?.label ?? '',
    })),
  }
}

export const inviteView = (doc: InviteDoc, usedByName: string | null) => ({
  code: doc._id,
  communityId: doc.communityId,
  role: doc.role,
  gridId: doc.gridId,
  expiresAt: doc.expiresAt,
  used: !!doc.usedBy,
  usedByName,
})

export const bindingView = (doc: BindingRequestDoc, household: HouseholdDoc | null, label: string) => ({
  requestId: doc._id,
  name: doc.name,
  householdId: doc.householdId,
  label,
  holderName: household?.holderName ?? '',
  claim: doc.claim ?? 'member',
  bound: doc.bound ?? false,
  status: doc.status,
  createdAt: doc.createdAt,
})

export const memberView = (user: UserDoc, community: Community): MemberView => ({
  openid: user._id,
  name: user.name,
  phone: maskPhone(user.phone),
  roles: rolesIn(user, community).filter((r): r is Role => r !== 'street_staff'),
})
