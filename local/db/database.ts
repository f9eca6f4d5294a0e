import { randomBytes } from 'crypto'
import { mkdirSync, readFileSync } from 'fs'
import { dirname, join } from 'path'
import Sqlite from 'libsql'
import type { Database as SqliteDb } from 'libsql'
import { runAggregate, type WireStage } from './aggregate'
import { Collection, getPath, type IndexSpec, type Row } from './collection'
import { decodeStored, decodeWire, encodeDoc, isPlainObject, type Doc } from './ejson'
import { CODES, LocalDbError, collectionNotExist, newRequestId, requestFailed } from './errors'
import { applyOperators, projectOne } from './mingo'
import { Transactions, docKey, type TxWrite } from './transactions'

export const DEFAULT_INDEXES_FILE = join(__dirname, '..', '..', 'cloudfunctions', 'indexes.json')

/** What the server enforces whatever the client sends (the SDK itself sends 100 by default and clamps at 1000). */
export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

export interface LocalDatabaseOptions {
  /** SQLite file; ':memory:' for tests. Default `<cwd>/.data/cloudbase.sqlite`. */
  file?: string
  /** The collections and indexes that exist, as in cloudfunctions/indexes.json (read from there by default). */
  collections?: Record<string, IndexSpec[]>
}

type Params = Record<string, unknown>
type Answer = Record<string, unknown>

/**
 * The embedded CloudBase database: executes the actions @cloudbase/database sends (`database.insertDocument`, ...)
 * against SQLite and answers in the shapes the SDK parses. One instance per process owns its file.
 */
export class LocalDatabase {
  readonly sql: SqliteDb
  readonly file: string
  private readonly collections = new Map<string, Collection>()
  private readonly declared: Record<string, IndexSpec[]>
  readonly tx = new Transactions()
  private closed = false

  constructor(opts: LocalDatabaseOptions = {}) {
    this.file = opts.file ?? join(process.cwd(), '.data', 'cloudbase.sqlite')
    if (this.file !== ':memory:') mkdirSync(dirname(this.file), { recursive: true })
    this.sql = new Sqlite(this.file)
    // WAL + synchronous=NORMAL: a commit is in the WAL file before the call returns, so it survives the process being
    // killed (only an OS crash could lose the last commits, which no dev/test scenario here produces).
    this.sql.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000')
    const hadSideIndex = !!this.sql.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_mk'`).get()
    this.sql.exec(`CREATE TABLE IF NOT EXISTS _multikey(coll TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY(coll, path));
      CREATE TABLE IF NOT EXISTS _created(name TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS _kinds(coll TEXT NOT NULL, path TEXT NOT NULL, kinds INTEGER NOT NULL, PRIMARY KEY(coll, path));
      CREATE TABLE IF NOT EXISTS _mk(coll TEXT NOT NULL, path TEXT NOT NULL, value NOT NULL, id TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS _mk_value ON _mk(coll, path, value);
      CREATE INDEX IF NOT EXISTS _mk_doc ON _mk(coll, id)`)
    this.declared = opts.collections ?? readIndexesFile(DEFAULT_INDEXES_FILE)
    this.openCollections()
    if (!hadSideIndex) this.backfillSideIndex()
  }

  /** A database file from before the multikey side index: its multikey paths are indexed once, on first open. */
  private backfillSideIndex(): void {
    const marked = this.sql.prepare('SELECT coll, path FROM _multikey').all() as { coll: string; path: string }[]
    if (!marked.length) return
    this.sql.exec('BEGIN')
    for (const { coll, path } of marked) this.collections.get(coll)?.backfillMultikey(path)
    this.sql.exec('COMMIT')
  }

