/**
 * Discovery of the deployed cloud functions and their `function.json`: the single source read by
 * `scripts/build-functions.ts` (bundles, package.json, config.json, assets) and by `scripts/cloudbaserc.ts`
 * (cloudbaserc.json). Nothing here touches the network or writes files.
 *
 * A function is a folder `cloudfunctions/<name>/` whose name does not start with `_` or `.`, with an entry
 * `index.ts` exporting `main(event, context)` (CloudBase handler `index.main`) and an optional `function.json`:
 *
 * ```jsonc
 * {
 *   "timeoutSeconds": 10,                        // 1–60, default 10
 *   "memorySize": 256,                           // 128 | 256 | 512 | 1024 | 2048, default 256
 *   "runtime": "Nodejs18.15",                    // default Nodejs18.15; the bundle targets the same Node major
 *   "openapi": ["subscribeMessage.send"],        // → config.json permissions.openapi (WeChat 云调用)
 *   "triggers": [{ "name": "every5min", "type": "timer", "config": "0 *\/5 * * * * *" }], // 7-field CloudBase cron
 *   "assets": ["fonts/a.ttf",                    // files or folders relative to the function folder, copied next to index.js,
 *              { "package": "pkg/files/b.woff", "to": "fonts/b.woff" }],  // or a file of an installed npm package
 *   "envVariables": { "LOG_LEVEL": "info" },     // plain, non-secret values (cloudbaserc.json is committed)
 *   "external": ["some-native-module"]           // packages kept out of the bundle, installed by CloudBase on deploy
 * }
 * ```
 * Unknown keys are rejected so that a typo (`"timeout": 20`) fails the build instead of being ignored.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

export const REPO_ROOT = path.resolve(__dirname, '..')
export const FUNCTIONS_DIR = path.join(REPO_ROOT, 'cloudfunctions')
export const DIST_DIR = path.join(REPO_ROOT, 'dist', 'functions')
/** esbuild metafiles, kept out of the deployed folders. */
export const META_DIR = path.join(REPO_ROOT, 'dist', 'functions-meta')

/**
 * Packages every function keeps external (installed by CloudBase from the generated package.json) on top of its own
 * `external` list. Empty: @cloudbase/node-sdk (and everything else) is bundled into index.js.
 *
 * Why bundled: measured with `npx tsx bench/coldstart.ts --compare <fn> --runs=9` (2 cores, Node 20, median of 9
 * spawns, process start → first answer of `main`) on a throwaway function importing node-sdk + zod:
 *   node-sdk bundled into index.js (1.95 MB, one file)           228 ms   (runs 218–256)
 *   node-sdk external, required from node_modules (570 KB + sdk)  358 ms   (runs 312–404)
 *   bare `node -e "require('@cloudbase/node-sdk')"`                288 ms   (runs 273–346)
 * One pre-linked file saves the module resolution, stat/read and wrapper compilation of hundreds of files; on
 * CloudBase, where an instance's disk is colder than this machine's page cache, the gap can only grow. Bundling also
 * deploys one small folder with `installDependency: false` (no npm install on the server, no 37 MB node_modules).
 * Where the remaining time goes (cpu profile of the bundled require): ≈ 55 ms compiling the 2 MB file, ≈ 40 ms
 * running module bodies (node-sdk eagerly loads its AI, models, storage/XML and JWT code; zod 4 adds 570 KB with its
 * locales), ≈ 60 ms bare Node start.
 */
export const SHARED_EXTERNALS: readonly string[] = []

export const DEFAULT_RUNTIME = 'Nodejs18.15'

