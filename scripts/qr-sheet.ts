/**
 * npm run qr -- --community <id> [--out file.pdf] [--prefix URL]
 * Prints the stairwell QR sheet of a community from the local database (DATA_DIR, default .data).
 */
import path from 'path'
import { buildingsOf, findCommunity, findStreet, unitsOfCommunity } from '../cloudfunctions/_core/repos/places'
import { useLocalCloudBase } from '../local/cloud'
import { seedDemo } from '../local/seed'
import { main } from './qr-sheet-cli'

async function run() {
  const cloud = useLocalCloudBase({ dataDir: path.resolve(process.env.DATA_DIR ?? '.data') })
  try {
    // a fresh clone has no database yet: the demo world is what `npm start` would open on
    await seedDemo()
    await main(process.argv.slice(2), {
      async loadUnits(communityId: string) {
        const community = await findCommunity(communityId)
        if (!community) throw new Error(`没有找到社区 ${communityId}`)
        const [buildings, units, street] = await Promise.all([buildingsOf(communityId), unitsOfCommunity(communityId), findStreet(community.streetId)])
        const names = new Map(buildings.map((b) => [b._id, b.name]))
        return {
          communityName: community.name,
          streetName: street?.name,
          units: units.map((u) => ({ buildingName: names.get(u.buildingId) ?? '', unitName: u.name, code: u.code })),
        }
      },
    })
  } finally {
    cloud.close()
  }
}

run().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
