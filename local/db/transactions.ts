import { randomBytes } from 'crypto'
import type { Collection, Row } from './collection'
import { cloneDoc, decodeStored, type Doc } from './ejson'
import { transactionConflict, transactionNotExist } from './errors'
import { idKey } from './query'

/**
 * Transactions with MongoDB's (hence CloudBase's) semantics, for one process:
 *
 * - Snapshot isolation: a transaction reads the committed state as of its start. Writes committed later by others are
 *   hidden by keeping their pre-images ("history") for as long as an older transaction is active.
 * - Write locks: the first write of a transaction to a document locks it. A second transaction writing it, or writing a
 *   document someone committed after its snapshot, gets DATABASE_TRANSACTION_CONFLICT and is aborted on the spot (the
 *   SDK's runTransaction then retries without calling rollback, exactly as against CloudBase).
 * - Writes are buffered and applied in one SQLite transaction at commit.
 * - Writes outside transactions wait for a document's lock to be released (as MongoDB makes them wait), and leave
 *   pre-images behind while transactions are active so those keep their snapshot.
 *
 * Nothing here costs anything while no transaction is active: every hook returns at once when `active` is empty.
 */

/**
 * Abandoned transactions are aborted and their locks released: CloudBase's limit, "transaction must be commit or abort
 * in 30 seconds" (its TransactionNotExist text), shorter than MongoDB's default 60.
 */
const LIFETIME_MS = 30_000
/** How long a plain write waits for a transaction's lock before failing. */
const LOCK_WAIT_MS = 5_000

export interface TxWrite {
  coll: Collection
  id: unknown
  /** the document after the transaction's writes; null = removed */
  doc: Doc | null
}

interface Tx {
  id: string
  start: number
  writes: Map<string, TxWrite>
  timer: ReturnType<typeof setTimeout>
}

export const docKey = (coll: Collection, id: unknown) => `${coll.name}\u0000${idKey(id)}`

export class Transactions {
  private seq = 0
  private readonly active = new Map<string, Tx>()
  private readonly locks = new Map<string, string>()
  /** seq of the last committed write per document key, kept only while transactions are active */
  private readonly lastWrite = new Map<string, number>()
  /** pre-images: the committed row a write at `seq` replaced (undefined = the document did not exist) */
  private readonly history = new Map<string, { seq: number; before: Row | undefined }[]>()
  private waiters: (() => void)[] = []

  begin(): string {
    const id = randomBytes(12).toString('hex')
    const timer = setTimeout(() => this.end(id), LIFETIME_MS)
    timer.unref?.()
    this.active.set(id, { id, start: this.seq, writes: new Map(), timer })
    return id
  }

  get(txId: string): Tx {
    const tx = this.active.get(txId)
    if (!tx) throw transactionNotExist() // committed, aborted or expired
    return tx
  }

  /** The document as this transaction sees it: its own writes, else the committed state at its snapshot. */
  read(tx: Tx, coll: Collection, id: unknown): Doc | null {
    const key = docKey(coll, id)
    const own = tx.writes.get(key)
    if (own) return own.doc && cloneDoc(own.doc)
    const lw = this.lastWrite.get(key)
    let row: Row | undefined
    if (lw !== undefined && lw > tx.start) {
      row = this.history.get(key)!.find((h) => h.seq > tx.start)!.before
    } else {
      row = coll.getById(id)
    }
    return row ? decodeStored(row.text, row.special) : null
  }

  /** Takes the write lock of a document for `tx`, or aborts `tx` and throws DATABASE_TRANSACTION_CONFLICT. */
  lock(tx: Tx, coll: Collection, id: unknown): void {
    const key = docKey(coll, id)
    const holder = this.locks.get(key)
    if ((holder !== undefined && holder !== tx.id) || (this.lastWrite.get(key) ?? -1) > tx.start) {
      this.end(tx.id)
      throw transactionConflict()
    }
    this.locks.set(key, tx.id)
  }

  buffer(tx: Tx, write: TxWrite): void {
    tx.writes.set(docKey(write.coll, write.id), write)
  }

  /**
   * Applies the buffered writes through `apply` (which must run them in one SQLite transaction and return the rows they
   * replaced), then publishes them. Any error aborts the transaction.
   */
  commit(txId: string, apply: (writes: TxWrite[]) => Map<string, Row | undefined>): void {
    const tx = this.get(txId)
    try {
      const before = apply([...tx.writes.values()])
      for (const [key, row] of before) this.noteWrite(key, row)
    } finally {
      this.end(txId)
    }
  }

  abort(txId: string): void {
    this.end(txId)
  }

  // Hooks for writes outside transactions -----------------------------------------------------------------------

  /** True when some transaction holds one of these documents' locks: the caller must `waitForLocks` and retry. */
  anyLocked(keys: string[]): boolean {
    if (this.locks.size === 0) return false
    return keys.some((k) => this.locks.has(k))
  }

  /** Resolves when some transaction ends; rejects with a conflict once `deadline` has passed. */
  async waitForLocks(deadline: number): Promise<void> {
    const left = deadline - Date.now()
    if (left <= 0) throw transactionConflict()
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, left)
      this.waiters.push(() => {
        clearTimeout(t)
        resolve()
      })
    })
  }

  lockDeadline(): number {
    return Date.now() + LOCK_WAIT_MS
  }

  /** Records that the document `key` was committed, replacing `before`, so active snapshots keep seeing `before`. */
  noteWrite(key: string, before: Row | undefined): void {
    if (this.active.size === 0) return
    const seq = ++this.seq
    this.lastWrite.set(key, seq)
    let h = this.history.get(key)
    if (!h) this.history.set(key, (h = []))
    h.push({ seq, before })
  }

  get activeCount(): number {
    return this.active.size
  }

  /** Drops every transaction (for reset/close). */
  clear(): void {
    for (const id of [...this.active.keys()]) this.end(id)
  }

  private end(txId: string): void {
    const tx = this.active.get(txId)
    if (!tx) return
    clearTimeout(tx.timer)
    this.active.delete(txId)
    for (const [key, holder] of this.locks) if (holder === txId) this.locks.delete(key)
    if (this.active.size === 0) {
      this.lastWrite.clear()
      this.history.clear()
    } else {
      // pre-images older than every remaining snapshot can no longer be read
      const oldest = Math.min(...[...this.active.values()].map((t) => t.start))
      for (const [key, h] of this.history) {
        const keep = h.filter((x) => x.seq > oldest)
        if (keep.length) this.history.set(key, keep)
        else {
          this.history.delete(key)
          this.lastWrite.delete(key)
        }
      }
    }
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }
}
