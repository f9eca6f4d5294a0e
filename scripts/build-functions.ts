/**
 * Bundles every cloud function (or the ones named on the command line) into `dist/functions/<name>/`:
 *   index.js       CommonJS for Node (target from the runtime, node18), whitespace/syntax minified, names kept
 *   index.js.map   external source map (linked by a sourceMappingURL comment)
 *   package.json   name, version, main, and only the dependencies left external (see SHARED_EXTERNALS)
 *   config.json    { "permissions": { "openapi": [...] } } from function.json
 *   <assets>       files/folders listed in function.json `assets`, same relative paths
 * and the esbuild metafile to `dist/functions-meta/<name>.json` (not deployed).
 *
 * A bundle that pulls in anything from `local/` (the local emulator) fails the build.
 *
 *   npm run build:functions [-- name ...]
 */
import fs from 'node:fs'
import path from 'node:path'
import { build, type Metafile, type Plugin } from 'esbuild'
import {
  DIST_DIR,
  FUNCTIONS_DIR,
  META_DIR,
  REPO_ROOT,
  discoverFunctions,
  esbuildTarget,
  installedVersion,
  type FunctionInfo,
} from './functions'

export interface BuildOptions {
  /** folder holding the function folders; default `cloudfunctions/` */
  functionsDir?: string
  /** output root; default `dist/functions` */
  outDir?: string
  /** where metafiles go; default `dist/functions-meta` */
  metaDir?: string
  /** repo root: `<repoRoot>/local/**` may not be bundled and externals resolve from `<repoRoot>/node_modules` */
  repoRoot?: string
  /** only these functions */
  names?: string[]
  /** override the externals decided per function (used by the cold-start comparison) */
  externals?: string[]
  log?: (line: string) => void
  /** told about folders that are not functions (no index.ts); default: a console warning */
  onSkip?: (dir: string, reason: string) => void
}

export interface BuiltFunction {
  name: string
  outDir: string
  /** bytes of index.js */
  bundleBytes: number
  /** input files of the bundle, relative to the repo root (as esbuild reports them) */
  inputs: string[]
  externals: string[]
  ms: number
}

/** Inputs that come from the local emulator (`<repoRoot>/local/**`). Exported for the tests. */
export function forbiddenInputs(metafile: Metafile, absWorkingDir: string, repoRoot: string): string[] {
  const localDir = path.join(repoRoot, 'local') + path.sep
  return Object.keys(metafile.inputs).filter((input) => {
    const abs = path.resolve(absWorkingDir, input.replace(/^[a-z-]+:/, ''))
    return abs.startsWith(localDir)
  })
}

function copyAsset(fn: FunctionInfo, asset: FunctionInfo['config']['assets'][number], outDir: string) {
  // a file of an installed package (e.g. a font) is resolved the way Node would from the repository root
  const from = typeof asset === 'string' ? path.join(fn.dir, asset) : require.resolve(asset.package, { paths: [REPO_ROOT] })
  const target = typeof asset === 'string' ? asset : asset.to
  if (!fs.existsSync(from)) throw new Error(`${fn.name}: asset "${target}" listed in function.json does not exist (${from})`)
  const to = path.join(outDir, target)
  if (['index.js', 'index.js.map', 'package.json', 'config.json'].includes(path.normalize(target))) {
    throw new Error(`${fn.name}: asset "${target}" would overwrite a generated file`)
  }
  fs.mkdirSync(path.dirname(to), { recursive: true })
  fs.cpSync(from, to, { recursive: true })
}

/**
 * Parts of @cloudbase/node-sdk the functions never use, replaced by stubs: the SDK requires them eagerly, and
 * they are a third of its code (≈ 580 KB of the bundle), paid at every cold start. `app.ai()` and
 * `app.models` / `app.rdb()` are not part of this project; the stubs throw if anything reaches them. The SDK's
 * own init wraps its data-model setup in try/catch, so a missing client is ignored there.
 */
export const UNUSED_SDK_PARTS = ['@cloudbase/ai', '@cloudbase/wx-cloud-client-sdk']

