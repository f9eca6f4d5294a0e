/**
 * The report outbox on its own: storage is a Map, the network a script of answers, and nothing waits on a timer —
 * each "trigger" is a direct flush() call, as the network-back and app-shown events make them.
 */
import type { Envelope, ErrorBody } from '../../types'
import type { SubmittedTicketView } from '../../types/tickets'
import { OUTBOX_KEY, PHOTO_GONE, createOutbox, type KeyValueStore, type OutboxDeps, type ReportToSend, type UploadAnswer } from '../../src/lib/outbox'
import { rid } from '../support/requestIds'
import { buildSubmitted } from './support/tickets'

const NETWORK: ErrorBody = { code: 'NETWORK', message: '网络不太好，请稍后重试' }
type SubmitInput = Parameters<OutboxDeps['submit']>[0]

function memoryStore(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>()
  return {
    data,
    // a copy, as real storage serialises: nobody can change what is stored by holding on to it
    get: (k) => (data.has(k) ? JSON.parse(JSON.stringify(data.get(k))) : ''),
    set: (k, v) => void data.set(k, JSON.parse(JSON.stringify(v))),
    remove: (k) => void data.delete(k),
  }
}

/** A network that is down until `online` is set; every submit is recorded. */
function fakeNetwork() {
  const net = {
    online: false,
    submits: [] as SubmitInput[],
    uploads: [] as string[],
    /** the answer an online submit gets (default: the ticket filed) */
    answer: (input: SubmitInput): Envelope<SubmittedTicketView> => ({ ok: true, data: buildSubmitted({ id: `t-${input.requestId}`, photos: input.photos }) }),
    uploadAnswer: (photo: string): UploadAnswer => ({ ok: true, fileID: `cloud://env/uploads/me/${photo.replace(/\W/g, '')}.jpg` }),
    async submit(input: SubmitInput): Promise<Envelope<SubmittedTicketView>> {
      net.submits.push(input)
      await Promise.resolve()
      return net.online ? net.answer(input) : { ok: false, error: NETWORK }
    },
    async upload(photo: string): Promise<UploadAnswer> {
      net.uploads.push(photo)
      await Promise.resolve()
      return net.online ? net.uploadAnswer(photo) : { ok: false, error: NETWORK }
    },
  }
  return net
}

const report = (over: Partial<ReportToSend> = {}): ReportToSend => ({
  requestId: rid('outbox'),
  placeCode: 'AB12CD34',
  placeLabel: '幸福社区 3栋 2单元',
  category: 'repair',
  categoryLabel: '设施报修',
  text: '楼道灯不亮',
  photos: [],
  anonymous: false,
  ...over,
})

function setup() {
  const store = memoryStore()
  const net = fakeNetwork()
  const outbox = createOutbox({ store, submit: net.submit, upload: net.upload, now: () => new Date('2026-11-22T02:00:00.000Z') })
  return { store, net, outbox }
}

