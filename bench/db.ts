/**
 * Local database cost vs raw libsql, per operation, on files in a temp dir (WAL, synchronous=NORMAL on both sides):
 * - insert: `db().collection('conformance').add(doc)` through the real SDK vs one INSERT of the JSON text;
 * - indexed query: `where({ email }).get()` through the SDK vs SELECT on the same json_extract expression index + JSON.parse;
 *   also the same query sent straight to the request class, to separate the SDK's own client-side cost (building and
 *   EJSON-encoding the query, EJSON-parsing the answer: paid against CloudBase too) from the local database's.
 * Both sides run in alternation, round by round, with each ratio taken within its round (min / median / max printed).
 * Run: npx tsx bench/db.ts [N]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import Sqlite from 'libsql'
import { db } from '../cloudfunctions/_core/cloud'
import { useLocalCloudBase } from '../local/cloud'

const makeDoc = (i: number) => ({
  email: `user${i}@example.cn`,
  n: i % 100,
  name: `居民${i}`,
  roles: ['resident'],
  profile: { phone: `138${String(i).padStart(8, '0')}`, building: `B${i % 20}` },
  createdAt: new Date(1_700_000_000_000 + i * 1000),
})

const perOpMicros = (start: bigint, n: number) => Number(process.hrtime.bigint() - start) / 1000 / n

/** The local database through the real SDK, and the same query at the request class (no SDK), in rounds. */
async function openLocal(dir: string) {
  const local = useLocalCloudBase({ dataDir: dir })
  const coll = db().collection('conformance')
  for (let i = 0; i < 200; i++) await coll.add({ ...makeDoc(-1 - i) }) // warm-up (JIT, statement cache)
  const backend = local.backend
  return {
    close: () => local.close(),
    async insert(from: number, to: number) {
      const t = process.hrtime.bigint()
      for (let i = from; i < to; i++) await coll.add(makeDoc(i))
      return perOpMicros(t, to - from)
    },
    async query(keys: string[]) {
      const t = process.hrtime.bigint()
      for (const email of keys) {
        const res = await coll.where({ email }).get()
        if (res.data.length !== 1) throw new Error('local query missed')
      }
      return perOpMicros(t, keys.length)
    },
    // the same query at the request-class level: what the local database costs once the SDK has built the request
    async queryBackend(keys: string[]) {
      const t = process.hrtime.bigint()
      for (const email of keys) {
        await backend.handle('database.getDocument', { collectionName: 'conformance', queryType: 'WHERE', query: JSON.stringify({ email }), limit: 100 })
      }
      return perOpMicros(t, keys.length)
    },
  }
}

function openRaw(dir: string) {
  const sql = new Sqlite(join(dir, 'raw.sqlite'))
  sql.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL')
  sql.exec(`CREATE TABLE t(id TEXT PRIMARY KEY, doc TEXT NOT NULL);
    CREATE UNIQUE INDEX t_email ON t(ifnull(json_extract(doc,'$.email'),X'00'));
    CREATE INDEX t_n ON t(ifnull(json_extract(doc,'$.n'),X'00'))`)
  const ins = sql.prepare('INSERT INTO t(id, doc) VALUES (?, ?)')
  const sel = sql.prepare(`SELECT doc FROM t WHERE ifnull(json_extract(doc,'$.email'),X'00') = ?`)
  for (let i = 0; i < 200; i++) ins.run(`w${i}`, JSON.stringify(makeDoc(-1 - i)))
  return {
    close: () => sql.close(),
    insert(from: number, to: number) {
      const t = process.hrtime.bigint()
      for (let i = from; i < to; i++) ins.run(`id${i}`, JSON.stringify(makeDoc(i)))
      return perOpMicros(t, to - from)
    },
    query(keys: string[]) {
      const t = process.hrtime.bigint()
      for (const email of keys) {
        const rows = sel.all(email) as { doc: string }[]
        if (rows.map((r) => JSON.parse(r.doc)).length !== 1) throw new Error('raw query missed')
      }
      return perOpMicros(t, keys.length)
    },
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/**
 * Both sides in alternation, round by round (each round a slice of the inserts, then a slice of the queries, the side
 * that goes first turning each round), and each ratio taken within its round: a change in machine load moves both
 * sides alike. Per-op figures are medians over the rounds; ratios are min / median / max over the rounds.
 */
export async function benchDb(n = 5000, rounds = Number(process.env.DB_BENCH_ROUNDS ?? 10)): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-db-'))
  mkdirSync(join(dir, 'local'))
  const raw = openRaw(dir)
  const local = await openLocal(join(dir, 'local'))
  try {
    const per = Math.ceil(n / rounds)
    const m = { rawInsert: [] as number[], localInsert: [] as number[], rawQuery: [] as number[], localQuery: [] as number[], backendQuery: [] as number[] }
    for (let k = 0; k < rounds; k++) {
      const [from, to] = [k * per, Math.min(n, (k + 1) * per)]
      if (k % 2) {
        m.localInsert.push(await local.insert(from, to))
        m.rawInsert.push(raw.insert(from, to))
      } else {
        m.rawInsert.push(raw.insert(from, to))
        m.localInsert.push(await local.insert(from, to))
      }
    }
    for (let k = 0; k < rounds; k++) {
      const keys = Array.from({ length: per }, (_, i) => `user${((k * per + i) * 7919) % n}@example.cn`)
      if (k % 2) {
        m.localQuery.push(await local.query(keys))
        m.backendQuery.push(await local.queryBackend(keys))
        m.rawQuery.push(raw.query(keys))
      } else {
        m.rawQuery.push(raw.query(keys))
        m.backendQuery.push(await local.queryBackend(keys))
        m.localQuery.push(await local.query(keys))
      }
    }
    const r = (x: number) => Math.round(x * 10) / 10
    const ratio = (a: number[], b: number[]) => {
      const xs = a.map((x, i) => x / b[i])
      return `${r(Math.min(...xs))} / ${r(median(xs))} / ${r(Math.max(...xs))}`
    }
    return {
      n,
      rounds,
      'insert µs/op local (SDK)': r(median(m.localInsert)),
      'insert µs/op raw libsql': r(median(m.rawInsert)),
      'insert ratio min/median/max': ratio(m.localInsert, m.rawInsert),
      'indexed query µs/op local (SDK)': r(median(m.localQuery)),
      'indexed query µs/op raw libsql': r(median(m.rawQuery)),
      'indexed query ratio min/median/max': ratio(m.localQuery, m.rawQuery),
      'indexed query µs/op local (request class, no SDK)': r(median(m.backendQuery)),
      'indexed query ratio (request class) min/median/max': ratio(m.backendQuery, m.rawQuery),
      target: 'ratio ≤ 3',
    }
  } finally {
    local.close()
    raw.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchDb(Number(process.argv[2]) || 5000).then(
    (res) => console.table(res),
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
