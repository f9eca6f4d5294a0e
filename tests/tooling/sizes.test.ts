import fs from 'node:fs'
import path from 'node:path'
import { weappSizes } from '../../bench/sizes'
import { tmpDir } from './helpers'

it('counts subpackage roots from app.json separately from the main package and ignores source maps', () => {
  const dir = tmpDir('weapp')
  const put = (rel: string, bytes: number) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), Buffer.alloc(bytes))
  }
  put('app.js', 1000)
  put('pages/index/index.js', 500)
  put('packages/staff/pages/a.js', 300)
  put('packages/staff/sub-vendors.js', 200)
  put('packages/staffing/x.js', 50) // shares a prefix with a root, still main
  put('packages/grid/b.js', 70)
  put('app.js.map', 9999)
  fs.writeFileSync(
    path.join(dir, 'app.json'),
    JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'packages/staff/' }, { root: 'packages/grid' }] }),
  )
  const appJson = fs.statSync(path.join(dir, 'app.json')).size
  const { packages, totalBytes } = weappSizes(dir)
  expect(packages.map((p) => [p.name, p.bytes, p.files])).toEqual([
    ['main', 1550 + appJson, 4],
    ['packages/staff', 500, 2],
    ['packages/grid', 70, 1],
  ])
  expect(totalBytes).toBe(2120 + appJson)
  fs.rmSync(dir, { recursive: true, force: true })
})
