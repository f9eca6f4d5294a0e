import { randomBytes, randomUUID } from 'crypto'

/** Letters and digits a person can read aloud and type from paper: no 0/O, 1/I/L. */
const READABLE = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A code of `length` readable characters, e.g. invite codes, place codes, household bind codes. */
export const readableCode = (length: number): string => {
  const bytes = randomBytes(length)
  let out = ''
  for (let i = 0; i < length; i++) out += READABLE[bytes[i] % READABLE.length]
  return out
}

/** Document ids: 32 hex characters, like CloudBase's own. */
export const newId = (): string => randomUUID().replace(/-/g, '')
