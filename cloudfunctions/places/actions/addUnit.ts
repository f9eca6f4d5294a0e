import { AppError, type placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { newId, readableCode } from '../../_core/ids'
import { findBuilding, insertUnit, unitsOfBuilding } from '../../_core/repos/places'
import { naturalSort, unitView } from '../views'

export const addUnit: Handler<typeof placesContract.actions.addUnit> = async (input, ctx) => {
  const building = await findBuilding(input.buildingId)
  if (!building) throw new AppError('PLACE.NOT_FOUND', '没有找到该楼栋')
  await ctx.authorize(building.communityId)
  const existing = await unitsOfBuilding(building._id)
  if (existing.some((u) => u.name === input.name)) throw new AppError('PLACE.DUPLICATE_NAME', `${building.name} ${input.name} 已经存在`)
  const unit = {
    _id: newId(),
    communityId: building.communityId,
    streetId: building.streetId,
    buildingId: building._id,
    name: input.name,
    code: readableCode(8),
    sort: naturalSort(input.name),
    createdAt: ctx.now.toISOString(),
  }
  await insertUnit(unit)
  return unitView(unit)
}
