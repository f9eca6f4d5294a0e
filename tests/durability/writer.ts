/**
 * Child process of durability.test.ts: opens the file-backed local database in DATA_DIR and adds documents through the
 * real SDK (for at most a minute), printing each `_id` only after `add` resolved (the write was acknowledged).
 */
import { db } from '../../cloudfunctions/_core/cloud'
import { useLocalCloudBase } from '../../local/cloud'

async function main() {
  useLocalCloudBase({ dataDir: process.env.DATA_DIR! })
  const coll = db().collection('conformance_docs')
  // bounded, so a writer whose test went away stops by itself
  const until = Date.now() + 60_000
  process.stdout.on('error', () => process.exit(0))
  for (let i = 0; i < 200_000 && Date.now() < until; i++) {
    const { id } = await coll.add({ i, g: 'durability', payload: 'x'.repeat(200), at: new Date() })
    process.stdout.write(`${id}\n`)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
