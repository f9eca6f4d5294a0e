import type { usersContract } from '../../../types'
import { subscribeTemplates } from '../../_core/notify'
import { addAcceptances, subscriptionsOf } from '../../_core/repos/subscriptions'
import type { Handler } from '../../_core/serve'

/** The kinds with a configured template: the mini-program asks for these at the moments they matter. */
export const subscriptionTemplates: Handler<typeof usersContract.actions.subscriptionTemplates> = async () =>
  Object.entries(subscribeTemplates()).map(([kind, t]) => ({ kind, templateId: t.id }))

/** Counts what the person accepted (only configured kinds); each acceptance allows one message of that kind. */
export const recordSubscriptions: Handler<typeof usersContract.actions.recordSubscriptions> = async (input, ctx) => {
  const configured = subscribeTemplates()
  const kinds = [...new Set(input.accepted)].filter((k) => configured[k])
  if (kinds.length) await addAcceptances(ctx.openid, kinds, ctx.now.toISOString())
  const counts = (await subscriptionsOf(ctx.openid))?.counts ?? {}
  return Object.keys(configured).map((kind) => ({ kind, remaining: counts[kind] ?? 0 }))
}
