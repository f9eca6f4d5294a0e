import { existsSync, readdirSync, readFileSync } from 'fs'
import path from 'path'

export type FunctionMain = (event: unknown, context: unknown) => Promise<unknown>

export interface LocalFunction {
  name: string
  main: FunctionMain
  /** timer triggers as declared in the function's function.json (CloudBase 7-field cron) */
  timers: { name: string; config: string }[]
}

const ROOT = path.resolve(__dirname, '..')

/** Deployable functions: folders of cloudfunctions/ with an index.ts, shared code (`_core`) excluded. */
export const functionNames = (): string[] =>
  readdirSync(path.join(ROOT, 'cloudfunctions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(path.join(ROOT, 'cloudfunctions', d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()

const timersOf = (name: string): LocalFunction['timers'] => {
  const file = path.join(ROOT, 'cloudfunctions', name, 'function.json')
  if (!existsSync(file)) return []
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { triggers?: { name: string; type: string; config: string }[] }
  return (spec.triggers ?? []).filter((t) => t.type === 'timer').map(({ name: n, config }) => ({ name: n, config }))
}

/**
 * Loads every function either from its esbuild bundle (what CloudBase runs: `npm start`, browser journeys) or
 * from TypeScript source (tests, `--source` for quick edits).
 */
export async function loadFunctions(from: 'bundle' | 'source'): Promise<Map<string, LocalFunction>> {
  const out = new Map<string, LocalFunction>()
  for (const name of functionNames()) {
    const file =
      from === 'bundle' ? path.join(ROOT, 'dist', 'functions', name, 'index.js') : path.join(ROOT, 'cloudfunctions', name, 'index.ts')
    if (!existsSync(file)) throw new Error(`function ${name}: ${path.relative(ROOT, file)} is missing (run npm run build:functions)`)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = from === 'bundle' ? require(file) : await import(file)
    const main = (mod.main ?? mod.default?.main) as FunctionMain | undefined
    if (typeof main !== 'function') throw new Error(`function ${name} exports no main`)
    out.set(name, { name, main, timers: timersOf(name) })
  }
  return out
}
