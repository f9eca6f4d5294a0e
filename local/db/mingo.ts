/**
 * mingo, set up once for the local database: every query, update, projection and aggregation goes through the
 * functions here, so the places where mingo departs from MongoDB (hence from CloudBase) are corrected in one spot:
 *
 * - `$elemMatch` with field conditions (`{tags: {$elemMatch: {value: {$gt: 0}}}}`) tested scalar elements as if they
 *   were documents, so `[1, 2, 3]` matched; MongoDB only tests elements that are documents or arrays then.
 * - `$week` counted weeks its own way (2019-05-14 gave 20); MongoDB counts like strftime's %U: weeks start on Sunday,
 *   days before the year's first Sunday are week 0.
 * - `$substr` / `$substrBytes` refused a negative length; in MongoDB it means "to the end of the string".
 * - `$indexOfCP` is missing from mingo (the SDK offers it as `$.indexOfCP`).
 * - `$jsonSchema` needs a validator, which mingo leaves to the caller (see jsonSchema.ts).
 * - What the local database does not do is refused by name rather than left to mingo's "unknown operator" or, worse,
 *   to an approximation: geospatial queries (`$near`, `$nearSphere`, `$geoWithin`, `$geoIntersects`, the `$geoNear`
 *   stage: CloudBase answers them from a 2dsphere index) and text search (`$text`, `$meta`). Server-side JavaScript
 *   (`$where`, `$function`, `$accumulator`) is off, as the SDK offers none of it.
 *
 * The operator context is built once here; mingo's top-level helpers (`find`, `aggregate`, `update`) would merge a
 * caller's context into theirs at every call.
 */
import { Aggregator } from 'mingo/aggregator'
import { Context, evalExpr } from 'mingo/core'
import * as accumulator from 'mingo/operators/accumulator'
import * as expression from 'mingo/operators/expression'
import * as pipeline from 'mingo/operators/pipeline'
import * as projection from 'mingo/operators/projection'
import * as query from 'mingo/operators/query'
import * as window from 'mingo/operators/window'
import { Query } from 'mingo/query'
import type { Any, AnyObject, Options } from 'mingo/types'
import { update as mingoUpdate } from 'mingo/updater'
import { isArray, isDate, isRegExp, resolve } from 'mingo/util'
import { CODES, LocalDbError } from './errors'
import { compileJsonSchema } from './jsonSchema'

// mingo's operator function types are unions over every operator's exact signature; ours are plain functions
type Op = (...args: never[]) => unknown

const isDocumentLike = (v: unknown) => v !== null && typeof v === 'object' && !isDate(v) && !isRegExp(v)
const LOGICAL = new Set(['$and', '$or', '$nor'])

/**
 * `{field: {$elemMatch: criteria}}` as MongoDB evaluates it: criteria made only of operators (`{$gt: 2}`) test each
 * element as a value; anything else (`{value: {$gt: 0}}`, `{$or: [...]}`) tests the elements that are documents or
 * arrays, as documents, and skips scalars.
 */
function $elemMatch(selector: string, criteria: AnyObject, options: Options): (obj: AnyObject) => boolean {
  const keys = Object.keys(criteria)
  const valueForm = keys.length > 0 && keys.every((k) => k.startsWith('$') && !LOGICAL.has(k))
  const q = new Query(valueForm ? { v: criteria } : criteria, options)
  // an element that is itself an array is a document with keys "0", "1", ... to MongoDB
  const asDocument = (x: Any) => (isArray(x) ? { ...x } : (x as AnyObject))
  const test = valueForm ? (x: Any) => q.test({ v: x }) : (x: Any) => isDocumentLike(x) && q.test(asDocument(x))
  return (obj) => {
    const arr = resolve(obj, selector, { unwrapArray: true })
    return isArray(arr) && arr.some(test)
  }
}

/** MongoDB's `$week`: (day of year + 7 − day of week) / 7, both 1-based, in the expression's timezone if it has one. */
function $week(obj: AnyObject, expr: Any, options: Options): number | null {
  const doy = evalExpr(obj, { $dayOfYear: expr }, options) as number | null
  const dow = evalExpr(obj, { $dayOfWeek: expr }, options) as number | null
  if (doy === null || doy === undefined || dow === null || dow === undefined) return null
  return Math.floor((doy + 7 - dow) / 7)
}

const isContinuation = (byte: number) => (byte & 0xc0) === 0x80

