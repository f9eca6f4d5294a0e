import { AppError } from '../../../types'
import { MEASURES, countTickets, counterDrift, type Cell, type Drift, type Scope } from '../domain/counters'
import { incrementCounters, readCounters, ticketPagesOfCommunity, ticketPagesOfStreet, type CounterDoc, type RecountTicket } from '../repos/counters'
import { communitiesOf, findCommunity, findStreet } from '../repos/places'

/**
 * A ticket written this recently may still have its counter increments in flight (saved, not yet counted): its scope
 * is left alone, or the repair would count the same transition a second time.
 */
export const QUIET_MS = 60_000

export interface ScopeRecount {
  scope: Scope
  /** clean: counters equal the recount; repaired: the drifts were put right; busy: left alone this run */
  status: 'clean' | 'repaired' | 'busy'
  /** what was put right (empty when clean or busy: a busy scope's comparison is not trusted) */
  drifts: Drift[]
  /** why a busy scope was left alone: its counters moved while the tickets were read, or a ticket was just written */
  busy?: 'countersMoved' | 'recentWrite'
}

export interface RecountReport {
  target: Scope
  /** tickets read */
  tickets: number
  scopes: ScopeRecount[]
  /** the read ran past the deadline: nothing was compared or repaired */
  unfinished?: true
}

/** The scopes a target's tickets decide, and those tickets. A street's read covers its communities' cells for free. */
async function targetOf(target: Scope): Promise<{ scopes: Scope[]; pages: AsyncGenerator<RecountTicket[]> }> {
  const [kind, id] = [target.slice(0, target.indexOf(':')), target.slice(target.indexOf(':') + 1)]
  if (kind === 'community') {
    if (!(await findCommunity(id))) throw new AppError('NOT_FOUND', `没有找到社区 ${id}`)
    return { scopes: [target], pages: ticketPagesOfCommunity(id) }
  }
  if (!(await findStreet(id))) throw new AppError('NOT_FOUND', `没有找到街道 ${id}`)
  const communities = await communitiesOf(id)
  return { scopes: [target, ...communities.map((c): Scope => `community:${c._id}`)], pages: ticketPagesOfStreet(id) }
}

const readAll = async (scopes: Scope[]) => new Map(await Promise.all(scopes.map(async (s) => [s, await readCounters(s)] as const)))

/** Two reads of a scope's counters hold the same numbers. */
function same(a: CounterDoc[], b: CounterDoc[]): boolean {
  const flat = (docs: CounterDoc[]) =>
    JSON.stringify([...docs].sort((x, y) => (x._id < y._id ? -1 : 1)).map((d) => [d._id, ...MEASURES.map((m) => Number(d[m] ?? 0))]))
  return flat(a) === flat(b)
}

/**
 * Recounts the dashboard counters of a community, or of a street and each of its communities, from the tickets, and
 * repairs drift (a process that died between a ticket's save and its counter increments) with `_.inc` of the
 * difference, never a `set`: a transition that lands during the repair still adds up.
 *
 * Live traffic: counters are read, then the tickets, then the counters again. A scope whose counters moved in
 * between, or with a ticket written in the last QUIET_MS (its increments may be in flight), is skipped as busy this
 * run; the next run catches it. `deadline` (epoch ms) bounds the ticket read: past it, nothing is repaired.
 */
export async function recount(target: Scope, now: Date, opts: { deadline?: number } = {}): Promise<RecountReport> {
  const { scopes, pages } = await targetOf(target)
  const inScope = new Set(scopes)
  const before = await readAll(scopes)

  const cells = new Map<string, Cell>()
  const recent = new Set<Scope>()
  const quietSince = now.getTime() - QUIET_MS
  let tickets = 0
  for await (const page of pages) {
    countTickets(cells, page, inScope)
    tickets += page.length
    for (const t of page) {
      // a future updatedAt means another clock: treated as just written
      if (t.updatedAt && !(Date.parse(t.updatedAt) <= quietSince)) recent.add(`community:${t.communityId}`).add(`street:${t.streetId}`)
    }
    if (opts.deadline !== undefined && Date.now() > opts.deadline) return { target, tickets, scopes: [], unfinished: true }
  }

  const after = await readAll(scopes)
  const out: ScopeRecount[] = []
  for (const scope of scopes) {
    const stored = after.get(scope) ?? []
    if (!same(before.get(scope) ?? [], stored)) {
      out.push({ scope, status: 'busy', drifts: [], busy: 'countersMoved' })
      continue
    }
    if (recent.has(scope)) {
      out.push({ scope, status: 'busy', drifts: [], busy: 'recentWrite' })
      continue
    }
    const recounted = new Map([...cells].filter(([, c]) => c.scope === scope))
    const { drifts, deltas } = counterDrift(recounted, stored)
    if (deltas.length) await incrementCounters(deltas)
    out.push({ scope, status: drifts.length ? 'repaired' : 'clean', drifts })
  }
  return { target, tickets, scopes: out }
}