  private openCollections(): void {
    this.collections.clear()
    const created = (this.sql.prepare('SELECT name FROM _created').all() as { name: string }[]).map((r) => r.name)
    const all: [string, IndexSpec[]][] = [
      ...Object.entries(this.declared),
      ...created.filter((n) => !this.declared[n]).map((n) => [n, []] as [string, IndexSpec[]]),
    ]
    const multikey = this.sql.prepare('SELECT coll, path FROM _multikey').all() as { coll: string; path: string }[]
    const kinds = this.sql.prepare('SELECT coll, path, kinds FROM _kinds').all() as { coll: string; path: string; kinds: number }[]
    for (const [name, indexes] of all) {
      Collection.syncIndexes(this.sql, name, indexes)
      const mk = multikey.filter((m) => m.coll === name).map((m) => m.path)
      const kn = new Map(kinds.filter((k) => k.coll === name).map((k) => [k.path, k.kinds]))
      this.collections.set(name, new Collection(this.sql, name, indexes, mk, kn))
    }
  }

  /** Drops every document (and collections created at run time); declared collections stay, empty. */
  reset(): void {
    this.tx.clear()
    // DELETE rather than DROP: cached prepared statements keep working and SQLite does not refuse a locked table
    for (const [name, c] of this.collections) {
      this.sql.exec(this.declared[name] ? `DELETE FROM ${c.table}` : `DROP TABLE IF EXISTS ${c.table}`)
    }
    this.sql.exec('DELETE FROM _multikey; DELETE FROM _mk; DELETE FROM _created; DELETE FROM _kinds')
    this.openCollections()
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.tx.clear()
    this.sql.close()
  }

  collection(name: unknown): Collection {
    const c = typeof name === 'string' ? this.collections.get(name) : undefined
    if (!c) throw collectionNotExist(String(name))
    return c
  }

  /** Entry point of the request class: one SDK action in, the SDK's expected answer out (or a thrown LocalDbError). */
  async handle(action: string, params: Params = {}): Promise<Answer> {
    if (this.closed) throw requestFailed('[LocalDb] the local database is closed')
    const requestId = newRequestId()
    const now = Date.now()
    const data = await this.dispatch(action, params, now)
    return { requestId, ...data }
  }

  private dispatch(action: string, p: Params, now: number): Answer | Promise<Answer> {
    switch (action) {
      case 'database.insertDocument':
        return this.insert(p, now)
      case 'database.getDocument':
        return this.get(p, now)
      case 'database.calculateDocument':
        return { data: { total: this.collection(p.collectionName).count(decodeWire(p.query as string, now)) } }
      case 'database.modifyDocument':
        return this.modify(p, now, false)
      case 'database.modifyAndReturnDoc':
        return this.modify(p, now, true)
      case 'database.removeDocument':
        return this.remove(p, now)
      case 'database.aggregateDocuments': {
        const coll = this.collection(p.collectionName)
        const docs = runAggregate(coll, (p.stages as WireStage[]) ?? [], (n) => this.collection(n), now)
        return { data: { list: docs.map((d) => encodeDoc(d).text) } }
      }
      case 'database.startTransaction':
        return { transactionId: this.tx.begin() }
      case 'database.commitTransaction':
        this.tx.commit(String(p.transactionId), (writes) => this.applyTx(writes))
        return {}
      case 'database.abortTransaction':
        this.tx.abort(String(p.transactionId))
        return {}
      case 'database.addCollection':
        return this.addCollection(String(p.collectionName))
      default:
        throw new LocalDbError(CODES.INVALID_PARAM, `[LocalDb] action ${action} is not supported by the local database`)
    }
  }

  // insert ------------------------------------------------------------------------------------------------------

