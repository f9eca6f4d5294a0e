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
 * Only what changed is rebuilt: a function whose inputs (every file its last bundle was made of, as the metafile lists
 * them, its function.json and assets, the lockfile and this build's own code) hash as they did at its last build is
 * left as it is (`<name>.stamp.json` beside the metafile holds the hash). Files are written atomically — to a
 * temporary file in the same folder, then renamed over the old one — so a server loading a bundle while another
 * process builds it (two `npm start`s from one folder) reads the old file or the new one, never a missing or half one.
 *
 *   npm run build:functions [-- name ...] [-- --force]
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { build, version as esbuildVersion, type Metafile, type Plugin } from 'esbuild'
import { DIST_DIR, FUNCTIONS_DIR, META_DIR, REPO_ROOT, discoverFunctions, esbuildTarget, installedVersion, type FunctionInfo } from './functions'
import { FONTKIT_UMD, lazyFontkitTables } from './fontkit-lazy'
import { TEMP_FILE, writeAtomic } from './write-atomic'

export { writeAtomic }

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
  /** build even when the inputs are unchanged since the last build */
  force?: boolean
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
  /** nothing had changed since the last build: the bundle was left as it was */
  unchanged: boolean
}

/** Inputs that come from the local emulator (`<repoRoot>/local/**`). Exported for the tests. */
export function forbiddenInputs(metafile: Metafile, absWorkingDir: string, repoRoot: string): string[] {
  const localDir = path.join(repoRoot, 'local') + path.sep
  return Object.keys(metafile.inputs).filter((input) => {
    const abs = path.resolve(absWorkingDir, input.replace(/^[a-z-]+:/, ''))
    return abs.startsWith(localDir)
  })
}

/** Where an asset comes from: a file or folder of the function, or a file of an installed package. */
function assetSource(fn: FunctionInfo, asset: FunctionInfo['config']['assets'][number]): { from: string; target: string } {
  // a file of an installed package (e.g. a font) is resolved the way Node would from the repository root
  const from = typeof asset === 'string' ? path.join(fn.dir, asset) : require.resolve(asset.package, { paths: [REPO_ROOT] })
  const target = typeof asset === 'string' ? asset : asset.to
  if (!fs.existsSync(from)) throw new Error(`${fn.name}: asset "${target}" listed in function.json does not exist (${from})`)
  return { from, target }
}

/** Copies an asset (a file, or a folder's files) next to index.js, each file atomically; answers the files written. */
function copyAsset(fn: FunctionInfo, asset: FunctionInfo['config']['assets'][number], outDir: string): string[] {
  const { from, target } = assetSource(fn, asset)
  if (GENERATED.includes(path.normalize(target))) {
    throw new Error(`${fn.name}: asset "${target}" would overwrite a generated file`)
  }
  const written: string[] = []
  const copy = (src: string, to: string) => {
    if (fs.statSync(src).isDirectory()) {
      for (const entry of fs.readdirSync(src)) copy(path.join(src, entry), path.join(to, entry))
      return
    }
    writeAtomic(to, fs.readFileSync(src))
    written.push(to)
  }
  copy(from, path.join(outDir, target))
  return written
}

const GENERATED = ['index.js', 'index.js.map', 'package.json', 'config.json']

/** Files under `dir` that this build did not write (an asset no longer listed): removed, but never another builder's temporary file. */
function removeStale(dir: string, keep: Set<string>): void {
  if (!fs.existsSync(dir)) return
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      removeStale(p, keep)
      if (fs.readdirSync(p).length === 0) fs.rmSync(p, { recursive: true, force: true })
    } else if (!keep.has(p) && !TEMP_FILE.test(entry.name)) fs.rmSync(p, { force: true })
  }
}

/** What every bundle depends on besides its own inputs: the bundler, and this build's own code and settings. */
const BUILD_FINGERPRINT = createHash('sha256')
  .update(`esbuild ${esbuildVersion}\n`)
  .update(fs.readFileSync(__filename))
  .update(fs.readFileSync(path.join(__dirname, 'functions.ts')))
  .update(fs.readFileSync(path.join(__dirname, 'fontkit-lazy.ts')))
  .digest('hex')

/** Content hashes of files, per build run: functions share most of their inputs (node-sdk, zod, _core). */
type FileHashes = Map<string, string | null>

