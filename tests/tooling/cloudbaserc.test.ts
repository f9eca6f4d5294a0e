import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { CLOUDBASERC_PATH, cloudbaserc, renderCloudbaserc } from '../../scripts/cloudbaserc'
import { discoverFunctions, REPO_ROOT } from '../../scripts/functions'
import { FIXTURE_FUNCTIONS, tmpDir } from './helpers'

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx')
jest.setTimeout(60_000)

it('the committed cloudbaserc.json is in sync with the functions and their function.json (run `npx tsx scripts/cloudbaserc.ts`)', () => {
  expect(fs.existsSync(CLOUDBASERC_PATH)).toBe(true)
  expect(fs.readFileSync(CLOUDBASERC_PATH, 'utf8')).toBe(renderCloudbaserc())
})

it('cloudbaserc.json lists every deployed function exactly once, each with a bundle folder name tcb can deploy', () => {
  const rc = JSON.parse(fs.readFileSync(CLOUDBASERC_PATH, 'utf8'))
  const names = rc.functions.map((f: { name: string }) => f.name)
  expect(names).toEqual(discoverFunctions(undefined, undefined, () => {}).map((f) => f.name))
  expect(new Set(names).size).toBe(names.length)
  expect(rc).toMatchObject({ version: '2.0', envId: '{{env.ENV_ID}}', functionRoot: './dist/functions' })
})

it('each function entry carries runtime, timeout, memory, handler, triggers and env variables from function.json', () => {
  const rc = cloudbaserc(FIXTURE_FUNCTIONS)
  expect(rc.functions.find((f) => f.name === 'echo')).toEqual({
    name: 'echo',
    runtime: 'Nodejs18.15',
    timeout: 20,
    memorySize: 512,
    handler: 'index.main',
    installDependency: false,
    triggers: [{ name: 'nightly', type: 'timer', config: '0 0 3 * * * *' }],
    envVariables: { GREETING: 'hi' },
  })
})

it('asks CloudBase to install dependencies only for a function that keeps a package external', () => {
  const rc = cloudbaserc(FIXTURE_FUNCTIONS)
  expect(rc.functions.find((f) => f.name === 'keepsdk')).toMatchObject({ installDependency: true, timeout: 10, memorySize: 256 })
  expect(rc.functions.find((f) => f.name === 'echo')?.installDependency).toBe(false)
})

it('`--check` exits 1 on a stale file and 0 on a fresh one', () => {
  const dir = tmpDir('rc')
  const file = path.join(dir, 'cloudbaserc.json')
  const run = (...args: string[]) =>
    spawnSync(TSX, ['scripts/cloudbaserc.ts', `--file=${file}`, `--functions-dir=${FIXTURE_FUNCTIONS}`, ...args], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    })
  fs.writeFileSync(file, '{}\n')
  expect(run('--check').status).toBe(1)
  expect(run().status).toBe(0)
  expect(run('--check').status).toBe(0)
  expect(JSON.parse(fs.readFileSync(file, 'utf8')).functions.map((f: { name: string }) => f.name)).toEqual(['echo', 'keepsdk', 'leaky'])
  fs.rmSync(dir, { recursive: true, force: true })
})
