import type { Database as SqliteDb, Statement } from 'libsql'
import { compare, resolve } from 'mingo/util'
import { decodeStored, encodeDoc, sqlScalar, type Doc } from './ejson'
import { LocalDbError, duplicateKey, requestFailed } from './errors'
import { newQuery } from './mingo'
import { idKey, isSimplePath, keyExpr, planPushdown, type Pushable } from './query'

export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

/** One stored row: `text` is the stored JSON (valid relaxed EJSON, see ejson.ts), `doc` its decoded form when needed. */
export interface Row {
  rowid: number
  id: string
  text: string
  special: number
}

export interface FindOptions {
  order?: Record<string, 1 | -1>
  offset?: number
  limit?: number
}

/**
 * One CloudBase collection = one SQLite table `c_<name>(id TEXT PRIMARY KEY, doc TEXT, sp INTEGER)` with one expression
 * index per declared index (UNIQUE where declared). The table's rowid keeps insertion order, which stands in for
 * MongoDB's natural order when no orderBy is given.
 */
export class Collection {
  readonly table: string
  /** paths that appear in some declared index: candidates for SQL pushdown */
  private readonly indexedPaths: Set<string>
  /** paths along which some document held an array; never pushed down (see query.ts) */
  private readonly multikey: Set<string>
  private readonly stmt: {
    insert: Statement
    byId: Statement
    replace: Statement
    remove: Statement
    markMultikey: Statement
    mkAdd: Statement
    mkClear: Statement
  }
  private readonly dynamic = new Map<string, Statement>()

  constructor(
    private readonly sql: SqliteDb,
    readonly name: string,
    readonly indexes: IndexSpec[],
    multikey: string[],
  ) {
    this.table = `"c_${name.replace(/"/g, '')}"`
    this.indexedPaths = new Set(indexes.flatMap((ix) => Object.keys(ix.keys).filter(isSimplePath)))
    this.multikey = new Set(multikey)
    this.stmt = {
      insert: sql.prepare(`INSERT INTO ${this.table}(id, doc, sp) VALUES (?, ?, ?)`),
      byId: sql.prepare(`SELECT rowid, id, doc AS text, sp AS special FROM ${this.table} WHERE id = ?`),
      replace: sql.prepare(`UPDATE ${this.table} SET doc = ?, sp = ? WHERE id = ?`),
      remove: sql.prepare(`DELETE FROM ${this.table} WHERE id = ?`),
      markMultikey: sql.prepare(`INSERT OR IGNORE INTO _multikey(coll, path) VALUES (?, ?)`),
      mkAdd: sql.prepare(`INSERT INTO _mk(coll, path, value, id) VALUES (?, ?, ?, ?)`),
      mkClear: sql.prepare(`DELETE FROM _mk WHERE coll = ? AND id = ?`),
    }
  }

  /** DDL for a collection's table and indexes (idempotent). */
  static ddl(name: string, indexes: IndexSpec[]): string {
    const table = `"c_${name}"`
    const parts = [`CREATE TABLE IF NOT EXISTS ${table}(id TEXT PRIMARY KEY, doc TEXT NOT NULL, sp INTEGER NOT NULL DEFAULT 0)`]
    for (const ix of indexes) {
      const paths = Object.keys(ix.keys)
      if (!paths.every(isSimplePath)) throw new Error(`index ${name}.${ix.name}: unsupported key path`)
      parts.push(
        `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "ix_${name}__${ix.name}" ON ${table}(${paths.map(keyExpr).join(', ')})`,
      )
    }
    return parts.join(';\n')
  }

  private pushable = (path: string): Pushable =>
    !this.indexedPaths.has(path) ? false : this.multikey.has(path) ? 'multikey' : 'scalar'

  // Reads ---------------------------------------------------------------------------------------------------------

  getById(id: unknown): Row | undefined {
    return this.stmt.byId.get(idKey(id)) as Row | undefined
  }

  private prepared(sqlText: string): Statement {
    let s = this.dynamic.get(sqlText)
    if (!s) {
      s = this.sql.prepare(sqlText)
      this.dynamic.set(sqlText, s)
    }
    return s
  }

