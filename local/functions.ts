import { existsSync, readdirSync, readFileSync } from 'fs'
import path from 'path'
import { isolatedFunction } from './isolation'

export type FunctionMain = (event: unknown, context: unknown) => Promise<unknown>

export interface LocalFunction {
  name: string
  main: FunctionMain
  /** timer triggers as declared in the function's function.json (CloudBase 7-field cron) */
  timers: { name: string; config: string }[]
  /** in worker threads: the call answered as the JSON text the instance made (the gateway sends it as it is) */
  mainJson?: (event: unknown, context: unknown) => Promise<string>
  /** in worker threads: starts an instance ahead of its first call */
  warm?: () => void
  /** ends its instances, when it runs in worker threads */
  close?: () => Promise<void>
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

export interface LoadOptions {
  /**
   * `workers` (default): each function in a pool of worker threads of its own, as CloudBase runs instances, so one
   * function's work (a PDF, a flood of calls) never delays another's (local/isolation.ts). `inline`: every function on
   * the calling thread, as before (a comparison in bench/isolation.ts).
   */
  isolation?: 'workers' | 'inline'
  /** instances per function with `workers` */
  poolSize?: number
  log?: (line: string) => void
}

/** Where a function's code is: its bundle (what CloudBase runs) or its TypeScript entry. */
export const functionFile = (name: string, from: 'bundle' | 'source') =>
  from === 'bundle' ? path.join(ROOT, 'dist', 'functions', name, 'index.js') : path.join(ROOT, 'cloudfunctions', name, 'index.ts')

/**
 * Loads every function either from its esbuild bundle (what CloudBase runs: `npm start`, browser journeys) or
 * from TypeScript source (tests, `--source` for quick edits).
 */
export async function loadFunctions(from: 'bundle' | 'source', opts: LoadOptions = {}): Promise<Map<string, LocalFunction>> {
  const out = new Map<string, LocalFunction>()
  for (const name of functionNames()) {
    const file = functionFile(name, from)
    if (!existsSync(file)) throw new Error(`function ${name}: ${path.relative(ROOT, file)} is missing (run npm run build:functions)`)
    if (opts.isolation !== 'inline') {
      // started on its first call: a start stays quick, and a function nobody calls costs nothing
      const pool = isolatedFunction(name, file, { size: opts.poolSize, log: opts.log })
      out.set(name, { name, main: pool.main, mainJson: pool.mainJson, timers: timersOf(name), warm: pool.warm, close: pool.close })
      continue
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = from === 'bundle' ? require(file) : await import(file)
    const main = (mod.main ?? mod.default?.main) as FunctionMain | undefined
    if (typeof main !== 'function') throw new Error(`function ${name} exports no main`)
    out.set(name, { name, main, timers: timersOf(name) })
  }
  return out
}

/** Ends the functions' instances (worker threads); inline functions have nothing to end. */
export async function closeFunctions(functions: Map<string, LocalFunction>): Promise<void> {
  await Promise.all([...functions.values()].map((f) => f.close?.()))
}
