import type { Database as SqliteDb, Statement } from 'libsql'
import { compare } from 'mingo/util'
import { decodeStored, encodeDoc, isPlainObject, sqlScalar, type Doc } from './ejson'
import { LocalDbError, duplicateKey, requestFailed } from './errors'
import { newQuery } from './mingo'
import {
  ANY_KIND,
  KIND,
  idKey,
  isSimplePath,
  keyExpr,
  kindOf,
  leadByMembers,
  MANY_MEMBERS,
  memberCountSql,
  orderable,
  planPushdown,
  probeMembers,
  type PathInfo,
  type Pushdown,
  type Term,
} from './query'

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
  /** sort in memory even where SQLite could order (conformance tests compare the two) */
  memory?: boolean
}

/**
 * How a read is answered (see `Collection.explain`): `sql` is the statement run (without its LIMIT/OFFSET), `order`
 * says whether SQLite orders the rows ('sql': natural or index order, read a page at a time) or every match is read
 * and sorted here ('memory'), `exact` whether mingo re-checks the rows.
 */
export interface ReadPlan {
  sql: string
  params: (string | number)[]
  order: 'sql' | 'memory'
  exact: boolean
}

/** Most arms a `$in` on an index's leading keys is split into so that each walks the index in order (see `arms`). */
const MAX_ARMS = 64
/** Rows fetched per step when mingo filters a read in SQL order: grows from the page's size up to this. */
const MAX_BATCH = 4096

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
  /** the kinds of value each indexed path (and `_id`) has held, as KIND bits; they decide what SQL answers exactly */
  private readonly kinds: Map<string, number>
  private readonly stmt: {
    insert: Statement
    byId: Statement
    replace: Statement
    remove: Statement
    markMultikey: Statement
    mkAdd: Statement
    mkClear: Statement
    saveKinds: Statement
  }
  private readonly dynamic = new Map<string, Statement>()

  constructor(
    private readonly sql: SqliteDb,
    readonly name: string,
    readonly indexes: IndexSpec[],
    multikey: string[],
    kinds: Map<string, number> = new Map(),
  ) {
    this.table = `"c_${name.replace(/"/g, '')}"`
    this.indexedPaths = new Set(indexes.flatMap((ix) => Object.keys(ix.keys).filter((p) => isSimplePath(p) && p !== '_id')))
    this.multikey = new Set(multikey)
    this.stmt = {
      insert: sql.prepare(`INSERT INTO ${this.table}(id, doc, sp) VALUES (?, ?, ?)`),
      byId: sql.prepare(`SELECT rowid, id, doc AS text, sp AS special FROM ${this.table} WHERE id = ?`),
      replace: sql.prepare(`UPDATE ${this.table} SET doc = ?, sp = ? WHERE id = ?`),
      remove: sql.prepare(`DELETE FROM ${this.table} WHERE id = ?`),
      markMultikey: sql.prepare(`INSERT OR IGNORE INTO _multikey(coll, path) VALUES (?, ?)`),
      mkAdd: sql.prepare(`INSERT INTO _mk(coll, path, value, id) VALUES (?, ?, ?, ?)`),
      mkClear: sql.prepare(`DELETE FROM _mk WHERE coll = ? AND id = ?`),
      saveKinds: sql.prepare(`INSERT INTO _kinds(coll, path, kinds) VALUES (?, ?, ?) ON CONFLICT(coll, path) DO UPDATE SET kinds = excluded.kinds`),
    }
    this.kinds = new Map()
    const missing: string[] = []
    for (const path of ['_id', ...this.indexedPaths]) {
      const k = kinds.get(path)
      if (k === undefined) missing.push(path)
      else this.kinds.set(path, k)
    }
    if (missing.length) this.backfillKinds(missing)
  }

  /** The statement creating one declared index, as SQLite keeps it in sqlite_master (compared at open, see syncIndexes). */
  static indexSql(name: string, ix: IndexSpec): string {
    const paths = Object.keys(ix.keys)
    if (!paths.every(isSimplePath)) throw new Error(`index ${name}.${ix.name}: unsupported key path`)
    // directions as declared: MongoDB walks {a: 1, b: -1} in order for sorts {a: 1, b: -1} and {a: -1, b: 1} only
    const cols = paths.map((p) => `${keyExpr(p)}${ix.keys[p] === -1 ? ' DESC' : ''}`)
    return `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX "ix_${name}__${ix.name}" ON "c_${name}"(${cols.join(', ')})`
  }

  /** DDL for a collection's table and indexes (idempotent). */
  static ddl(name: string, indexes: IndexSpec[]): string {
    const table = `"c_${name}"`
    const parts = [`CREATE TABLE IF NOT EXISTS ${table}(id TEXT PRIMARY KEY, doc TEXT NOT NULL, sp INTEGER NOT NULL DEFAULT 0)`]
    for (const ix of indexes) parts.push(Collection.indexSql(name, ix).replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '))
    return parts.join(';\n')
  }

  /**
   * Makes the collection's SQLite indexes exactly the declared ones: an index whose declaration changed (keys,
   * directions, uniqueness) is rebuilt, one no longer declared is dropped, a new one is built.
   */
  static syncIndexes(sql: SqliteDb, name: string, indexes: IndexSpec[]): void {
    sql.exec(`CREATE TABLE IF NOT EXISTS "c_${name}"(id TEXT PRIMARY KEY, doc TEXT NOT NULL, sp INTEGER NOT NULL DEFAULT 0)`)
    const want = new Map(indexes.map((ix) => [`ix_${name}__${ix.name}`, Collection.indexSql(name, ix)]))
    const have = sql
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE 'ix\\_%' ESCAPE '\\'`)
      .all(`c_${name}`) as {
      name: string
      sql: string
    }[]
    for (const h of have) if (want.get(h.name) !== h.sql) sql.exec(`DROP INDEX "${h.name}"`)
    sql.exec(Collection.ddl(name, indexes))
  }

  private info = (path: string): PathInfo => ({
    how: !this.indexedPaths.has(path) ? false : this.multikey.has(path) ? 'multikey' : 'scalar',
    kinds: this.kinds.get(path) ?? ANY_KIND,
  })

  /** Records the kinds of value `doc` holds on the tracked paths, widening them for good when new ones appear. */
  private noteKinds(doc: Doc): void {
    for (const [path, known] of this.kinds) {
      const k = known | (path === '_id' ? kindOf(doc._id) : this.multikey.has(path) ? memberKinds(doc, path) : kindOf(getPath(doc, path)))
      if (k !== known) {
        this.kinds.set(path, k)
        this.stmt.saveKinds.run(this.name, path, k)
      }
    }
  }

  /** The kinds already stored along paths not tracked before (a new index, a database from before kinds were kept). */
  private backfillKinds(all: string[]): void {
    // a multikey path's members are read document by document, as they are tracked
    const multikey = all.filter((p) => this.multikey.has(p))
    if (multikey.length) {
      const ks = multikey.map(() => 0)
      for (const row of this.sql.prepare(`SELECT doc AS text, sp AS special FROM ${this.table}`).iterate() as Iterable<Row>) {
        const doc = decodeStored(row.text, row.special)
        multikey.forEach((p, i) => (ks[i] |= memberKinds(doc, p)))
      }
      multikey.forEach((p, i) => {
        this.kinds.set(p, ks[i])
        this.stmt.saveKinds.run(this.name, p, ks[i])
      })
    }
    const paths = all.filter((p) => !this.multikey.has(p))
    if (!paths.length) return
    // one pass; the bits are powers of two, so a sum of distinct bits is their union
    const bit = (i: number) =>
      `CASE json_type(doc, ?${2 * i + 1}) WHEN 'null' THEN 1 WHEN 'integer' THEN 2 WHEN 'real' THEN 2 WHEN 'text' THEN 4 ` +
      `WHEN 'true' THEN 8 WHEN 'false' THEN 8 WHEN 'object' THEN (CASE WHEN length(json_extract(doc, ?${2 * i + 2})) = 24 THEN 16 ELSE 32 END) ` +
      `WHEN 'array' THEN 32 ELSE 1 END`
    const cols = paths.map((_, i) => `total(DISTINCT ${bit(i)}) AS k${i}`)
    const row = this.sql.prepare(`SELECT ${cols.join(', ')} FROM ${this.table}`).get(...paths.flatMap((p) => [`$.${p}`, `$.${p}."$date"`])) as Record<
      string,
      number
    >
    paths.forEach((p, i) => {
      const k = Number(row[`k${i}`] ?? 0)
      this.kinds.set(p, k)
      this.stmt.saveKinds.run(this.name, p, k)
    })
  }

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
   * Rows matching `filter` in natural order, or in `order`, paged. Documents are parsed only where mingo must check
   * them or sort them (`doc` stays undefined otherwise):
   *   - the filter pushed exactly and the order answered by SQLite: SQL pages the rows itself (LIMIT/OFFSET);
   *   - the filter pushed as a superset, order answered by SQLite: rows come in order a batch at a time and mingo
   *     keeps the matches until the page is full, so a page costs what it takes to fill it;
   *   - otherwise (a sort SQLite would not order as MongoDB does): every candidate is parsed, checked and sorted here.
   */
  find(filter: unknown, opts: FindOptions = {}): { row: Row; doc?: Doc }[] {
    const rp = this.readPlan(planPushdown(filter, this.info, this.name, false), opts.order, opts.memory)
    const offset = Math.max(opts.offset ?? 0, 0)
    const limit = opts.limit
    if (rp.order === 'sql') {
      if (!rp.exact) return this.filtered(rp, filter, offset, limit)
      const rows = (
        limit === undefined && !offset
          ? this.prepared(rp.sql).all(...rp.params)
          : this.prepared(`${rp.sql} LIMIT ? OFFSET ?`).all(...rp.params, limit ?? -1, offset)
      ) as Row[]
      return rows.map((row) => ({ row }))
    }
    const rows = this.prepared(rp.sql).all(...rp.params) as Row[]
    const query = rp.exact ? null : compileFilter(filter)
    let hits: { row: Row; doc: Doc }[] = []
    for (const row of rows) {
      const doc = decodeStored(row.text, row.special)
      if (!query || query.test(doc)) hits.push({ row, doc })
    }
    hits = sortHits(hits, opts.order!)
    return limit !== undefined ? hits.slice(offset, offset + limit) : offset ? hits.slice(offset) : hits
  }

  /** The statement `find` runs for this filter and order, and how it is answered (tests check the plans of these). */
  explain(filter: unknown, opts: Pick<FindOptions, 'order' | 'memory'> = {}): ReadPlan {
    return this.readPlan(planPushdown(filter, this.info, this.name, false), opts.order, opts.memory)
  }

  count(filter: unknown): number {
    const c = this.explainCount(filter)
    return c.exact ? (this.prepared(c.sql).get(...c.params) as { n: number }).n : this.find(filter).length
  }

  /** The statement counting a filter in SQL, and whether it counts exactly (otherwise matches are read and counted). */
  explainCount(filter: unknown): { sql: string; params: (string | number)[]; exact: boolean } {
    const raw = planPushdown(filter, this.info, this.name, false)
    // many members (MANY_MEMBERS or more documents hold a value looked up) among a range an index holds with every
    // other field the filter names: the index leads and each entry's id is looked up among the members' ids, so no
    // document is read. Few members (a person's followed tickets among a million open ones) lead instead: walking the
    // range would test every entry in it
    const probe = raw.terms.some((t) => t.mk) && this.manyMembers(raw.terms) ? this.coveringIndex({ ...raw, terms: raw.terms.filter((t) => !t.mk) }) : undefined
    const plan = probe ? raw : leadByMembers(raw)
    const where = plan.where.length ? ` WHERE ${plan.where.join(' AND ')}` : ''
    const ix = probe ?? this.coveringIndex(plan)
    const from = ix ? `${this.table} INDEXED BY "ix_${this.name}__${ix}"` : this.table
    return { sql: `SELECT count(*) AS n FROM ${from}${where}`, params: plan.params, exact: plan.exact }
  }

  /**
   * The index a count should read: one holding every field the filter names, so no document is read, led by as many of
   * the filter's equalities as possible (then the narrowest). Without statistics SQLite takes two equalities on a
   * wide range (a community's tickets of a category) over one equality and a short `$in` (its few open tickets), then
   * reads every document in the range; MongoDB would race the plans and keep the fast one. Undefined when no such index
   * exists, or when ids or array members are looked up (those lookups are narrower than any range).
   */
  private coveringIndex(plan: Pushdown): string | undefined {
    if (plan.terms.some((t) => t.mk || (t.paths.includes('_id') && !t.sql.startsWith('(') && !t.sql.startsWith('NOT')))) return undefined
    const need = new Set(plan.terms.flatMap((t) => t.paths).filter((p) => p !== '_id'))
    const fixed = new Set(plan.terms.flatMap((t) => (t.path && t.values ? [t.path] : [])))
    let best: { name: string; prefix: number; width: number } | undefined
    for (const ix of this.indexes) {
      const keys = Object.keys(ix.keys)
      if (keys.some((k) => this.multikey.has(k)) || ![...need].every((p) => keys.includes(p))) continue
      let prefix = 0
      while (prefix < keys.length && fixed.has(keys[prefix])) prefix++
      if (prefix && (!best || prefix > best.prefix || (prefix === best.prefix && keys.length < best.width)))
        best = { name: ix.name, prefix, width: keys.length }
    }
    return best?.name
  }

  /**
   * Whether SQLite can order by this key as MongoDB does: `_id` while every id is a string (other ids are tagged text
   * in the `id` column), an indexed path that never held an array, whose kinds SQLite orders as MongoDB (see
   * `orderable`). Anything else is sorted in memory.
   */
  private sortable(path: string, dir: unknown): boolean {
    if (dir !== 1 && dir !== -1) return false
    if (path === '_id') return ((this.kinds.get('_id') ?? ANY_KIND) & ~KIND.STRING) === 0
    return this.indexedPaths.has(path) && !this.multikey.has(path) && orderable(this.kinds.get(path) ?? ANY_KIND)
  }

  private readPlan(raw: Pushdown, order?: Record<string, 1 | -1>, memory = false): ReadPlan {
    const cols = 'rowid, id, doc AS text, sp AS special'
    const where = (terms: Term[]) => (terms.length ? ` WHERE ${terms.map((t) => t.sql).join(' AND ')}` : '')
    const keys = order ? Object.entries(order) : []
    const walk =
      !memory &&
      keys.length &&
      raw.terms.some((t) => t.mk) &&
      keys.every(([p, d]) => this.sortable(p, d)) &&
      this.walksInOrder(raw, keys) &&
      this.manyMembers(raw.terms)
    const plan = walk ? probeMembers(raw, this.table) : leadByMembers(raw)
    if (!keys.length)
      return { sql: `SELECT ${cols} FROM ${this.table}${where(plan.terms)} ORDER BY rowid`, params: plan.params, order: 'sql', exact: plan.exact }
    if (memory || !keys.every(([p, d]) => this.sortable(p, d))) {
      return { sql: `SELECT ${cols} FROM ${this.table}${where(plan.terms)} ORDER BY rowid`, params: plan.params, order: 'memory', exact: plan.exact }
    }
    // ties in natural order, as the in-memory sort keeps them, unless `_id` (unique) settles them
    const by = keys.map(([p, d]) => ({ expr: keyExpr(p), dir: d === -1 ? 'DESC' : 'ASC' }))
    if (!keys.some(([p]) => p === '_id')) by.push({ expr: 'rowid', dir: 'ASC' })
    const arms = this.arms(plan, keys)
    if (arms) {
      // each arm walks the index in order; SQLite merges them ("MERGE (UNION ALL)") and stops at the page's end
      const extra = by.map((b, i) => `${b.expr} AS o${i}`).join(', ')
      return {
        sql: `${arms.map((a) => `SELECT ${cols}, ${extra} FROM ${this.table}${where(a)}`).join(' UNION ALL ')} ORDER BY ${by.map((b, i) => `o${i} ${b.dir}`).join(', ')}`,
        params: arms.flatMap((a) => a.flatMap((t) => t.params)),
        order: 'sql',
        exact: plan.exact,
      }
    }
    return {
      sql: `SELECT ${cols} FROM ${this.table}${where(plan.terms)} ORDER BY ${by.map((b) => `${b.expr} ${b.dir}`).join(', ')}`,
      params: plan.params,
      order: 'sql',
      exact: plan.exact,
    }
  }

  /**
   * A sort an index could answer after an equality prefix, but for `$in` lists on that prefix (a grid leader's grids,
   * the open states): SQLite cannot walk one index range in order across several values, so the read is split into
   * one arm per combination of values, each an equality prefix walked in order, merged by SQLite as MongoDB merges
   * index scans (SORT_MERGE). Undefined when no declared index has the filter's equalities followed by the sort keys
   * (all in the index's directions or all reversed), when nothing needs splitting, or when it would take too many arms.
   * Of the indexes that fit, the one led by the most equalities, then one holding every field the filter names (the
   * walk then tests the rest of the filter without reading documents), then the narrowest.
   */
  private arms(plan: Pushdown, keys: [string, number][]): Term[][] | undefined {
    const fixed = new Map<string, Term[]>()
    for (const t of plan.terms) if (t.path && t.values) fixed.set(t.path, [...(fixed.get(t.path) ?? []), t])
    if (![...fixed.values()].some((ts) => ts.every((t) => new Set(t.values).size > 1))) return undefined
    // every index holds the id
    const need = new Set(plan.terms.flatMap((t) => t.paths).filter((p) => p !== '_id'))
    let prefix: string[] | undefined
    let rank: number[] = []
    for (const ix of this.indexes) {
      const ik = Object.entries(ix.keys)
      let i = 0
      while (i < ik.length && fixed.has(ik[i][0])) i++
      if (i === 0 || i + keys.length > ik.length) continue
      let same = true
      let reversed = true
      for (let j = 0; j < keys.length && (same || reversed); j++) {
        const [p, d] = ik[i + j]
        if (p !== keys[j][0]) same = reversed = false
        else if (d === keys[j][1]) reversed = false
        else same = false
      }
      if (!same && !reversed) continue
      const r = [i, [...need].every((p) => p in ix.keys) ? 1 : 0, -ik.length]
      if (!prefix || r[0] > rank[0] || (r[0] === rank[0] && (r[1] > rank[1] || (r[1] === rank[1] && r[2] > rank[2])))) {
        prefix = ik.slice(0, i).map(([p]) => p)
        rank = r
      }
    }
    if (!prefix) return undefined
    let arms: Term[][] = [plan.terms]
    for (const p of prefix) {
      const ts = fixed.get(p)!
      if (ts.some((t) => new Set(t.values).size === 1)) continue // an equality already fixes the path
      const t = ts[0]
      const values = [...new Set(t.values)]
      if (arms.length * values.length > MAX_ARMS) return undefined
      arms = arms.flatMap((a) => values.map((v) => a.map((x) => (x === t ? { sql: `${keyExpr(p)} = ?`, params: [v], paths: [p] } : x))))
    }
    return arms.length > 1 ? arms : undefined
  }

  /**
   * Whether every member lookup of the filter finds many documents (MANY_MEMBERS or more, counted in the side table
   * and no further): then walking an index in order and testing each entry costs less than reading every member's
   * document. Without statistics this one count is how the plan tells a resident's notices (most of the community's)
   * from a person's followed tickets (a handful among a million). A lookup inside an $or is not counted: it leads.
   */
  private manyMembers(terms: Term[]): boolean {
    return terms
      .filter((t) => t.mk)
      .every((t) => {
        const sql = memberCountSql(t.sql, MANY_MEMBERS)
        return sql !== null && (this.prepared(sql).get(...t.params) as { n: number }).n >= MANY_MEMBERS
      })
  }

  /**
   * Whether a declared index, after equalities the filter fixes (a value or null), holds the sort keys in its order
   * (or all reversed): SQLite then walks it in order and stops at the page's end.
   */
  private walksInOrder(plan: Pushdown, keys: [string, number][]): boolean {
    const fixed = new Set<string>()
    for (const t of plan.terms) {
      if (t.mk) continue
      if (t.path && t.values && new Set(t.values).size === 1) fixed.add(t.path)
      else if (t.paths.length === 1 && t.sql === `${keyExpr(t.paths[0])} = X'00'`) fixed.add(t.paths[0])
    }
    return this.indexes.some((ix) => {
      const ik = Object.entries(ix.keys)
      let i = 0
      while (i < ik.length && fixed.has(ik[i][0])) i++
      if (i === 0 || i + keys.length > ik.length) return false
      const same = keys.every(([p, d], j) => ik[i + j][0] === p && ik[i + j][1] === d)
      const reversed = keys.every(([p, d], j) => ik[i + j][0] === p && ik[i + j][1] === -d)
      return same || reversed
    })
  }

  /** Rows of an ordered statement that mingo accepts, `[offset, offset + limit)` of them, read a batch at a time. */
  private filtered(rp: ReadPlan, filter: unknown, offset: number, limit: number | undefined): { row: Row; doc: Doc }[] {
    const query = compileFilter(filter)
    const hits: { row: Row; doc: Doc }[] = []
    let skip = offset
    const take = (row: Row): boolean => {
      const doc = decodeStored(row.text, row.special)
      if (!query.test(doc)) return false
      if (skip > 0) skip--
      else hits.push({ row, doc })
      return limit !== undefined && hits.length >= limit
    }
    if (limit === undefined) {
      for (const row of this.prepared(rp.sql).all(...rp.params) as Row[]) take(row)
      return hits
    }
    if (limit <= 0) return hits
    const stmt = this.prepared(`${rp.sql} LIMIT ? OFFSET ?`)
    let at = 0
    let size = Math.min(MAX_BATCH, Math.max(32, 2 * (offset + limit)))
    for (;;) {
      const rows = stmt.all(...rp.params, size, at) as Row[]
      for (const row of rows) if (take(row)) return hits
      if (rows.length < size) return hits
      at += rows.length
      size = Math.min(MAX_BATCH, size * 2)
    }
  }

  /** Every document, decoded (for $lookup sources and full scans). */
  all(): Doc[] {
    return (this.prepared(`SELECT doc AS text, sp AS special FROM ${this.table} ORDER BY rowid`).all() as Row[]).map((r) => decodeStored(r.text, r.special))
  }

  // Writes: synchronous, each a single statement; callers group them in SQLite transactions. ------------------------

  insert(doc: Doc): void {
    const { text, special } = encodeDoc(doc)
    this.noteArrays(doc)
    this.noteKinds(doc)
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
    this.noteKinds(doc)
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

/**
 * The kinds of the values MongoDB compares along a multikey path (array members, one level of array per step), and
 * NESTED when an array sits directly in an array on the way: the side table holds those members, MongoDB does not.
 */
function memberKinds(doc: unknown, path: string): number {
  let kinds = 0
  let cur: unknown[] = [doc]
  for (const seg of path.split('.')) {
    const next: unknown[] = []
    for (const c of cur) {
      for (const x of Array.isArray(c) ? c : [c]) {
        if (Array.isArray(x)) kinds |= KIND.NESTED
        else if (isPlainObject(x)) next.push(x[seg])
        else kinds |= KIND.NULL
      }
    }
    cur = next
  }
  for (const v of cur) {
    if (!Array.isArray(v)) kinds |= kindOf(v)
    else for (const e of v) kinds |= Array.isArray(e) ? KIND.NESTED : kindOf(e)
  }
  return kinds
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

/** The sort key of a document whose array holds nothing: below null, as MongoDB sorts `[]`. */
const EMPTY = Symbol('empty array')

/**
 * What MongoDB sorts a document by on `path`: with arrays along the path or at its end, the smallest member for an
 * ascending sort and the largest for a descending one (an empty array sorts below null); missing counts as null.
 */
function sortKey(doc: Doc, path: string, dir: number): unknown {
  let cur: unknown[] = [doc]
  for (const seg of path.split('.')) {
    const next: unknown[] = []
    for (const c of cur) {
      if (Array.isArray(c)) {
        for (const e of c) if (isPlainObject(e)) next.push(e[seg])
      } else if (isPlainObject(c)) next.push(c[seg])
    }
    cur = next
  }
  const values: unknown[] = []
  let empty = false
  for (const v of cur) {
    if (!Array.isArray(v)) values.push(v ?? null)
    else if (v.length) values.push(...v)
    else empty = true
  }
  if (!values.length || (empty && dir === 1)) return empty ? EMPTY : null
  let best = values[0]
  for (const v of values) if (mongoCompare(v, best) * dir < 0) best = v
  return best
}

/**
 * MongoDB's comparison for sorting: its cross-type order (mingo's `compare`), null and missing alike, and strings by
 * code point (UTF-8 byte order, as MongoDB and SQLite compare them; JavaScript's `<` compares UTF-16 units).
 */
export function mongoCompare(a: unknown, b: unknown): number {
  if (a === EMPTY || b === EMPTY) return a === b ? 0 : a === EMPTY ? -1 : 1
  if (a === undefined) a = null
  if (b === undefined) b = null
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b)
  return compare(a, b)
}

function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i)
    let y = b.charCodeAt(i)
    if (x === y) continue
    // surrogates (D800–DFFF) carry code points above FFFF, so they sort after E000–FFFF
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000
    }
    return x < y ? -1 : 1
  }
  return a.length < b.length ? -1 : 1
}

/** Stable sort in MongoDB's order (see sortKey, mongoCompare), ties kept in natural order. */
function sortHits<T extends { doc: Doc }>(hits: T[], order: Record<string, 1 | -1>): T[] {
  const keys = Object.entries(order)
  return hits
    .map((h, i) => ({ h, i, vals: keys.map(([k, d]) => sortKey(h.doc, k, d)) }))
    .sort((a, b) => {
      for (let j = 0; j < keys.length; j++) {
        const c = mongoCompare(a.vals[j], b.vals[j])
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
