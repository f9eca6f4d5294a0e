/**
 * Creates every collection declared in cloudfunctions/indexes.json that is missing in a CloudBase environment, and
 * every declared index that does not exist yet (by name). Existing indexes are never dropped or changed; one that
 * exists under the same name with different keys or uniqueness is reported, and the run exits 1.
 *
 *   ENV_ID=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… [TENCENTCLOUD_SESSIONTOKEN=…] npm run indexes
 *   npm run indexes -- --dry-run      print the plan, no network, no credentials needed
 *
 * Uses @cloudbase/manager-node (DatabaseService): createCollectionIfNotExists, describeCollection, updateCollection
 * with { CreateIndexes: [{ IndexName, MgoKeySchema: { MgoIndexKeys: [{ Name, Direction }], MgoIsUnique } }] }.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { FUNCTIONS_DIR } from './functions'

export const INDEXES_PATH = path.join(FUNCTIONS_DIR, 'indexes.json')

const Direction = z.union([z.literal(1), z.literal(-1), z.literal('2dsphere')])
const IndexSpec = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'letters, digits and "_"'),
  keys: z.record(z.string().min(1), Direction).refine((k) => Object.keys(k).length > 0, 'at least one key'),
  unique: z.boolean().optional(),
})
export const IndexesFileSchema = z.object({
  $comment: z.string().optional(),
  collections: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/), z.array(IndexSpec).max(100, 'CloudBase allows 100 indexes per collection'))
    .refine((c) => Object.keys(c).length <= 100, 'CloudBase allows 100 collections per environment'),
})
export type IndexesFile = z.output<typeof IndexesFileSchema>

export interface MgoCreateIndex {
  IndexName: string
  MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean }
}

export type Operation = { op: 'createCollectionIfNotExists'; collection: string } | { op: 'createIndex'; collection: string; index: MgoCreateIndex }

/** Pure: the declared collections and indexes → the operations, in file order (collection first, then its indexes). */
export function planIndexes(file: unknown): Operation[] {
  const parsed = IndexesFileSchema.safeParse(file)
  if (!parsed.success) {
    throw new Error('invalid indexes.json\n' + parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n'))
  }
  const ops: Operation[] = []
  for (const [collection, indexes] of Object.entries(parsed.data.collections)) {
    const names = indexes.map((i) => i.name)
    const dup = names.find((n, i) => names.indexOf(n) !== i)
    if (dup) throw new Error(`invalid indexes.json: index "${dup}" declared twice on ${collection}`)
    if (names.includes('_id_')) throw new Error(`invalid indexes.json: "_id_" is CloudBase's own index (${collection})`)
    ops.push({ op: 'createCollectionIfNotExists', collection })
    for (const idx of indexes) {
      ops.push({
        op: 'createIndex',
        collection,
        index: {
          IndexName: idx.name,
          MgoKeySchema: {
            MgoIndexKeys: Object.entries(idx.keys).map(([Name, d]) => ({ Name, Direction: String(d) })),
            MgoIsUnique: idx.unique === true,
          },
        },
      })
    }
  }
  return ops
}

export function describeOperation(o: Operation): string {
  if (o.op === 'createCollectionIfNotExists') return `collection ${o.collection}: create if missing`
  const keys = o.index.MgoKeySchema.MgoIndexKeys.map((k) => `${k.Name}:${k.Direction}`).join(', ')
  return `  index ${o.collection}.${o.index.IndexName} { ${keys} }${o.index.MgoKeySchema.MgoIsUnique ? ' UNIQUE' : ''}`
}

export function readIndexesFile(file: string = INDEXES_PATH): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

/** Minimal shape of the manager-node DatabaseService we use (so tests can pass a fake). */
export interface DatabaseLike {
  createCollectionIfNotExists(name: string): Promise<{ IsCreated: boolean }>
  describeCollection(name: string): Promise<{
    Indexes?: { Name: string; Keys?: { Name?: string; Direction?: string }[]; Unique?: boolean }[]
  }>
  updateCollection(name: string, info: { CreateIndexes: MgoCreateIndex[] }): Promise<unknown>
}

export interface ApplyReport {
  createdCollections: string[]
  createdIndexes: string[]
  existingIndexes: string[]
  /** same name, different definition: needs a person (drop + recreate in the console) */
  conflicts: string[]
}

export async function applyPlan(ops: Operation[], db: DatabaseLike, log: (l: string) => void = () => {}): Promise<ApplyReport> {
  const report: ApplyReport = { createdCollections: [], createdIndexes: [], existingIndexes: [], conflicts: [] }
  const existing = new Map<string, NonNullable<Awaited<ReturnType<DatabaseLike['describeCollection']>>['Indexes']>>()
  for (const o of ops) {
    if (o.op === 'createCollectionIfNotExists') {
      const r = await db.createCollectionIfNotExists(o.collection)
      if (r.IsCreated) report.createdCollections.push(o.collection)
      log(`collection ${o.collection}: ${r.IsCreated ? 'created' : 'exists'}`)
      continue
    }
    if (!existing.has(o.collection)) existing.set(o.collection, (await db.describeCollection(o.collection)).Indexes ?? [])
    const id = `${o.collection}.${o.index.IndexName}`
    const found = existing.get(o.collection)!.find((i) => i.Name === o.index.IndexName)
    if (found) {
      const want = JSON.stringify(o.index.MgoKeySchema.MgoIndexKeys.map((k) => [k.Name, k.Direction]))
      const have = JSON.stringify((found.Keys ?? []).map((k) => [k.Name, String(k.Direction)]))
      if (want !== have || Boolean(found.Unique) !== o.index.MgoKeySchema.MgoIsUnique) {
        report.conflicts.push(`${id}: exists as ${have}${found.Unique ? ' unique' : ''}, declared ${want}${o.index.MgoKeySchema.MgoIsUnique ? ' unique' : ''}`)
        log(`  index ${id}: CONFLICT (exists with another definition; not changed)`)
      } else {
        report.existingIndexes.push(id)
        log(`  index ${id}: exists`)
      }
      continue
    }
    await db.updateCollection(o.collection, { CreateIndexes: [o.index] })
    report.createdIndexes.push(id)
    log(`  index ${id}: created`)
  }
  return report
}

async function main() {
  const args = process.argv.slice(2)
  const fileArg = args.find((a) => a.startsWith('--file='))?.slice(7)
  const ops = planIndexes(readIndexesFile(fileArg ?? INDEXES_PATH))
  const collections = ops.filter((o) => o.op === 'createCollectionIfNotExists').length
  if (args.includes('--dry-run')) {
    console.log(`plan (dry run, no network): ${collections} collections, ${ops.length - collections} indexes`)
    for (const o of ops) console.log(describeOperation(o))
    return
  }
  const envId = process.env.ENV_ID
  const secretId = process.env.TENCENTCLOUD_SECRETID
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY
  if (!envId || !secretId || !secretKey) {
    console.error('set ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (or pass --dry-run)')
    process.exit(2)
  }
  const { default: CloudBase } = await import('@cloudbase/manager-node')
  const manager = new CloudBase({ envId, secretId, secretKey, token: process.env.TENCENTCLOUD_SESSIONTOKEN || undefined })
  const report = await applyPlan(ops, manager.database as unknown as DatabaseLike, (l) => console.log(l))
  console.log(
    `${envId}: ${report.createdCollections.length} collections created, ${report.createdIndexes.length} indexes created, ` +
      `${report.existingIndexes.length} already there, ${report.conflicts.length} conflicts`,
  )
  if (report.conflicts.length) {
    for (const c of report.conflicts) console.error(`conflict: ${c}`)
    process.exit(1)
  }
}

// (cast: Taro's global typings replace `require`'s type)
if ((require as unknown as NodeJS.Require).main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  })
}
