import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { buildFunctions, writeAtomic, type BuildOptions } from '../../scripts/build-functions'
import { REPO_ROOT } from '../../scripts/functions'
import { FIXTURE_REPO, invokeBundle, tmpDir } from './helpers'

jest.setTimeout(120_000)

/**
 * `npm start` builds the bundles before serving them: only the functions whose inputs changed are built again, and
 * every file is replaced atomically, so a server (or a second start) reading a bundle never finds it missing or cut.
 */
describe('incremental and atomic function builds', () => {
  let repo: string
  let opts: BuildOptions
  const outDir = () => path.join(repo, 'dist', 'functions')
  const build = async (extra: Partial<BuildOptions> = {}) =>
    Object.fromEntries((await buildFunctions({ ...opts, ...extra })).map((b) => [b.name, b.unchanged ? 'unchanged' : 'built']))
  const touch = (file: string, text: string) => fs.appendFileSync(path.join(repo, file), text)

  beforeEach(() => {
    // a repository of its own to edit: the fixture's functions, with the project's packages
    repo = tmpDir('incremental')
    fs.cpSync(FIXTURE_REPO, repo, { recursive: true })
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(repo, 'node_modules'))
    opts = {
      functionsDir: path.join(repo, 'cloudfunctions'),
      repoRoot: repo,
      outDir: outDir(),
      metaDir: path.join(repo, 'dist', 'functions-meta'),
      names: ['echo', 'keepsdk'],
      onSkip: () => {},
    }
  })
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }))

  it('when nothing changed since the last build, then no function is built again and the bundles are left untouched', async () => {
    expect(await build()).toEqual({ echo: 'built', keepsdk: 'built' })
    const before = fs.statSync(path.join(outDir(), 'echo', 'index.js')).mtimeMs
    expect(await build()).toEqual({ echo: 'unchanged', keepsdk: 'unchanged' })
    expect(fs.statSync(path.join(outDir(), 'echo', 'index.js')).mtimeMs).toBe(before)
    expect(await invokeBundle(path.join(outDir(), 'echo'), { action: 'hello', name: '李四' })).toMatchObject({ ok: true, data: { hello: '你好，李四' } })
  })

  it('when a file one function imports changes, then that function alone is built again, and its bundle has the change', async () => {
    await build()
    const greet = path.join(repo, 'cloudfunctions', '_core', 'greet.ts')
    fs.writeFileSync(greet, fs.readFileSync(greet, 'utf8').replace('你好', '您好'))
    expect(await build()).toEqual({ echo: 'built', keepsdk: 'unchanged' })
    expect(await invokeBundle(path.join(outDir(), 'echo'), { action: 'hello', name: '李四' })).toMatchObject({ ok: true, data: { hello: '您好，李四' } })
    touch('cloudfunctions/keepsdk/index.ts', '\n// edited\n')
    expect(await build()).toEqual({ echo: 'unchanged', keepsdk: 'built' })
  })

  it('when an asset or function.json changes, then the function is built again; a file no longer made is removed', async () => {
    await build()
    touch('cloudfunctions/echo/assets/data/note.txt', 'more\n')
    expect(await build()).toEqual({ echo: 'built', keepsdk: 'unchanged' })
    expect(fs.readFileSync(path.join(outDir(), 'echo', 'assets', 'data', 'note.txt'), 'utf8')).toBe('fixture asset\nmore\n')
    const spec = path.join(repo, 'cloudfunctions', 'echo', 'function.json')
    fs.writeFileSync(spec, JSON.stringify({ ...JSON.parse(fs.readFileSync(spec, 'utf8')), assets: [] }))
    expect(await build()).toEqual({ echo: 'built', keepsdk: 'unchanged' })
    expect(fs.existsSync(path.join(outDir(), 'echo', 'assets'))).toBe(false)
  })

  it('when a build died before it finished (no stamp) or an output is gone, then the function is built again', async () => {
    await build()
    fs.rmSync(path.join(repo, 'dist', 'functions-meta', 'echo.stamp.json'))
    fs.rmSync(path.join(outDir(), 'keepsdk', 'config.json'))
    expect(await build()).toEqual({ echo: 'built', keepsdk: 'built' })
    expect(await build({ force: true })).toEqual({ echo: 'built', keepsdk: 'built' })
  })

  it('when bundles are rebuilt while another thread reads them, then every read finds a whole file, never a missing or partial one', async () => {
    await build()
    const file = path.join(outDir(), 'echo', 'index.js')
    // a reader in a thread of its own, as a server loading the bundle would, for as long as the builds run
    const reader = new Worker(
      `const fs = require('fs'); const { workerData: file, parentPort } = require('worker_threads')
       const size = fs.statSync(file).size // the same inputs make the same bundle: any other size is a cut file
       let reads = 0, bad = 0, stop = false
       parentPort.on('message', () => (stop = true))
       const loop = () => {
         for (let i = 0; i < 500; i++) {
           reads++
           try {
             if (i % 100 === 0) { if (!fs.readFileSync(file, 'utf8').trimEnd().endsWith('//# sourceMappingURL=index.js.map')) bad++ }
             else if (fs.statSync(file).size !== size) bad++
           } catch { bad++ }
         }
         if (stop) parentPort.postMessage({ reads, bad }); else setImmediate(loop)
       }
       loop()`,
      { eval: true, workerData: file },
    )
    const tally = new Promise<{ reads: number; bad: number }>((resolve) => reader.once('message', resolve))
    // two builds at once of the same folder (two `npm start`s), then one more
    await Promise.all([build({ force: true, names: ['echo'] }), build({ force: true, names: ['echo'] })])
    for (let i = 0; i < 3; i++) await build({ force: true, names: ['echo'] })
    reader.postMessage('stop')
    const { reads, bad } = await tally
    await reader.terminate()
    expect(reads).toBeGreaterThan(1000)
    expect(bad).toBe(0)
    expect(fs.readdirSync(path.join(outDir(), 'echo')).filter((f) => f.includes('.tmp-'))).toEqual([])
    expect(await invokeBundle(path.join(outDir(), 'echo'), { action: 'asset' })).toEqual({ ok: true, data: { note: 'fixture asset' } })
  })

  it('when a file is written atomically, then it appears whole under its name and nothing else is left in the folder', () => {
    const dir = tmpDir('atomic')
    const file = path.join(dir, 'sub', 'a.txt')
    writeAtomic(file, 'one')
    writeAtomic(file, 'two')
    expect(fs.readFileSync(file, 'utf8')).toBe('two')
    expect(fs.readdirSync(path.dirname(file))).toEqual(['a.txt'])
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
