import type { Envelope, ErrorBody } from '../../types'
import type { SubmittedTicketView } from '../../types/tickets'

/**
 * The report outbox: a report that could not be sent for lack of network waits on the phone and is sent later, once.
 *
 * Once, because every report keeps the requestId its form was given (the function files one ticket per requestId),
 * because a report's sends never overlap (a second trigger joins the send in flight), and because a queued report is
 * removed the moment the function acknowledges it. Only a network failure waits for the next try; any other answer
 * (INPUT.INVALID, CONTENT.RISKY, …) is kept as failed and shown to the resident, who sends it again or cancels it:
 * retrying it by itself would fail forever.
 *
 * Pure: storage and network come in as `OutboxDeps`, so tests run it without timers, Taro or a real store.
 */

/** What the form sends: tickets.submit's input, plus the labels 我的报事 shows while the report waits. */
export interface ReportToSend {
  requestId: string
  placeCode: string
  /** "幸福社区 3栋 2单元" */
  placeLabel: string
  category: string
  categoryLabel: string
  text: string
  /** uploaded photos (`cloud://` fileIDs) and photos still only on the phone (local paths), in the order taken */
  photos: string[]
  anonymous: boolean
}

export interface QueuedReport extends ReportToSend {
  queuedAt: string
  /** waiting: sent by itself when the network is back; failed: answered with `error`, waits for the resident */
  status: 'waiting' | 'failed'
  error: ErrorBody | null
}

export type SendOutcome =
  | { kind: 'sent'; ticket: SubmittedTicketView }
  /** no network: kept (or left) in the outbox, to be sent by itself later */
  | { kind: 'queued' }
  /** answered with an error no retry fixes; `photos` are the report's photos with those uploaded meanwhile as fileIDs */
  | { kind: 'failed'; error: ErrorBody; photos: string[] }

/** Synchronous key-value storage (Taro's get/setStorageSync): each read-modify-write runs in one tick. */
export interface KeyValueStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  remove(key: string): void
}

export type UploadAnswer = { ok: true; fileID: string } | { ok: false; error: ErrorBody }

export interface OutboxDeps {
  store: KeyValueStore
  submit(input: {
    requestId: string
    placeCode: string
    category: string
    text: string
    photos: string[]
    anonymous: boolean
  }): Promise<Envelope<SubmittedTicketView>>
  /** uploads one photo kept on the phone; answers PHOTO_GONE when the phone no longer has it */
  upload(localPhoto: string): Promise<UploadAnswer>
  now?: () => Date
}

export type OutboxEvent = { requestId: string; outcome: SendOutcome } | { requestId: null }

/** api/index.ts's NETWORK_ERROR code: the request got no answer. */
export const NETWORK = 'NETWORK'
/** A photo kept on the phone that is no longer there (a temp file cleaned up, a browser tab reloaded). */
export const PHOTO_GONE: ErrorBody = { code: 'PHOTO.GONE', message: '照片已不在手机上' }
export const OUTBOX_KEY = 'outbox.reports'

export const isUploaded = (photo: string) => photo.startsWith('cloud://')

const isQueued = (x: unknown): x is QueuedReport => {
  const r = x as QueuedReport
  return (
    !!r &&
    typeof r.requestId === 'string' &&
    typeof r.placeCode === 'string' &&
    typeof r.category === 'string' &&
    typeof r.text === 'string' &&
    Array.isArray(r.photos) &&
    (r.status === 'waiting' || r.status === 'failed')
  )
}

