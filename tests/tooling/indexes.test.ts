import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { applyPlan, planIndexes, readIndexesFile, type DatabaseLike } from '../../scripts/create-indexes'
import { REPO_ROOT } from '../../scripts/functions'

jest.setTimeout(60_000)

const sample = {
  collections: {
    plain: [],
    votes: [
      { name: 'voter_unique', keys: { proposalId: 1, voterId: 1 }, unique: true },
      { name: 'recent', keys: { createdAt: -1 } },
    ],
    places: [{ name: 'geo', keys: { location: '2dsphere' } }],
  },
}

it('plans each collection before its indexes, keeping key order, direction and uniqueness', () => {
  expect(planIndexes(sample)).toEqual([
    { op: 'createCollectionIfNotExists', collection: 'plain' },
    { op: 'createCollectionIfNotExists', collection: 'votes' },
    {
      op: 'createIndex',
      collection: 'votes',
      index: {
        IndexName: 'voter_unique',
        MgoKeySchema: {
          MgoIndexKeys: [
            { Name: 'proposalId', Direction: '1' },
            { Name: 'voterId', Direction: '1' },
          ],
          MgoIsUnique: true,
        },
      },
    },
    {
      op: 'createIndex',
      collection: 'votes',
      index: { IndexName: 'recent', MgoKeySchema: { MgoIndexKeys: [{ Name: 'createdAt', Direction: '-1' }], MgoIsUnique: false } },
    },
    { op: 'createCollectionIfNotExists', collection: 'places' },
    {
      op: 'createIndex',
      collection: 'places',
      index: { IndexName: 'geo', MgoKeySchema: { MgoIndexKeys: [{ Name: 'location', Direction: '2dsphere' }], MgoIsUnique: false } },
    },
  ])
})

it("plans every collection and index declared in the project's indexes.json", () => {
  const file = readIndexesFile() as { collections: Record<string, { name: string }[]> }
  const ops = planIndexes(file)
  const collections = Object.keys(file.collections)
  expect(ops.filter((o) => o.op === 'createCollectionIfNotExists').map((o) => o.collection)).toEqual(collections)
  const declared = collections.flatMap((c) => file.collections[c].map((i) => `${c}.${i.name}`))
  expect(ops.flatMap((o) => (o.op === 'createIndex' ? [`${o.collection}.${o.index.IndexName}`] : []))).toEqual(declared)
})

it('rejects a malformed index file: duplicate index name, unknown direction, empty keys', () => {
  expect(() =>
    planIndexes({
      collections: {
        a: [
          { name: 'x', keys: { f: 1 } },
          { name: 'x', keys: { g: 1 } },
        ],
      },
    }),
  ).toThrow(/declared twice/)
  expect(() => planIndexes({ collections: { a: [{ name: 'x', keys: { f: 2 } }] } })).toThrow(/invalid indexes.json/)
  expect(() => planIndexes({ collections: { a: [{ name: 'x', keys: {} }] } })).toThrow(/at least one key/)
  expect(() => planIndexes({})).toThrow(/invalid indexes.json/)
})

it('applies only what is missing and reports a same-named index with another definition without touching it', async () => {
  const calls: string[] = []
  const db: DatabaseLike = {
    async createCollectionIfNotExists(name) {
      calls.push(`create ${name}`)
      return { IsCreated: name !== 'votes' }
    },
    async describeCollection(name) {
      calls.push(`describe ${name}`)
      if (name !== 'votes') return { Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }] }] }
      return {
        Indexes: [
          {
            Name: 'voter_unique',
            Keys: [
              { Name: 'proposalId', Direction: '1' },
              { Name: 'voterId', Direction: '1' },
            ],
            Unique: true,
          },
          { Name: 'recent', Keys: [{ Name: 'createdAt', Direction: '1' }], Unique: false },
        ],
      }
    },
    async updateCollection(name, info) {
      calls.push(`index ${name}.${info.CreateIndexes.map((i) => i.IndexName).join(',')}`)
    },
  }
  const report = await applyPlan(planIndexes(sample), db)
  expect(calls).toEqual(['create plain', 'create votes', 'describe votes', 'create places', 'describe places', 'index places.geo'])
  expect(report).toEqual({
    createdCollections: ['plain', 'places'],
    createdIndexes: ['places.geo'],
    existingIndexes: ['votes.voter_unique'],
    conflicts: [expect.stringContaining('votes.recent')],
  })
})

it('`npm run indexes -- --dry-run` prints the plan with no credentials and no network', () => {
  const env = { ...process.env }
  for (const k of ['ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'TENCENTCLOUD_SESSIONTOKEN']) delete env[k]
  // an unreachable proxy: any attempt to reach Tencent's API would fail instead of hanging or succeeding
  env.HTTPS_PROXY = env.HTTP_PROXY = 'http://127.0.0.1:9'
  const r = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/create-indexes.ts', '--dry-run'], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
  })
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  const file = readIndexesFile() as { collections: Record<string, unknown[]> }
  const n = Object.keys(file.collections).length
  const m = Object.values(file.collections).reduce((s, c) => s + c.length, 0)
  expect(r.stdout).toContain(`plan (dry run, no network): ${n} collections, ${m} indexes`)
  for (const c of Object.keys(file.collections)) expect(r.stdout).toContain(`collection ${c}: create if missing`)
})

it('refuses to run for real without credentials', () => {
  const env = { ...process.env }
  for (const k of ['ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY']) delete env[k]
  const r = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/create-indexes.ts'], { cwd: REPO_ROOT, env, encoding: 'utf8' })
  expect(r.status).toBe(2)
  expect(r.stderr).toMatch(/ENV_ID/)
})
