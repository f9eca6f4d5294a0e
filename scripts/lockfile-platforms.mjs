#!/usr/bin/env node
/**
 * Records missing platform-specific optional dependencies in package-lock.json, so `npm ci` accepts the lock.
 *
 * Why: some native packages list a binding per platform as optional dependencies (@tarojs/binding,
 * unrs-resolver, …). When the registry this lock was made against lacks a platform's build at that version,
 * npm leaves it out of the lock, and `npm ci` then refuses the lock as "Missing: <pkg>@ from lock file".
 * Recording those entries with the platform's `os`/`cpu` lets npm skip them on other platforms (as it would
 * with a complete lock) and try them, as optional, on their own.
 *
 * Run after `npm install` changes the lock: node scripts/lockfile-platforms.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs'

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd']
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32']

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(file, 'utf8'))
const packages = lock.packages
let added = 0

for (const [where, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    // npm resolves a dependency in the nearest node_modules up the tree; the hoisted place is the top level
    const nested = `${where ? where + '/' : ''}node_modules/${name}`
    if (packages[nested] || packages[`node_modules/${name}`]) continue
    const parts = name.split('/').pop().split('-')
    const os = parts.find((p) => OS.includes(p))
    const cpu = parts.find((p) => CPU.includes(p))
    if (!os && !cpu) continue // not a platform build: leave it for npm to report
    packages[`node_modules/${name}`] = {
      version,
      ...(cpu ? { cpu: [cpu] } : {}),
      license: entry.license,
      optional: true,
      ...(os ? { os: [os] } : {}),
    }
    added++
  }
}

const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))))
lock.packages = sorted
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
console.log(`package-lock.json: recorded ${added} platform-specific optional dependencies`)