const hashFile = (file: string, cache: FileHashes): string | null => {
  let h = cache.get(file)
  if (h === undefined) {
    try {
      h = createHash('sha256').update(fs.readFileSync(file)).digest('hex')
    } catch {
      h = null
    }
    cache.set(file, h)
  }
  return h
}

/**
 * The hash of what a function's bundle is made of, given the inputs its last build listed; null when one of them is
 * gone (a file deleted or moved: then the bundle must be made again). A new import shows as a change in the file that
 * imports it, which is an input already; a changed package shows in the lockfile.
 */
export function inputsHash(fn: FunctionInfo, inputs: string[], opts: { repoRoot: string; externals: string[]; hashes: FileHashes }): string | null {
  const h = createHash('sha256')
  h.update(BUILD_FINGERPRINT)
  h.update(JSON.stringify({ name: fn.name, config: fn.config, externals: opts.externals }))
  h.update(`lock ${hashFile(path.join(opts.repoRoot, 'package-lock.json'), opts.hashes)}\n`)
  h.update(`tsconfig ${hashFile(path.join(opts.repoRoot, 'tsconfig.json'), opts.hashes)}\n`)
  for (const input of [...inputs].sort()) {
    h.update(`${input}\n`)
    // inputs in a plugin's namespace (the stubbed SDK parts) are made by this build: their name is all there is
    if (/^[a-z-]+:/.test(input)) continue
    const fileHash = hashFile(path.resolve(opts.repoRoot, input), opts.hashes)
    if (fileHash === null) return null
    h.update(`${fileHash}\n`)
  }
  for (const asset of fn.config.assets) {
    const { from, target } = assetSource(fn, asset)
    const walk = (p: string): string[] =>
      fs.statSync(p).isDirectory()
        ? fs
            .readdirSync(p)
            .sort()
            .flatMap((e) => walk(path.join(p, e)))
        : [p]
    for (const file of walk(from)) h.update(`asset ${target} ${path.relative(from, file)} ${hashFile(file, opts.hashes)}\n`)
  }
  return h.digest('hex')
}

interface Stamp {
  hash: string
}

const readJsonOr = <T>(file: string, fallback: T): T => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T
  } catch {
    return fallback
  }
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

/**
 * Packages the SDK requires as it loads but uses only on paths the database never takes: uploads (form-data), storage's
 * XML answers (xml2js), signing custom-login tickets (jsonwebtoken), the metadata service and the `requestClient` shim
 * (axios), proxies, and streamed AI answers (web-streams-polyfill). Their code stays in the bundle, but each is
 * evaluated at its first use instead of at every cold start: the SDK's `require` gets a stand-in that loads the real
 * module when anything is read from, called or constructed on it. Only packages the SDK reaches by property (never by
 * listing its keys, as `__importStar` does) can be listed here.
 */
export const DEFERRED_SDK_PACKAGES = ['axios', 'form-data', 'jsonwebtoken', 'xml2js', 'web-streams-polyfill', 'https-proxy-agent', 'http-proxy-agent']

const CLOUDBASE_PACKAGE = /[\\/]node_modules[\\/]@cloudbase[\\/]/
const deferUnneededSdkPackages: Plugin = {
  name: 'defer-unneeded-sdk-packages',
  setup(b) {
    const filter = new RegExp(`^(${DEFERRED_SDK_PACKAGES.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`)
    b.onResolve({ filter }, async (args) => {
      if (args.pluginData === 'real' || !CLOUDBASE_PACKAGE.test(args.importer)) return undefined
      const real = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'real' })
      if (real.errors.length || !real.path) return undefined
      return { path: real.path, namespace: 'deferred-sdk-package' }
    })
    b.onLoad({ filter: /.*/, namespace: 'deferred-sdk-package' }, (args) => ({
      // a bound function: callable and constructible, with no own `prototype` to pin what the proxy may answer
      contents: `let real
const load = () => real || (real = require(${JSON.stringify(args.path)}))
module.exports = new Proxy(function () {}.bind(null), {
  get: (_, key) => (key === '__esModule' ? undefined : Reflect.get(load(), key)),
  set: (_, key, value) => Reflect.set(load(), key, value),
  has: (_, key) => Reflect.has(load(), key),
  apply: (_, self, args) => Reflect.apply(load(), self, args),
  construct: (_, args) => Reflect.construct(load(), args),
})`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }))
  },
}

