import type { placesContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { maskPhone } from '../../_core/mask'
import { householdsPage } from '../../_core/repos/places'
import { countResidentsOf } from '../../_core/repos/users'
import { householdLabels } from '../../_core/labels'

export const households: Handler<typeof placesContract.actions.households> = async (input) => {
  const page = await householdsPage(input, input)
  const [labels, bound] = await Promise.all([householdLabels(page.items), Promise.all(page.items.map((h) => countResidentsOf(h._id)))])
  return {
    ...page,
    items: page.items.map((h, i) => ({
      id: h._id,
      buildingId: h.buildingId,
      unitId: h.unitId,
      label: labels.get(h._id)?.label ?? h.room,
      room: h.room,
      holderName: h.holderName,
      phone: maskPhone(h.phone),
      area: h.area,
      isOwner: h.isOwner,
      bindCode: h.bindCode,
      boundResidents: bound[i],
    })),
  }
}