const CRON_FIELD = /^[0-9A-Za-z*?,/#L-]+$/
const PACKAGE_NAME = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/

const RelativePath = z
  .string()
  .min(1)
  .refine((p) => !path.isAbsolute(p) && !p.split(/[\\/]/).includes('..'), 'must be a path inside the function folder (relative, no "..")')

export const FunctionJsonSchema = z.strictObject({
  $comment: z.string().optional(),
  timeoutSeconds: z.number().int().min(1).max(60).default(10),
  memorySize: z.union([z.literal(128), z.literal(256), z.literal(512), z.literal(1024), z.literal(2048)]).default(256),
  runtime: z
    .string()
    .regex(/^Nodejs(1[6-9]|2\d)\.\d+$/, 'must look like "Nodejs18.15"')
    .default(DEFAULT_RUNTIME),
  openapi: z.array(z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z]+)+$/, 'must look like "subscribeMessage.send"')).default([]),
  triggers: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[A-Za-z][\w-]{0,59}$/, 'letters, digits, "_" and "-", starting with a letter'),
        type: z.literal('timer'),
        config: z.string().refine((c) => {
          const fields = c.trim().split(/\s+/)
          return fields.length === 7 && fields.every((f) => CRON_FIELD.test(f))
        }, 'must be a 7-field CloudBase cron: second minute hour day month weekday year, e.g. "0 */5 * * * * *"'),
      }),
    )
    .default([])
    .refine((ts) => new Set(ts.map((t) => t.name)).size === ts.length, 'trigger names must be unique'),
  assets: z.array(z.union([RelativePath, z.strictObject({ package: z.string().regex(/^(@[a-z0-9._-]+\/)?[a-z0-9._-]+\/.+/), to: RelativePath })])).default([]),
  envVariables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).default({}),
  external: z.array(z.string().regex(PACKAGE_NAME, 'must be an npm package name')).default([]),
})

export type FunctionJson = z.output<typeof FunctionJsonSchema>

export interface FunctionInfo {
  name: string
  /** absolute path of `cloudfunctions/<name>` */
  dir: string
  /** absolute path of the entry `index.ts` */
  entry: string
  config: FunctionJson
  /** packages left out of the bundle (shared + own), each installed by CloudBase */
  externals: string[]
}

const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

/** Reads and validates one function.json (absent file → all defaults). Throws with the file name on any problem. */
export function readFunctionJson(file: string): FunctionJson {
  if (!fs.existsSync(file)) return FunctionJsonSchema.parse({})
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`)
  }
  const parsed = FunctionJsonSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n')
    throw new Error(`${file}: invalid function.json\n${issues}`)
  }
  return parsed.data
}

/**
 * Every deployable function under `functionsDir`, sorted by name. `names` restricts the list (unknown names throw).
 * A folder without `index.ts` is not a function (yet): it is skipped and reported through `onSkip`.
 */
export function discoverFunctions(
  functionsDir: string = FUNCTIONS_DIR,
  names?: string[],
  onSkip: (dir: string, reason: string) => void = (dir, reason) => console.warn(`skipping ${dir}: ${reason}`),
): FunctionInfo[] {
  const all = fs
    .readdirSync(functionsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && !d.name.startsWith('.'))
    .map((d) => d.name)
    .filter((name) => {
      if (fs.existsSync(path.join(functionsDir, name, 'index.ts'))) return true
      onSkip(path.join(functionsDir, name), 'no index.ts (folders starting with "_" hold shared code)')
      return false
    })
    .sort()
  if (names && names.length) {
    const unknown = names.filter((n) => !all.includes(n))
    if (unknown.length) throw new Error(`unknown function(s): ${unknown.join(', ')} (found: ${all.join(', ') || 'none'})`)
  }
  const picked = names && names.length ? all.filter((n) => names.includes(n)) : all
  return picked.map((name) => {
    const dir = path.join(functionsDir, name)
    if (!FUNCTION_NAME.test(name)) {
      throw new Error(`${dir}: a function name must start with a letter and hold only letters, digits, "_" and "-"`)
    }
    const entry = path.join(dir, 'index.ts')
    const config = readFunctionJson(path.join(dir, 'function.json'))
    const externals = [...new Set([...SHARED_EXTERNALS, ...config.external])].sort()
    return { name, dir, entry, config, externals }
  })
}

/** `Nodejs18.15` → `node18` (esbuild target). */
export function esbuildTarget(runtime: string): string {
  const m = /^Nodejs(\d+)/.exec(runtime)
  if (!m) throw new Error(`unknown runtime ${runtime}`)
  return `node${m[1]}`
}

/**
 * The exact installed version of an external package, for the generated package.json: the deployed function runs
 * the version the tests ran. Looked up like Node does, from `fromDir` upwards.
 */
export function installedVersion(pkg: string, fromDir: string = REPO_ROOT): string {
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', ...pkg.split('/'), 'package.json')
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')).version
    if (path.dirname(dir) === dir) throw new Error(`external package ${pkg} is not installed (looked upwards from ${fromDir})`)
  }
}
