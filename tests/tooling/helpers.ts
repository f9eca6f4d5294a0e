import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BENCH_CONTEXT, invokeScript, timeFirstAnswer } from '../../bench/coldstart'

export const FIXTURE_REPO = path.join(__dirname, 'fixtures', 'repo')
export const FIXTURE_FUNCTIONS = path.join(FIXTURE_REPO, 'cloudfunctions')

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `tooling-${prefix}-`))
}

/** Calls main(event, context) of the bundle in `dir` in a fresh node process, as CloudBase would. */
export async function invokeBundle(
  dir: string,
  event: unknown,
  context: unknown = BENCH_CONTEXT,
  env: Record<string, string | undefined> = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from another process; each test asserts on its own shape
): Promise<any> {
  const { stdout } = await timeFirstAnswer(invokeScript(event, context), dir, env).catch((e: Error) => {
    throw stackless(e.message.split('\n').slice(0, 6).join('\n'))
  })
  const line = JSON.parse(stdout.trim().split('\n')[0])
  // only the first line: a stack into a minified bundle would make jest print megabytes of code frame
  if ('threw' in line) throw stackless(`main threw: ${String(line.threw).split('\n')[0]}`)
  return line.answer
}

function stackless(message: string): Error {
  const e = new Error(message)
  e.stack = message
  return e
}

export const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'))
