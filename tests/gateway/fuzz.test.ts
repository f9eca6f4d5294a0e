import { spawn, type ChildProcess } from 'child_process'
import net from 'net'
import path from 'path'

/**
 * Raw HTTP written straight to a TCP socket, against the gateway in its own process (tests/gateway/fuzz-server.ts,
 * short timeouts): whatever arrives — broken request lines, percent-encoding, headers, methods, bodies, slow or huge
 * senders, crowds — is answered with a 4xx envelope or the connection is closed, and the process lives on.
 */

jest.setTimeout(90_000)

const ROOT = path.resolve(__dirname, '../..')
const SERVER = path.join(__dirname, 'fuzz-server.ts')

interface Outcome {
  status: number | null
  body: string
  /** how the exchange ended: a whole response read, the server closed or reset, or nothing happened in time */
  end: 'answered' | 'closed' | 'reset' | 'refused' | 'timeout'
}

const tally = { sent: 0, answered: 0, closed: 0, deaths: 0 }

let child: ChildProcess | null = null
let port = 0
let deathLog = ''

async function launch(): Promise<void> {
  const proc = spawn(process.execPath, ['--import', 'tsx', SERVER], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
  child = proc
  let err = ''
  proc.stderr!.on('data', (c: Buffer) => (err += c.toString()))
  proc.on('exit', (code, signal) => {
    if (child !== proc) return
    tally.deaths++
    deathLog += `gateway process exited (${code ?? signal}):\n${err.slice(-2000)}\n`
    child = null
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const line = /^(http:\/\/\S+)\n/.exec(out)
      if (line) resolve(line[1])
    })
    proc.once('exit', () => reject(new Error(`fuzz server did not start:\n${err}`)))
  })
  port = Number(new URL(url).port)
}

const alive = () => child !== null && child.exitCode === null && child.signalCode === null

/** One connection: `send` writes (and may trickle, end or destroy); the outcome is what came back and how it ended. */
function exchange(send: (socket: net.Socket) => void | Promise<void>, waitMs = 5000): Promise<Outcome> {
  tally.sent++
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    let data = Buffer.alloc(0)
    let settled = false
    const finish = (end: Outcome['end']) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      const head = /^HTTP\/1\.[01] (\d{3})/.exec(data.toString('latin1'))
      const split = data.indexOf('\r\n\r\n')
      const body = split < 0 ? Buffer.alloc(0) : data.subarray(split + 4)
      const chunked = split >= 0 && /\r\ntransfer-encoding: *chunked/i.test(data.subarray(0, split).toString('latin1'))
      resolve({ status: head ? Number(head[1]) : null, body: (chunked ? dechunk(body) : body).toString('utf8'), end })
    }
    const timer = setTimeout(() => finish('timeout'), waitMs)
    socket.on('data', (c: Buffer) => {
      data = Buffer.concat([data, c])
      // a whole response read: done, whether or not the server keeps the connection open
      const split = data.indexOf('\r\n\r\n')
      if (split < 0) return
      const length = /\r\ncontent-length: *(\d+)/i.exec(data.subarray(0, split).toString('latin1'))
      if (length && data.length - split - 4 >= Number(length[1])) finish('answered')
      else if (/\r\ntransfer-encoding: *chunked/i.test(data.subarray(0, split).toString('latin1')) && data.subarray(-5).toString() === '0\r\n\r\n')
        finish('answered')
    })
    socket.on('end', () => finish('closed'))
    socket.on('close', () => finish('closed'))
    socket.on('error', (e: NodeJS.ErrnoException) => finish(e.code === 'ECONNREFUSED' ? 'refused' : 'reset'))
    socket.on('connect', () => {
      Promise.resolve(send(socket)).catch(() => {})
    })
  })
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const eol = body.indexOf('\r\n', at)
    const size = eol < 0 ? 0 : parseInt(body.subarray(at, eol).toString('latin1'), 16)
    if (!size) return Buffer.concat(parts)
    parts.push(body.subarray(eol + 2, eol + 2 + size))
    at = eol + 2 + size + 2
  }
}

