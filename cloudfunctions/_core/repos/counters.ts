import type { TicketDoc } from '../../../types/models'
import type { DashboardFigures } from '../../../types/tickets'
import {
  COUNTED_FIELDS,
  MEASURES,
  cellId,
  counterDeltas,
  figuresOf,
  zeroCounts,
  type CountedTicket,
  type Counts,
  type Delta,
  type Scope,
} from '../domain/counters'
import { collection, command, defined, isDuplicateKey, keysetPages } from './base'
import { communitiesOf } from './places'

/**
 * Counter documents of the dashboard (collection `ticketCounters`), one per cell: deterministic `_id`
 * `<scope>|<key>` (e.g. `community:c-xingfu|grid:g-1`), fields `scope`, `key` and one number per measure
 * (see domain/counters.ts). Written only with atomic `_.inc`, so concurrent transitions add up exactly.
 */
export interface CounterDoc extends Partial<Counts> {
  _id: string
  scope: Scope
  key: string
}

const COLL = 'ticketCounters' as const

/**
 * Applies one cell's increments: `update` with `_.inc` on the deterministic id; when the document does not exist yet,
 * `add` it with the increments as its initial values; when a concurrent caller added it first (duplicate _id), go
 * back to `update`. Never `set` (read-modify-write would lose increments).
 */
async function applyDelta(d: Delta): Promise<void> {
  const _ = command()
  const id = cellId(d.scope, d.key)
  const inc = Object.fromEntries(Object.entries(d.inc).map(([k, v]) => [k, _.inc(v as number)]))
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = (await collection(COLL).doc(id).update(inc)) as { updated?: number }
    if ((res.updated ?? 0) > 0) return
    try {
      await collection(COLL).add({ _id: id, scope: d.scope, key: d.key, ...zeroCounts(), ...d.inc })
      return
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
      // someone created it between our update and add: update again
    }
  }
  throw new Error(`ticketCounters ${id}: could not apply increments`)
}

/**
 * Moves the dashboard counters for one ticket write (before: null for a new ticket). Called by the ticket repo
 * after every successful conditional save; a write that changes no measure costs nothing.
 */
export async function recordTransition(before: TicketDoc | null, after: TicketDoc): Promise<void> {
  await incrementCounters(counterDeltas(before, after))
}

/** Applies increments to counter cells (creating a missing cell), each atomically: concurrent writers add up. */
export async function incrementCounters(deltas: Delta[]): Promise<void> {
  await Promise.all(deltas.map(applyDelta))
}

/** What a recount reads of a ticket: the fields its counts depend on, and when it was last written. */
export type RecountTicket = CountedTicket & Pick<TicketDoc, '_id' | 'updatedAt'>
const RECOUNT_FIELDS: Record<string, true> = Object.fromEntries(['_id', 'updatedAt', ...COUNTED_FIELDS].map((f) => [f, true as const]))

/** Every ticket of a community, a page at a time, only the counted fields (see `keysetPages`). */
export const ticketPagesOfCommunity = (communityId: string) => keysetPages<RecountTicket>('tickets', { communityId }, RECOUNT_FIELDS)

/** Every ticket of a street: those of each of its communities in turn (a street's cells count them all). */
export async function* ticketPagesOfStreet(streetId: string): AsyncGenerator<RecountTicket[]> {
  for (const community of await communitiesOf(streetId)) yield* ticketPagesOfCommunity(community._id)
}

export interface CellFigures {
  /** the id after the dimension prefix: a grid id, building id, category key or ISO week */
  id: string
  counts: Counts
  figures: DashboardFigures
}

export interface ScopeFigures {
  all: CellFigures
  grid: CellFigures[]
  building: CellFigures[]
  category: CellFigures[]
  week: CellFigures[]
  /** id `<buildingId>/<category key>` */
  buildingCategory: CellFigures[]
}

const toCounts = (doc: Partial<CounterDoc> | undefined): Counts => {
  const c = zeroCounts()
  if (doc) for (const m of MEASURES) c[m] = Number(doc[m] ?? 0)
  return c
}

/** Every counter document of a scope: one indexed query (`scope`), a page of up to 1000 cells at a time. */
export async function readCounters(scope: Scope): Promise<CounterDoc[]> {
  const out: CounterDoc[] = []
  for (;;) {
    const res = await collection(COLL).where(defined({ scope })).skip(out.length).limit(1000).get()
    const rows = (res.data ?? []) as CounterDoc[]
    out.push(...rows)
    if (rows.length < 1000) return out
  }
}

/**
 * The figures of one scope, for every dimension, read from its counter documents only: the cost depends on the
 * number of grids, buildings, categories and weeks, never on the number of tickets. Cells whose counts are all zero
 * (every ticket moved out of them) are left out.
 */
export async function readFigures(scope: Scope): Promise<ScopeFigures> {
  const docs = await readCounters(scope)
  const cell = (id: string, doc: Partial<CounterDoc> | undefined): CellFigures => {
    const counts = toCounts(doc)
    return { id, counts, figures: figuresOf(counts) }
  }
  const out: ScopeFigures = {
    all: cell(
      'all',
      docs.find((d) => d.key === 'all'),
    ),
    grid: [],
    building: [],
    category: [],
    week: [],
    buildingCategory: [],
  }
  for (const d of docs) {
    const i = d.key.indexOf(':')
    if (i < 0) continue
    const dim = d.key.slice(0, i) as keyof Omit<ScopeFigures, 'all'>
    if (!(dim in out) || dim === ('all' as string)) continue
    const c = cell(d.key.slice(i + 1), d)
    if (MEASURES.some((m) => c.counts[m] !== 0)) out[dim].push(c)
  }
  return out
}
