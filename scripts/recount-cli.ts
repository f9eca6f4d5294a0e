/**
 * Core of `npm run recount`: recount the dashboard counters of a community, or of a street and its communities, and
 * print what was put right.
 *
 *   npm run recount -- --community <id>
 *   npm run recount -- --street <id>
 *
 * The caller injects `recount` (the workflow, on whichever database it opened); this module parses and prints.
 */
import type { Scope } from '../cloudfunctions/_core/domain/counters'
import { QUIET_MS, type RecountReport } from '../cloudfunctions/_core/workflows/recount'

export const USAGE = 'usage: npm run recount -- --community <id> | --street <id>'

/** `--community <id>` or `--street <id>` (also `--flag=value`), exactly one. Throws with USAGE otherwise. */
export function parseArgs(argv: string[]): Scope {
  const found: Scope[] = []
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(community|street)(?:=(.*))?$/.exec(argv[i])
    if (!m) throw new Error(`unknown argument ${JSON.stringify(argv[i])}\n${USAGE}`)
    const value = m[2] ?? argv[++i]
    if (value === undefined || value === '' || (m[2] === undefined && value.startsWith('--'))) throw new Error(`--${m[1]} needs a value\n${USAGE}`)
    found.push(`${m[1] as 'community' | 'street'}:${value}`)
  }
  if (found.length !== 1) throw new Error(`name one community or one street\n${USAGE}`)
  return found[0]
}

const BUSY = {
  countersMoved: 'its counters moved while the tickets were read',
  recentWrite: `a ticket was written in the last ${QUIET_MS / 1000} s`,
} as const

/** One line per drift fixed (cell, measure, stored → recounted), one per scope skipped, or "no drift". */
export function formatReport(r: RecountReport): string[] {
  if (r.unfinished) return [`${r.target}: stopped before the end of the tickets (${r.tickets} read): nothing repaired`]
  const lines: string[] = []
  for (const s of r.scopes) {
    if (s.status === 'busy') lines.push(`${s.scope}: skipped, busy (${BUSY[s.busy ?? 'recentWrite']}): run again in a minute`)
    for (const d of s.drifts) lines.push(`${d.scope}|${d.key} ${d.measure}: ${d.stored} → ${d.recounted}`)
  }
  const fixed = r.scopes.reduce((n, s) => n + s.drifts.length, 0)
  const scopes = `${r.scopes.length} scope${r.scopes.length === 1 ? '' : 's'}, ${r.tickets} tickets`
  lines.push(fixed ? `fixed ${fixed} drift${fixed === 1 ? '' : 's'} (${scopes})` : `no drift (${scopes})`)
  return lines
}

export interface RecountCliDeps {
  recount: (target: Scope) => Promise<RecountReport>
  log?: (line: string) => void
}

/** Runs the CLI; answers the report (its lines are printed). */
export async function main(argv: string[], deps: RecountCliDeps): Promise<RecountReport> {
  const log = deps.log ?? ((line: string) => console.log(line))
  const report = await deps.recount(parseArgs(argv))
  for (const line of formatReport(report)) log(line)
  return report
}
