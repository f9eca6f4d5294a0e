/**
 * `$jsonSchema` for the local database: the subset of JSON Schema draft 4 MongoDB implements (its "$jsonSchema"
 * page), with `bsonType` next to `type`. MongoDB refuses a schema holding any other keyword, and so does this.
 *
 * Numbers: the SDK sends integers as Int32 and other numbers as Double, and the local database keeps plain numbers,
 * so an integral value counts as `int`/`long` and any other as `double` (`number` accepts both).
 */
import { isDate, isRegExp } from './ejson'

type Schema = Record<string, unknown>
type Check = (v: unknown) => boolean

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !isDate(v) && !isRegExp(v)

const BSON_TYPES: Record<string, Check> = {
  double: (v) => typeof v === 'number' && !Number.isInteger(v),
  int: (v) => typeof v === 'number' && Number.isInteger(v),
  long: (v) => typeof v === 'number' && Number.isInteger(v),
  decimal: () => false,
  number: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  object: isObj,
  array: Array.isArray,
  bool: (v) => typeof v === 'boolean',
  date: isDate,
  null: (v) => v === null,
  regex: isRegExp,
  objectId: () => false,
  binData: () => false,
  undefined: () => false,
  javascript: () => false,
  timestamp: () => false,
}

const JSON_TYPES: Record<string, Check> = {
  object: isObj,
  array: Array.isArray,
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  null: (v) => v === null,
}

function typeCheck(spec: unknown, table: Record<string, Check>, keyword: string): Check {
  const names = Array.isArray(spec) ? spec : [spec]
  const checks = names.map((n) => {
    const c = typeof n === 'string' ? table[n] : undefined
    if (!c) throw new Error(`$jsonSchema: unknown ${keyword} '${String(n)}'`)
    return c
  })
  return (v) => checks.some((c) => c(v))
}

/** MongoDB's value equality for enum and uniqueItems: structural, key order included. */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

function compile(schema: unknown): Check {
  if (!isObj(schema)) throw new Error('$jsonSchema: a schema must be an object')
  const s = schema as Schema
  const checks: Check[] = []
  const on =
    <T>(guard: (v: unknown) => v is T, check: (v: T) => boolean): Check =>
    (v) =>
      !guard(v) || check(v)
  const isNum = (v: unknown): v is number => typeof v === 'number'
  const isStr = (v: unknown): v is string => typeof v === 'string'
  const isArr = (v: unknown): v is unknown[] => Array.isArray(v)
  for (const [key, val] of Object.entries(s)) {
    switch (key) {
      case 'title':
      case 'description':
        break
      case 'bsonType':
        checks.push(typeCheck(val, BSON_TYPES, 'bsonType'))
        break
      case 'type':
        checks.push(typeCheck(val, JSON_TYPES, 'type'))
        break
      case 'enum': {
        const options = val as unknown[]
        checks.push((v) => options.some((o) => same(o, v)))
        break
      }
      case 'minimum':
        checks.push(on(isNum, (v) => (s.exclusiveMinimum === true ? v > (val as number) : v >= (val as number))))
        break
      case 'maximum':
        checks.push(on(isNum, (v) => (s.exclusiveMaximum === true ? v < (val as number) : v <= (val as number))))
        break
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        break // read with minimum / maximum (draft 4 booleans)
      case 'multipleOf':
        checks.push(on(isNum, (v) => Number.isInteger(v / (val as number))))
        break
      case 'minLength':
        checks.push(on(isStr, (v) => [...v].length >= (val as number)))
        break
      case 'maxLength':
        checks.push(on(isStr, (v) => [...v].length <= (val as number)))
        break
      case 'pattern': {
        const re = new RegExp(val as string, 'u')
        checks.push(on(isStr, (v) => re.test(v)))
        break
      }
      case 'minItems':
        checks.push(on(isArr, (v) => v.length >= (val as number)))
        break
      case 'maxItems':
        checks.push(on(isArr, (v) => v.length <= (val as number)))
        break
      case 'uniqueItems':
        if (val === true) checks.push(on(isArr, (v) => v.every((x, i) => v.findIndex((y) => same(x, y)) === i)))
        break
      case 'items': {
        if (Array.isArray(val)) {
          const each = val.map(compile)
          const extra = s.additionalItems === false ? () => false : isObj(s.additionalItems) ? compile(s.additionalItems) : () => true
          checks.push(on(isArr, (v) => v.every((x, i) => (i < each.length ? each[i](x) : extra(x)))))
        } else {
          const each = compile(val)
          checks.push(on(isArr, (v) => v.every(each)))
        }
        break
      }
      case 'additionalItems':
        break // read with items
      case 'required': {
        const names = val as string[]
        checks.push(on(isObj, (v) => names.every((n) => n in v && v[n] !== undefined)))
        break
      }
      case 'minProperties':
        checks.push(on(isObj, (v) => Object.keys(v).length >= (val as number)))
        break
      case 'maxProperties':
        checks.push(on(isObj, (v) => Object.keys(v).length <= (val as number)))
        break
      case 'properties': {
        const props = Object.entries(val as Schema).map(([k, sub]) => [k, compile(sub)] as const)
        checks.push(on(isObj, (v) => props.every(([k, c]) => !(k in v) || c(v[k]))))
        break
      }
      case 'patternProperties':
        break // read with additionalProperties below
      case 'additionalProperties':
        break
      case 'dependencies': {
        const deps = Object.entries(val as Schema).map(([k, d]) => [k, Array.isArray(d) ? (d as string[]) : compile(d)] as const)
        checks.push(on(isObj, (v) => deps.every(([k, d]) => !(k in v) || (Array.isArray(d) ? d.every((n) => n in v) : (d as Check)(v)))))
        break
      }
      case 'allOf': {
        const subs = (val as unknown[]).map(compile)
        checks.push((v) => subs.every((c) => c(v)))
        break
      }
      case 'anyOf': {
        const subs = (val as unknown[]).map(compile)
        checks.push((v) => subs.some((c) => c(v)))
        break
      }
      case 'oneOf': {
        const subs = (val as unknown[]).map(compile)
        checks.push((v) => subs.filter((c) => c(v)).length === 1)
        break
      }
      case 'not': {
        const sub = compile(val)
        checks.push((v) => !sub(v))
        break
      }
      default:
        throw new Error(`$jsonSchema keyword '${key}' is not currently supported`)
    }
  }
  if ('patternProperties' in s || 'additionalProperties' in s) {
    const known = new Set(Object.keys((s.properties as Schema | undefined) ?? {}))
    const patterns = Object.entries((s.patternProperties as Schema | undefined) ?? {}).map(([p, sub]) => [new RegExp(p, 'u'), compile(sub)] as const)
    const ap = s.additionalProperties
    const additional: Check = ap === false ? () => false : isObj(ap) ? compile(ap) : () => true
    checks.push(
      on(isObj, (v) =>
        Object.entries(v).every(([k, x]) => {
          const hits = patterns.filter(([re]) => re.test(k))
          if (!hits.every(([, c]) => c(x))) return false
          return known.has(k) || hits.length > 0 || additional(x)
        }),
      ),
    )
  }
  return (v) => checks.every((c) => c(v))
}

/** The `jsonSchemaValidator` option of mingo: a schema in, a predicate over documents out. */
export function compileJsonSchema(schema: Record<string, unknown>): (doc: unknown) => boolean {
  return compile(schema)
}
