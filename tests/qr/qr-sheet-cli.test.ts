import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { execFileSync } from 'child_process'
import { defaultPrefix, main, parseArgs } from '../../scripts/qr-sheet-cli'
import { sheetFontCandidates, loadSheetFont, QR_SHEET_FONT_FILE, toSubsettableSfnt } from '../../cloudfunctions/qrcodes/qrsheet-font'
import { zbar, rasterize } from './pdf-tools'

const source = {
  communityName: '幸福里社区',
  streetName: '锦江街道',
  units: [
    { buildingName: '10栋', unitName: '1单元', code: 'C10U1' },
    { buildingName: '2栋', unitName: '1单元', code: 'C02U1' },
  ],
}

describe('npm run qr', () => {
  let cwd: string
  beforeEach(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'qr-cli-'))
  })
  afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }))

  it('writes .data/qr/<communityId>.pdf by default, prints its path and uses the local server prefix', async () => {
    const lines: string[] = []
    const asked: string[] = []
    const out = await main(['--community', 'c-001'], {
      loadUnits: async (id) => (asked.push(id), source),
      env: { PORT: '4310' },
      cwd,
      log: (l) => lines.push(l),
    })
    expect(asked).toEqual(['c-001'])
    expect(out).toBe(path.join(cwd, '.data', 'qr', 'c-001.pdf'))
    expect(lines).toEqual([out])
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-')
    const pages = rasterize(out, cwd)
    expect(zbar(pages[0]).sort()).toEqual(['http://127.0.0.1:4310/s/C02U1', 'http://127.0.0.1:4310/s/C10U1'])
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' })).toContain('幸福里社区')
  }, 30_000)

  it('honours --out and --prefix, and QR_URL_PREFIX when --prefix is absent', async () => {
    const out = await main(['--community=c2', '--out', 'sheets/x.pdf', '--prefix', 'https://q.example.cn/s/'], {
      loadUnits: () => source,
      cwd,
      log: () => {},
    })
    expect(out).toBe(path.join(cwd, 'sheets', 'x.pdf'))
    expect(zbar(rasterize(out, cwd)[0])).toContain('https://q.example.cn/s/C02U1')
    expect(parseArgs(['--community', 'c3'], { QR_URL_PREFIX: 'https://env.example.cn/s/', PORT: '1' }).prefix).toBe('https://env.example.cn/s/')
    expect(defaultPrefix({})).toBe('http://127.0.0.1:3000/s/')
  }, 30_000)

  it('rejects a missing community, an unknown flag, a flag without value and a community without units', async () => {
    expect(() => parseArgs([])).toThrow(/--community is required/)
    expect(() => parseArgs(['--community', 'a', '--colour', 'red'])).toThrow(/unknown argument/)
    expect(() => parseArgs(['--community', '--out', 'x.pdf'])).toThrow(/--community needs a value/)
    expect(parseArgs(['--community', '../evil id']).out).toBe(path.join('.data', 'qr', '.._evil_id.pdf'))
    await expect(main(['--community', 'empty'], { loadUnits: () => ({ communityName: 'x', units: [] }), cwd, log: () => {} })).rejects.toThrow(/no units/)
  })
})

describe('the sheet font', () => {
  it('is looked up next to the bundled function first, then in node_modules, and QR_SHEET_FONT overrides both', async () => {
    const saved = process.env.QR_SHEET_FONT
    try {
      delete process.env.QR_SHEET_FONT
      const c = sheetFontCandidates()
      expect(c[0]).toBe(path.join(path.dirname(require.resolve('../../cloudfunctions/qrcodes/qrsheet-font')), 'fonts', QR_SHEET_FONT_FILE))
      expect(c.some((p) => p.includes(path.join('node_modules', '@fontsource', 'noto-sans-sc', 'files', QR_SHEET_FONT_FILE)) && fs.existsSync(p))).toBe(true)
      process.env.QR_SHEET_FONT = '/nowhere/x.ttf'
      expect(sheetFontCandidates()[0]).toBe('/nowhere/x.ttf')
    } finally {
      if (saved === undefined) delete process.env.QR_SHEET_FONT
      else process.env.QR_SHEET_FONT = saved
    }
  })

  it('is handed to pdf-lib as a TrueType sfnt with every glyph 4-byte aligned', async () => {
    const ttf = Buffer.from(await loadSheetFont())
    expect(ttf.readUInt32BE(0)).toBe(0x00010000)
    // converting twice changes nothing: the padding is stable
    expect(Buffer.from(toSubsettableSfnt(ttf)).equals(ttf)).toBe(true)
    expect(ttf.length).toBeLessThan(4_000_000)
  })
})