/**
 * The contract (`types/`) is a barrel: `types/index.ts` builds every function's schemas, and the functions import values
 * from it (error codes, labels, `AppError`). Its files only define schemas and values — nothing happens when they are
 * loaded — so they are marked free of side effects, and a bundle keeps only the files it uses: the users function no
 * longer builds the tickets', council's or volunteers' schemas at every cold start.
 */
const contractWithoutSideEffects = (repoRoot: string): Plugin => ({
  name: 'contract-without-side-effects',
  setup(b) {
    const typesDir = path.join(repoRoot, 'types') + path.sep
    b.onResolve({ filter: /^\.{1,2}\// }, async (args) => {
      if (args.pluginData === 'contract' || args.namespace !== 'file') return undefined
      const target = path.resolve(args.resolveDir, args.path)
      if (!(target + path.sep).startsWith(typesDir) && !target.startsWith(typesDir)) return undefined
      const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'contract' })
      if (resolved.errors.length || !resolved.path.startsWith(typesDir)) return undefined
      return { path: resolved.path, sideEffects: false }
    })
  },
})

/**
 * zod's index exports every one of its ~45 locales (`z.locales`, ≈ 300 KB of a bundle), evaluated at every cold start.
 * The functions answer in Chinese through their own error messages and keep zod's default English ones for the
 * issues they log; no code here calls `z.locales`. The locales index is replaced by one that holds English only.
 */
