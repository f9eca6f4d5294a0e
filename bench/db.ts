/**
 * Local database cost vs raw libsql, per operation, on files in a temp dir (WAL, synchronous=NORMAL on both sides):
 * - insert: `db().collection('conformance').add(doc)` through the real SDK vs one INSERT of the JSON text;
 * - indexed query: `where({ email }).get()` through the SDK vs SELECT on the same json_extract expression index + JSON.parse;
 *   also the same query sent straight to the request class, to separate the SDK's own client-side cost (building and
 *   EJSON-encoding the query, EJSON-parsing the answer: paid against CloudBase too) from the local database's.
 * Run: npx tsx bench/db.ts [N]
 */
import { mkdtempSync, rmSync } from 'fs'
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

async function benchLocal(dir: string, n: number) {
  const local = useLocalCloudBase({ dataDir: dir })
  try {
    const coll = db().collection('conformance')
    for (let i = 0; i < 200; i++) await coll.add({ ...makeDoc(-1 - i) }) // warm-up (JIT, statement cache)
    let t = process.hrtime.bigint()
    for (let i = 0; i < n; i++) await coll.add(makeDoc(i))
    const insert = perOpMicros(t, n)
    t = process.hrtime.bigint()
    for (let i = 0; i < n; i++) {
      const res = await coll.where({ email: `user${(i * 7919) % n}@example.cn` }).get()
      if (res.data.length !== 1) throw new Error('local query missed')
    }
    const query = perOpMicros(t, n)
    // the same query at the request-class level: what the local database costs once the SDK has built the request
    const backend = local.backend
    t = process.hrtime.bigint()
    for (let i = 0; i < n; i++) {
      await backend.handle('database.getDocument', {
        collectionName: 'conformance',
        queryType: 'WHERE',
        query: JSON.stringify({ email: `user${(i * 7919) % n}@example.cn` }),
        limit: 100,
      })
    }
    const queryBackend = perOpMicros(t, n)
    return { insert, query, queryBackend }
  } finally {
    local.close()
  }
}

function benchRaw(dir: string, n: number) {
  const sql = new Sqlite(join(dir, 'raw.sqlite'))
  sql.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL')
  sql.exec(`CREATE TABLE t(id TEXT PRIMARY KEY, doc TEXT NOT NULL);
    CREATE UNIQUE INDEX t_email ON t(ifnull(json_extract(doc,'$.email'),X'00'));
    CREATE INDEX t_n ON t(ifnull(json_extract(doc,'$.n'),X'00'))`)
  const ins = sql.prepare('INSERT INTO t(id, doc) VALUES (?, ?)')
  const sel = sql.prepare(`SELECT doc FROM t WHERE ifnull(json_extract(doc,'$.email'),X'00') = ?`)
  for (let i = 0; i < 200; i++) ins.run(`w${i}`, JSON.stringify(makeDoc(-1 - i)))
  let t = process.hrtime.bigint()
  for (let i = 0; i < n; i++) ins.run(`id${i}`, JSON.stringify(makeDoc(i)))
  const insert = perOpMicros(t, n)
  t = process.hrtime.bigint()
  for (let i = 0; i < n; i++) {
    const rows = sel.all(`user${(i * 7919) % n}@example.cn`) as { doc: string }[]
    if (rows.map((r) => JSON.parse(r.doc)).length !== 1) throw new Error('raw query missed')
  }
  const query = perOpMicros(t, n)
  sql.close()
  return { insert, query }
}

export async function benchDb(n = 5000): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-db-'))
  try {
    const raw = benchRaw(dir, n)
    const local = await benchLocal(join(dir, 'local'), n)
    const r = (x: number) => Math.round(x * 10) / 10
    return {
      n,
      'insert µs/op local (SDK)': r(local.insert),
      'insert µs/op raw libsql': r(raw.insert),
      'insert ratio': r(local.insert / raw.insert),
      'indexed query µs/op local (SDK)': r(local.query),
      'indexed query µs/op raw libsql': r(raw.query),
      'indexed query ratio': r(local.query / raw.query),
      'indexed query µs/op local (request class, no SDK)': r(local.queryBackend),
      'indexed query ratio (request class)': r(local.queryBackend / raw.query),
      target: 'ratio ≤ 3',
    }
  } finally {
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