const write =
  (raw: string | Buffer, then: 'wait' | 'end' = 'wait') =>
  (s: net.Socket) => {
    s.write(typeof raw === 'string' ? Buffer.from(raw, 'latin1') : raw)
    if (then === 'end') s.end()
  }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const HAN = /[\u4e00-\u9fff]/

/** A 4xx with the envelope and a Chinese message, or a connection the server closed: never a 2xx/5xx, a hang or a death. */
function survived(o: Outcome): boolean {
  if (o.end === 'timeout' || o.end === 'refused') return false
  if (o.status === null) {
    tally.closed++
    return true
  }
  if (o.status < 400 || o.status > 499) return false
  try {
    const body = JSON.parse(o.body) as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
    const ok = body.ok === false && typeof body.error?.code === 'string' && typeof body.error.message === 'string' && HAN.test(body.error.message)
    if (ok) tally.answered++
    return ok
  } catch {
    return false
  }
}

/** Runs every exchange (a few at a time) and answers those that did not survive, with what they were. */
async function fuzz(cases: { name: string; send: (s: net.Socket) => void | Promise<void>; waitMs?: number }[], parallel = 8) {
  const bad: { name: string; outcome: Outcome }[] = []
  for (let i = 0; i < cases.length; i += parallel) {
    const batch = cases.slice(i, i + parallel)
    const outcomes = await Promise.all(batch.map((c) => exchange(c.send, c.waitMs)))
    outcomes.forEach((outcome, j) => {
      if (!survived(outcome)) bad.push({ name: batch[j].name, outcome: { ...outcome, body: outcome.body.slice(0, 200) } })
    })
  }
  return bad
}

const request = (method: string, target: string, headers: string[] = [], body = '') =>
  `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${[...headers, 'Connection: close'].map((h) => `${h}\r\n`).join('')}\r\n${body}`

/** Deterministic garbage: the same bytes every run. */
function garbage(seed: number, length: number): Buffer {
  let s = seed
  const out = Buffer.alloc(length)
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff
    out[i] = s >> 16
  }
  return out
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