  private async insert(p: Params, now: number): Promise<Answer> {
    const coll = this.collection(p.collectionName)
    const docs = ((p.data as string[]) ?? []).map((t) => {
      const d = decodeWire<Doc>(t, now)
      if (!isPlainObject(d)) throw new LocalDbError(CODES.INVALID_PARAM, '[InvalidParameter] document must be an object')
      const bad = dollarField(d)
      if (bad) throw requestFailed(`[InvalidParameter] Document can't have $ prefixed field names: ${bad}`)
      return d._id === undefined ? { _id: newDocId(), ...d } : d
    })
    if (p.transactionId) {
      const tx = this.tx.get(String(p.transactionId))
      for (const doc of docs) {
        if (this.tx.read(tx, coll, doc._id)) {
          this.tx.abort(tx.id)
          throw duplicateId(coll, doc._id)
        }
        this.tx.lock(tx, coll, doc._id)
        this.tx.buffer(tx, { coll, id: doc._id, doc })
      }
      return { data: { insertedIds: docs.map((d) => d._id) } }
    }
    await this.untilUnlocked(docs.map((d) => docKey(coll, d._id)))
    this.atomically(docs.length, () => {
      for (const doc of docs) coll.insert(doc)
    })
    for (const doc of docs) this.tx.noteWrite(docKey(coll, doc._id), undefined)
    return { data: { insertedIds: docs.map((d) => d._id) } }
  }

  // get ---------------------------------------------------------------------------------------------------------

  private get(p: Params, now: number): Answer {
    const coll = this.collection(p.collectionName)
    const query = decodeWire<Doc | undefined>(p.query as string, now)
    const projection = decodeWire<Doc | undefined>(p.projection as string, now)
    if (p.transactionId) {
      const tx = this.tx.get(String(p.transactionId))
      if (p.queryType !== 'DOC') throw notInTransaction('where().get()')
      const id = singleId(query)
      const doc = this.tx.read(tx, coll, id)
      const list = doc ? [project(doc, projection)] : []
      return { data: { list: list.map((d) => encodeDoc(d).text) } }
    }
    const limit = Math.min(Math.max(Number(p.limit) || DEFAULT_LIMIT, 0), MAX_LIMIT)
    const offset = Math.max(Number(p.offset) || 0, 0)
    const order = decodeWire<Record<string, 1 | -1> | undefined>(p.order as string, now)
    const hits = coll.find(query, { order, offset, limit })
    const list = hits.map((h) => {
      if (!projection) return h.row.text
      const doc = h.doc ?? decodeStored(h.row.text, h.row.special)
      return encodeDoc(project(doc, projection)).text
    })
    return { data: { list, limit, offset } }
  }

  // modify ------------------------------------------------------------------------------------------------------

