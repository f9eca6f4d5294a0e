import { isPlainObject, sqlScalar } from './ejson'

/**
 * SQL pushdown: turns the indexable part of a MongoDB filter into a WHERE clause over the collection table, so SQLite
 * walks an expression index and only candidate rows are decoded and checked by mingo.
 *
 * Soundness rule: the SQL must select a SUPERSET of what the filter matches. That is why only conjuncts (top-level keys
 * and `$and`) with scalar operands are pushed, never `$or`/`$ne`/`$nin`/`$exists`/null, and why a path is skipped once any
 * document has held an array along it (a "multikey" path, as MongoDB calls it): `{tags: 'a'}` matches `tags: ['a','b']`,
 * which json_extract equality would miss.
 *
 * When every pushed condition is exact (string equality or $in, or `_id`), mingo can be skipped entirely.
 */

/** Segments a declared index path may have; other paths are never indexed nor pushed down. */
const SIMPLE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/

export const isSimplePath = (path: string) => SIMPLE_PATH.test(path)

/**
 * The one SQL expression used both in CREATE INDEX and in pushed-down WHERE clauses (SQLite only uses an expression
 * index when the query repeats the expression verbatim). Missing and null map to the blob X'00' so that a UNIQUE index
 * treats them as one value, like MongoDB's non-sparse unique index does.
 */
export const keyExpr = (path: string) => `ifnull(json_extract(doc,'$.${path}'),X'00')`

/** How `_id` values map to the TEXT primary key: strings as is, anything else tagged so it cannot collide with one. */
export const idKey = (id: unknown): string => (typeof id === 'string' ? id : `\u0001${JSON.stringify(id)}`)

export interface Pushdown {
  /** SQL conditions joined with AND; empty when nothing could be pushed */
  where: string[]
  params: (string | number)[]
  /** true when the SQL selects exactly the matching documents, so mingo need not re-check them */
  exact: boolean
}

const RANGE_OPS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }

/**
 * True for values whose SQL equality is exactly MongoDB equality. Only strings: json_extract yields 1 for `true`, so a
 * numeric equality also selects booleans, and Date texts are a superset too; mingo re-checks those.
 */
const exactScalar = (v: unknown) => typeof v === 'string'

/** How a path can be pushed down: through its expression index, through the multikey side table `_mk`, or not. */
export type Pushable = 'scalar' | 'multikey' | false

export function planPushdown(filter: unknown, pushable: (path: string) => Pushable, coll = ''): Pushdown {
  const out: Pushdown = { where: [], params: [], exact: true }
  if (filter === undefined || filter === null) return out
  if (!isPlainObject(filter)) {
    out.exact = false
    return out
  }
  collect(filter, pushable, coll, out)
  // An array member is as selective as lookups get (a person's followed tickets, a user's roles), but without
  // statistics SQLite may drive the query from another index (all open tickets by state) and test every row against
  // the member list. A unary + keeps those other expressions out of index choice, so the side table leads.
  if (out.where.some((w) => w.startsWith(MULTIKEY_PREFIX))) {
    out.where = out.where.map((w) => (w.startsWith('ifnull(json_extract(') ? `+${w}` : w))
  }
  return out
}

function collect(filter: Record<string, unknown>, pushable: (path: string) => Pushable, coll: string, out: Pushdown): void {
  for (const key of Object.keys(filter)) {
    const cond = filter[key]
    if (key === '$and' && Array.isArray(cond)) {
      for (const c of cond) {
        if (isPlainObject(c)) collect(c, pushable, coll, out)
        else out.exact = false
      }
      continue
    }
    if (key.startsWith('$')) {
      out.exact = false // $or, $nor, $expr, ...: left to mingo
      continue
    }
    const isId = key === '_id'
    const how = isId ? 'scalar' : pushable(key)
    if (how === 'multikey') {
      pushMultikey(coll, key, cond, out)
      continue
    }
    if (!how) {
      out.exact = false
      continue
    }
    const col = isId ? 'id' : keyExpr(key)
    pushField(col, isId, cond, out)
  }
}

function pushField(col: string, isId: boolean, cond: unknown, out: Pushdown): void {
  const scalar = isId ? idScalar(cond) : sqlScalar(cond)
  if (scalar !== undefined) {
    out.where.push(`${col} = ?`)
    out.params.push(scalar)
    if (!isId && !exactScalar(cond)) out.exact = false
    return
  }
  if (!isPlainObject(cond)) {
    out.exact = false // null, arrays, RegExp, embedded documents
    return
  }
  const ops = Object.keys(cond)
  if (ops.length === 0 || !ops.every((o) => o.startsWith('$'))) {
    out.exact = false // an embedded document: exact-match semantics left to mingo
    return
  }
  for (const op of ops) {
    const v = cond[op]
    if (op === '$eq') {
      pushField(col, isId, v, out)
    } else if (op === '$in' && Array.isArray(v) && v.length > 0) {
      const vals = v.map((x) => (isId ? idScalar(x) : sqlScalar(x)))
      if (vals.some((x) => x === undefined)) {
        out.exact = false
        continue
      }
      out.where.push(`${col} IN (${vals.map(() => '?').join(',')})`)
      out.params.push(...(vals as (string | number)[]))
      if (!isId && !v.every(exactScalar)) out.exact = false
    } else if (op in RANGE_OPS && !isId) {
      const s = sqlScalar(v)
      // Ranges are a superset only: SQLite orders all numbers before all text before blobs, while MongoDB compares
      // within one type. mingo re-checks.
      out.exact = false
      if (s === undefined || typeof v === 'boolean') continue
      out.where.push(`${col} ${RANGE_OPS[op]} ?`)
      out.params.push(s)
    } else {
      out.exact = false
    }
  }
}

const MULTIKEY_PREFIX = 'id IN (SELECT id FROM _mk WHERE '

/**
 * Equality or $in on a multikey path: the documents holding one of the values somewhere along the path, looked up in
 * the side table. Always a superset (mingo re-checks): `{tags: 'a'}` must still reject nothing that matches.
 */
function pushMultikey(coll: string, path: string, cond: unknown, out: Pushdown): void {
  out.exact = false
  const values = isPlainObject(cond)
    ? Object.keys(cond).length === 1 && '$eq' in cond
      ? [cond.$eq]
      : Object.keys(cond).length === 1 && Array.isArray(cond.$in) && cond.$in.length > 0
        ? cond.$in
        : null
    : [cond]
  if (!values) return
  const scalars = values.map(sqlScalar)
  if (scalars.some((x) => x === undefined)) return
  out.where.push(`${MULTIKEY_PREFIX}coll = ? AND path = ? AND value IN (${scalars.map(() => '?').join(',')}))`)
  out.params.push(coll, path, ...(scalars as (string | number)[]))
}

const idScalar = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? idKey(v) : undefined
