import { db } from '../cloudfunctions/_core/cloud'
import type { BuildingDoc, CommunityDoc, GridDoc, HouseholdDoc, MemberDoc, OwnerDoc, RoleGrant, UnitDoc, UserDoc } from '../types'
import { bindCodeHash } from '../cloudfunctions/_core/ids'
import { fromShanghai } from '../cloudfunctions/_core/time'
import { DEMO, DEMO_IDENTITIES, demoIds, demoRegister } from './demo'

/**
 * Writes the demo world through the real SDK (so it obeys the same rules as the functions' writes).
 * Does nothing when a street already exists: a restart keeps whatever people did.
 */
export async function seedDemo(at = fromShanghai('2026-11-01 08:00').toDate()): Promise<boolean> {
  const database = db()
  const existing = await database.collection('streets').limit(1).get()
  if ((existing.data ?? []).length) return false
  const ts = at.toISOString()
  const { street } = DEMO
  await database.collection('streets').add({ ...street })

  const householdId = new Map<string, string>()
  const register: { openid: string; memberId: string; ownerId: string | null }[] = []
  for (const c of DEMO.communities) {
    const community: CommunityDoc = { _id: c._id, streetId: street._id, name: c.name, settings: {}, createdAt: ts }
    await database.collection('communities').add(community)
    const gridIds = c.grids.map((_, i) => demoIds.grid(c._id, i))
    for (const [i, name] of c.grids.entries()) {
      const members = DEMO_IDENTITIES.filter((p) => p.grid === i && p.roles.some((r) => r.communityId === c._id))
      const grid: GridDoc = {
        _id: gridIds[i],
        communityId: c._id,
        streetId: street._id,
        name,
        memberOpenids: members.filter((p) => p.roles.some((r) => r.role === 'grid_member')).map((p) => p.openid),
        leaderOpenid: members.find((p) => p.roles.some((r) => r.role === 'grid_leader'))?.openid ?? null,
        createdAt: ts,
      }
      await database.collection('grids').add(grid)
    }
    const households: HouseholdDoc[] = []
    const members: MemberDoc[] = []
    const owners = new Map<string, OwnerDoc>()
    for (let b = 1; b <= c.buildings; b++) {
      const building: BuildingDoc = {
        _id: demoIds.building(c._id, b),
        communityId: c._id,
        streetId: street._id,
        // buildings are split between the grids, first half to the first grid
        gridId: gridIds[Math.min(gridIds.length - 1, Math.floor(((b - 1) * gridIds.length) / c.buildings))],
        name: `${b}栋`,
        sort: b,
        createdAt: ts,
      }
      await database.collection('buildings').add(building)
      for (let u = 1; u <= c.units; u++) {
        const unit: UnitDoc = {
          _id: demoIds.unit(c._id, b, u),
          communityId: c._id,
          streetId: street._id,
          buildingId: building._id,
          name: `${u}单元`,
          code: demoIds.unitCode(c._id, b, u),
          sort: u,
          createdAt: ts,
        }
        await database.collection('units').add(unit)
        for (let f = 1; f <= DEMO.floors; f++) {
          for (let r = 1; r <= DEMO.roomsPerFloor; r++) {
            const room = `${f}0${r}`
            const id = demoIds.household(c._id, b, u, room)
            householdId.set(`${c._id}|${b}栋|${u}单元|${room}`, id)
            const reg = demoRegister(c._id, b, u, f, r, room)
            for (const [i, m] of reg.members.entries()) {
              members.push({
                _id: `${id}-m${i + 1}`,
                communityId: c._id,
                streetId: street._id,
                householdId: id,
                buildingId: building._id,
                ...m,
                adult: null,
                openid: null,
                createdAt: ts,
                updatedAt: ts,
              })
            }
            const ownerId = `${c._id}-o-${reg.owner.kind === 'developer' ? 'developer' : reg.owner.key}`
            if (!owners.has(ownerId)) {
              owners.set(ownerId, {
                _id: ownerId,
                communityId: c._id,
                streetId: street._id,
                kind: reg.owner.kind,
                name: reg.owner.name,
                key: `${reg.owner.kind}:${reg.owner.key}`,
                ref: reg.owner.kind === 'person' ? reg.owner.key : null,
                openid: null,
                createdAt: ts,
                updatedAt: ts,
              })
            }
            households.push({
              _id: id,
              communityId: c._id,
              streetId: street._id,
              buildingId: building._id,
              unitId: unit._id,
              room,
              holderName: reg.members[0]?.name ?? '',
              phone: reg.members[0]?.phone ?? null,
              area: 60 + ((b * 17 + f * 5 + r * 11) % 80),
              ownerId,
              ownership: reg.owner.ownership,
              // the demo's households have codes already (as if staff had printed the notices), good for two years
              bindCodeHash: bindCodeHash(demoIds.bindCode(id)),
              bindCodeExpiresAt: new Date(at.getTime() + 730 * 86_400_000).toISOString(),
              createdAt: ts,
            })
          }
        }
      }
    }
    // the people with the app are the register's members of their homes (and own them): bound as such below
    for (const p of DEMO_IDENTITIES) {
      const home = p.home && p.roles[0]?.communityId === c._id ? householdId.get(`${c._id}|${p.home}`) : undefined
      if (!home) continue
      const h = households.find((x) => x._id === home)!
      const head = members.find((m) => m.householdId === home && m.relation === '户主')!
      Object.assign(head, { name: p.name, phone: p.phone, openid: p.openid })
      h.holderName = p.name
      h.phone = p.phone
      const own = owners.get(h.ownerId!)!
      if (own.kind === 'person') Object.assign(own, { name: p.name, openid: p.openid })
    }
    for (let i = 0; i < households.length; i += 500) await database.collection('households').add(households.slice(i, i + 500))
    for (let i = 0; i < members.length; i += 500) await database.collection('members').add(members.slice(i, i + 500))
    await database.collection('owners').add([...owners.values()])
    register.push(
      ...members
        .filter((m) => m.openid)
        .map((m) => {
          const ownerId = households.find((h) => h._id === m.householdId)!.ownerId!
          return { openid: m.openid!, memberId: m._id, ownerId: owners.get(ownerId)?.openid === m.openid ? ownerId : null }
        }),
    )
  }

  for (const p of DEMO_IDENTITIES) {
    if (!p.roles.length) continue
    const roles: RoleGrant[] = p.roles.map((r) => ({ role: r.role, communityId: r.communityId, streetId: street._id, grantedAt: ts, grantedBy: null }))
    const community = p.roles[0].communityId
    const home = p.home && community ? householdId.get(`${community}|${p.home}`) : undefined
    const mine = register.filter((x) => x.openid === p.openid)
    const user: UserDoc = {
      _id: p.openid,
      name: p.name,
      phone: p.phone,
      roles,
      householdIds: home ? [home] : [],
      memberIds: mine.map((x) => x.memberId),
      ownerIds: mine.flatMap((x) => (x.ownerId ? [x.ownerId] : [])),
      createdAt: ts,
      updatedAt: ts,
    }
    await database.collection('users').add(user)
  }
  return true
}