  private async modify(p: Params, now: number, andReturn: boolean): Promise<Answer> {
    const coll = this.collection(p.collectionName)
    const query = decodeWire<Doc | undefined>(p.query as string, now)
    const data = decodeWire<Doc>(p.data as string, now)
    if (!isPlainObject(data)) throw new LocalDbError(CODES.INVALID_PARAM, '[InvalidParameter] update data must be an object')
    const replace = p.merge === false && !andReturn
    if (replace) assertReplacement(data)
    const upsert = p.upsert === true
    const isDoc = p.queryType === 'DOC'
    // `collection.update()` without where(): the SDK sends no query at all, and CloudBase refuses rather than update
    // every document (where({}) sends an empty query and is allowed)
    if (query === undefined) throw new LocalDbError(CODES.INVALID_PARAM, '[InvalidParameter] query is required: use where() or doc()')

    if (p.transactionId) {
      const tx = this.tx.get(String(p.transactionId))
      if (!isDoc) throw notInTransaction('where().update()')
      const id = singleId(query)
      const current = this.tx.read(tx, coll, id)
      if (!current && !upsert) return { data: { updated: 0 } }
      this.tx.lock(tx, coll, id)
      const next = replace ? { _id: id, ...data } : applyUpdate(current!, data)
      this.tx.buffer(tx, { coll, id, doc: next })
      return current ? { data: { updated: 1 } } : { data: { updated: 0, upsert_id: id } }
    }

    const multi = !andReturn && p.multi !== false && !isDoc
    const deadline = this.tx.lockDeadline()
    for (;;) {
      const targets = coll.find(query, multi ? {} : { limit: 1 })
      if (this.tx.anyLocked(targets.map((t) => docKey(coll, t.row.id)))) {
        await this.tx.waitForLocks(deadline)
        continue
      }
      if (targets.length === 0 && upsert && isDoc) {
        const id = singleId(query)
        if (this.tx.anyLocked([docKey(coll, id)])) {
          await this.tx.waitForLocks(deadline)
          continue
        }
        const doc = replace ? { _id: id, ...data } : applyUpdate({ _id: id }, data)
        coll.insert(doc)
        this.tx.noteWrite(docKey(coll, id), undefined)
        return { data: { updated: 0, upsert_id: id } }
      }
      // What `updated` counts follows CloudBase: update() reports documents actually changed (MongoDB's modifiedCount:
      // writing the values a document already has gives 0), while set() and updateAndReturn() report the document
      // they matched (1 even when the new content equals the old). Unchanged documents are not rewritten either way.
      const countMatched = replace || andReturn
      let updated = 0
      let last: Doc | undefined
      const written: Row[] = []
      this.atomically(targets.length, () => {
        for (const t of targets) {
          const before = t.doc ?? decodeStored(t.row.text, t.row.special)
          const next = replace ? { _id: before._id, ...data } : applyUpdate(before, data)
          last = next
          if (coll.replace(next, t.row.text)) {
            updated++
            written.push(t.row)
          } else if (countMatched) {
            updated++
          }
        }
      })
      for (const row of written) this.tx.noteWrite(docKey(coll, row.id), row)
      if (andReturn) return { data: { updated, doc: last ? encodeDoc(last).text : null } }
      return { data: { updated } }
    }
  }

  // remove ------------------------------------------------------------------------------------------------------

  private async remove(p: Params, now: number): Promise<Answer> {
    const coll = this.collection(p.collectionName)
    const query = decodeWire<Doc | undefined>(p.query as string, now)
    const isDoc = p.queryType === 'DOC'
    if (p.transactionId) {
      const tx = this.tx.get(String(p.transactionId))
      if (!isDoc) throw notInTransaction('where().remove()')
      const id = singleId(query)
      const current = this.tx.read(tx, coll, id)
      if (!current) return { data: { deleted: 0 } }
      this.tx.lock(tx, coll, id)
      this.tx.buffer(tx, { coll, id, doc: null })
      return { data: { deleted: 1 } }
    }
    const multi = !isDoc && p.multi !== false
    const deadline = this.tx.lockDeadline()
    for (;;) {
      const targets = coll.find(query, multi ? {} : { limit: 1 })
      if (this.tx.anyLocked(targets.map((t) => docKey(coll, t.row.id)))) {
        await this.tx.waitForLocks(deadline)
        continue
      }
      this.atomically(targets.length, () => {
        for (const t of targets) coll.removeKey(t.row.id)
      })
      for (const t of targets) this.tx.noteWrite(docKey(coll, t.row.id), t.row)
      return { data: { deleted: targets.length } }
    }
  }

  // transactions ------------------------------------------------------------------------------------------------

  private applyTx(writes: TxWrite[]): Map<string, Row | undefined> {
    const before = new Map<string, Row | undefined>()
    this.sql.transaction(() => {
      for (const w of writes) {
        const row = w.coll.getById(w.id)
        before.set(docKey(w.coll, w.id), row)
        if (w.doc === null) {
          if (row) w.coll.remove(w.id)
        } else if (row) {
          w.coll.replace(w.doc, row.text)
        } else {
          w.coll.insert(w.doc)
        }
      }
    })()
    return before
  }

  /** Runs `fn` in one SQLite transaction, unless it makes a single write (one statement is atomic by itself). */
  private atomically(writes: number, fn: () => void): void {
    if (writes <= 1) fn()
    else this.sql.transaction(fn)()
  }