export function createOutbox(deps: OutboxDeps) {
  const now = deps.now ?? (() => new Date())
  const inFlight = new Map<string, Promise<SendOutcome>>()
  const listeners = new Set<(e: OutboxEvent) => void>()
  let flushing: Promise<void> | null = null
  let again = false

  const read = (): QueuedReport[] => {
    const v = deps.store.get(OUTBOX_KEY)
    return Array.isArray(v) ? v.filter(isQueued) : []
  }
  const write = (list: QueuedReport[]) => (list.length ? deps.store.set(OUTBOX_KEY, list) : deps.store.remove(OUTBOX_KEY))
  const find = (requestId: string) => read().find((r) => r.requestId === requestId) ?? null
  const patch = (requestId: string, change: Partial<QueuedReport>) => {
    const list = read()
    const i = list.findIndex((r) => r.requestId === requestId)
    if (i < 0) return false
    list[i] = { ...list[i], ...change }
    write(list)
    return true
  }
  const drop = (requestId: string) => write(read().filter((r) => r.requestId !== requestId))
  const emit = (e: OutboxEvent) => listeners.forEach((l) => l(e))

  /** Uploads the photos still on the phone, then submits. Uploaded photos are recorded at once, never uploaded twice. */
  async function deliver(
    report: ReportToSend,
  ): Promise<{ kind: 'sent'; ticket: SubmittedTicketView } | { kind: 'network'; photos: string[] } | { kind: 'error'; error: ErrorBody; photos: string[] }> {
    const photos = [...report.photos]
    for (let i = 0; i < photos.length; i++) {
      if (isUploaded(photos[i])) continue
      const up = await deps.upload(photos[i])
      if (up.ok) photos[i] = up.fileID
      else if (up.error.code === PHOTO_GONE.code)
        photos.splice(i--, 1) // the report still goes, without that photo
      else if (up.error.code === NETWORK) return { kind: 'network', photos }
      else return { kind: 'error', error: up.error, photos }
      patch(report.requestId, { photos })
    }
    const { requestId, placeCode, category, text, anonymous } = report
    const res = await deps.submit({ requestId, placeCode, category, text, photos, anonymous })
    if (res.ok) return { kind: 'sent', ticket: res.data }
    return res.error.code === NETWORK ? { kind: 'network', photos } : { kind: 'error', error: res.error, photos }
  }

  /** One send of one report at a time: a second caller gets the send already in flight. */
  function sendOnce(report: ReportToSend): Promise<SendOutcome> {
    const running = inFlight.get(report.requestId)
    if (running) return running
    const run = (async (): Promise<SendOutcome> => {
      const r = await deliver(report)
      let outcome: SendOutcome
      if (r.kind === 'sent') {
        // acknowledged: gone from the phone before anything else can pick it up again
        drop(report.requestId)
        outcome = { kind: 'sent', ticket: r.ticket }
      } else if (r.kind === 'network') {
        const list = read()
        const queued: QueuedReport = {
          ...report,
          photos: r.photos,
          queuedAt: find(report.requestId)?.queuedAt ?? now().toISOString(),
          status: 'waiting',
          error: null,
        }
        write([...list.filter((x) => x.requestId !== report.requestId), queued])
        outcome = { kind: 'queued' }
      } else {
        // a queued report is kept for the resident to see; the form's own first send shows the error on the form
        patch(report.requestId, { photos: r.photos, status: 'failed', error: r.error })
        outcome = { kind: 'failed', error: r.error, photos: r.photos }
      }
      return outcome
    })().finally(() => inFlight.delete(report.requestId))
    inFlight.set(report.requestId, run)
    void run.then((outcome) => emit({ requestId: report.requestId, outcome }))
    return run
  }

  /** Sends every waiting report, one after another; stops at the first without network (the rest would fail too). */
  async function sendWaiting(): Promise<void> {
    const ids = read()
      .filter((r) => r.status === 'waiting')
      .map((r) => r.requestId)
    for (const id of ids) {
      // read again: it may have been sent, cancelled or answered meanwhile
      const r = find(id)
      if (!r || r.status !== 'waiting') continue
      if ((await sendOnce(r)).kind === 'queued') return
    }
  }

  return {
    /** The reports on the phone, oldest first. */
    list: read,
    /** Whether this report is being sent right now (it can no longer be cancelled). */
    sending: (requestId: string) => inFlight.has(requestId),
    /**
     * The form's send: on success the ticket; without network the report is queued (outcome `queued`); any other
     * error is answered and nothing is queued.
     */
    send: (report: ReportToSend) => sendOnce(report),
    /**
     * Sends what waits (the network is back, the app was opened). Triggers that fire together share one run; one
     * arriving during a run makes it look once more when done, so a report queued meanwhile is not left behind.
     */
    flush(): Promise<void> {
      if (flushing) {
        again = true
        return flushing
      }
      flushing = (async () => {
        try {
          do {
            again = false
            await sendWaiting()
          } while (again)
        } finally {
          flushing = null
        }
      })()
      return flushing
    },
    /** The resident sends a failed report again, as it is. */
    retry(requestId: string): Promise<SendOutcome> | null {
      const r = find(requestId)
      if (!r) return null
      if (r.status === 'failed') patch(requestId, { status: 'waiting', error: null })
      emit({ requestId: null })
      return sendOnce({ ...r })
    },
    /** Removes a report that was not sent. False while it is being sent: that send may already have filed it. */
    cancel(requestId: string): boolean {
      if (inFlight.has(requestId)) return false
      drop(requestId)
      emit({ requestId: null })
      return true
    },
    /** Told of every finished send and every change to the list; answers the unsubscribe. */
    subscribe(listener: (e: OutboxEvent) => void): () => void {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>
