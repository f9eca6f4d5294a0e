import { isDate, isPlainObject, sqlScalar } from './ejson'

/**
 * SQL pushdown: turns the indexable part of a MongoDB filter into a WHERE clause over the collection table, so SQLite
 * walks an expression index and only candidate rows are decoded and checked by mingo.
 *
 * Soundness rule: the SQL must select a SUPERSET of what the filter matches. That is why only conjuncts (top-level keys
 * and `$and`), disjunctions whose every branch could be pushed (`$or`), and negations of exactly pushed conditions
 * (`$nor`) are pushed, with scalar operands, and why a path is skipped once any document has held an array along it (a
 * "multikey" path, as MongoDB calls it): `{tags: 'a'}` matches `tags: ['a','b']`, which json_extract equality would miss.
 *
 * When every pushed condition is exact, mingo can be skipped entirely. What is exact depends on what a path has held
 * (its "kinds", see KIND): SQLite compares across types in its own order (numbers < text < blobs, booleans are the
 * integers 1 and 0, Dates are stored as `{"$date":…}` text) while MongoDB brackets comparisons by type, so a range is
 * exact only when no value of another type could fall inside it.
 */

/** Segments a declared index path may have; other paths are never indexed nor pushed down. */
const SIMPLE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/

export const isSimplePath = (path: string) => SIMPLE_PATH.test(path)

/**
 * The one SQL expression used both in CREATE INDEX and in pushed-down WHERE and ORDER BY clauses (SQLite only uses an
 * expression index when the query repeats the expression verbatim). Missing and null map to the blob X'00' so that a
 * UNIQUE index treats them as one value, like MongoDB's non-sparse unique index does. `_id` is the table's `id` column.
 */
export const keyExpr = (path: string) => (path === '_id' ? 'id' : `ifnull(json_extract(doc,'$.${path}'),X'00')`)

/** How `_id` values map to the TEXT primary key: strings as is, anything else tagged so it cannot collide with one. */
export const idKey = (id: unknown): string => (typeof id === 'string' ? id : `\u0001${JSON.stringify(id)}`)

/**
 * The kinds of value a path has held, as bits (kept per collection and indexed path, and for `_id`; never cleared, as
 * MongoDB never clears a multikey flag). Dates count as DATE only with a four-digit year, whose ISO text sorts as the
 * date does. On a multikey path the kinds are those of the members; NESTED says an array once sat directly in an
 * array along it, where MongoDB does not look but the side table does.
 */
export const KIND = { NULL: 1, NUMBER: 2, STRING: 4, BOOL: 8, DATE: 16, OTHER: 32, NESTED: 64 } as const
/** What an untracked path may hold: anything. */
export const ANY_KIND = 127

export function kindOf(v: unknown): number {
  if (v === undefined || v === null) return KIND.NULL
  switch (typeof v) {
    case 'string':
      return KIND.STRING
    case 'number':
      return Number.isFinite(v) ? KIND.NUMBER : KIND.NULL // JSON stores NaN and ±Infinity as null
    case 'boolean':
      return KIND.BOOL
  }
  if (isDate(v)) {
    const y = v.getUTCFullYear()
    return y >= 0 && y <= 9999 ? KIND.DATE : KIND.OTHER
  }
  return KIND.OTHER
}

/**
 * Whether SQLite's order of the index expression over values of these kinds is MongoDB's sort order. Numbers before
 * strings and numbers before dates agree; booleans are SQL integers (MongoDB puts them after strings and objects),
 * dates and strings are both SQL text, and null/missing (the blob X'00') sort last in SQLite but first in MongoDB.
 */
export function orderable(kinds: number): boolean {
  if (kinds & KIND.OTHER) return false
  if (kinds & KIND.NULL) return kinds === KIND.NULL
  if (kinds & KIND.BOOL) return kinds === KIND.BOOL
  return !(kinds & KIND.STRING && kinds & KIND.DATE)
}

type Param = string | number

/** One pushed condition. A top-level equality or `$in` on a scalar path also names its path and values (see merge). */
export interface Term {
  sql: string
  params: Param[]
  path?: string
  values?: Param[]
  /** every path the condition reads (`_id` for the id column) */
  paths: string[]
  /** it looks members up in the side table */
  mk?: boolean
}