describe('the gateway under malformed and hostile requests', () => {
  beforeAll(launch, 60_000)
  // a test that killed the process fails; the next one gets a fresh process, so each crash is told apart
  beforeEach(async () => {
    deathLog = ''
    if (!alive()) await launch()
  }, 60_000)
  afterAll(() => {
    child?.stdin?.end()
    child?.kill()
    console.log(
      `gateway fuzz: ${tally.sent} raw requests sent, ${tally.answered + tally.closed} survived (${tally.answered} answered with a 4xx envelope, ${tally.closed} closed), ${tally.deaths} process deaths`,
    )
  })
  afterEach(async () => {
    // a death takes a moment to be reported: give it the time, so it is blamed on the test that caused it
    await sleep(150)
    expect({ alive: alive(), deathLog }).toEqual({ alive: true, deathLog: '' })
  })

  it('when a path carries malformed percent-encoding, then 400 answers on every route and method', async () => {
    const broken = ['%', '%E0%A4%A', '%zz', '%C0%AF', '%FF', '%ED%A0%80', '%%', '%0', '%E0%A4', '%F4%90%80%80', 'a%', '%u2215']
    const prefixes = ['/', '/api', '/api/', '/api/users', '/api/upload', '/api/dev/clock', '/files/', '/files/private/', '/s/']
    const cases = prefixes.flatMap((p) =>
      broken.flatMap((b) =>
        ['GET', 'POST'].map((m) => ({ name: `${m} ${p}${b}`, send: write(request(m, `${p}${b}`, ['x-dev-openid: dev-staff', 'Content-Length: 2'], '{}')) })),
      ),
    )
    expect(await fuzz(cases)).toEqual([])
    const one = await exchange(write(request('GET', '/%E0%A4%A')))
    expect(survived(one)).toBe(true)
    expect(one.status).toBe(400)
    expect(JSON.parse(one.body)).toMatchObject({ ok: false, error: { code: 'HTTP.BAD_REQUEST' } })
  })

  it('when the request line is malformed, then 400 answers or the connection closes', async () => {
    const lines = [
      'GET\r\n\r\n',
      '\r\n\r\n',
      'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
      'GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n',
      ' / HTTP/1.1\r\nHost: x\r\n\r\n',
      '/ HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /api HTTP/1.1\nHost: x\n\n',
      'GET /\x7f HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /api\tx HTTP/1.1\r\nHost: x\r\n\r\n',
      'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
      '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03',
      request('GET', '//'),
      request('POST', '//', [], ''),
      request('GET', '//['),
      request('GET', 'http://[::1'),
      request('GET', 'http://'),
      request('GET', '//:99999/'),
      request('GET', 'http://a:b@/api'),
      request('GET', `/${'a'.repeat(100_000)}`),
      request('GET', `/api/${'%'.repeat(10_000)}`),
    ]
    const cases = [
      ...lines.map((l, i) => ({ name: `line ${i}: ${JSON.stringify(l.slice(0, 40))}`, send: write(l) })),
      ...lines.map((l, i) => ({ name: `line ${i}, then FIN`, send: write(l, 'end') })),
      ...Array.from({ length: 40 }, (_, i) => ({ name: `garbage ${i}`, send: write(Buffer.concat([garbage(i + 1, 64 + i * 37), Buffer.from('\r\n\r\n')])) })),
    ]
    expect(await fuzz(cases)).toEqual([])
  })

  it('when the method is unknown or not allowed on the path, then 400 or 405 answers', async () => {
    const unknown = ['FOO', 'get', 'G ET', 'BREW', 'GETT', '\x7fGET', 'POST\x00']
    const notAllowed = ['DELETE', 'PUT', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'PURGE', 'SEARCH', 'LINK']
    const targets = ['/', '/api', '/api/users', '/api/upload', '/files/private/x.csv', '/s/ABCD2345']
    const cases = [
      ...unknown.flatMap((m) => targets.map((t) => ({ name: `${m} ${t}`, send: write(request(m, t)) }))),
      ...notAllowed.flatMap((m) => targets.map((t) => ({ name: `${m} ${t}`, send: write(request(m, t)) }))),
      { name: 'GET /api/users', send: write(request('GET', '/api/users')) },
      { name: 'POST /api', send: write(request('POST', '/api', ['Content-Length: 2'], '{}')) },
      { name: 'CONNECT', send: write('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n') },
    ]
    expect(await fuzz(cases)).toEqual([])
    const put = await exchange(write(request('PUT', '/api/users')))
    expect(survived(put)).toBe(true)
    expect(put.status).toBe(405)
    expect(JSON.parse(put.body)).toMatchObject({ ok: false, error: { code: 'HTTP.METHOD_NOT_ALLOWED' } })
  })

  it('when headers are malformed, huge or contradictory, then 4xx answers', async () => {
    const post = (headers: string[], body = '') => `POST /api/users HTTP/1.1\r\nHost: x\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n${body}`
    const headerSets: string[][] = [
      [`X-Big: ${'a'.repeat(20_000)}`],
      Array.from({ length: 3000 }, (_, i) => `X-${i}: ${i}`),
      ['Bad Header: x'],
      ['NoColon'],
      ['X: a\x00b'],
      ['X: a', ' folded'],
      [': empty-name'],
      ['Content-Length: -1'],
      ['Content-Length: abc'],
      ['Content-Length: 1, 2'],
      ['Content-Length: 5', 'Content-Length: 6'],
      ['Content-Length: 99999999999999999999'],
      ['Content-Length: 10', 'Transfer-Encoding: chunked'],
      ['Transfer-Encoding: gzip'],
      ['Transfer-Encoding: chunked, identity'],
      ['Transfer-Encoding: chunked'],
    ]
    const cases = [
      ...headerSets.map((h, i) => ({
        name: `headers ${i}: ${h[0].slice(0, 30)}`,
        send: write(post(h, i === headerSets.length - 1 ? 'zz\r\n{}\r\n0\r\n\r\n' : '{}')),
      })),
      { name: 'no Host', send: write('GET /api HTTP/1.1\r\nConnection: close\r\n\r\n') },
      { name: 'two Hosts', send: write('GET /api/%zz HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n') },
      { name: 'upgrade', send: write(request('GET', '/api/%zz', ['Upgrade: websocket', 'Connection: Upgrade'])) },
    ]
    expect(await fuzz(cases)).toEqual([])
  })

  it('when the dev identity header is not a well-formed id, then 400 answers and nothing is called or stored', async () => {
    const ids = ['../../outside', '..', '.', 'a/b', 'a\\b', 'dev-staff..x', 'dev staff', 'x'.repeat(65), '%2e%2e', '\xe9', '/etc/passwd', 'a;b']
    const cases = ids.flatMap((id) => [
      { name: `users ${JSON.stringify(id)}`, send: write(request('POST', '/api/users', [`x-dev-openid: ${id}`, 'Content-Length: 15'], '{"action":"me"}')) },
      {
        name: `upload ${JSON.stringify(id)}`,
        send: (s: net.Socket) => {
          s.write(Buffer.from(request('POST', '/api/upload', [`x-dev-openid: ${id}`, 'Content-Type: image/png', `Content-Length: ${PNG.length}`]), 'latin1'))
          s.write(PNG)
        },
      },
    ])
    expect(await fuzz(cases)).toEqual([])
    const outside = await exchange((s) => {
      s.write(request('POST', '/api/upload', ['x-dev-openid: ..', `Content-Length: ${PNG.length}`]))
      s.write(PNG)
    })
    expect(survived(outside)).toBe(true)
    expect(outside.status).toBe(400)
    expect(JSON.parse(outside.body)).toMatchObject({ ok: false, error: { code: 'AUTH.DEV_IDENTITY_INVALID' } })
  })

  it('when the body is not JSON, nested without end, or larger than 6 MB, then 400 or 413 answers', async () => {
    const call =
      (body: string | Buffer, extra: string[] = []) =>
      (s: net.Socket) => {
        const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
        s.write(
          `POST /api/users HTTP/1.1\r\nHost: x\r\nx-dev-openid: dev-staff\r\nContent-Length: ${bytes.length}\r\n${extra.map((h) => `${h}\r\n`).join('')}\r\n`,
        )
        s.write(bytes)
      }
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n)
    const deepObject = (n: number) => `{"action":"me","data":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`
    const seven = Buffer.alloc(7 * 1024 * 1024, 0x20)
    const cases = [
      ...['{oops', '[', '{"action":', '"', 'nul', '{"a":1}}', '\ufeff{}', 'NaN', '{"action":"me",}'].map((b) => ({ name: `body ${b}`, send: call(b) })),
      { name: 'body latin1 garbage', send: call(garbage(7, 300)) },
      { name: 'nested arrays 100000', send: call(deep(100_000)) },
      { name: 'nested arrays 1000', send: call(deep(1000)) },
      { name: 'nested objects 5000', send: call(deepObject(5000)) },
      { name: '7 MB declared', send: call(seven), waitMs: 15_000 },
      {
        name: '7 MB chunked',
        send: (s: net.Socket) => {
          s.write('POST /api/users HTTP/1.1\r\nHost: x\r\nx-dev-openid: dev-staff\r\nTransfer-Encoding: chunked\r\n\r\n')
          for (let i = 0; i < 7; i++) s.write(Buffer.concat([Buffer.from('100000\r\n'), seven.subarray(0, 1024 * 1024), Buffer.from('\r\n')]))
          s.write('0\r\n\r\n')
        },
        waitMs: 15_000,
      },
      { name: '7 MB declared, nothing sent', send: write('POST /api/users HTTP/1.1\r\nHost: x\r\nContent-Length: 7340032\r\n\r\n') },
      {
        name: '11 MB upload declared',
        send: write(`POST /api/upload HTTP/1.1\r\nHost: x\r\nx-dev-openid: dev-staff\r\nContent-Length: ${11 * 1024 * 1024}\r\n\r\n`),
      },
    ]
    expect(await fuzz(cases, 4)).toEqual([])
    const big = await exchange(call(seven), 15_000)
    expect(survived(big)).toBe(true)
    expect(big.status).toBe(413)
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'HTTP.TOO_LARGE' } })
    const nested = await exchange(call(deep(100_000)))
    expect(survived(nested)).toBe(true)
    expect(nested.status).toBe(400)
  })

  it('when a body is cut short or the client goes away mid-body, then the server closes or answers 4xx and stays up', async () => {
    const head = (length: number | 'chunked') =>
      `POST /api/users HTTP/1.1\r\nHost: x\r\nx-dev-openid: dev-staff\r\n${length === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${length}`}\r\n\r\n`
    const cases = [
      ...Array.from({ length: 10 }, (_, i) => ({ name: `truncated then FIN ${i}`, send: write(head(100 + i) + '{"action":', 'end') })),
      ...Array.from({ length: 10 }, (_, i) => ({
        name: `truncated chunked then FIN ${i}`,
        send: write(head('chunked') + `${(5 + i).toString(16)}\r\nab`, 'end'),
      })),
      ...Array.from({ length: 10 }, (_, i) => ({
        name: `aborted mid-body ${i}`,
        send: async (s: net.Socket) => {
          s.write(head(1000) + '{"action":"me"')
          await sleep(20 + i * 5)
          s.resetAndDestroy()
        },
      })),
      ...Array.from({ length: 5 }, (_, i) => ({
        name: `aborted mid-upload ${i}`,
        send: async (s: net.Socket) => {
          s.write(`POST /api/upload HTTP/1.1\r\nHost: x\r\nx-dev-openid: dev-staff\r\nContent-Length: 100000\r\n\r\n`)
          s.write(PNG)
          await sleep(20)
          s.destroy()
        },
      })),
    ]
    expect(await fuzz(cases)).toEqual([])
  })

  it('when senders trickle headers or a body (slowloris), then the server cuts them off with 408 in about its timeouts', async () => {
    const trickle = (first: string, byte: string) => async (s: net.Socket) => {
      s.write(first)
      for (let i = 0; i < 60 && !s.destroyed; i++) {
        await sleep(100)
        if (!s.destroyed) s.write(byte)
      }
    }
    const cases = [
      ...Array.from({ length: 10 }, (_, i) => ({ name: `slow headers ${i}`, send: trickle('GET /api HTTP/1.1\r\nHost: x\r\nX-Slow: ', 'a'), waitMs: 4000 })),
      ...Array.from({ length: 10 }, (_, i) => ({
        name: `slow body ${i}`,
        send: trickle('POST /api/users HTTP/1.1\r\nHost: x\r\nx-dev-openid: dev-staff\r\nContent-Length: 1000\r\n\r\n', ' '),
        waitMs: 4000,
      })),
      ...Array.from({ length: 5 }, (_, i) => ({ name: `silent ${i}`, send: () => {}, waitMs: 4000 })),
      ...Array.from({ length: 5 }, (_, i) => ({ name: `half a request line ${i}`, send: write('GET /ap'), waitMs: 4000 })),
    ]
    expect(await fuzz(cases, 30)).toEqual([])
    const slow = await exchange(trickle('GET /api HTTP/1.1\r\nHost: x\r\nX-Slow: ', 'a'), 4000)
    expect(survived(slow)).toBe(true)
    expect(slow.status).toBe(408)
    expect(JSON.parse(slow.body)).toMatchObject({ ok: false, error: { code: 'HTTP.TIMEOUT' } })
  })

  it('when hundreds of connections arrive at once, then each is answered or closed and the server stays up', async () => {
    const cases = Array.from({ length: 300 }, (_, i) => ({
      name: `crowd ${i}`,
      send: write(request(i % 2 ? 'GET' : 'DELETE', `/api/users%${i % 3 ? 'zz' : 'E0%A4%A'}`)),
      waitMs: 10_000,
    }))
    expect(await fuzz(cases, 300)).toEqual([])
  })

  it('when the fuzz is over, then hundreds of requests were sent and survived and GET /api still describes every function', async () => {
    expect(tally.sent).toBeGreaterThanOrEqual(800)
    expect(tally.answered + tally.closed).toBe(tally.sent)
    expect(tally.deaths).toBe(0)
    const res = await fetch(`http://127.0.0.1:${port}/api`)
    expect(res.status).toBe(200)
    expect(Object.keys((await res.json()) as object)).toEqual(expect.arrayContaining(['users', 'tickets', 'qrcodes']))
  })
})
