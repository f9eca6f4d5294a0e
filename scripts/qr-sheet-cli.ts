/**
 * Core of `npm run qr`: print the stairwell QR sheet of one community to a PDF.
 *
 *   npm run qr -- --community <id> [--out file.pdf] [--prefix URL]
 *
 * The caller injects `loadUnits(communityId)` (the local database lookup); this module only parses arguments,
 * renders and writes. Default output `.data/qr/<communityId>.pdf`; default prefix env QR_URL_PREFIX, else
 * `http://127.0.0.1:${PORT || 3000}/s/`.
 */
import * as fs from 'fs'
import * as path from 'path'
import { renderQrSheet, type QrSheetUnit } from '../cloudfunctions/qrcodes/qrsheet'

export interface QrSheetSource {
  communityName: string
  streetName?: string
  units: QrSheetUnit[]
}

export type LoadUnits = (communityId: string) => Promise<QrSheetSource> | QrSheetSource

export interface QrSheetCliOptions {
  communityId: string
  out: string
  prefix: string
}

export interface QrSheetCliDeps {
  loadUnits: LoadUnits
  env?: NodeJS.ProcessEnv
  cwd?: string
  log?: (line: string) => void
}

export const USAGE = 'usage: npm run qr -- --community <id> [--out file.pdf] [--prefix URL]'

export function defaultPrefix(env: NodeJS.ProcessEnv = process.env): string {
  return env.QR_URL_PREFIX || `http://127.0.0.1:${env.PORT || 3000}/s/`
}

/** Parse `--community <id> [--out file] [--prefix URL]` (also `--flag=value`). Throws with USAGE on bad input. */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): QrSheetCliOptions {
  const values: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const m = /^--(community|out|prefix)(?:=(.*))?$/.exec(arg)
    if (!m) throw new Error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`)
    const value = m[2] ?? argv[++i]
    if (value === undefined || value === '' || (m[2] === undefined && value.startsWith('--'))) throw new Error(`--${m[1]} needs a value\n${USAGE}`)
    values[m[1]] = value
  }
  const communityId = values.community
  if (!communityId) throw new Error(`--community is required\n${USAGE}`)
  const safeId = communityId.replace(/[^\w.-]+/g, '_')
  return {
    communityId,
    out: values.out ?? path.join('.data', 'qr', `${safeId}.pdf`),
    prefix: values.prefix ?? defaultPrefix(env),
  }
}

/** Run the CLI; returns the absolute path of the written PDF (also printed). */
export async function main(argv: string[], deps: QrSheetCliDeps): Promise<string> {
  const env = deps.env ?? process.env
  const log = deps.log ?? ((line: string) => console.log(line))
  const opts = parseArgs(argv, env)
  const source = await deps.loadUnits(opts.communityId)
  if (!source || !source.units?.length) throw new Error(`community ${opts.communityId} has no units to print`)
  const pdf = await renderQrSheet({
    communityName: source.communityName,
    streetName: source.streetName,
    urlPrefix: opts.prefix,
    units: source.units,
  })
  const out = path.resolve(deps.cwd ?? process.cwd(), opts.out)
  await fs.promises.mkdir(path.dirname(out), { recursive: true })
  await fs.promises.writeFile(out, pdf)
  log(out)
  return out
}