export interface Pushdown {
  /** SQL conditions joined with AND; empty when nothing could be pushed */
  where: string[]
  params: Param[]
  /** the same conditions one by one, with their own parameters */
  terms: Term[]
  /** true when the SQL selects exactly the matching documents, so mingo need not re-check them */
  exact: boolean
}

const RANGE_OPS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }

/** How a path can be pushed down: through its expression index, through the multikey side table `_mk`, or not. */
export type Pushable = 'scalar' | 'multikey' | false

/** A path's pushability and the kinds it has held (a bare Pushable means the kinds are unknown). */
export interface PathInfo {
  how: Pushable
  kinds: number
}

type Lookup = (path: string) => Pushable | PathInfo

const infoOf = (lookup: Lookup, path: string): PathInfo => {
  const r = lookup(path)
  return typeof r === 'object' && r !== null ? r : { how: r, kinds: ANY_KIND }
}

/**
 * The pushed-down plan of a filter. With `mkLeads` (the default) a member lookup leads the query (see `leadByMembers`);
 * without it the terms are left as collected, for a caller that checks whether an index could lead instead.
 */
export function planPushdown(filter: unknown, pushable: Lookup, coll = '', mkLeads = true): Pushdown {
  const out: Pushdown = { where: [], params: [], terms: [], exact: true }
  if (filter === undefined || filter === null) return out
  if (!isPlainObject(filter)) {
    out.exact = false
    return out
  }
  collect(filter, pushable, coll, out, true)
  return mkLeads ? leadByMembers(out) : withWhere(out)
}

const withWhere = (out: Pushdown): Pushdown => ({ ...out, where: out.terms.map((t) => t.sql), params: out.terms.flatMap((t) => t.params) })

/**
 * An array member is as selective as lookups get (a person's followed tickets, a user's roles), but without
 * statistics SQLite may drive the query from another index (all open tickets by state) and test every row against
 * the member list. A unary + keeps those other expressions out of index choice, so the side table leads.
 */
export function leadByMembers(plan: Pushdown): Pushdown {
  if (!plan.terms.some((t) => t.sql.startsWith(MULTIKEY_PREFIX))) return withWhere(plan)
  return withWhere({
    ...plan,
    terms: plan.terms.map((t) => (t.sql.startsWith('ifnull(json_extract(') ? { ...t, sql: `+${t.sql}`, path: undefined, values: undefined } : t)),
  })
}

/**
 * The other way round, for a read an index answers in order after an equality prefix (a resident's notices: the
 * community's current ones, newest first, that reach her home): the index leads, and each row it walks is tested
 * against the side table by its id, so a page reads about a page of index entries and member lookups, not every
 * document holding one of the members. Same rows, same parameters.
 */
export function probeMembers(plan: Pushdown, table: string): Pushdown {
  return withWhere({
    ...plan,
    terms: plan.terms.map((t) =>
      t.sql.startsWith(MULTIKEY_PREFIX)
        ? { ...t, sql: `EXISTS (SELECT 1 FROM _mk INDEXED BY _mk_doc WHERE _mk.id = ${table}.id AND ${t.sql.slice(MULTIKEY_PREFIX.length)}` }
        : t,
    ),
  })
}

type Branch = { sql: string; params: Param[]; exact: boolean; paths: string[]; mk: boolean }

/** A sub-plan of one `$or`/`$nor` branch. */
function branch(filter: unknown, pushable: Lookup, coll: string): Branch | null {
  if (!isPlainObject(filter)) return null
  const sub: Pushdown = { where: [], params: [], terms: [], exact: true }
  collect(filter, pushable, coll, sub, false)
  if (!sub.terms.length) return sub.exact ? { sql: '1', params: [], exact: true, paths: [], mk: false } : null
  return {
    sql: sub.terms.map((t) => t.sql).join(' AND '),
    params: sub.terms.flatMap((t) => t.params),
    exact: sub.exact,
    paths: sub.terms.flatMap((t) => t.paths),
    mk: sub.terms.some((t) => t.mk),
  }
}

