import { spawnSync } from 'child_process'
import { existsSync } from 'fs'
import path from 'path'

const ROOT = path.resolve(__dirname, '../..')

/** Builds what the journeys serve, unless E2E_NO_BUILD says the current builds are fresh (or E2E_H5_DIR names the H5 build to serve). */
export default async function build() {
  const steps: [string, string][] = [
    ['build:functions', 'dist/functions'],
    ['build:h5', 'dist/h5/index.html'],
  ]
  for (const [script, output] of steps) {
    if (process.env.E2E_NO_BUILD && existsSync(path.join(ROOT, output))) continue
    // a copy of the H5 build given to serve (tests/e2e/browser.ts) is served as it is
    if (script === 'build:h5' && process.env.E2E_H5_DIR && existsSync(path.join(path.resolve(process.env.E2E_H5_DIR), 'index.html'))) continue
    // jest sets NODE_ENV=test, which makes Taro build a development bundle with React Refresh hooks in it
    const r = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
    if (r.status !== 0) throw new Error(`npm run ${script} failed`)
  }
}
