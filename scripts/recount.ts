/**
 * npm run recount -- --community <id> | --street <id>
 * Recounts the dashboard counters from the tickets in the local database (DATA_DIR, default .data), repairs drift and
 * prints it. A scope with a ticket written in the last minute is skipped, not repaired.
 */
import path from 'path'
import { now } from '../cloudfunctions/_core/clock'
import { recount } from '../cloudfunctions/_core/workflows/recount'
import { useLocalCloudBase } from '../local/cloud'
import { seedDemo } from '../local/seed'
import { main } from './recount-cli'

async function run() {
  const cloud = useLocalCloudBase({ dataDir: path.resolve(process.env.DATA_DIR ?? '.data') })
  try {
    // a fresh clone has no database yet: the demo world is what `npm start` would open on
    await seedDemo()
    await main(process.argv.slice(2), { recount: (target) => recount(target, now()) })
  } finally {
    cloud.close()
  }
}

run().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
