import fs from 'node:fs'
import path from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { readJson, tmpDir } from './helpers'

jest.setTimeout(120_000)

/**
 * Certificates are asked for, decided and verified in `volunteers`, an everyday function; only issuing prints, in
 * `qrcodes`. The PDF renderer and its font must stay out of the everyday bundle, or every cold start pays for them.
 */
it('when the functions are built, then the PDF renderer is in qrcodes and not in volunteers', async () => {
  const dir = tmpDir('certificates')
  try {
    await buildFunctions({
      outDir: path.join(dir, 'functions'),
      metaDir: path.join(dir, 'meta'),
      names: ['volunteers', 'qrcodes'],
      onSkip: () => {},
      force: true,
    })
    const inputs = (name: string) => Object.keys(readJson(path.join(dir, 'meta', `${name}.json`)).inputs)
    const pdf = (i: string) => /node_modules\/(pdf-lib|@pdf-lib\/fontkit|@fontsource)\//.test(i) || i.endsWith('qrcodes/certificate.ts')
    expect(inputs('volunteers').filter(pdf)).toEqual([])
    expect(inputs('qrcodes').some((i) => i.endsWith('cloudfunctions/qrcodes/certificate.ts'))).toBe(true)
    expect(inputs('qrcodes').some((i) => i.includes('node_modules/pdf-lib/'))).toBe(true)
    expect(fs.existsSync(path.join(dir, 'functions', 'qrcodes', 'fonts'))).toBe(true)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
