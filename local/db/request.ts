import type { LocalDatabase } from './database'

/** The shape @cloudbase/database instantiates as `new Db.reqClass(config)` and calls `.send(action, params, opts)` on. */
export interface DbRequestClass {
  new (config?: unknown): { send(action: string, params?: Record<string, unknown>, opts?: unknown): Promise<unknown> }
}

/**
 * A request class bound to one local database. @cloudbase/database builds every Query, DocumentReference, Aggregation
 * and Transaction with `new Db.reqClass(db.config)` and sends each operation through `send`; this one answers from the
 * embedded database instead of Tencent's HTTP API. It never touches the network.
 */
export function createRequestClass(database: LocalDatabase, listeners?: ReadonlySet<RequestListener>): DbRequestClass {
  return class LocalDbRequest {
    /** the SDK passes its config (env, credentials...); nothing in it is needed locally */
    constructor(readonly config?: unknown) {}

    send(action: string, params?: Record<string, unknown>): Promise<unknown> {
      if (listeners) for (const listen of listeners) listen(action, params ?? {})
      return database.handle(action, params ?? {})
    }
  }
}

/**
 * Told of every request the SDK sends through the request class, before it is answered. On CloudBase each one is a
 * network round trip, so tests count them to hold a page to a constant number.
 */
export type RequestListener = (action: string, params: Record<string, unknown>) => void
