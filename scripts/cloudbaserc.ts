/**
 * Writes cloudbaserc.json (committed) from the functions' function.json files, so that after
 * `npm run build:functions` a `tcb fn deploy <name>` from the repo root deploys dist/functions/<name>.
 *
 *   npx tsx scripts/cloudbaserc.ts            rewrite cloudbaserc.json
 *   npx tsx scripts/cloudbaserc.ts --check    exit 1 if cloudbaserc.json is out of date
 * A test (tests/tooling/cloudbaserc.test.ts) fails when the committed file is out of date.
 */
import fs from 'node:fs'
import path from 'node:path'
import { FUNCTIONS_DIR, REPO_ROOT, discoverFunctions, type FunctionInfo } from './functions'

export const CLOUDBASERC_PATH = path.join(REPO_ROOT, 'cloudbaserc.json')

export function functionEntry(fn: FunctionInfo) {
  return {
    name: fn.name,
    runtime: fn.config.runtime,
    timeout: fn.config.timeoutSeconds,
    memorySize: fn.config.memorySize,
    handler: 'index.main',
    // Everything is bundled into index.js unless a package is kept external; only then must CloudBase run npm install.
    installDependency: fn.externals.length > 0,
    triggers: fn.config.triggers.map((t) => ({ name: t.name, type: t.type, config: t.config })),
    envVariables: { ...fn.config.envVariables },
  }
}

export function cloudbaserc(functionsDir: string = FUNCTIONS_DIR) {
  return {
    version: '2.0',
    envId: '{{env.ENV_ID}}',
    functionRoot: './dist/functions',
    functions: discoverFunctions(functionsDir, undefined, () => {}).map(functionEntry),
  }
}

export function renderCloudbaserc(functionsDir: string = FUNCTIONS_DIR): string {
  return JSON.stringify(cloudbaserc(functionsDir), null, 2) + '\n'
}

// (cast: Taro's global typings replace `require`'s type)
if ((require as unknown as NodeJS.Require).main === module) {
  // --file=… and --functions-dir=… exist for the tests
  const arg = (k: string) => process.argv.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3)
  const target = path.resolve(arg('file') ?? CLOUDBASERC_PATH)
  const expected = renderCloudbaserc(arg('functions-dir') ? path.resolve(arg('functions-dir')!) : FUNCTIONS_DIR)
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''
  if (process.argv.includes('--check')) {
    if (current !== expected) {
      console.error(`${path.relative(REPO_ROOT, target)} is out of date: run \`npx tsx scripts/cloudbaserc.ts\` and commit it`)
      process.exit(1)
    }
    console.log(`${path.relative(REPO_ROOT, target)} is up to date`)
  } else {
    fs.writeFileSync(target, expected)
    console.log(`wrote ${path.relative(REPO_ROOT, target)}`)
  }
}
