import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Marks a temporary file of writeAtomic (`<file>.tmp-<pid>-<random>`): never taken for a finished file, by anyone. */
export const TEMP_FILE = /\.tmp-\d+-[0-9a-f]+$/

/**
 * Writes `file` so that a reader sees the old content or the new, never a missing or partial file: the bytes go to a
 * temporary file in the same folder (same file system), which is then renamed over `file` (atomic on POSIX).
 */
export function writeAtomic(file: string, content: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    fs.writeFileSync(tmp, content)
    fs.renameSync(tmp, file)
  } catch (e) {
    fs.rmSync(tmp, { force: true })
    throw e
  }
}
