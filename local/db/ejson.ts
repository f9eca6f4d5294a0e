/**
 * The three encodings a document passes through in the local database, and why each is hand-written:
 *
 * 1. Wire in: the SDK sends canonical MongoDB Extended JSON strings (`{"$numberInt":"1"}`, `{"$date":{"$numberLong":..}}`,
 *    `{"$tcb_server_date":{"offset":0}}`, `{"$regularExpression":..}`). `decodeWire` is JSON.parse plus one in-place walk,
 *    several times faster than bson's EJSON.parse, and it resolves `db.serverDate()` to the server's clock as CloudBase does.
 * 2. Storage: SQLite keeps the document as JSON text so json_extract() indexes can see the fields. Plain documents are
 *    stored as JSON.stringify output; only Dates and RegExps need a tag, and the tags chosen (`{"$date":"<ISO>"}`,
 *    `{"$regularExpression":{..}}`) are themselves valid relaxed EJSON. ISO strings sort like the dates they encode, so
 *    range queries on indexed date fields can be pushed down to SQL (see query.ts).
 * 3. Wire out: the SDK runs `EJSON.parse` on every returned document, so the stored text can be returned as is.
 */

/** Documents as the local database holds them in memory: JSON values plus Date and RegExp. */
export type Doc = Record<string, unknown>

// Tag checks instead of instanceof: Dates made in another realm (jest's sandbox, structuredClone) must count too.
const tagOf = (v: object) => Object.prototype.toString.call(v)
export const isDate = (v: unknown): v is Date => typeof v === 'object' && v !== null && tagOf(v) === '[object Date]'
export const isRegExp = (v: unknown): v is RegExp => typeof v === 'object' && v !== null && tagOf(v) === '[object RegExp]'

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !isDate(v) && !isRegExp(v)

/** bson option letters that JavaScript RegExp understands (x and l have no JS equivalent and are dropped). */
const toJsFlags = (options: string) =>
  options
    .split('')
    .filter((f) => 'imsu'.includes(f))
    .join('')

function decodeSpecial(obj: Record<string, unknown>, now: number): unknown {
  // Extended JSON wrappers are objects with exactly one `$`-key (two for legacy `$binary`); check the first key cheaply.
  for (const k in obj) {
    if (k.charCodeAt(0) !== 36 /* $ */) return undefined
    const v = obj[k]
    switch (k) {
      case '$numberInt':
      case '$numberDouble':
      case '$numberLong':
      case '$numberDecimal':
        return Number(v)
      case '$date': {
        if (typeof v === 'string' || typeof v === 'number') return new Date(v)
        if (isPlainObject(v) && '$numberLong' in v) return new Date(Number(v.$numberLong))
        return undefined
      }
      case '$regularExpression': {
        const r = v as { pattern: string; options?: string }
        return new RegExp(r.pattern, toJsFlags(r.options ?? ''))
      }
      case '$oid':
        return String(v)
      case '$tcb_server_date': {
        const offset = isPlainObject(v) ? Number(decodeValue(v.offset, now) ?? 0) : 0
        return new Date(now + offset)
      }
      default:
        return undefined
    }
  }
  return undefined
}

function decodeValue(v: unknown, now: number): unknown {
  if (typeof v !== 'object' || v === null) return v
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = decodeValue(v[i], now)
    return v
  }
  const o = v as Record<string, unknown>
  const special = decodeSpecial(o, now)
  if (special !== undefined) return special
  for (const k in o) {
    const x = o[k]
    if (typeof x === 'object' && x !== null) o[k] = decodeValue(x, now)
  }
  return o
}

/** Decodes one EJSON string (or already-parsed value) from the SDK. `now` is the server time used for serverDate. */
export function decodeWire<T = unknown>(text: string | undefined | null, now = Date.now()): T {
  if (text === undefined || text === null || text === '') return undefined as T
  return decodeValue(JSON.parse(text), now) as T
}

/** Converts an already JSON-parsed value (e.g. stored text) into its in-memory form. */
export const reviveStored = <T = Doc>(parsed: unknown): T => decodeValue(parsed, 0) as T

/** True when the value holds a Date or RegExp somewhere, i.e. needs tagging before JSON.stringify. */
export function hasSpecial(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false
  if (isDate(v) || isRegExp(v)) return true
  if (Array.isArray(v)) {
    for (const x of v) if (hasSpecial(x)) return true
    return false
  }
  for (const k in v as Record<string, unknown>) if (hasSpecial((v as Record<string, unknown>)[k])) return true
  return false
}

function tag(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v
  if (isDate(v)) return { $date: v.toISOString() }
  if (isRegExp(v)) return { $regularExpression: { pattern: v.source, options: v.flags } }
  if (Array.isArray(v)) return v.map(tag)
  const out: Record<string, unknown> = {}
  for (const k in v as Record<string, unknown>) {
    const x = (v as Record<string, unknown>)[k]
    if (x !== undefined) out[k] = tag(x)
  }
  return out
}

/** Storage/wire text for a document. `special` tells readers whether the text holds tagged values to revive. */
export function encodeDoc(doc: unknown): { text: string; special: boolean } {
  const special = hasSpecial(doc)
  return { text: JSON.stringify(special ? tag(doc) : doc), special }
}

/** A deep copy in this realm (structuredClone would hand back Dates of the main realm under jest). */
export function cloneDoc(doc: Doc): Doc {
  const { text, special } = encodeDoc(doc)
  return decodeStored(text, special)
}

/** Parses stored text back into the in-memory form. */
export function decodeStored(text: string, special: boolean | number): Doc {
  const parsed = JSON.parse(text)
  return special ? reviveStored<Doc>(parsed) : parsed
}

/** The SQL text json_extract() yields for a scalar query value, or undefined when the value cannot be pushed down. */
export function sqlScalar(v: unknown): string | number | undefined {
  if (typeof v === 'string') return v
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined
  if (typeof v === 'boolean') return v ? 1 : 0
  if (isDate(v)) return JSON.stringify({ $date: v.toISOString() })
  return undefined
}

export { isPlainObject }