function collect(filter: Record<string, unknown>, pushable: Lookup, coll: string, out: Pushdown, top: boolean): void {
  for (const key of Object.keys(filter)) {
    const cond = filter[key]
    if (key === '$and' && Array.isArray(cond)) {
      for (const c of cond) {
        if (isPlainObject(c)) collect(c, pushable, coll, out, top)
        else out.exact = false
      }
      continue
    }
    if ((key === '$or' || key === '$nor') && Array.isArray(cond) && cond.length > 0) {
      const parts = cond.map((c) => branch(c, pushable, coll))
      // $or: a superset as long as every branch is one (a branch that pushes nothing would match anything);
      // $nor: its negation is a superset only when every branch is exact
      const usable = key === '$or' ? parts.every((p) => p) : parts.every((p) => p?.exact)
      if (!usable) {
        out.exact = false
        continue
      }
      const ps = parts as Branch[]
      const sql = `(${ps.map((p) => `(${p.sql})`).join(' OR ')})`
      out.terms.push({
        sql: key === '$or' ? sql : `NOT ${sql}`,
        params: ps.flatMap((p) => p.params),
        paths: [...new Set(ps.flatMap((p) => p.paths))],
        ...(ps.some((p) => p.mk) ? { mk: true } : {}),
      })
      if (!ps.every((p) => p.exact)) out.exact = false
      continue
    }
    if (key.startsWith('$')) {
      out.exact = false // $expr, $not, $where, ...: left to mingo
      continue
    }
    const isId = key === '_id'
    const info: PathInfo = isId ? { how: 'scalar', kinds: ANY_KIND } : infoOf(pushable, key)
    if (info.how === 'multikey') {
      pushMultikey(coll, key, info.kinds, cond, out)
      continue
    }
    if (!info.how) {
      out.exact = false
      continue
    }
    pushField(key, isId, info.kinds, cond, out, top)
  }
}

/** The SQL operand of a pushable equality value: a parameter, or the literal null key. Undefined when not pushable. */
const operand = (isId: boolean, v: unknown): { sql: string; param?: Param } | undefined => {
  if (v === null && !isId) return { sql: "X'00'" } // null or missing, exactly (arrays holding null are multikey paths)
  const s = isId ? idScalar(v) : sqlScalar(v)
  return s === undefined ? undefined : { sql: '?', param: s }
}

/** Whether SQL equality with this value selects exactly what MongoDB equality does on a path holding `kinds`. */
function exactEquality(v: unknown, kinds: number): boolean {
  if (v === null) return true
  if (typeof v === 'string') return !(kinds & (KIND.DATE | KIND.OTHER)) // objects and dates are JSON text to SQL
  if (typeof v === 'number') return !(kinds & KIND.BOOL) // json_extract yields 1 for true
  if (typeof v === 'boolean') return !(kinds & KIND.NUMBER)
  if (isDate(v)) return !(kinds & KIND.STRING) // a string could spell a stored date's text
  return false
}

function pushField(path: string, isId: boolean, kinds: number, cond: unknown, out: Pushdown, top: boolean): void {
  const col = keyExpr(path)
  const eq = operand(isId, cond)
  if (eq) {
    const params = eq.param === undefined ? [] : [eq.param]
    out.terms.push({ sql: `${col} = ${eq.sql}`, params, paths: [path], ...(top && !isId && eq.param !== undefined ? { path, values: params } : {}) })
    if (!isId && !exactEquality(cond, kinds)) out.exact = false
    return
  }
  if (!isPlainObject(cond)) {
    out.exact = false // arrays, RegExp, embedded documents
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
      pushField(path, isId, kinds, v, out, top)
    } else if ((op === '$in' || op === '$nin') && Array.isArray(v) && v.length > 0) {
      const vals = v.map((x) => operand(isId, x))
      if (vals.some((x) => x === undefined)) {
        out.exact = false
        continue
      }
      const exact = isId || v.every((x) => exactEquality(x, kinds))
      const params = vals.flatMap((x) => (x!.param === undefined ? [] : [x!.param]))
      const list = `(${vals.map((x) => x!.sql).join(',')})`
      if (op === '$in') {
        const plain = top && !isId && vals.every((x) => x!.param !== undefined)
        out.terms.push({ sql: `${col} IN ${list}`, params, paths: [path], ...(plain ? { path, values: params } : {}) })
        if (!exact) out.exact = false
      } else if (exact) {
        // a negation is a superset only when the condition it negates is exact
        out.terms.push({ sql: `${col} NOT IN ${list}`, params, paths: [path] })
      } else {
        out.exact = false
      }
    } else if (op === '$ne' && !isId) {
      const x = operand(false, v)
      if (x && exactEquality(v, kinds)) out.terms.push({ sql: `${col} <> ${x.sql}`, params: x.param === undefined ? [] : [x.param], paths: [path] })
      else out.exact = false
    } else if (op in RANGE_OPS && !isId) {
      pushRange(path, op, v, kinds, out)
    } else {
      out.exact = false
    }
  }
}