  private async untilUnlocked(keys: string[]): Promise<void> {
    const deadline = this.tx.lockDeadline()
    while (this.tx.anyLocked(keys)) await this.tx.waitForLocks(deadline)
  }

  private addCollection(name: string): Answer {
    if (this.collections.has(name)) {
      // as CloudBase answers (its HTTP API documents 409 集合已存在 for the same request)
      throw new LocalDbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceUnavailable.ResourceExist] Table exist: ${name}.`)
    }
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new LocalDbError(CODES.INVALID_PARAM, `[InvalidParameter] bad collection name ${name}`)
    this.sql.exec(Collection.ddl(name, []))
    this.sql.prepare('INSERT OR IGNORE INTO _created(name) VALUES (?)').run(name)
    this.collections.set(name, new Collection(this.sql, name, [], []))
    return {}
  }
}

// helpers -------------------------------------------------------------------------------------------------------

export function readIndexesFile(file: string): Record<string, IndexSpec[]> {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { collections: Record<string, IndexSpec[]> }
  return parsed.collections
}

/** CloudBase-looking ids: 32 hex characters, time first so they roughly follow insertion order. */
let idPool = Buffer.alloc(0)
let idPos = 0
export function newDocId(): string {
  if (idPos + 12 > idPool.length) {
    idPool = randomBytes(12 * 512)
    idPos = 0
  }
  const time = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0')
  const rand = idPool.toString('hex', idPos, idPos + 12)
  idPos += 12
  return time + rand
}

function singleId(query: Doc | undefined): unknown {
  if (!query || !('_id' in query)) throw new LocalDbError(CODES.INVALID_PARAM, '[InvalidParameter] document id is required')
  return query._id
}

const notInTransaction = (what: string) =>
  new LocalDbError(CODES.TRANSACTION_FAIL, `[TransactionFail] ${what} is not supported in a transaction: only doc().get/set/update/remove and add are`)

function duplicateId(coll: Collection, id: unknown): LocalDbError {
  return new LocalDbError(
    CODES.DUPLICATE_WRITE,
    `[DuplicateWrite] E11000 duplicate key error collection: local.${coll.name} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  )
}

/**
 * The dotted path of the first field, at any depth, whose name starts with `$`, or undefined. MongoDB (hence
 * CloudBase) refuses to store such names; the SDK's own types (dates, regular expressions, serverDate) arrive as `$`
 * wrappers but are decoded before this check.
 */
function dollarField(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = dollarField(value[i], `${path}.${i}`)
      if (hit) return hit
    }
    return undefined
  }
  if (!isPlainObject(value)) return undefined
  for (const k in value) {
    const at = path ? `${path}.${k}` : k
    if (k.charCodeAt(0) === 36 /* $ */) return at
    const v = value[k]
    if (typeof v === 'object' && v !== null) {
      const hit = dollarField(v, at)
      if (hit) return hit
    }
  }
  return undefined
}

const notForStorage = (path: string) =>
  requestFailed(`[InvalidParameter] The dollar ($) prefixed field '${path.split('.').pop()}' in '${path}' is not valid for storage.`)

/** `set()` replaces the document: MongoDB refuses `$` field names there (the SDK already refuses command objects). */
function assertReplacement(data: Doc): void {
  const bad = dollarField(data)
  if (bad) throw notForStorage(bad)
}

/** Applies update operators with mingo (merge semantics were already expressed as dotted $set paths by the SDK). */
function applyUpdate(doc: Doc, update: Doc): Doc {
  const keys = Object.keys(update)
  if (keys.length === 0) return doc
  if (!keys.every((k) => k.startsWith('$'))) {
    // a plain object sent with merge: treat it as $set of its fields, as CloudBase does
    update = { $set: update }
  }
  const id = doc._id
  let changed: string[]
  try {
    changed = applyOperators(doc, update)
  } catch (e) {
    throw requestFailed(`[InvalidParameter] ${(e as Error).message}`)
  }
  if (doc._id !== id) throw requestFailed("[InvalidParameter] Performing an update on the path '_id' would modify the immutable field '_id'")
  // the values just written may not bring `$` field names in either (`update({ a: { $b: 1 } })` sets 'a.$b')
  for (const path of changed) {
    // positional segments (`$`, `$[]`, `$[id]`) are operators, not names
    const segment = path.split('.').find((s) => s.startsWith('$') && !/^\$(\[[^\]]*\])?$/.test(s))
    const bad = segment ? path : dollarField(getPath(doc, path), path)
    if (bad) throw notForStorage(bad)
  }
  return doc
}

