/**
 * The layer rules the README states, checked on import statements (run by tests/tooling/layers.test.ts, or
 * `npx tsx scripts/layers.ts` to list what breaks them):
 *   pages        src/ never imports function code, the local emulator or the SDK: it reaches functions through the API
 *   contract     types/ imports nothing of the app: both sides derive from it
 *   domain       cloudfunctions/_core/domain/ is pure: no repositories, no SDK door, no WeChat, no request handling
 *   queries      only cloudfunctions/_core/repos/ imports the query base (repos/base.ts)
 *   sdk          only cloudfunctions/_core/cloud.ts imports @cloudbase/node-sdk
 */
import { readFileSync, readdirSync, statSync } from 'fs'
import path from 'path'

export interface Violation {
  rule: 'pages' | 'contract' | 'domain' | 'queries' | 'sdk'
  file: string
  imports: string
}

const SPECIFIER =
  /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g

/** Every module a source file names, relative ones as repository paths without extension ("cloudfunctions/_core/repos/base"). */
export function importsOf(file: string, source: string): string[] {
  const out: string[] = []
  // comments may mention modules (as this file does); only code counts
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
  for (const m of code.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4]
    if (!spec) continue
    out.push(spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.(tsx?|js)$/, '') : spec)
  }
  return out
}

const under = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`)

/** The rules broken by one file's imports. `file` is a repository path with forward slashes. */
export function violationsOf(file: string, source: string): Violation[] {
  const found: Violation[] = []
  for (const imp of importsOf(file, source)) {
    const v = (rule: Violation['rule']) => found.push({ rule, file, imports: imp })
    if (under(file, 'src') && (under(imp, 'cloudfunctions') || under(imp, 'local') || imp.startsWith('@cloudbase/node-sdk'))) v('pages')
    if (under(file, 'types') && (under(imp, 'cloudfunctions') || under(imp, 'src') || under(imp, 'local'))) v('contract')
    if (
      under(file, 'cloudfunctions/_core/domain') &&
      (under(imp, 'cloudfunctions/_core/repos') ||
        [
          'cloudfunctions/_core/cloud',
          'cloudfunctions/_core/wx',
          'cloudfunctions/_core/serve',
          'cloudfunctions/_core/notify',
          'cloudfunctions/_core/outbox',
        ].includes(imp) ||
        imp.startsWith('@cloudbase/'))
    )
      v('domain')
    if (imp === 'cloudfunctions/_core/repos/base' && !under(file, 'cloudfunctions/_core/repos')) v('queries')
    if (imp.startsWith('@cloudbase/node-sdk') && file !== 'cloudfunctions/_core/cloud.ts') v('sdk')
  }
  return found
}

const SOURCE = /\.(ts|tsx)$/

function* sourcesUnder(root: string, dir: string): Generator<string> {
  for (const name of readdirSync(path.join(root, dir))) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const rel = `${dir}/${name}`
    if (statSync(path.join(root, rel)).isDirectory()) yield* sourcesUnder(root, rel)
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) yield rel
  }
}

/** Every violation in the app's source folders. */
export function violationsIn(root: string, dirs = ['src', 'types', 'cloudfunctions']): Violation[] {
  const out: Violation[] = []
  for (const dir of dirs) for (const file of sourcesUnder(root, dir)) out.push(...violationsOf(file, readFileSync(path.join(root, file), 'utf8')))
  return out
}

if (require.main === module) {
  const found = violationsIn(path.resolve(__dirname, '..'))
  for (const v of found) console.log(`${v.rule}\t${v.file}\t→ ${v.imports}`)
  console.log(`${found.length} violation(s)`)
  process.exitCode = found.length ? 1 : 0
}
