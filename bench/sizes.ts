/**
 * Weapp package sizes: the main package is everything under dist/weapp except the subpackage roots listed in
 * dist/weapp/app.json (`subPackages` or `subpackages`); each subpackage is everything under its root.
 * WeChat's limits: each package ≤ 2 MB, all together ≤ 20 MB. Source maps (*.map) are not counted.
 */
import fs from 'node:fs'
import path from 'node:path'

export const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024
export const TOTAL_LIMIT_BYTES = 20 * 1024 * 1024

export interface PackageSize {
  /** "main" or the subpackage root */
  name: string
  bytes: number
  files: number
  overLimit: boolean
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) walk(p, out)
    else if (e.isFile() && !e.name.endsWith('.map')) out.push(p)
  }
  return out
}

export function subpackageRoots(weappDir: string): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8'))
  const subs: { root: string }[] = app.subPackages ?? app.subpackages ?? []
  return subs.map((s) => s.root.replace(/^\.?\//, '').replace(/\/$/, ''))
}

export function weappSizes(weappDir: string): { packages: PackageSize[]; totalBytes: number } {
  const roots = subpackageRoots(weappDir)
  const acc = new Map<string, { bytes: number; files: number }>([['main', { bytes: 0, files: 0 }]])
  for (const r of roots) acc.set(r, { bytes: 0, files: 0 })
  for (const file of walk(weappDir)) {
    const rel = path.relative(weappDir, file).split(path.sep).join('/')
    const root = roots.find((r) => rel === r || rel.startsWith(r + '/')) ?? 'main'
    const a = acc.get(root)!
    a.bytes += fs.statSync(file).size
    a.files++
  }
  const packages = [...acc].map(([name, a]) => ({ name, ...a, overLimit: a.bytes > PACKAGE_LIMIT_BYTES }))
  return { packages, totalBytes: packages.reduce((s, p) => s + p.bytes, 0) }
}

// (cast: Taro's global typings replace `require`'s type)
if ((require as unknown as NodeJS.Require).main === module) {
  const dir = path.resolve(process.argv[2] ?? 'dist/weapp')
  const { packages, totalBytes } = weappSizes(dir)
  for (const p of packages) console.log(`${p.name.padEnd(28)} ${(p.bytes / 1024).toFixed(1).padStart(9)} KB  ${p.files} files`)
  console.log(`${'total'.padEnd(28)} ${(totalBytes / 1024).toFixed(1).padStart(9)} KB`)
}