function project(doc: Doc, projection: Doc | undefined): Doc {
  if (!projection) return doc
  const keys = Object.keys(projection)
  if (keys.length === 0) return doc
  // The common case, top-level fields all included or all excluded (`_id` either way), picked directly: building a
  // mingo cursor per document made projected reads slower than whole ones. Anything else goes to mingo.
  const flag = (v: unknown) => (v === true || v === 1 ? 1 : v === false || v === 0 ? 0 : -1)
  const others = keys.filter((k) => k !== '_id')
  // `{tags: {$slice: n}}` alone (or beside exclusions) keeps every other field in MongoDB; with inclusions it is one
  // more included field, which mingo does right
  const slices = others.filter((k) => isPlainObject(projection[k]) && '$slice' in (projection[k] as Doc) && Object.keys(projection[k] as Doc).length === 1)
  if (slices.length && others.every((k) => slices.includes(k) || flag(projection[k]) === 0)) {
    const rest: Doc = {}
    for (const k of keys) if (!slices.includes(k)) rest[k] = projection[k]
    return withSlices(
      project(doc, rest),
      slices.map((k) => [k, (projection[k] as Doc).$slice]),
    )
  }
  const kinds = new Set(others.map((k) => flag(projection[k])))
  const simple = others.every((k) => !k.includes('.') && !k.startsWith('$')) && !kinds.has(-1) && kinds.size <= 1 && flag(projection._id ?? 1) !== -1
  if (!simple) return projectOne(doc, projection)
  const keepId = flag(projection._id ?? 1) === 1
  const out: Doc = {}
  if (kinds.has(1) || (others.length === 0 && keepId)) {
    // inclusion ({_id: 1} alone keeps only _id, as in MongoDB)
    if (keepId && '_id' in doc) out._id = doc._id
    for (const k of others) if (k in doc) out[k] = doc[k]
    return out
  }
  for (const k of Object.keys(doc)) if (!(k === '_id' ? !keepId : others.includes(k))) out[k] = doc[k]
  return out
}

/** A copy of `doc` with the arrays at the given paths cut as MongoDB's `$slice` projection cuts them. */
function withSlices(doc: Doc, slices: [string, unknown][]): Doc {
  const out: Doc = { ...doc }
  for (const [path, spec] of slices) {
    const segs = path.split('.')
    let cur: Doc | null = out
    for (const seg of segs.slice(0, -1)) {
      const next: unknown = cur[seg]
      if (!isPlainObject(next)) {
        cur = null
        break
      }
      cur = cur[seg] = { ...next }
    }
    const last = segs[segs.length - 1]
    if (cur && Array.isArray(cur[last])) cur[last] = sliceArray(cur[last] as unknown[], spec)
  }
  return out
}

/** `$slice: n` (first n, or last -n) or `$slice: [skip, n]` (skip counted from the end when negative). */
function sliceArray(arr: unknown[], spec: unknown): unknown[] {
  if (Array.isArray(spec)) {
    const [skip, n] = spec as number[]
    const start = skip < 0 ? Math.max(arr.length + skip, 0) : skip
    return arr.slice(start, start + Math.max(n, 0))
  }
  const n = Number(spec)
  return n >= 0 ? arr.slice(0, n) : arr.slice(Math.max(arr.length + n, 0))
}
