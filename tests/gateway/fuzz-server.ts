/**
 * The gateway as `npm start` runs it (functions from source, in-memory database), in a process of its own, so the
 * fuzz test can tell "answered badly" from "the process died". Timeouts are short so slow senders are cut off quickly.
 * Prints the URL on its first line of stdout.
 */
import { startServer } from '../../local/start'

startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir: null,
  functions: 'source',
  h5Dir: null,
  timers: false,
  quiet: true,
  limits: { headersTimeoutMs: 400, requestTimeoutMs: 800, maxConnections: 64 },
})
  .then((app) => {
    process.stdout.write(`${app.url}\n`)
    // the test holds our stdin: when it ends (the test run is over or died), so do we
    process.stdin.resume()
    process.stdin.on('end', () => process.exit(0))
  })
  .catch((e) => {
    console.error(e)
    process.exit(1)
  })