  /**
   * Rows matching `filter`, decoded, in natural order unless `order` is given. When the pushdown is exact and no order
   * is asked, paging is done in SQL and documents are not even parsed (`doc` stays undefined).
   */
  find(filter: unknown, opts: FindOptions = {}): { row: Row; doc?: Doc }[] {
    const plan = planPushdown(filter, this.pushable, this.name)
    const where = plan.where.length ? ` WHERE ${plan.where.join(' AND ')}` : ''
    const hasOrder = !!opts.order && Object.keys(opts.order).length > 0
    if (plan.exact && !hasOrder) {
      const page = opts.limit !== undefined ? ` LIMIT ${opts.limit | 0} OFFSET ${(opts.offset ?? 0) | 0}` : ''
      const rows = this.prepared(`SELECT rowid, id, doc AS text, sp AS special FROM ${this.table}${where} ORDER BY rowid${page}`).all(
        ...plan.params,
      ) as Row[]
      return rows.map((row) => ({ row }))
    }
    const rows = this.prepared(`SELECT rowid, id, doc AS text, sp AS special FROM ${this.table}${where} ORDER BY rowid`).all(
      ...plan.params,
    ) as Row[]
    const query = plan.exact ? null : compileFilter(filter)
    let hits: { row: Row; doc: Doc }[] = []
    for (const row of rows) {
      const doc = decodeStored(row.text, row.special)
      if (!query || query.test(doc)) hits.push({ row, doc })
    }
    if (hasOrder) hits = sortHits(hits, opts.order!)
    const start = opts.offset ?? 0
    return opts.limit !== undefined ? hits.slice(start, start + opts.limit) : start ? hits.slice(start) : hits
  }

  count(filter: unknown): number {
    const plan = planPushdown(filter, this.pushable, this.name)
    if (plan.exact) {
      const where = plan.where.length ? ` WHERE ${plan.where.join(' AND ')}` : ''
      return (this.prepared(`SELECT count(*) AS n FROM ${this.table}${where}`).get(...plan.params) as { n: number }).n
    }
    return this.find(filter).length
  }

  /** Every document, decoded (for $lookup sources and full scans). */
  all(): Doc[] {
    return (this.prepared(`SELECT doc AS text, sp AS special FROM ${this.table} ORDER BY rowid`).all() as Row[]).map((r) =>
      decodeStored(r.text, r.special),
    )
  }

  // Writes: synchronous, each a single statement; callers group them in SQLite transactions. ------------------------

  insert(doc: Doc): void {
    const { text, special } = encodeDoc(doc)
    this.noteArrays(doc)
    const key = idKey(doc._id)
    try {
      this.stmt.insert.run(key, text, special ? 1 : 0)
    } catch (e) {
      throw this.translate(e, doc)
    }
    this.indexMultikey(key, doc)
  }

  /** Replaces a stored document; false (and no write) when its text equals `prevText`, i.e. nothing changed. */
  replace(doc: Doc, prevText?: string): boolean {
    const { text, special } = encodeDoc(doc)
    if (text === prevText) return false
    this.noteArrays(doc)
    const key = idKey(doc._id)
    let changed: boolean
    try {
      changed = this.stmt.replace.run(text, special ? 1 : 0, key).changes > 0
    } catch (e) {
      throw this.translate(e, doc)
    }
    if (changed && this.multikey.size) {
      this.stmt.mkClear.run(this.name, key)
      this.indexMultikey(key, doc)
    }
    return changed
  }

  remove(id: unknown): boolean {
    return this.removeKey(idKey(id))
  }

  /** Deletes by the stored key (`Row.id`). */
  removeKey(key: string): boolean {
    const gone = this.stmt.remove.run(key).changes > 0
    if (gone && this.multikey.size) this.stmt.mkClear.run(this.name, key)
    return gone
  }

  /**
   * The side index of multikey paths: one `_mk` row per scalar a document holds along the path (array members at any
   * depth, or the plain value), so equality and $in on an array field are answered from an index too, as a MongoDB
   * multikey index answers them. Only a superset is promised (mingo re-checks), so flattening every level is safe.
   */
  private indexMultikey(key: string, doc: Doc): void {
    for (const path of this.multikey) {
      const seen = new Set<string | number>()
      for (const v of leavesAt(doc, path)) {
        const s = sqlScalar(v)
        if (s === undefined || seen.has(s)) continue
        seen.add(s)
        this.stmt.mkAdd.run(this.name, path, s, key)
      }
    }
  }

