import { demoIds } from '../../local/demo'
import { contracts, type FunctionName } from '../../types'
import { P, XINGFU, errorCode, raw, snapshot, useWorld } from '../support/world'

useWorld()

/**
 * One valid input per role-restricted action, aimed at 幸福社区. Each is tried by a resident of 幸福社区 (wrong
 * role) and by staff of 和平社区 (another community): both must be refused and change nothing. A new action
 * without a sample here fails the completeness test below.
 */
const SAMPLES: Record<string, unknown> = {
  'users.createInvite': { communityId: XINGFU, role: 'grid_member' },
  'users.listInvites': { communityId: XINGFU },
  'users.listBindingRequests': { communityId: XINGFU },
  'users.decideBinding': { requestId: 'br-xingfu', approve: true },
  'users.listMembers': { communityId: XINGFU },
  'users.revokeRole': { communityId: XINGFU, openid: P.gridMember, role: 'grid_member' },
  'places.createCommunity': { streetId: 'st-chunhui', name: '新社区' },
  'places.renameCommunity': { communityId: XINGFU, name: '幸福里社区' },
  'places.tree': { communityId: XINGFU },
  'places.createGrid': { communityId: XINGFU, name: '新网格' },
  'places.renameGrid': { gridId: demoIds.grid(XINGFU, 0), name: '改名' },
  'places.setGridMembers': { gridId: demoIds.grid(XINGFU, 0), leaderOpenid: null, memberOpenids: [] },
  'places.createBuilding': { communityId: XINGFU, name: '99栋', units: 1 },
  'places.updateBuilding': { buildingId: demoIds.building(XINGFU, 1), name: '一号楼' },
  'places.addUnit': { buildingId: demoIds.building(XINGFU, 1), name: '9单元' },
  'places.importCsv': { communityId: XINGFU, csv: '楼栋,单元,房号,户主\n50栋,1单元,101,某某' },
  'places.households': { communityId: XINGFU },
  'qrcodes.sheet': { communityId: XINGFU },
  'qrcodes.miniCode': { unitId: demoIds.unit(XINGFU, 1, 1) },
}

const restricted = Object.entries(contracts).flatMap(([fn, c]) =>
  Object.entries(c.actions)
    .filter(([, def]) => def.access !== 'anyone')
    .map(([action, def]) => ({ fn: fn as FunctionName, action, access: def.access as readonly string[] })),
)

describe('every role-restricted action', () => {
  it('when the contract grows, then this matrix has a sample for each restricted action', () => {
    expect(restricted.map((r) => `${r.fn}.${r.action}`).sort()).toEqual(Object.keys(SAMPLES).sort())
  })

  // A pending binding request of 幸福社区, so decideBinding has a real target.
  const withRequest = async () => {
    const { collection } = await import('../../cloudfunctions/_core/repos/base')
    await collection('bindingRequests').add({
      _id: 'br-xingfu',
      openid: P.newcomer,
      name: '钱多多',
      communityId: XINGFU,
      streetId: 'st-chunhui',
      householdId: demoIds.household(XINGFU, 1, 1, '101'),
      status: 'pending',
      reason: null,
      createdAt: new Date().toISOString(),
      decidedAt: null,
      decidedBy: null,
    })
  }

  it.each(restricted.filter((r) => !r.access.includes('resident')))(
    'when a resident calls $fn.$action, then AUTH.FORBIDDEN answers and nothing changes',
    async ({ fn, action }) => {
      await withRequest()
      const before = await snapshot()
      expect(errorCode(await raw(P.resident, fn, { action, data: SAMPLES[`${fn}.${action}`] }))).toBe('AUTH.FORBIDDEN')
      expect(await snapshot()).toEqual(before)
    },
  )

  it.each(restricted)('when staff of another community call $fn.$action on 幸福社区, then AUTH.FORBIDDEN answers and nothing changes', async ({ fn, action }) => {
    await withRequest()
    const before = await snapshot()
    expect(errorCode(await raw(P.staffHeping, fn, { action, data: SAMPLES[`${fn}.${action}`] }))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot()).toEqual(before)
  })

  it.each(restricted)('when a caller without any record calls $fn.$action, then AUTH.FORBIDDEN answers', async ({ fn, action }) => {
    expect(errorCode(await raw('wx-nobody', fn, { action, data: SAMPLES[`${fn}.${action}`] }))).toBe('AUTH.FORBIDDEN')
  })

  it.each(restricted.filter((r) => r.access.includes('street_staff')))(
    'when street staff call $fn.$action on a community of their street, then it is not refused',
    async ({ fn, action }) => {
      await withRequest()
      expect(errorCode(await raw(P.street, fn, { action, data: SAMPLES[`${fn}.${action}`] }))).not.toBe('AUTH.FORBIDDEN')
    },
  )
})