/**
 * A range. SQLite orders all numbers before all text before blobs (null/missing is X'00'), while MongoDB compares
 * within one type: bounds that keep out the other SQL types are added where the path's kinds call for them, and the
 * range is exact only when no value of another MongoDB type shares the operand's SQL type.
 */
function pushRange(path: string, op: string, v: unknown, kinds: number, out: Pushdown): void {
  const col = keyExpr(path)
  const s = sqlScalar(v)
  if (s === undefined || typeof v === 'boolean') {
    out.exact = false
    return
  }
  const upward = op === '$gt' || op === '$gte'
  const terms: Term[] = [{ sql: `${col} ${RANGE_OPS[op]} ?`, params: [s], paths: [path] }]
  let exact: boolean
  if (typeof v === 'number') {
    // above a number come text and blobs; booleans are SQL integers
    if (upward && kinds & (KIND.STRING | KIND.DATE | KIND.OTHER | KIND.NULL)) terms.push({ sql: `${col} < ''`, params: [], paths: [path] })
    exact = !(kinds & KIND.BOOL)
  } else {
    // strings and dates are SQL text: below come numbers and booleans, above the null blob
    if (!upward && kinds & (KIND.NUMBER | KIND.BOOL)) terms.push({ sql: `${col} >= ''`, params: [], paths: [path] })
    if (upward && kinds & KIND.NULL) terms.push({ sql: `${col} < X''`, params: [], paths: [path] })
    // objects (and dates, for a string operand) are text too
    exact = typeof v === 'string' ? !(kinds & (KIND.DATE | KIND.OTHER)) : !(kinds & (KIND.STRING | KIND.OTHER))
  }
  out.terms.push(...terms)
  if (!exact) out.exact = false
}

const MULTIKEY_PREFIX = 'id IN (SELECT id FROM _mk WHERE '

/** Members a lookup must find before the plan walks an index and tests each entry instead of reading the members. */
export const MANY_MEMBERS = 1000

/**
 * How many documents a member lookup (a multikey term's SQL) finds, counted up to `cap` only, with the term's own
 * parameters; null for a term that is not one plain lookup (one inside an $or).
 */
export const memberCountSql = (termSql: string, cap: number): string | null => {
  if (!termSql.startsWith(MULTIKEY_PREFIX) || !termSql.endsWith(')')) return null
  return `SELECT count(*) AS n FROM (SELECT 1 FROM _mk WHERE ${termSql.slice(MULTIKEY_PREFIX.length, -1)} LIMIT ${Number(cap)})`
}

/**
 * Equality or $in on a multikey path: the documents holding one of the values somewhere along the path, looked up in
 * the side table. A superset at least (`{tags: 'a'}` must still reject nothing that matches); exact when no array ever
 * sat in an array along the path (the side table flattens every level, MongoDB one) and the operand's SQL value stands
 * for no other kind the members had (booleans are 1 and 0, dates their `{"$date":…}` text).
 */
function pushMultikey(coll: string, path: string, kinds: number, cond: unknown, out: Pushdown): void {
  const values = isPlainObject(cond)
    ? Object.keys(cond).length === 1 && '$eq' in cond
      ? [cond.$eq]
      : Object.keys(cond).length === 1 && Array.isArray(cond.$in) && cond.$in.length > 0
        ? cond.$in
        : null
    : [cond]
  if (!values) {
    out.exact = false
    return
  }
  const scalars = values.map(sqlScalar)
  if (scalars.some((x) => x === undefined)) {
    out.exact = false
    return
  }
  const exact =
    !(kinds & KIND.NESTED) &&
    values.every((v) =>
      typeof v === 'string' ? !(kinds & KIND.DATE) : typeof v === 'number' ? !(kinds & KIND.BOOL) : typeof v === 'boolean' ? !(kinds & KIND.NUMBER) : false,
    )
  if (!exact) out.exact = false
  out.terms.push({
    sql: `${MULTIKEY_PREFIX}coll = ? AND path = ? AND value IN (${scalars.map(() => '?').join(',')}))`,
    params: [coll, path, ...(scalars as Param[])],
    paths: [],
    mk: true,
  })
}

const idScalar = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? idKey(v) : undefined)
