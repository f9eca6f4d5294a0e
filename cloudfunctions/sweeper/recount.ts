import type { Scope } from '../_core/domain/counters'
import { allStreets } from '../_core/repos/places'
import { recount } from '../_core/workflows/recount'
import { recountSlot, streetsDue } from './plan'

export interface StreetRecount {
  street: string
  tickets: number
  /** numbers put right, over the street's cells and its communities' */
  drifts: number
  repaired: Scope[]
  /** skipped this night: live traffic (see workflows/recount.ts) */
  busy: Scope[]
  /** the read ran out of time: nothing compared */
  unfinished?: true
}

export interface RecountRun {
  slot: number
  streets: StreetRecount[]
  /** streets of this slot not started for want of time: they come up again tomorrow night */
  notReached: string[]
}

/**
 * The recount this run owes, if any: null outside the nightly hour (without a read). Each due street is recounted
 * with its communities; streets are started only while `deadline` (epoch ms) is ahead, and a street whose read
 * outlasts it is left unrepaired and reported.
 */
export async function recountDue(now: Date, deadline: number): Promise<RecountRun | null> {
  const slot = recountSlot(now)
  if (slot === null) return null
  const run: RecountRun = { slot, streets: [], notReached: [] }
  for (const street of streetsDue(
    (await allStreets()).map((s) => s._id),
    slot,
  )) {
    if (Date.now() > deadline) {
      run.notReached.push(street)
      continue
    }
    const r = await recount(`street:${street}`, now, { deadline })
    run.streets.push({
      street,
      tickets: r.tickets,
      drifts: r.scopes.reduce((n, s) => n + s.drifts.length, 0),
      repaired: r.scopes.filter((s) => s.status === 'repaired').map((s) => s.scope),
      busy: r.scopes.filter((s) => s.status === 'busy').map((s) => s.scope),
      ...(r.unfinished ? { unfinished: true as const } : {}),
    })
  }
  return run
}
