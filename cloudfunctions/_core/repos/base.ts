import { AppError, type Paged, type Slice } from '../../../types'
import { db } from '../cloud'
import indexes from '../../indexes.json'

export type CollectionName = keyof typeof indexes.collections

export const collection = (name: CollectionName) => db().collection(name)
export const command = () => db().command

type Filter = Record<string, unknown>

/** A case-insensitive pattern for `where` (CloudBase's db.RegExp); callers escape what the user typed. */
export const pattern = (source: string) => db().RegExp({ regexp: source, options: 'i' })

/** Escapes text so it matches itself inside a pattern. */
export const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * CloudBase silently drops `undefined` values from a `where`, widening the query (a missing communityId would
 * match every community). Every filter goes through here, and an undefined value is a defect, not a wildcard.
 */
export const defined = <F extends Filter>(filter: F): F => {
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) throw new Error(`query filter "${key}" is undefined`)
  }
  return filter
}

export async function getById<T>(name: CollectionName, id: string): Promise<T | null> {
  const res = await collection(name).doc(id).get()
  const rows = (res as { data?: T[] }).data ?? []
  return rows[0] ?? null
}

export async function mustGet<T>(name: CollectionName, id: string, message?: string): Promise<T> {
  const doc = await getById<T>(name, id)
  if (!doc) throw new AppError('NOT_FOUND', message)
  return doc
}

export interface Sort {
  field: string
  order: 'asc' | 'desc'
}

export async function findPage<T>(
  name: CollectionName,
  filter: Filter,
  sort: Sort[],
  { page, pageSize }: { page: number; pageSize: number },
): Promise<Paged<T>> {
  const where = defined(filter)
  let q = collection(name).where(where)
  for (const s of sort) q = q.orderBy(s.field, s.order)
  const [rows, count] = await Promise.all([
    q
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .get(),
    collection(name).where(where).count(),
  ])
  return { items: (rows.data ?? []) as T[], page, pageSize, total: count.total ?? 0 }
}

/** CloudBase answers at most this many rows to one read, whatever `limit` asks. */
export const MAX_PAGE = 1000

/**
 * Every matching document, read a page of 1000 at a time (CloudBase's largest). `max` is what the caller has shown
 * can match (a domain rule, or the ids it asked for); more than that is a defect or a runaway read, so it throws
 * instead of answering a list cut short that would pass for the whole. At most `max + 1` rows are read.
 */
export async function findAll<T>(name: CollectionName, filter: Filter, sort: Sort[] = [], max = 20_000, fields?: Record<string, boolean>): Promise<T[]> {
  const where = defined(filter)
  const out: T[] = []
  for (;;) {
    const want = Math.min(MAX_PAGE, max + 1 - out.length)
    let q = collection(name).where(where)
    for (const s of sort) q = q.orderBy(s.field, s.order)
    if (fields) q = q.field(fields)
    const res = await q.skip(out.length).limit(want).get()
    const rows = (res.data ?? []) as T[]
    out.push(...rows)
    if (out.length > max) throw new Error(`findAll ${name}: more than ${max} documents match on ${Object.keys(where).join(', ') || 'nothing'}; page this read`)
    if (rows.length < want) return out
  }
}

/**
 * Every matching document, a page at a time, only the given fields. Keyset paging on `_id` (the filter's index
 * narrows, `_id` orders): each page costs the same however far the read has got, and the read ends only when a page
 * comes back short, so nothing is silently left out. For reads too large to hold at once (a community's tickets).
 */
export async function* keysetPages<T extends { _id: string }>(
  name: CollectionName,
  filter: Filter,
  fields: Record<string, true>,
  page = MAX_PAGE,
): AsyncGenerator<T[]> {
  const _ = command()
  let after: string | null = null
  for (;;) {
    const where = defined(after === null ? filter : { ...filter, _id: _.gt(after) })
    const res = await collection(name).where(where).orderBy('_id', 'asc').field(fields).limit(page).get()
    const rows = (res.data ?? []) as T[]
    if (rows.length) yield rows
    if (rows.length < page) return
    after = rows[rows.length - 1]._id
  }
}

