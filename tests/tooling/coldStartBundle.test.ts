import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import { DEFERRED_SDK_PACKAGES, buildFunctions, functionPlugins } from '../../scripts/build-functions'
import { invokeBundle, readJson, tmpDir } from './helpers'

jest.setTimeout(60_000)

/** What a cold start no longer pays for: other functions' schemas, zod's other languages, SDK packages off the database's path. */
describe('what a bundle evaluates at a cold start', () => {
  it('when the users function is bundled, then it builds only its own contract and carries only English zod messages', async () => {
    const dir = tmpDir('contract')
    try {
      const [users] = await buildFunctions({ outDir: path.join(dir, 'functions'), metaDir: path.join(dir, 'meta'), names: ['users'], onSkip: () => {} })
      // what index.js holds (the metafile's inputs also list files read and then shaken out)
      const meta = readJson(path.join(dir, 'meta', 'users.json')) as {
        outputs: Record<string, { entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>
      }
      const output = Object.values(meta.outputs).find((o) => o.entryPoint)!
      const inputs = Object.entries(output.inputs)
        .filter(([, i]) => i.bytesInOutput > 0)
        .map(([name]) => name)
      expect(inputs).toContain('types/users.ts')
      expect(inputs.filter((i) => /^types\/(tickets|council|volunteers|places|sheets)\.ts$/.test(i))).toEqual([])
      expect(inputs.filter((i) => /zod\/v4\/locales\/[^/]+\.js$/.test(i) && !i.startsWith('zod-locales:')).map((i) => path.basename(i))).toEqual(['en.js'])
      // its input errors still read as before
      expect(
        await invokeBundle(users.outDir, { action: 'updateProfile', data: { name: 42 } }, { environment: JSON.stringify({ WX_OPENID: 'o' }) }),
      ).toMatchObject({
        ok: false,
        error: { code: 'INPUT.INVALID' },
      })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('when the SDK requires a package it uses only off the database path, then the package runs at its first use and answers as itself', async () => {
    const dir = tmpDir('deferred')
    try {
      const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
        fs.writeFileSync(path.join(dir, file), text)
      }
      // a stand-in for one of the deferred packages that says when it runs, with a function, a class and a value
      const pkg = DEFERRED_SDK_PACKAGES[0]
      write(
        `node_modules/${pkg}/index.js`,
        `globalThis.__ran = (globalThis.__ran || 0) + 1
function Client(name) {
  if (!(this instanceof Client)) return 'called:' + name
  this.name = name
}
Client.prototype.hello = function () { return 'hello ' + this.name }
Client.sign = (x) => 'signed:' + x
Client.version = '1.2.3'
module.exports = Client`,
      )
      // an SDK module that requires it at load, as @cloudbase/node-sdk does, and uses it later
      write(
        'node_modules/@cloudbase/fake-sdk/index.js',
        `const dep = require(${JSON.stringify(pkg)})
exports.use = () => ({ made: new dep('王').hello(), signed: dep.sign('x'), called: dep('y'), version: dep.version, isClient: new dep('a') instanceof dep })`,
      )
      write('entry.js', `const sdk = require('@cloudbase/fake-sdk')\nexports.ranAtLoad = globalThis.__ran || 0\nexports.use = sdk.use`)
      await build({
        absWorkingDir: dir,
        entryPoints: ['entry.js'],
        outfile: path.join(dir, 'out', 'index.js'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        plugins: functionPlugins(dir),
        logLevel: 'silent',
      })

      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const bundle = require(path.join(dir, 'out', 'index.js')) as { ranAtLoad: number; use: () => unknown }
      expect(bundle.ranAtLoad).toBe(0)
      expect(bundle.use()).toEqual({ made: 'hello 王', signed: 'signed:x', called: 'called:y', version: '1.2.3', isClient: true })
      expect((globalThis as { __ran?: number }).__ran).toBe(1)
    } finally {
      delete (globalThis as { __ran?: number }).__ran
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
