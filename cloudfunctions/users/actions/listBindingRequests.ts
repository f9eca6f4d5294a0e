import type { usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { findHouseholds } from '../../_core/repos/places'
import { bindingRequestsPage } from '../../_core/repos/users'
import { householdLabels } from '../../_core/labels'
import { bindingView } from '../views'

export const listBindingRequests: Handler<typeof usersContract.actions.listBindingRequests> = async (input) => {
  const page = await bindingRequestsPage(input.communityId, input.status, input)
  const households = await findHouseholds(page.items.map((r) => r.householdId))
  const labels = await householdLabels(households)
  const byId = new Map(households.map((h) => [h._id, h]))
  return { ...page, items: page.items.map((r) => bindingView(r, byId.get(r.householdId) ?? null, labels.get(r.householdId)?.label ?? '')) }
}