/** MongoDB's `$substrBytes` (and `$substr`, its alias): byte offsets in UTF-8, a negative length runs to the end. */
function $substrBytes(obj: AnyObject, expr: Any, options: Options): string {
  const op = '$substrBytes'
  if (!isArray(expr) || expr.length !== 3) throw new Error(`${op} requires 3 arguments`)
  const [s, index, count] = evalExpr(obj, expr, options) as [Any, Any, Any]
  if (typeof index !== 'number' || typeof count !== 'number') throw new Error(`${op}: starting index and length must be numeric`)
  const text = s === null || s === undefined ? '' : typeof s === 'string' ? s : typeof s === 'number' ? String(s) : isDate(s) ? s.toISOString() : null
  if (text === null) throw new Error(`${op}: can't convert to string`)
  const lower = Math.trunc(index)
  if (lower < 0) throw new Error(`${op}:  starting index must be non-negative (got: ${lower})`)
  const bytes = Buffer.from(text, 'utf8')
  if (lower >= bytes.length) return ''
  if (isContinuation(bytes[lower])) throw new Error(`${op}:  Invalid range, starting index is a UTF-8 continuation byte.`)
  const length = Math.min(count < 0 ? bytes.length : Math.trunc(count), bytes.length - lower)
  const end = lower + length
  if (end < bytes.length && isContinuation(bytes[end])) {
    throw new Error(`${op}:  Invalid range, ending index is in the middle of a UTF-8 character.`)
  }
  return bytes.toString('utf8', lower, end)
}

/** An operator the local database refuses: code DATABASE_INVALID_OPERRATOR ("不支持的操作"), saying why. */
const unsupported = (op: string, why: string) => () => {
  throw new LocalDbError(CODES.INVALID_OPERATOR, `[LocalDb] ${op} is not supported by the local database: ${why}`)
}
const GEO = 'geospatial queries need a 2dsphere index, which only CloudBase has'
const TEXT = 'text search needs a text index, which only CloudBase has'

// Context.from keeps the first definition of an operator, so the corrections come first.
/** MongoDB's `$indexOfCP`: the code point index of a substring within [start, end), -1 when absent, null on a null string. */
function $indexOfCP(obj: AnyObject, expr: Any, options: Options): number | null {
  const op = '$indexOfCP'
  if (!isArray(expr) || expr.length < 2 || expr.length > 4) throw new Error(`${op} requires 2 to 4 arguments`)
  const [s, sub, start = 0, end] = evalExpr(obj, expr, options) as [Any, Any, Any, Any]
  if (s === null || s === undefined) return null
  if (typeof s !== 'string') throw new Error(`${op} requires a string as the first argument`)
  if (typeof sub !== 'string') throw new Error(`${op} requires a string as the second argument`)
  const bound = (v: Any, what: string) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`${op} ${what} index must be a non-negative integer`)
    return v
  }
  const cps = Array.from(s)
  const needle = Array.from(sub)
  const from = bound(start, 'starting')
  const to = Math.min(end === undefined ? cps.length : bound(end, 'ending'), cps.length)
  for (let i = from; i + needle.length <= to; i++) {
    if (needle.every((c, j) => cps[i + j] === c)) return i
  }
  return -1
}

const CONTEXT = Context.from(
  Context.init({
    query: {
      $elemMatch: $elemMatch as Op,
      $near: unsupported('$near', GEO),
      $nearSphere: unsupported('$nearSphere', GEO),
      $geoWithin: unsupported('$geoWithin', GEO),
      $geoIntersects: unsupported('$geoIntersects', GEO),
    },
    expression: {
      $week: $week as Op,
      $substr: $substrBytes as Op,
      $substrBytes: $substrBytes as Op,
      $indexOfCP: $indexOfCP as Op,
      $meta: unsupported('$meta', TEXT),
    },
    pipeline: { $geoNear: unsupported('$geoNear', GEO) },
  } as unknown as Parameters<typeof Context.init>[0]),
  Context.init({ accumulator, expression, pipeline, projection, query, window } as unknown as Parameters<typeof Context.init>[0]),
)

/** The options every mingo call of the local database gets. */
export const MINGO_OPTIONS: Partial<Options> = { context: CONTEXT, jsonSchemaValidator: compileJsonSchema, scriptEnabled: false }

/** A compiled filter. */
export function newQuery(filter: AnyObject): Query {
  // mingo rejects a top-level $text as "unknown" before any operator is looked up
  if ('$text' in filter) unsupported('$text', TEXT)()
  return new Query(filter, MINGO_OPTIONS)
}

/** Runs a pipeline; `$lookup` reads other collections through `collectionResolver`. */
export function runPipeline(source: AnyObject[], stages: AnyObject[], collectionResolver: (name: string) => AnyObject[]): AnyObject[] {
  return new Aggregator(stages, { ...MINGO_OPTIONS, collectionResolver }).run(source) as AnyObject[]
}

/** Applies update operators to `doc` in place; returns the paths changed. */
export const applyOperators = (doc: AnyObject, modifier: AnyObject): string[] =>
  mingoUpdate(doc, modifier as never, undefined, undefined, { queryOptions: MINGO_OPTIONS })

/** A projection of one document. */
export const projectOne = (doc: AnyObject, projectionSpec: AnyObject): AnyObject => newQuery({}).find([doc], projectionSpec).all()[0] as AnyObject