  /** Adds every stored document's values along `path` to the side index (for a path that just turned multikey). */
  backfillMultikey(path: string): void {
    for (const row of this.sql.prepare(`SELECT id, doc AS text, sp AS special FROM ${this.table}`).iterate() as Iterable<Row>) {
      const stored = decodeStored(row.text, row.special)
      for (const v of new Set(leavesAt(stored, path).map(sqlScalar))) if (v !== undefined) this.stmt.mkAdd.run(this.name, path, v, row.id)
    }
  }

  /** Marks indexed paths that run through an array as multikey, for good (as MongoDB does). */
  private noteArrays(doc: Doc): void {
    for (const path of this.indexedPaths) {
      if (this.multikey.has(path)) continue
      let cur: unknown = doc
      for (const seg of path.split('.')) {
        if (Array.isArray(cur)) break
        cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined
      }
      if (Array.isArray(cur)) {
        this.multikey.add(path)
        this.stmt.markMultikey.run(this.name, path)
        // documents stored before the path turned multikey join the side index once (MongoDB rebuilds likewise)
        this.backfillMultikey(path)
      }
    }
  }

  /** SQLite constraint errors → CloudBase's DATABASE_DUPLICATE_WRITE with MongoDB's E11000 text. */
  private translate(e: unknown, doc: Doc): unknown {
    const err = e as { code?: string; message?: string }
    if (err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return duplicateKey(this.name, '_id_', { _id: doc._id })
    if (err.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      const m = /index '([^']+)'/.exec(err.message ?? '')
      const sqlName = m?.[1] ?? ''
      const ix = this.indexes.find((i) => `ix_${this.name}__${i.name}` === sqlName)
      if (!ix) return duplicateKey(this.name, '_id_', { _id: doc._id })
      const key: Record<string, unknown> = {}
      for (const p of Object.keys(ix.keys)) key[p] = getPath(doc, p) ?? null
      return duplicateKey(this.name, ix.name, key)
    }
    if (err.code?.startsWith('SQLITE_')) return requestFailed(`[LocalDb] ${err.message}`)
    return e
  }
}

/** Every value reachable along `path`, arrays flattened at every level (a superset of what MongoDB matches). */
function leavesAt(doc: unknown, path: string): unknown[] {
  let cur: unknown[] = [doc]
  for (const seg of path.split('.')) {
    const next: unknown[] = []
    for (const c of flatten(cur)) if (c !== null && typeof c === 'object' && !(c instanceof Date)) next.push((c as Record<string, unknown>)[seg])
    cur = next
  }
  return flatten(cur)
}

const flatten = (xs: unknown[]): unknown[] => xs.flatMap((x) => (Array.isArray(x) ? flatten(x) : [x]))

export function getPath(doc: unknown, path: string): unknown {
  let cur = doc
  for (const seg of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[seg]
  }
  return cur
}

/** Stable sort by MongoDB's cross-type order (mingo's `compare`), ties kept in natural order. */
function sortHits<T extends { doc: Doc }>(hits: T[], order: Record<string, 1 | -1>): T[] {
  const keys = Object.entries(order)
  return hits
    .map((h, i) => ({ h, i, vals: keys.map(([k]) => resolve(h.doc, k)) }))
    .sort((a, b) => {
      for (let j = 0; j < keys.length; j++) {
        const c = compare(a.vals[j], b.vals[j])
        if (c) return c * keys[j][1]
      }
      return a.i - b.i
    })
    .map((x) => x.h)
}

/** A filter compiled by mingo; one it cannot compile (an unknown operator, a bad argument) fails the request. */
function compileFilter(filter: unknown) {
  try {
    return newQuery((filter ?? {}) as Record<string, unknown>)
  } catch (e) {
    if (e instanceof LocalDbError) throw e
    throw requestFailed(`[InvalidParameter] ${(e as Error).message}`)
  }
}
