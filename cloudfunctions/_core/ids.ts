import { randomBytes, randomUUID, createHash } from 'crypto'

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
/** The id of a record made by a request: the same person retrying the same request id gets the same record id. */
export const idFor = (kind: string, openid: string, requestId: string): string =>
  createHash('sha256').update(`${kind}\n${openid}\n${requestId}`).digest('hex').slice(0, 32)

export const newId = (): string => randomUUID().replace(/-/g, '')

/**
 * Household bind codes: 10 readable characters (31^10 ≈ 8 × 10^14), printed on the household's own notice. Only their
 * hash is stored, so nobody reading the database (or a staff list) learns a household's code.
 */
export const BIND_CODE_LENGTH = 10
export const newBindCode = (): string => readableCode(BIND_CODE_LENGTH)
export const bindCodeHash = (code: string): string => createHash('sha256').update(`bind\n${code}`).digest('hex')
/** ABCDEFGHJK → ABCDE-FGHJK: two groups of five read aloud and typed more easily. */
export const groupCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`
