import { db } from '../cloudfunctions/_core/cloud'
import type { BuildingDoc, CommunityDoc, GridDoc, HouseholdDoc, RoleGrant, UnitDoc, UserDoc } from '../types'
import { DEMO, DEMO_IDENTITIES, demoIds, stableCode } from './demo'

/**
 * Writes the demo world through the real SDK (so it obeys the same rules as the functions' writes).
 * Does nothing when a street already exists: a restart keeps whatever people did.
 */
export async function seedDemo(at = new Date('2026-11-01T08:00:00+08:00')): Promise<boolean> {
  const database = db()
  const existing = await database.collection('streets').limit(1).get()
  if ((existing.data ?? []).length) return false
  const ts = at.toISOString()
  const { street } = DEMO
  await database.collection('streets').add({ ...street })

  const householdId = new Map<string, string>()
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
            households.push({
              _id: id,
              communityId: c._id,
              streetId: street._id,
              buildingId: building._id,
              unitId: unit._id,
              room,
              holderName: DEMO_HOLDERS[(b * 31 + u * 7 + f * 3 + r) % DEMO_HOLDERS.length],
              phone: `139${String(b).padStart(2, '0')}${u}${room}${r}`.padEnd(11, '0').slice(0, 11),
              area: 60 + ((b * 17 + f * 5 + r * 11) % 80),
              isOwner: (f + r) % 5 !== 0,
              bindCode: stableCode(`household:${id}`, 6),
              createdAt: ts,
            })
          }
        }
      }
    }
    for (const h of households) await database.collection('households').add(h)
  }

  for (const p of DEMO_IDENTITIES) {
    if (!p.roles.length) continue
    const roles: RoleGrant[] = p.roles.map((r) => ({ role: r.role, communityId: r.communityId, streetId: street._id, grantedAt: ts, grantedBy: null }))
    const community = p.roles[0].communityId
    const home = p.home && community ? householdId.get(`${community}|${p.home}`) : undefined
    const user: UserDoc = { _id: p.openid, name: p.name, phone: p.phone, roles, householdIds: home ? [home] : [], createdAt: ts, updatedAt: ts }
    await database.collection('users').add(user)
  }
  return true
}

const DEMO_HOLDERS = ['王建华', '李淑芬', '张国强', '刘桂英', '陈志明', '杨秀兰', '赵德胜', '黄玉梅', '周永康', '吴丽华', '徐海涛', '孙晓燕', '马俊杰', '朱红霞', '胡卫东', '郭美玲']
