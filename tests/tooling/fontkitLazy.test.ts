import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import fontkit from '@pdf-lib/fontkit'
import { functionPlugins } from '../../scripts/build-functions'
import { lazyFontkitTables } from '../../scripts/fontkit-lazy'
import { loadSheetFont } from '../../cloudfunctions/qrcodes/qrsheet-font'
import { tmpDir } from './helpers'

jest.setTimeout(120_000)

const REPO = path.join(__dirname, '..', '..')
const UMD = require.resolve('@pdf-lib/fontkit/dist/fontkit.umd.js')

/** Text in each script fontkit has a shaper for: its tables are the ones the function bundles build on first use. */
const TEXTS = ['幸福社区居民议事会，第3栋', 'Hello 123', 'مرحبا بالعالم', 'नमस्ते दुनिया', 'សួស្តីពិភពលោក', 'ꦲꦏ꧀ꦱꦫ']

/** What a font's layout gives: glyph ids and advances, per text. */
const layoutOf = (font: { layout(text: string): { glyphs: { id: number }[]; positions: { xAdvance: number }[] } }) =>
  TEXTS.map((t) => {
    const run = font.layout(t)
    return { glyphs: run.glyphs.map((g) => g.id), advances: run.positions.map((p) => p.xAdvance) }
  })

describe('fontkit with its shaping tables built on first use (scripts/fontkit-lazy.ts)', () => {
  it('when a function bundle lays out text in every script fontkit shapes, then it gives the glyphs and advances unbundled fontkit gives', async () => {
    const dir = tmpDir('fontkit')
    try {
      const fontFile = path.join(dir, 'font.ttf')
      fs.writeFileSync(fontFile, await loadSheetFont())
      const entry = path.join(dir, 'entry.js')
      fs.writeFileSync(
        entry,
        `const fontkit = require('@pdf-lib/fontkit'); const fs = require('fs');
         const font = fontkit.create(fs.readFileSync(process.env.FONT));
         console.log(JSON.stringify(JSON.parse(process.env.TEXTS).map((t) => { const r = font.layout(t); return { glyphs: r.glyphs.map((g) => g.id), advances: r.positions.map((p) => p.xAdvance) } })))`,
      )
      const out = path.join(dir, 'bundle.js')
      await build({
        entryPoints: [entry],
        outfile: out,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        mainFields: ['main', 'module'],
        nodePaths: [path.join(REPO, 'node_modules')],
        plugins: functionPlugins(REPO),
        logLevel: 'silent',
      })
      expect(fs.readFileSync(out, 'utf8')).toContain('__fontkitLazy')
      const child = spawnSync(process.execPath, [out], { env: { ...process.env, FONT: fontFile, TEXTS: JSON.stringify(TEXTS) }, encoding: 'utf8' })
      expect(child.stderr).toBe('')
      const bundled = JSON.parse(child.stdout)
      const direct = layoutOf(fontkit.create(fs.readFileSync(fontFile)) as never)
      expect(bundled).toEqual(direct)
      // not vacuous: the Chinese run has real glyphs, and the other scripts went through their shapers
      expect(direct[0].glyphs.every((g) => g > 0)).toBe(true)
      expect(direct.every((r) => r.glyphs.length > 0)).toBe(true)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('when fontkit is not the version the rewrite was made for, then the build fails instead of shipping it half rewritten', () => {
    const source = fs.readFileSync(UMD, 'utf8')
    expect(lazyFontkitTables(source)).toContain('__fontkitLazy(function () { return new unicodeTrie(')
    expect(() => lazyFontkitTables(source.replace('var stateMachine = new dfa(indicMachine);', 'var stateMachine = new Dfa(indicMachine);'))).toThrow(
      /not the version/,
    )
    expect(() => lazyFontkitTables('module.exports = {}')).toThrow(/not the version/)
  })
})
