import fs from 'node:fs'
import path from 'node:path'
import { UNUSED_SDK_PARTS, buildFunction, buildFunctions, forbiddenInputs } from '../../scripts/build-functions'
import { discoverFunctions, installedVersion, readFunctionJson, REPO_ROOT } from '../../scripts/functions'
import { FIXTURE_FUNCTIONS, FIXTURE_REPO, invokeBundle, readJson, tmpDir } from './helpers'

jest.setTimeout(60_000)

const quiet = () => {}
let out: string
let echoDir: string
let keepDir: string

beforeAll(async () => {
  out = tmpDir('build')
  const built = await buildFunctions({
    functionsDir: FIXTURE_FUNCTIONS,
    repoRoot: FIXTURE_REPO,
    outDir: path.join(out, 'functions'),
    names: ['echo', 'keepsdk'],
    onSkip: quiet,
  })
  echoDir = built.find((b) => b.name === 'echo')!.outDir
  keepDir = built.find((b) => b.name === 'keepsdk')!.outDir
})

afterAll(() => fs.rmSync(out, { recursive: true, force: true }))

describe('discovery', () => {
  it('finds folders with an index.ts, and skips shared "_" folders and folders without index.ts', () => {
    const skipped: string[] = []
    const names = discoverFunctions(FIXTURE_FUNCTIONS, undefined, (dir) => skipped.push(path.basename(dir))).map((f) => f.name)
    expect(names).toEqual(['echo', 'keepsdk', 'leaky'])
    expect(skipped).toEqual(['notyet'])
  })

  it('rejects an unknown function name asked for on the command line', () => {
    expect(() => discoverFunctions(FIXTURE_FUNCTIONS, ['nope'], quiet)).toThrow(/unknown function\(s\): nope/)
  })

  it('fills function.json defaults and rejects unknown keys, out-of-range values and 5-field crons', () => {
    const dir = tmpDir('fnjson')
    const write = (o: unknown) => {
      fs.writeFileSync(path.join(dir, 'function.json'), JSON.stringify(o))
      return () => readFunctionJson(path.join(dir, 'function.json'))
    }
    expect(readFunctionJson(path.join(dir, 'absent.json'))).toMatchObject({
      timeoutSeconds: 10,
      memorySize: 256,
      runtime: 'Nodejs18.15',
      openapi: [],
      triggers: [],
      assets: [],
      envVariables: {},
      external: [],
    })
    expect(write({ timeout: 20 })).toThrow(/timeout/)
    expect(write({ timeoutSeconds: 61 })).toThrow(/timeoutSeconds/)
    expect(write({ memorySize: 300 })).toThrow(/memorySize/)
    expect(write({ triggers: [{ name: 't', type: 'timer', config: '*/5 * * * *' }] })).toThrow(/7-field/)
    expect(write({ assets: ['../secret.txt'] })).toThrow(/inside the function folder/)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})

describe('bundle', () => {
  it('is one CommonJS index.js whose main answers like the source does', async () => {
    const answer = await invokeBundle(
      echoDir,
      { action: 'hello', name: '张三' },
      {
        environment: JSON.stringify({ WX_OPENID: 'o-test' }),
      },
    )
    expect(answer).toEqual({ ok: true, data: { hello: '你好，张三', openid: 'o-test' } })
    expect(await invokeBundle(echoDir, { action: 'nope' })).toEqual({ ok: false, error: { code: 'FN.UNKNOWN_ACTION' } })
    expect(fs.readFileSync(path.join(echoDir, 'index.js'), 'utf8')).toMatch(/module\.exports/)
  })

  it('runs without any node_modules: node-sdk, zod and shared code are inside index.js', async () => {
    const isolated = tmpDir('isolated') // under the OS temp dir: no node_modules above it
    fs.cpSync(echoDir, isolated, { recursive: true })
    expect(await invokeBundle(isolated, { action: 'hello', name: 'x' })).toMatchObject({ ok: true })
    const pkg = readJson(path.join(isolated, 'package.json'))
    expect(pkg).toEqual({ name: 'echo', version: '1.0.0', private: true, main: 'index.js', dependencies: {} })
    fs.rmSync(isolated, { recursive: true, force: true })
  })

  it('keeps a package listed in "external" out of index.js and pins it in package.json', async () => {
    const meta = readJson(path.join(out, 'functions-meta', 'keepsdk.json'))
    expect(Object.keys(meta.inputs).some((i) => i.includes('node_modules/@cloudbase/node-sdk/'))).toBe(false)
    expect(readJson(path.join(keepDir, 'package.json')).dependencies).toEqual({
      '@cloudbase/node-sdk': installedVersion('@cloudbase/node-sdk', REPO_ROOT),
    })
    expect(readJson(path.join(keepDir, 'package.json')).dependencies['@cloudbase/node-sdk']).toMatch(/^\d+\.\d+\.\d+$/)
    // resolves node-sdk from the repo's node_modules here, as CloudBase's npm install would on deploy
    // CloudBase installs it next to index.js on deploy; here NODE_PATH points at the repo's node_modules
    const nodePath = { NODE_PATH: path.join(REPO_ROOT, 'node_modules') }
    expect(await invokeBundle(keepDir, {}, {}, nodePath)).toEqual({ ok: true, data: { hasInit: true } })
    await expect(invokeBundle(keepDir, {})).rejects.toThrow(/Cannot find module '@cloudbase\/node-sdk'/)
  })

  it('writes config.json with the openapi permissions of function.json', () => {
    expect(readJson(path.join(echoDir, 'config.json'))).toEqual({
      permissions: { openapi: ['subscribeMessage.send', 'security.msgSecCheck'] },
    })
    expect(readJson(path.join(keepDir, 'config.json'))).toEqual({ permissions: { openapi: [] } })
  })

  it('copies assets next to index.js under their relative paths, where the code finds them', async () => {
    expect(fs.readFileSync(path.join(echoDir, 'assets/data/note.txt'), 'utf8')).toBe('fixture asset\n')
    expect(await invokeBundle(echoDir, { action: 'asset' })).toEqual({ ok: true, data: { note: 'fixture asset' } })
  })

  it('writes an external source map linked from index.js', () => {
    const js = fs.readFileSync(path.join(echoDir, 'index.js'), 'utf8')
    expect(js.trimEnd().endsWith('//# sourceMappingURL=index.js.map')).toBe(true)
    const map = readJson(path.join(echoDir, 'index.js.map'))
    expect(map.sources.some((s: string) => s.endsWith('cloudfunctions/echo/index.ts'))).toBe(true)
  })

  it('fails the build of a function that imports the local emulator', async () => {
    const [leaky] = discoverFunctions(FIXTURE_FUNCTIONS, ['leaky'], quiet)
    await expect(buildFunction(leaky, { repoRoot: FIXTURE_REPO, outDir: path.join(out, 'leaky') })).rejects.toThrow(
      /includes the local emulator \(.*local\/emulator\.ts\)/,
    )
    expect(fs.existsSync(path.join(out, 'leaky', 'leaky', 'index.js'))).toBe(false)
  })

  it('recognises local/ inputs in a metafile, and only those', () => {
    const meta = { inputs: { 'local/db.ts': {}, 'cloudfunctions/_core/local.ts': {}, 'node_modules/local/index.js': {} }, outputs: {} }
    expect(forbiddenInputs(meta as never, REPO_ROOT, REPO_ROOT)).toEqual(['local/db.ts'])
  })
})

describe("the project's functions", () => {
  it('all build, and no bundle includes code from local/', async () => {
    const dir = tmpDir('project')
    const built = await buildFunctions({ outDir: path.join(dir, 'functions'), metaDir: path.join(dir, 'meta'), onSkip: quiet })
    for (const b of built) {
      const meta = readJson(path.join(dir, 'meta', `${b.name}.json`))
      expect({ name: b.name, local: forbiddenInputs(meta, REPO_ROOT, REPO_ROOT) }).toEqual({ name: b.name, local: [] })
      expect(Object.keys(meta.inputs).some((i) => i.startsWith('local/'))).toBe(false)
      expect(fs.existsSync(path.join(b.outDir, 'index.js'))).toBe(true)
    }
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('leave the SDK parts they never use out of the bundle, and still answer from an isolated folder', async () => {
    const dir = tmpDir('stubs')
    const [users] = await buildFunctions({ outDir: path.join(dir, 'functions'), metaDir: path.join(dir, 'meta'), names: ['users'], onSkip: quiet })
    const inputs = Object.keys(readJson(path.join(dir, 'meta', 'users.json')).inputs)
    for (const part of UNUSED_SDK_PARTS) expect(inputs.filter((i) => i.includes(`node_modules/${part}/`))).toEqual([])
    expect(inputs.some((i) => i.includes('node_modules/@cloudbase/node-sdk/'))).toBe(true)
    expect(await invokeBundle(users.outDir, { action: 'nope' }, { environment: JSON.stringify({ WX_OPENID: 'o' }) })).toMatchObject({
      ok: false,
      error: { code: 'FN.UNKNOWN_ACTION' },
    })
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