describe('report outbox', () => {
  it('when a send finds no network, then the report is queued with its request id, and sent with the same id once the network is back', async () => {
    const { net, outbox } = setup()
    const r = report()

    expect(await outbox.send(r)).toEqual({ kind: 'queued' })
    expect(outbox.list()).toEqual([{ ...r, queuedAt: '2026-11-22T02:00:00.000Z', status: 'waiting', error: null }])

    net.online = true
    await outbox.flush()

    expect(net.submits.map((s) => s.requestId)).toEqual([r.requestId, r.requestId])
    expect(outbox.list()).toEqual([])
  })

  it('when the network comes back and the app is opened at the same moment, then each queued report is submitted exactly once', async () => {
    const { net, outbox } = setup()
    const a = report()
    const b = report({ category: 'noise', categoryLabel: '噪音扰民' })
    await outbox.send(a)
    await outbox.send(b)
    net.submits.length = 0

    net.online = true
    // the two triggers: Taro.onNetworkStatusChange / `online`, and app.tsx's useDidShow
    await Promise.all([outbox.flush(), outbox.flush()])

    expect(net.submits.map((s) => s.requestId).sort()).toEqual([a.requestId, b.requestId].sort())
    expect(outbox.list()).toEqual([])
  })

  it('when the form resends a queued report while a flush is sending it, then the two share one submit', async () => {
    const { net, outbox } = setup()
    const r = report()
    await outbox.send(r)
    net.submits.length = 0
    net.online = true

    const [byFlush, byForm] = await Promise.all([outbox.flush(), outbox.send(r)])

    expect(byFlush).toBeUndefined()
    expect(byForm.kind).toBe('sent')
    expect(net.submits).toHaveLength(1)
  })

  it('when the function acknowledges a queued report, then it is gone from storage before anyone hears of it', async () => {
    const { store, net, outbox } = setup()
    const r = report()
    await outbox.send(r)
    net.online = true
    const storedWhenTold: unknown[] = []
    outbox.subscribe((e) => {
      if (e.requestId === r.requestId) storedWhenTold.push(store.get(OUTBOX_KEY))
    })

    await outbox.flush()

    // told once, and by then nothing is left that a later trigger could send again
    expect(storedWhenTold).toEqual([''])
    await outbox.flush()
    expect(net.submits.filter((s) => s.requestId === r.requestId)).toHaveLength(2)
  })

  it('when a queued report is answered INPUT.INVALID, then it is kept as failed with the message and no later trigger sends it again', async () => {
    const { net, outbox } = setup()
    const r = report()
    await outbox.send(r)
    net.online = true
    const invalid: ErrorBody = { code: 'INPUT.INVALID', message: '输入有误', issues: [{ path: 'text', message: '描述不能超过500个字' }] }
    net.answer = () => ({ ok: false, error: invalid })

    await outbox.flush()
    await outbox.flush()
    await outbox.flush()

    expect(net.submits).toHaveLength(2)
    expect(outbox.list()).toMatchObject([{ requestId: r.requestId, status: 'failed', error: invalid }])

    // the resident sends it again by hand, with the same id
    net.answer = (input) => ({ ok: true, data: buildSubmitted({ id: `t-${input.requestId}` }) })
    expect((await outbox.retry(r.requestId))?.kind).toBe('sent')
    expect(net.submits.map((s) => s.requestId)).toEqual([r.requestId, r.requestId, r.requestId])
    expect(outbox.list()).toEqual([])
  })

  it('when the form itself is answered with an error other than the network, then nothing is queued and the error comes back', async () => {
    const { net, outbox } = setup()
    net.online = true
    net.answer = () => ({ ok: false, error: { code: 'CONTENT.RISKY', message: '内容含有不适宜公开的信息，请修改后再提交' } })

    const outcome = await outbox.send(report())

    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'CONTENT.RISKY' } })
    expect(outbox.list()).toEqual([])
  })

  it('when photos were taken without network, then they are uploaded first once it is back, and none is uploaded twice', async () => {
    const { net, outbox } = setup()
    const r = report({ photos: ['cloud://env/uploads/me/already.jpg', 'wxfile://store_a.jpg', 'wxfile://store_b.jpg'] })

    // offline: the first local photo fails to upload, so nothing is submitted
    expect(await outbox.send(r)).toEqual({ kind: 'queued' })
    expect(net.submits).toEqual([])

    // the network is back long enough for the uploads, and drops again before the submit
    net.online = true
    net.uploadAnswer = (photo) => {
      if (photo === 'wxfile://store_b.jpg') net.online = false
      return { ok: true, fileID: `cloud://env/uploads/me/${photo.slice(-5)}` }
    }
    await outbox.flush()
    expect(outbox.list()[0].photos).toEqual(['cloud://env/uploads/me/already.jpg', 'cloud://env/uploads/me/a.jpg', 'cloud://env/uploads/me/b.jpg'])
    expect(outbox.list()[0].status).toBe('waiting')

    net.online = true
    await outbox.flush()
    expect(net.uploads).toEqual(['wxfile://store_a.jpg', 'wxfile://store_a.jpg', 'wxfile://store_b.jpg'])
    expect(net.submits.at(-1)?.photos).toEqual(['cloud://env/uploads/me/already.jpg', 'cloud://env/uploads/me/a.jpg', 'cloud://env/uploads/me/b.jpg'])
    expect(outbox.list()).toEqual([])
  })

  it('when a photo kept on the phone is no longer there, then the report goes without it', async () => {
    const { net, outbox } = setup()
    net.online = true
    net.uploadAnswer = () => ({ ok: false, error: PHOTO_GONE })

    const outcome = await outbox.send(report({ photos: ['local-photo:1', 'cloud://env/uploads/me/kept.jpg'] }))

    expect(outcome.kind).toBe('sent')
    expect(net.submits[0].photos).toEqual(['cloud://env/uploads/me/kept.jpg'])
  })

  it('when the resident cancels a waiting report, then it is removed and never sent; while it is being sent, the cancel is refused', async () => {
    const { net, outbox } = setup()
    const a = report()
    const b = report()
    await outbox.send(a)
    await outbox.send(b)

    expect(outbox.cancel(a.requestId)).toBe(true)
    net.online = true
    const sending = outbox.flush()
    // b is in flight now: it may already be filed, so it cannot be called back
    expect(outbox.sending(b.requestId)).toBe(true)
    expect(outbox.cancel(b.requestId)).toBe(false)
    await sending

    expect(net.submits.filter((s) => s.requestId === a.requestId)).toHaveLength(1)
    expect(outbox.list()).toEqual([])
  })

  it('when the network is still down, then a flush stops at the first report instead of trying every one', async () => {
    const { net, outbox } = setup()
    await outbox.send(report())
    await outbox.send(report())
    net.submits.length = 0

    await outbox.flush()

    expect(net.submits).toHaveLength(1)
    expect(outbox.list()).toHaveLength(2)
  })

  it('when storage holds something unreadable, then the outbox is empty rather than broken', async () => {
    const { store, net, outbox } = setup()
    store.set(OUTBOX_KEY, [{ requestId: 42 }, 'junk'])
    net.online = true
    await outbox.flush()
    expect(outbox.list()).toEqual([])
    expect(net.submits).toEqual([])
  })
})
