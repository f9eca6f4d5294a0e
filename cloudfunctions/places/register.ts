import { AppError, HEAD_RELATION, type HouseholdDetail, type HouseholdDoc, type HouseholdView, type MemberDoc, type ResidentView } from '../../types'
import { isAdult } from '../_core/domain/register'
import { householdLabels } from '../_core/labels'
import { maskPhone } from '../_core/mask'
import { findHousehold, findOwners, householdsOfOwner, membersOfHouseholds, updateHousehold } from '../_core/repos/places'
import { countResidentsOf, findUsers } from '../_core/repos/users'
import type { Ctx } from '../_core/serve'

/** The household and its community, once the caller is staff there. */
export async function loadHousehold(ctx: Ctx, id: string): Promise<HouseholdDoc> {
  const h = await findHousehold(id)
  if (!h) throw new AppError('HOUSEHOLD.NOT_FOUND')
  await ctx.authorize(h.communityId)
  return h
}

/** Rows of the register's list: the dwelling, its owner, how many people live there and how many are adults. */
export async function householdViews(households: HouseholdDoc[], now: Date): Promise<HouseholdView[]> {
  const [labels, members, owners, bound] = await Promise.all([
    householdLabels(households),
    membersOfHouseholds(households.map((h) => h._id)),
    findOwners(households.flatMap((h) => (h.ownerId ? [h.ownerId] : []))),
    Promise.all(households.map((h) => countResidentsOf(h._id))),
  ])
  const ownerName = new Map(owners.map((o) => [o._id, o.name]))
  return households.map((h, i) => {
    const mine = members.filter((m) => m.householdId === h._id)
    return {
      id: h._id,
      communityId: h.communityId,
      buildingId: h.buildingId,
      unitId: h.unitId,
      label: labels.get(h._id)?.label ?? h.room,
      room: h.room,
      holderName: h.holderName,
      phone: maskPhone(h.phone),
      area: h.area,
      ownerName: h.ownerId ? (ownerName.get(h.ownerId) ?? null) : null,
      ownership: h.ownership ?? null,
      members: mine.length,
      adults: mine.filter((m) => isAdult(m, now)).length,
      bindCodeUntil: h.bindCodeHash && h.bindCodeExpiresAt && h.bindCodeExpiresAt > now.toISOString() ? h.bindCodeExpiresAt : null,
      boundResidents: bound[i],
    }
  })
}

/** One household as staff keep it: its members (who uses the app as whom) and its owner with all the owner's units. */
export async function householdDetail(h: HouseholdDoc, now: Date): Promise<HouseholdDetail> {
  const [[view], members, [owner]] = await Promise.all([householdViews([h], now), membersOfHouseholds([h._id]), findOwners(h.ownerId ? [h.ownerId] : [])])
  const ownerUnits = owner ? await householdsOfOwner(owner._id) : []
  const [unitLabels, users] = await Promise.all([
    householdLabels(ownerUnits),
    findUsers([...members.flatMap((m) => (m.openid ? [m.openid] : [])), ...(owner?.openid ? [owner.openid] : [])]),
  ])
  const userName = new Map(users.map((u) => [u._id, u.name || '已绑定用户']))
  const people: ResidentView[] = [...members]
    .sort((a, b) => Number(b.relation === HEAD_RELATION) - Number(a.relation === HEAD_RELATION) || a.createdAt.localeCompare(b.createdAt))
    .map((m) => ({
      id: m._id,
      name: m.name,
      relation: m.relation,
      birth: m.birth,
      adult: isAdult(m, now),
      phone: maskPhone(m.phone),
      boundTo: m.openid ? (userName.get(m.openid) ?? '已绑定用户') : null,
    }))
  return {
    ...view,
    people,
    owner: owner
      ? {
          id: owner._id,
          name: owner.name,
          kind: owner.kind,
          ref: owner.ref,
          units: ownerUnits.map((u) => unitLabels.get(u._id)?.label ?? u.room).sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true })),
          boundTo: owner.openid ? (userName.get(owner.openid) ?? '已绑定用户') : null,
        }
      : null,
  }
}

/** Keeps the household's head-of-household name and phone in step with its members. */
export async function syncHead(h: HouseholdDoc): Promise<HouseholdDoc> {
  const members = await membersOfHouseholds([h._id])
  const head: MemberDoc | undefined = members.find((m) => m.relation === HEAD_RELATION) ?? members[0]
  const fields = { holderName: head?.name ?? '', phone: head?.phone ?? null }
  if (fields.holderName !== h.holderName || fields.phone !== h.phone) await updateHousehold(h._id, fields)
  return { ...h, ...fields }
}
