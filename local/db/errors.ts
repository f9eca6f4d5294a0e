import { randomBytes } from 'crypto'

/**
 * Errors the local database raises, shaped like node-sdk's TcbError (`code`, `message`, `requestId`): node-sdk's HTTP
 * requester turns every `{ code }` answer of the server into such an error before the database layer sees it, so the
 * local request class throws the same thing and callers' `catch (e) { e.code }` code runs unchanged.
 */
export class LocalDbError extends Error {
  readonly code: string
  readonly requestId: string
  constructor(code: string, message: string, requestId = newRequestId()) {
    super(message)
    this.code = code
    this.requestId = requestId
  }
}

/** Codes CloudBase answers with (names from @cloudbase/database's ERRORS and CloudBase's error-code pages). */
export const CODES = {
  COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST',
  DUPLICATE_WRITE: 'DATABASE_DUPLICATE_WRITE',
  TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  TRANSACTION_FAIL: 'DATABASE_TRANSACTION_FAIL',
  REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
  INVALID_PARAM: 'INVALID_PARAM',
  INVALID_OPERATOR: 'DATABASE_INVALID_OPERRATOR', // sic: CloudBase's own spelling
} as const

export const collectionNotExist = (name: string) =>
  new LocalDbError(
    CODES.COLLECTION_NOT_EXIST,
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem persists, contact us.`,
  )

const showKey = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'null' : JSON.stringify(v))

/** MongoDB's E11000 text, which CloudBase passes through under DATABASE_DUPLICATE_WRITE. */
export const duplicateKey = (collection: string, index: string, key: Record<string, unknown>) =>
  new LocalDbError(
    CODES.DUPLICATE_WRITE,
    `[DuplicateWrite] E11000 duplicate key error collection: local.${collection} index: ${index} dup key: { ${Object.entries(key)
      .map(([k, v]) => `${k}: ${showKey(v)}`)
      .join(', ')} }`,
  )

/** CloudBase's own texts (its transaction tests compare them whole). */
export const transactionConflict = () =>
  new LocalDbError(
    CODES.TRANSACTION_CONFLICT,
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
  )

export const transactionNotExist = () =>
  new LocalDbError(
    CODES.TRANSACTION_FAIL,
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  )

export const requestFailed = (message: string) => new LocalDbError(CODES.REQUEST_FAILED, message)

/** CloudBase request ids are opaque strings callers only log: a per-process prefix and a counter (no syscall per request). */
const REQUEST_PREFIX = randomBytes(4).toString('hex')
let requestCounter = 0
export function newRequestId(): string {
  return `${REQUEST_PREFIX}${(++requestCounter).toString(16).padStart(8, '0')}`
}