const ZOD_LOCALES = /[\\/]node_modules[\\/]zod[\\/]/
const onlyEnglishZodLocales: Plugin = {
  name: 'only-english-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      ZOD_LOCALES.test(args.importer) ? { path: path.join(path.dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-locales' } : undefined,
    )
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), 'en.js'))}`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }))
  },
}

/** fontkit with the shaping tables Chinese never needs built on first use, not at load (scripts/fontkit-lazy.ts). */
const lazyFontkit: Plugin = {
  name: 'lazy-fontkit-tables',
  setup(b) {
    b.onLoad({ filter: FONTKIT_UMD }, (args) => ({ contents: lazyFontkitTables(fs.readFileSync(args.path, 'utf8')), loader: 'js' }))
  },
}

/** The esbuild plugins every function bundle is made with. */
export const functionPlugins = (repoRoot: string): Plugin[] => [
  stubUnusedSdkParts,
  deferUnneededSdkPackages,
  onlyEnglishZodLocales,
  lazyFontkit,
  contractWithoutSideEffects(repoRoot),
]

export async function buildFunction(fn: FunctionInfo, opts: BuildOptions = {}, hashes: FileHashes = new Map()): Promise<BuiltFunction> {
  const started = Date.now()
  const repoRoot = opts.repoRoot ?? REPO_ROOT
  const outRoot = opts.outDir ?? DIST_DIR
  const metaDir = opts.metaDir ?? path.join(path.dirname(outRoot), 'functions-meta')
  const outDir = path.join(outRoot, fn.name)
  const externals = opts.externals ?? fn.externals
  const metaFile = path.join(metaDir, `${fn.name}.json`)
  const stampFile = path.join(metaDir, `${fn.name}.stamp.json`)

  if (!opts.force) {
    // unchanged since the last build, and its outputs all there: nothing to do
    const last = readJsonOr<Metafile | null>(metaFile, null)
    const stamp = readJsonOr<Stamp | null>(stampFile, null)
    const inputs = last ? Object.keys(last.inputs) : []
    const outputsThere = [...GENERATED, ...fn.config.assets.map((a) => (typeof a === 'string' ? a : a.to))].every((f) => fs.existsSync(path.join(outDir, f)))
    if (last && stamp && outputsThere && inputsHash(fn, inputs, { repoRoot, externals, hashes }) === stamp.hash) {
      return {
        name: fn.name,
        outDir,
        bundleBytes: fs.statSync(path.join(outDir, 'index.js')).size,
        inputs,
        externals,
        ms: Date.now() - started,
        unchanged: true,
      }
    }
  }

  const buildStart = Date.now()
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
    plugins: functionPlugins(repoRoot),
  })

  const leaked = forbiddenInputs(result.metafile, repoRoot, repoRoot)
  if (leaked.length) {
    throw new Error(
      `${fn.name}: the bundle includes the local emulator (${leaked.join(', ')}). ` +
        'Functions must not import from local/; inject local-only code from local/ instead.',
    )
  }
  for (const w of result.warnings) opts.log?.(`  warning (${fn.name}): ${w.text}`)

  // The folder is never emptied first: a server may be loading index.js from it right now. Each file is replaced
  // atomically, the map before the bundle that links it, and files of an older build that this one no longer makes
  // are removed after.
  const written = new Set<string>()
  const put = (file: string, content: string | Uint8Array) => {
    writeAtomic(file, content)
    written.add(file)
  }
  const outputs = [...result.outputFiles].sort((a, b) => Number(a.path.endsWith('index.js')) - Number(b.path.endsWith('index.js')))
  for (const file of outputs) put(file.path, file.contents)

  const pkg = {
    name: fn.name,
    version: '1.0.0',
    private: true,
    main: 'index.js',
    dependencies: Object.fromEntries(externals.map((p) => [p, installedVersion(p, repoRoot)])),
  }
  put(path.join(outDir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
  const config = { permissions: { openapi: [...fn.config.openapi] } }
  put(path.join(outDir, 'config.json'), JSON.stringify(config, null, 2) + '\n')
  for (const asset of fn.config.assets) for (const f of copyAsset(fn, asset, outDir)) written.add(f)
  removeStale(outDir, written)

  const inputs = Object.keys(result.metafile.inputs)
  writeAtomic(metaFile, JSON.stringify(result.metafile))
  // Last: a build that dies before this line is made again next time. Not stamped either when an input was saved
  // while esbuild read them: the hash would be of the new content, the bundle of the old.
  const editedMeanwhile = inputs.some(
    (i) => !/^[a-z-]+:/.test(i) && (fs.statSync(path.resolve(repoRoot, i), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) >= buildStart,
  )
  const hash = editedMeanwhile ? null : inputsHash(fn, inputs, { repoRoot, externals, hashes: new Map() })
  if (hash) writeAtomic(stampFile, JSON.stringify({ hash } satisfies Stamp) + '\n')
  else fs.rmSync(stampFile, { force: true })

  const bundleBytes = fs.statSync(path.join(outDir, 'index.js')).size
  return { name: fn.name, outDir, bundleBytes, inputs, externals, ms: Date.now() - started, unchanged: false }
}

export async function buildFunctions(opts: BuildOptions = {}): Promise<BuiltFunction[]> {
  const fns = discoverFunctions(opts.functionsDir ?? FUNCTIONS_DIR, opts.names, opts.onSkip)
  const built: BuiltFunction[] = []
  const hashes: FileHashes = new Map()
  for (const fn of fns) {
    const b = await buildFunction(fn, opts, hashes)
    opts.log?.(
      `  ${b.name.padEnd(24)} ${(b.bundleBytes / 1024).toFixed(1).padStart(8)} KB  ${String(b.ms).padStart(5)} ms` +
        (b.unchanged ? '  unchanged' : '') +
        (b.externals.length ? `  external: ${b.externals.join(', ')}` : ''),
    )
    built.push(b)
  }
  return built
}

/** Bundles and metafiles of functions that no longer exist: removed by a full build (the current ones are replaced in place). */
export function removeGoneFunctions(outRoot: string = DIST_DIR, metaDir: string = META_DIR, functionsDir: string = FUNCTIONS_DIR): string[] {
  const current = new Set(discoverFunctions(functionsDir, undefined, () => {}).map((f) => f.name))
  const gone = fs.existsSync(outRoot)
    ? fs
        .readdirSync(outRoot, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !current.has(d.name))
        .map((d) => d.name)
    : []
  for (const name of gone) {
    fs.rmSync(path.join(outRoot, name), { recursive: true, force: true })
    for (const f of [`${name}.json`, `${name}.stamp.json`]) fs.rmSync(path.join(metaDir, f), { force: true })
  }
  return gone
}

// (cast: Taro's global typings replace `require`'s type)
if ((require as unknown as NodeJS.Require).main === module) {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'))
  const force = process.argv.includes('--force')
  const t0 = Date.now()
  // A full build also clears bundles of functions that no longer exist.
  if (!names.length) removeGoneFunctions()
  console.log(`building cloud functions → ${path.relative(REPO_ROOT, DIST_DIR)}/${force ? ' (all, --force)' : ' (what changed)'}`)
  buildFunctions({ names, force, log: (l) => console.log(l) }).then(
    (built) => console.log(`${built.filter((b) => !b.unchanged).length} of ${built.length} function(s) built in ${Date.now() - t0} ms`),
    (e) => {
      console.error(e instanceof Error ? e.message : e)
      process.exit(1)
    },
  )
}