/**
 * The first `n` matching documents in `sort` order (ties by id), one read: for a batch a timer works through run by
 * run, or a preview that claims no total — never for a list that passes for the whole (that is findAll or findPage).
 */
export async function findFirst<T>(name: CollectionName, filter: Filter, sort: Sort[], n: number): Promise<T[]> {
  if (n > MAX_PAGE) throw new Error(`findFirst ${name}: ${n} is more than one read answers (${MAX_PAGE})`)
  let q = collection(name).where(defined(filter))
  for (const s of sort) q = q.orderBy(s.field, s.order)
  if (!sort.some((s) => s.field === '_id')) q = q.orderBy('_id', sort.at(-1)?.order ?? 'asc')
  return ((await q.limit(n).get()).data ?? []) as T[]
}

/** A `Slice` from a read of one row more than the page: that row only says another page follows. */
export const sliceOf = <T>(res: { data?: unknown[] }, paging: { page: number; pageSize: number }): Slice<T> => {
  const rows = (res.data ?? []) as T[]
  return { items: rows.slice(0, paging.pageSize), ...paging, more: rows.length > paging.pageSize }
}

/** A unique-index violation, as CloudBase reports it (and the local database copies). */
export const isDuplicateKey = (e: unknown): boolean => {
  const err = e as { code?: string; message?: string } | null
  const text = `${err?.code ?? ''} ${err?.message ?? ''}`
  return /DUPLICATE|E11000|duplicate key/i.test(text)
}

/**
 * The transaction handle `runTransaction` passes to its callback: single-document operations only, as CloudBase
 * allows inside a transaction (no where, no aggregate). The SDK types it loosely, so the shape is stated here.
 */
export interface Tx {
  collection(name: CollectionName): {
    add(doc: object): Promise<unknown>
    doc(id: string): {
      get(): Promise<unknown>
      set(doc: object): Promise<unknown>
      update(patch: object): Promise<unknown>
      remove(): Promise<unknown>
    }
  }
}

/** A document read inside a transaction (node-sdk answers `{ data: doc }`, or null when missing). */
export async function txGet<T>(tx: Tx, name: CollectionName, id: string): Promise<T | null> {
  const res = (await tx.collection(name).doc(id).get()) as { data?: T | T[] | null }
  const data = res?.data ?? null
  return (Array.isArray(data) ? (data[0] ?? null) : data) as T | null
}

/** Writes a whole document inside a transaction (`set` replaces all but `_id`). */
export async function txPut<T extends { _id: string }>(tx: Tx, name: CollectionName, doc: T): Promise<void> {
  const { _id, ...rest } = doc
  await tx.collection(name).doc(_id).set(rest)
}

/** Runs `fn` in a transaction; the SDK retries it (3 times) when another transaction wrote the same documents. */
export const runTransaction = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => (db().runTransaction as (cb: (tx: Tx) => Promise<T>) => Promise<T>)(fn)

/** Objects and arrays are replaced whole: a plain object in `update` would merge field by field. */
const replacingPatch = (doc: { _id: string }): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(doc)
      .filter(([k]) => k !== '_id')
      .map(([k, v]) => [k, v !== null && typeof v === 'object' ? command().set(v) : v]),
  )

/**
 * Writes `next` only if the stored document is still `before` (same version): CloudBase's atomic per-document
 * conditional update. False when someone else wrote first; the caller re-decides on the fresh document.
 */
export async function saveIfVersion<T extends { _id: string; version: number }>(name: CollectionName, before: T, next: T): Promise<boolean> {
  const res = await collection(name)
    .where(defined({ _id: before._id, version: before.version }))
    .update(replacingPatch(next))
  return (res.updated ?? 0) === 1
}

/**
 * Adds a document whose id is derived from a request, so a retried request collides instead of adding a second one;
 * then answers the stored document (`created` false) instead.
 */
export async function addOnce<T extends { _id: string }>(name: CollectionName, doc: T): Promise<{ doc: T; created: boolean }> {
  try {
    await collection(name).add(doc)
    return { doc, created: true }
  } catch (e) {
    if (!isDuplicateKey(e)) throw e
    const existing = await getById<T>(name, doc._id)
    if (!existing) throw e
    return { doc: existing, created: false }
  }
}
