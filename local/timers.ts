import { Cron } from 'croner'
import { platformContext } from './context'
import type { LocalFunction } from './functions'

/**
 * Runs timer triggers as CloudBase would: CloudBase cron has 7 fields (second minute hour day month weekday
 * year); croner takes the first six, so the year field must be `*`.
 */
export function startTimers(functions: Map<string, LocalFunction>, log: (line: string) => void): () => void {
  const jobs: Cron[] = []
  for (const fn of functions.values()) {
    for (const t of fn.timers) {
      const fields = t.config.trim().split(/\s+/)
      if (fields.length === 7 && fields[6] !== '*') throw new Error(`${fn.name}/${t.name}: only "*" is supported in the year field`)
      const pattern = fields.slice(0, 6).join(' ')
      jobs.push(
        new Cron(pattern, { protect: true, timezone: 'Asia/Shanghai' }, async () => {
          // CloudBase calls a timer with the trigger's name and no user; the function must not expect an OPENID.
          const res = await fn.main({ Type: 'Timer', TriggerName: t.name, Time: new Date().toISOString() }, platformContext(null)).catch((e) => e)
          log(`[timer] ${fn.name}/${t.name}: ${JSON.stringify(res).slice(0, 200)}`)
        }),
      )
    }
  }
  return () => jobs.forEach((j) => j.stop())
}
