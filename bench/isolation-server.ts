/**
 * The gateway as `npm start` runs it (bundled functions, a database file in WAL mode), in a process of its own, for
 * bench/isolation.ts: the bench's own clients must not share the server's threads, or they would be measured too.
 * ISOLATION=inline runs every function on the gateway's thread (how `npm start` ran them before), for comparison.
 * Prints the URL on its first line of stdout; ends when its stdin does.
 */
import { startServer } from '../local/start'

startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir: process.env.BENCH_DATA_DIR || null,
  functions: 'bundle',
  h5Dir: null,
  timers: false,
  quiet: true,
  isolation: process.env.ISOLATION === 'inline' ? 'inline' : 'workers',
})
  .then((app) => {
    process.stdout.write(`${app.url}\n`)
    process.stdin.resume()
    process.stdin.on('end', () => app.close().then(() => process.exit(0)))
  })
  .catch((e) => {
    console.error(e)
    process.exit(1)
  })
