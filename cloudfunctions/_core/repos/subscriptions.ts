import { collection, command, getById, isDuplicateKey } from './base'

/**
 * What each person accepted in WeChat's subscription prompt (`requestSubscribeMessage`). A one-time subscription lets
 * the mini-program send one message of that template, so acceptances are counted up and each send uses one.
 */
export interface SubscriptionDoc {
  /** the person's OPENID */
  _id: string
  counts: Record<string, number>
  updatedAt: string
}

export const subscriptionsOf = (openid: string) => getById<SubscriptionDoc>('subscriptions', openid)

/** Adds one acceptance per kind, atomically (two prompts answered at once both count). */
export async function addAcceptances(openid: string, kinds: string[], at: string): Promise<void> {
  const _ = command()
  const inc = Object.fromEntries(kinds.map((k) => [`counts.${k}`, _.inc(1)]))
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await collection('subscriptions')
      .where({ _id: openid })
      .update({ ...inc, updatedAt: at })
    if ((res.updated ?? 0) === 1) return
    try {
      await collection('subscriptions').add({ _id: openid, counts: Object.fromEntries(kinds.map((k) => [k, 1])), updatedAt: at })
      return
    } catch (e) {
      if (!isDuplicateKey(e)) throw e // created meanwhile by a concurrent call: increment it
    }
  }
}

/** Uses one acceptance of `kind`; false when the person has none left (then nothing may be sent). */
export async function consumeAcceptance(openid: string, kind: string): Promise<boolean> {
  const _ = command()
  const res = await collection('subscriptions')
    .where({ _id: openid, [`counts.${kind}`]: _.gt(0) })
    .update({ [`counts.${kind}`]: _.inc(-1) })
  return (res.updated ?? 0) === 1
}