const stubUnusedSdkParts: Plugin = {
  name: 'stub-unused-sdk-parts',
  setup(b) {
    const filter = new RegExp(`^(${UNUSED_SDK_PARTS.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`)
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'unused-sdk-part' }))
    b.onLoad({ filter: /.*/, namespace: 'unused-sdk-part' }, (args) => ({
      contents: `const fail = () => { throw new Error(${JSON.stringify(`${args.path} is not bundled into this function`)}) }
module.exports = new Proxy({}, { get: (_, key) => (key === '__esModule' ? false : key === 'default' ? module.exports : fail) })`,
      loader: 'js',
    }))
  },
}

export async function buildFunction(fn: FunctionInfo, opts: BuildOptions = {}): Promise<BuiltFunction> {
  const started = Date.now()
  const repoRoot = opts.repoRoot ?? REPO_ROOT
  const outRoot = opts.outDir ?? DIST_DIR
  const metaDir = opts.metaDir ?? path.join(path.dirname(outRoot), 'functions-meta')
  const outDir = path.join(outRoot, fn.name)
  const externals = opts.externals ?? fn.externals

  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: [fn.entry],
    outfile: path.join(outDir, 'index.js'),
    bundle: true,
    platform: 'node', // Node built-ins stay external
    format: 'cjs',
    target: esbuildTarget(fn.config.runtime),
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: false, // readable names in stack traces and logs
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    external: externals.flatMap((p) => [p, `${p}/*`]),
    // `main` must be reachable as exports.main for the `index.main` handler
    mainFields: ['main', 'module'],
    metafile: true,
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [stubUnusedSdkParts],
  })

  const leaked = forbiddenInputs(result.metafile, repoRoot, repoRoot)
  if (leaked.length) {
    throw new Error(
      `${fn.name}: the bundle includes the local emulator (${leaked.join(', ')}). ` +
        'Functions must not import from local/; inject local-only code from local/ instead.',
    )
  }
  for (const w of result.warnings) opts.log?.(`  warning (${fn.name}): ${w.text}`)

  fs.rmSync(outDir, { recursive: true, force: true })
  fs.mkdirSync(outDir, { recursive: true })
  for (const file of result.outputFiles) fs.writeFileSync(file.path, file.contents)

  const pkg = {
    name: fn.name,
    version: '1.0.0',
    private: true,
    main: 'index.js',
    dependencies: Object.fromEntries(externals.map((p) => [p, installedVersion(p, repoRoot)])),
  }
  fs.writeFileSync(path.join(outDir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
  const config = { permissions: { openapi: [...fn.config.openapi] } }
  fs.writeFileSync(path.join(outDir, 'config.json'), JSON.stringify(config, null, 2) + '\n')
  for (const asset of fn.config.assets) copyAsset(fn, asset, outDir)

  fs.mkdirSync(metaDir, { recursive: true })
  fs.writeFileSync(path.join(metaDir, `${fn.name}.json`), JSON.stringify(result.metafile))

  const bundleBytes = fs.statSync(path.join(outDir, 'index.js')).size
  return {
    name: fn.name,
    outDir,
    bundleBytes,
    inputs: Object.keys(result.metafile.inputs),
    externals,
    ms: Date.now() - started,
  }
}

export async function buildFunctions(opts: BuildOptions = {}): Promise<BuiltFunction[]> {
  const fns = discoverFunctions(opts.functionsDir ?? FUNCTIONS_DIR, opts.names, opts.onSkip)
  const built: BuiltFunction[] = []
  for (const fn of fns) {
    const b = await buildFunction(fn, opts)
    opts.log?.(
      `  ${b.name.padEnd(24)} ${(b.bundleBytes / 1024).toFixed(1).padStart(8)} KB  ${String(b.ms).padStart(5)} ms` +
        (b.externals.length ? `  external: ${b.externals.join(', ')}` : ''),
    )
    built.push(b)
  }
  return built
}

// (cast: Taro's global typings replace `require`'s type)
if ((require as unknown as NodeJS.Require).main === module) {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'))
  const t0 = Date.now()
  // A full build also clears bundles of functions that no longer exist.
  if (!names.length) {
    fs.rmSync(DIST_DIR, { recursive: true, force: true })
    fs.rmSync(META_DIR, { recursive: true, force: true })
  }
  console.log(`building cloud functions → ${path.relative(REPO_ROOT, DIST_DIR)}/`)
  buildFunctions({ names, log: (l) => console.log(l) }).then(
    (built) => console.log(`${built.length} function(s) built in ${Date.now() - t0} ms`),
    (e) => {
      console.error(e instanceof Error ? e.message : e)
      process.exit(1)
    },
  )
}
